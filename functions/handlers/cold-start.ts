import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadConfig, type Config, type ConfigNeeds } from '../config.ts';

/**
 * Secrets generated at deploy (Secrets Manager) are read once per cold start, never placed in the
 * template, outputs or logs. Locally neither ARN is set and the environment is used as it is.
 */
export async function loadLambdaConfig(
  needs: ConfigNeeds = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ config: Config; seedApiSecret?: string }> {
  const client = env.SESSION_SIGNING_KEY_SECRET_ARN || env.SEED_API_SECRET_ARN ? new SecretsManagerClient({}) : undefined;
  const read = async (arn: string | undefined) => {
    if (!arn || !client) return undefined;
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    return out.SecretString;
  };
  const [signingKey, seedApiSecret] = await Promise.all([read(env.SESSION_SIGNING_KEY_SECRET_ARN), read(env.SEED_API_SECRET_ARN)]);
  const config = loadConfig(signingKey ? { ...env, SESSION_SIGNING_KEY: signingKey } : env, needs);
  return { config, seedApiSecret };
}
