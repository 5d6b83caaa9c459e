/**
 * Proof of the deployed code: the bundles `cdk synth` produces are imported and driven with real
 * event shapes (Function URL v2 requests, the Scheduler's target Input) against DynamoDB Local and
 * the local Scheduler endpoint, with the environment the stack gives each function.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { synthBundles, type BundledFunction } from './bundles.ts';
import { functionUrlEvent, serveFunctionUrl, startFakeSecretsManager } from '../support/function-url.ts';
import { startLocalScheduler } from '../../functions/local/scheduler/index.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';
import { expectResponseMatches } from '../support/openapi.ts';
import { card, cardMethod } from '../support/cards.ts';

type LambdaHandler = (event: unknown, context?: unknown) => Promise<{ statusCode?: number; body?: string; headers?: Record<string, string> } & Record<string, unknown>>;

const ACCOUNT = '111122223333';
const REGION = 'ap-northeast-2';
const SEED_SECRET = `seed${randomUUID().replaceAll('-', '')}`;
const cleanups: (() => Promise<unknown>)[] = [];
let api: LambdaHandler;
let timers: LambdaHandler;
let scheduler: Awaited<ReturnType<typeof startLocalScheduler>>;
let apiUrl: string;

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

beforeAll(async () => {
  const bundles = synthBundles();
  const tableName = `lambda-${randomUUID()}`;
  const dynamoEndpoint = inject('dynamoEndpoint');
  await ensureTable(new DynamoDBClient({ endpoint: dynamoEndpoint, region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), tableName);
  const secretsManager = await startFakeSecretsManager({ 'arn:seed': SEED_SECRET, 'arn:signing': 'a-signing-key-of-at-least-16-chars' });
  cleanups.push(secretsManager.close);
  scheduler = await startLocalScheduler({
    port: 0,
    autoFire: false,
    region: REGION,
    accountId: ACCOUNT,
    // The Scheduler invokes the timers function with the schedule's Input as the event.
    invoke: async (target) => {
      await timers(JSON.parse(target.Input ?? '{}'));
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
  Object.assign(process.env, resolveEnvironment(bundles.Timers, resolved), resolveEnvironment(bundles.Api, resolved), {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: scheduler.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
  });
  api = ((await import(bundles.Api.bundle)) as { handler: LambdaHandler }).handler;
  timers = ((await import(bundles.Timers.bundle)) as { handler: LambdaHandler }).handler;
  const served = await serveFunctionUrl(api as never);
  cleanups.push(served.close);
  apiUrl = served.url;
}, 180_000);

afterAll(async () => {
  for (const close of cleanups.reverse()) await close().catch(() => undefined);
});

describe('bundled api function (Function URL v2 events)', () => {
  it('answers /health', async () => {
    const res = await api(functionUrlEvent({ method: 'GET', path: '/health' }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 'ok' });
  });

  it('seeds the store from the deploy-time secret and gives the official SDK PAYMENT_NOT_FOUND', async () => {
    const sdk = PaymentClient({ secret: SEED_SECRET, baseUrl: apiUrl });
    const err = await sdk.getPayment({ paymentId: 'unknown-payment' }).then(
      () => undefined,
      (e: { data: unknown }) => e.data,
    );
    expect(err).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
    expectResponseMatches('get', '/payments/{paymentId}', 404, err);
  });

  it('refuses a wrong secret with a PortOne-style 401 from the raw event', async () => {
    const res = await api(functionUrlEvent({ method: 'GET', path: '/payments/x', headers: { authorization: 'PortOne wrong' } }));
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body!)).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('runs a payment through the bundle: PAID, one auto-cancel schedule arriving at the Scheduler', async () => {
    const sdk = PaymentClient({ secret: SEED_SECRET, baseUrl: apiUrl });
    const paymentId = `lambda-${randomUUID()}`;
    await sdk.payInstantly({ paymentId, channelKey: 'channel-key-test-inicis-v2', orderName: 'lambda', amount: { total: 5_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
    const payment = (await sdk.getPayment({ paymentId })) as { status: string };
    expect(payment.status).toBe('PAID');
    const schedule = scheduler.list().find((s) => JSON.parse(s.target.Input ?? '{}').storeId === 'store-sandbox');
    expect(schedule).toMatchObject({ groupName: process.env.SCHEDULE_GROUP_NAME, actionAfterCompletion: 'DELETE' });
    expect(schedule!.target.Arn).toBe(process.env.TIMERS_FUNCTION_ARN);
    expect(schedule!.target.RoleArn).toBe(process.env.SCHEDULER_ROLE_ARN);
  });
});

describe('bundled timers function (Scheduler target invocations)', () => {
  it("voids the payment from the schedule's own Input; a second delivery changes nothing", async () => {
    const sdk = PaymentClient({ secret: SEED_SECRET, baseUrl: apiUrl });
    const paymentId = `void-${randomUUID()}`;
    await sdk.payInstantly({ paymentId, channelKey: 'channel-key-test-nice-v2', orderName: 'void', amount: { total: 7_000 }, currency: 'KRW', method: cardMethod(card('HYUNDAI_CARD')) });
    const schedule = scheduler.list().find((s) => s.description?.includes(paymentId));
    expect(schedule).toBeDefined();
    const input = JSON.parse(schedule!.target.Input!);
    const first = await timers(input);
    expect(first).toMatchObject({ result: 'fired', kind: 'pg-void', paymentId });
    const second = await timers(input);
    expect(second).toMatchObject({ result: 'skipped' });

    const view = await fetch(`${apiUrl}/sandbox/payments/${paymentId}`, { headers: { authorization: `PortOne ${SEED_SECRET}` } });
    const body = (await view.json()) as { portone: { status: string }; pg: { status: string } };
    expect(body.portone.status).toBe('PAID');
    expect(body.pg.status).toBe('VOIDED_BY_BATCH');
  });

  it('drops an event that is not a timer input instead of retrying it forever', async () => {
    expect(await timers({ hello: 'world' })).toEqual({ result: 'ignored' });
  });
});
