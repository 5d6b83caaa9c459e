/**
 * The bundled webhook-dispatch function, fed DynamoDB stream batches built from the outbox items
 * that the bundled api function really wrote. With the stack's environment a loopback receiver is
 * refused (on Lambda loopback is the runtime API); a second instance of the same bundle with
 * ALLOW_LOOPBACK_WEBHOOKS=true delivers for real, and the official SDK verifies the signature.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxInsert, streamRecord } from '../support/stream-handler.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PaymentClient } from '@portone/server-sdk';
import { synthBundles } from './bundles.ts';
import { serveFunctionUrl } from '../support/function-url.ts';
import { lambdaContext } from '../support/lambda-context.ts';
import { captureLogLines, importLogging } from './logs.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { startLocalScheduler } from '../../functions/local/scheduler/index.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.ts';
import { DynamoDbRepository } from '../../functions/adapters/dynamodb/repository.ts';
import { createStore } from '../../functions/stores/create-store.ts';
import { createChannel } from '../../functions/stores/channels.ts';
import { generateWebhookSecret } from '../../functions/webhooks/signing.ts';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import type { Services } from '../../functions/services.ts';
import { card, cardMethod } from '../support/cards.ts';

type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
const REGION = 'ap-northeast-2';
const ACCOUNT = '111122223333';
const cleanups: (() => Promise<unknown>)[] = [];
let repo: DynamoDbRepository;
let receiver: WebhookReceiver;
let apiUrl: string;
let bundle: string;
let stackHandler: StreamHandler;
let loopbackHandler: StreamHandler;
// As the Lambda runtime invokes the function: a fresh context per batch.
const stackDispatch = (event: DynamoDBStreamEvent) => stackHandler(event, lambdaContext('webhook-dispatch'));
const loopbackDispatch = (event: DynamoDBStreamEvent) => loopbackHandler(event, lambdaContext('webhook-dispatch'));
let storeId: string;
let apiSecret: string;
let channelKey: string;
const webhookSecret = generateWebhookSecret();

beforeAll(async () => {
  const bundles = synthBundles();
  const tableName = `dispatch-${randomUUID()}`;
  const dynamoEndpoint = inject('dynamoEndpoint');
  await ensureTable(new DynamoDBClient({ endpoint: dynamoEndpoint, region: REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), tableName);
  const scheduler = await startLocalScheduler({ port: 0, autoFire: false, region: REGION, accountId: ACCOUNT, invoke: async () => undefined });
  cleanups.push(scheduler.close);
  receiver = await startWebhookReceiver();
  cleanups.push(receiver.close);
  receiver.trust('/hook', [webhookSecret]);

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(bundles.WebhookDispatch.environment)) if (typeof v === 'string') env[k] = v;
  expect(env.ALLOW_LOOPBACK_WEBHOOKS).toBe('false');
  Object.assign(process.env, env, {
    TABLE_NAME: tableName,
    SCHEDULER_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/scheduler`,
    TIMERS_FUNCTION_ARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:timers`,
    SCHEDULER_DLQ_ARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:dlq`,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: scheduler.url,
  });
  bundle = bundles.WebhookDispatch.bundle;
  stackHandler = ((await import(bundle)) as { handler: StreamHandler }).handler;
  process.env.ALLOW_LOOPBACK_WEBHOOKS = 'true';
  // A second, separate module instance of the same bundle, configured for a loopback receiver.
  loopbackHandler = ((await import(`${bundle}?loopback`)) as { handler: StreamHandler }).handler;
  process.env.ALLOW_LOOPBACK_WEBHOOKS = 'false';
  // This environment is the dispatch function's, which holds no signing key: the api refuses to start on it.
  await expect(import(`${bundles.Api.bundle}?nokey`)).rejects.toThrow('missing or invalid environment: SESSION_SIGNING_KEY');
  process.env.SESSION_SIGNING_KEY = 'bundled-dispatch-test-signing-key';
  const api = ((await import(bundles.Api.bundle)) as { handler: never }).handler;
  const served = await serveFunctionUrl(api);
  cleanups.push(served.close);
  apiUrl = served.url;

  // The store's webhook URL points at loopback, which the deployed API would refuse to configure:
  // written straight to the table, as a stand-in for a public receiver.
  repo = new DynamoDbRepository(createDocumentClient({ endpoint: dynamoEndpoint }), tableName);
  const services = { repo, wallNow: Date.now } as unknown as Services;
  const created = await createStore(services, { name: 'dispatch test' });
  storeId = created.store.storeId;
  apiSecret = created.apiSecret;
  channelKey = (await createChannel(services, storeId, { pgProvider: 'KCP_V2' })).channelKey;
  const store = (await repo.getStore(storeId))!;
  store.webhook = { url: receiver.url('/hook'), secrets: [{ id: 'whs-1', secret: webhookSecret, createdAt: new Date().toISOString() }] };
  await repo.saveStore(store, store.version);
}, 180_000);

afterAll(async () => {
  for (const close of cleanups.reverse()) await close().catch(() => undefined);
});

async function paidEvent(): Promise<{ paymentId: string; event: OutboxEvent; record: DynamoDBRecord }> {
  const paymentId = `dispatch-${randomUUID()}`;
  const sdk = PaymentClient({ secret: apiSecret, baseUrl: apiUrl });
  await sdk.payInstantly({ paymentId, channelKey, orderName: 'stream', amount: { total: 2_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
  const [event] = await repo.listOutbox(storeId, paymentId);
  expect(event).toMatchObject({ type: 'Transaction.Paid', status: 'PENDING' });
  return { paymentId, event: event!, record: outboxInsert(event!) };
}

/**
 * A new outbox entry the dispatcher cannot even look up: its store id makes a partition key over
 * DynamoDB's 2,048-byte limit, so the table refuses the read and nothing can be recorded.
 */
