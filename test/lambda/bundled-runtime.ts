import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Context } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { synthBundles, type BundledFunction, type FunctionName } from './bundles.ts';
import { serveFunctionUrl, startFakeSecretsManager } from '../support/function-url.ts';
import { lambdaContext } from '../support/lambda-context.ts';
import { startLocalScheduler } from '../../functions/local/scheduler/index.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';

type LambdaResult = { statusCode?: number; body?: string; headers?: Record<string, string> } & Record<string, unknown>;
export type LambdaHandler = (event: unknown, context: Context) => Promise<LambdaResult>;
/** One invocation as the Lambda runtime makes it: the event plus a fresh context (new request id). */
export type Invoke = (event: unknown) => Promise<LambdaResult>;
export const invoker = (handler: LambdaHandler, functionName: string): Invoke => (event) => handler(event, lambdaContext(functionName));

export const ACCOUNT = '111122223333';
export const REGION = 'ap-northeast-2';

export interface BundledRuntime {
  /** The bundled api function behind a loopback Function URL emulator. */
  apiUrl: string;
  api: Invoke;
  timers: Invoke;
  /** The seed function, as the deploy-time trigger invokes it (an empty event); it has run once. */
  seed: Invoke;
  /** The stand-in Secrets Manager: the secret ids read so far, and a switch that refuses reads. */
  secretsManager: { reads: string[]; refusing: boolean };
  tableName: string;
  scheduler: Awaited<ReturnType<typeof startLocalScheduler>>;
  /** Where each bundle is, for a second module instance of it. */
  bundles: Record<FunctionName, BundledFunction>;
  /** The seeded store's API secret, as generated into Secrets Manager at deploy. */
  seedSecret: string;
  close(): Promise<void>;
}

/** Stack environment with CloudFormation expressions replaced by what they resolve to here. */
function resolveEnvironment(fn: BundledFunction, resolved: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(fn.environment)) {
    if (typeof value === 'string') env[key] = value;
    else if (key in resolved) env[key] = resolved[key]!;
    else throw new Error(`no local value for ${key} = ${JSON.stringify(value)}`);
  }
  return env;
}

/**
 * The deployed code, run here: the api and timers bundles `cdk synth` produces, with the
 * environment the stack gives them, against DynamoDB Local, the local Scheduler endpoint (which
 * invokes the timers bundle with each schedule's Input) and a stand-in Secrets Manager; the seed
 * bundle has seeded the store first, as the deploy-time trigger does.
 */
export async function startBundledRuntime(): Promise<BundledRuntime> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const bundles = synthBundles();
  const tableName = `lambda-${randomUUID()}`;
  const seedSecret = `seed${randomUUID().replaceAll('-', '')}`;
  const dynamoEndpoint = inject('dynamoEndpoint');
  await ensureTable(new DynamoDBClient({ endpoint: dynamoEndpoint, region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), tableName);
  const secretsManager = await startFakeSecretsManager({ 'arn:seed': seedSecret, 'arn:signing': 'a-signing-key-of-at-least-16-chars' });
  cleanups.push(secretsManager.close);
  let timers: Invoke | undefined;
  const scheduler = await startLocalScheduler({
    port: 0,
    autoFire: false,
    region: REGION,
    accountId: ACCOUNT,
    // The Scheduler invokes the timers function with the schedule's Input as the event.
    invoke: async (target) => {
      await timers!(JSON.parse(target.Input ?? '{}'));
    },
  });
  cleanups.push(scheduler.close);

  const resolved = {
    TABLE_NAME: tableName,
    SCHEDULER_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/PgSandbox-lambdatest-scheduler`,
    TIMERS_FUNCTION_ARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:PgSandbox-lambdatest-timers`,
    SCHEDULER_DLQ_ARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:scheduler-dlq`,
    SESSION_SIGNING_KEY_SECRET_ARN: 'arn:signing',
    SEED_API_SECRET_ARN: 'arn:seed',
  };
  // One process plays every function, so the environments must agree where they overlap.
  Object.assign(process.env, resolveEnvironment(bundles.Timers, resolved), resolveEnvironment(bundles.Seed, resolved), resolveEnvironment(bundles.Api, resolved), {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: scheduler.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
  });
  // As a deploy does: the trigger runs the seed function before anyone calls the api.
  const seed = invoker(((await import(bundles.Seed.bundle)) as { handler: LambdaHandler }).handler, 'seed');
  await seed({});
  const apiHandler = ((await import(bundles.Api.bundle)) as { handler: LambdaHandler }).handler;
  timers = invoker(((await import(bundles.Timers.bundle)) as { handler: LambdaHandler }).handler, 'timers');
  const served = await serveFunctionUrl(apiHandler as never);
  cleanups.push(served.close);
  return {
    apiUrl: served.url,
    api: invoker(apiHandler, 'api'),
    timers,
    seed,
    secretsManager: secretsManager.state,
    tableName,
    scheduler,
    bundles,
    seedSecret,
    close: async () => {
      for (const close of cleanups.reverse()) await close().catch(() => undefined);
    },
  };
}
