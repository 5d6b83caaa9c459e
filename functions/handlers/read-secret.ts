import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let client: SecretsManagerClient | undefined;

/**
 * The value of a secret Secrets Manager generated at deploy: secrets never appear in the template,
 * outputs or logs, so functions get the ARN and read the value when they first need it.
 */
export async function readSecret(arn: string): Promise<string> {
  client ??= new SecretsManagerClient({});
  const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`pg-sandbox: the secret ${arn} holds no string`);
  return out.SecretString;
}
