/**
 * Proof of the deployed code: the bundles `cdk synth` produces are imported and driven with real
 * event shapes (Function URL v2 requests, the Scheduler's target Input) against DynamoDB Local and
 * the local Scheduler endpoint, with the environment the stack gives each function.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { functionUrlEvent } from '../support/function-url.ts';
import { REGION, invoker, startBundledRuntime, type BundledRuntime, type Invoke, type LambdaHandler } from './bundled-runtime.ts';
import { lambdaContext } from '../support/lambda-context.ts';
import { captureLogLines, importLogging } from './logs.ts';
import { expectResponseMatches } from '../support/openapi.ts';
import { card, cardMethod } from '../support/cards.ts';

let runtime: BundledRuntime;
let api: Invoke;
let timers: Invoke;
let scheduler: BundledRuntime['scheduler'];
let apiUrl: string;
let SEED_SECRET: string;

beforeAll(async () => {
  runtime = await startBundledRuntime();
  ({ api, timers, scheduler, apiUrl, seedSecret: SEED_SECRET } = runtime);
}, 180_000);

afterAll(() => runtime?.close());

/** Every item of the table, in key order. */
async function tableItems(): Promise<unknown[]> {
  const db = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const items = (await db.send(new ScanCommand({ TableName: runtime.tableName, ConsistentRead: true }))).Items ?? [];
  const key = (i: Record<string, { S?: string }>) => `${i.pk?.S} ${i.sk?.S}`;
  return items.sort((a, b) => key(a as never).localeCompare(key(b as never)));
}

describe('bundled seed function (run by the deploy-time trigger)', () => {
  it('has seeded the store, its deploy-time secret and one test channel per PG; a second run changes nothing', async () => {
    const seeded = await tableItems();
    expect(seeded.length).toBeGreaterThan(10);
    const again = await runtime.seed({});
    expect(again).toMatchObject({ storeId: 'store-sandbox', channels: expect.any(Number) });
    expect((again as unknown as { channels: number }).channels).toBeGreaterThan(10);
    expect(await tableItems()).toEqual(seeded);
  });
});

describe('bundled api function: the session signing key, read on first use', () => {
  const apiInstance = async (tag: string) => invoker(((await import(`${runtime.bundles.Api.bundle}?${tag}`)) as { handler: LambdaHandler }).handler, 'api');

  it('a cold start and a PortOne API request read no secret (the seed secret was read by the seed function only)', async () => {
    expect(runtime.secretsManager.reads).toEqual(['arn:seed', 'arn:seed']);
    const cold = await apiInstance('cold-portone');
    const getPayment = functionUrlEvent({ method: 'GET', path: '/payments/unknown-payment', headers: { authorization: `PortOne ${SEED_SECRET}` } });
    expect((await cold(getPayment)).statusCode).toBe(404);
    expect(runtime.secretsManager.reads).toEqual(['arn:seed', 'arn:seed']);
  });

  it('the first console or checkout request reads the key; a failed read answers 503 UNAVAILABLE and is not remembered', async () => {
    const before = runtime.secretsManager.reads.length;
    const cold = await apiInstance('cold-console');
    const login = functionUrlEvent({ method: 'GET', path: '/console/login' });
    runtime.secretsManager.refusing = true;
    try {
      const refused = await cold(login);
      expect(refused.statusCode).toBe(503);
      expect(JSON.parse(refused.body!)).toMatchObject({ type: 'UNAVAILABLE' });
    } finally {
      runtime.secretsManager.refusing = false;
    }
    expect((await cold(login)).statusCode).toBe(200);
    expect((await cold(functionUrlEvent({ method: 'GET', path: '/sdk.js' }))).statusCode).toBe(200);
    expect((await cold(login)).statusCode).toBe(200);
    // One refused read, one that succeeded; the key is read once and kept.
    expect(runtime.secretsManager.reads.slice(before)).toEqual(['arn:signing', 'arn:signing']);
  });
});

describe('bundled api function (Function URL v2 events)', () => {
  it('answers /health', async () => {
    const res = await api(functionUrlEvent({ method: 'GET', path: '/health' }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 'ok' });
  });

  it('serves the store seeded at deploy with its deploy-time secret, and gives the official SDK PAYMENT_NOT_FOUND', async () => {
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

describe('log lines of the bundled functions', () => {
  it.each([
    ['api', 'Api', functionUrlEvent({ method: 'GET', path: '/health' }), 'request'],
    ['timers', 'Timers', { hello: 'world' }, 'timers: ignoring an event that is not a timer input'],
  ] as const)('%s: every line names the invocation request id and whether it was a cold start', async (name, fn, event, message) => {
    const handler = (await importLogging<{ handler: LambdaHandler }>(runtime.bundles[fn].bundle, 'logs')).handler;
    const first = lambdaContext(name);
    const second = lambdaContext(name);
    const cold = await captureLogLines(() => handler(event, first));
    const warm = await captureLogLines(() => handler(event, second));
    expect(cold.lines.map((l) => l.message)).toContain(message);
    expect(warm.lines.map((l) => l.message)).toContain(message);
    for (const line of cold.lines) expect(line).toMatchObject({ function_request_id: first.awsRequestId, cold_start: true, function_name: first.functionName });
    for (const line of warm.lines) expect(line).toMatchObject({ function_request_id: second.awsRequestId, cold_start: false, function_name: second.functionName });
  });
});

/** The sources of every file of a function's asset: its index.mjs and the chunks it splits into. */
function bundledSources(bundle: string): string[] {
  const dir = dirname(bundle);
  const maps = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs.map'));
  return maps.flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { sources: string[] }).sources);
}

describe('bundle contents', () => {
  it("leave out zod's locales but English (functions/zod.ts sets that one; zod is imported as a namespace, so unused exports are not bundled)", () => {
    for (const fn of Object.values(runtime.bundles)) {
      const sources = bundledSources(fn.bundle);
      expect(sources.some((s) => s.includes('functions/handlers/'))).toBe(true); // the map lists the bundled files
      expect(sources.filter((s) => /zod\/v4\/locales\/(?!en\.js$)/.test(s))).toEqual([]);
    }
  });

  it('leave zod out of every function but the api (only it parses requests; config and chaos settings are checked by hand)', () => {
    for (const [name, fn] of Object.entries(runtime.bundles)) {
      const sources = bundledSources(fn.bundle);
      const zod = sources.filter((s) => s.includes('node_modules/zod/'));
      if (name === 'Api') expect(zod.length).toBeGreaterThan(0);
      else expect(zod, name).toEqual([]);
    }
  });

  it("build the api's schemas with zod/mini, not classic zod (whose every schema carries its methods as closures: docs/benchmarks.md)", () => {
    const classic = bundledSources(runtime.bundles.Api.bundle).filter((s) => s.includes('node_modules/zod/v4/classic/'));
    expect(classic).toEqual([]);
  });
});