const unreadable = (event: OutboxEvent): DynamoDBRecord => outboxInsert({ ...event, storeId: 'x'.repeat(2_100) });

const outbox = async (paymentId: string): Promise<OutboxEvent> => (await repo.listOutbox(storeId, paymentId))[0]!;

describe('bundled webhook-dispatch (DynamoDB stream batches)', () => {
  it("with the stack's environment, refuses a loopback receiver, logs the attempt and schedules a retry", async () => {
    const { paymentId, record } = await paidEvent();
    expect(await stackDispatch({ Records: [record] })).toEqual({ batchItemFailures: [] });
    const event = await outbox(paymentId);
    expect(event.status).toBe('RETRYING');
    expect(event.attempts[0]).toMatchObject({ ok: false, error: expect.stringContaining('BLOCKED_URL') });
    expect((await repo.listPaymentTimers(storeId, paymentId)).some((t) => t.kind === 'webhook-delivery')).toBe(true);
    expect(receiver.at('/hook')).toHaveLength(0);
  });

  it('delivers a signed Transaction.Paid the official SDK verifies, and ignores records that are not new outbox items', async () => {
    const { paymentId, record } = await paidEvent();
    const modify = { ...record, eventName: 'MODIFY' as const, dynamodb: { ...record.dynamodb, SequenceNumber: '1' } };
    const other = streamRecord('INSERT', { pk: `STORE#${storeId}`, sk: `PAYMENT#${paymentId}`, itemType: 'PAYMENT' });
    expect(await loopbackDispatch({ Records: [modify, other, record] })).toEqual({ batchItemFailures: [] });
    const [delivery] = await receiver.waitFor('/hook', 1);
    expect(delivery!.verifiedWith).toEqual([webhookSecret]);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'Transaction.Paid', data: { storeId, paymentId } });
    expect((await outbox(paymentId)).status).toBe('DELIVERED');
    // The stream may deliver the same record again: no second send.
    expect(await loopbackDispatch({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect(receiver.at('/hook')).toHaveLength(1);
  });

  it('reports the record it could not record in batchItemFailures and dispatches the rest of the batch', async () => {
    const { paymentId, event, record } = await paidEvent();
    const bad = unreadable(event);
    expect(await stackDispatch({ Records: [bad, record] })).toEqual({ batchItemFailures: [{ itemIdentifier: bad.dynamodb!.SequenceNumber }] });
    expect((await outbox(paymentId)).status).toBe('RETRYING');
    // A batch of nothing but failures is answered the same way (not thrown), so the stream retries it from there.
    expect(await stackDispatch({ Records: [bad] })).toEqual({ batchItemFailures: [{ itemIdentifier: bad.dynamodb!.SequenceNumber }] });
  });

  it('puts the invocation request id and cold start on every log line', async () => {
    const logging = (await importLogging<{ handler: StreamHandler }>(bundle, 'logs')).handler;
    const { event, record } = await paidEvent();
    const first = lambdaContext('webhook-dispatch');
    const second = lambdaContext('webhook-dispatch');
    const cold = await captureLogLines(() => logging({ Records: [unreadable(event)] }, first));
    const warm = await captureLogLines(() => logging({ Records: [record] }, second));
    expect(cold.lines.map((l) => l.message)).toContain('webhook-dispatch: delivery not recorded; the stream will retry and a redrive is scheduled');
    expect(warm.lines.map((l) => l.message)).toContain('webhook attempt');
    for (const line of cold.lines) expect(line).toMatchObject({ function_request_id: first.awsRequestId, cold_start: true, function_name: first.functionName });
    for (const line of warm.lines) expect(line).toMatchObject({ function_request_id: second.awsRequestId, cold_start: false, function_name: second.functionName });
  });
});
