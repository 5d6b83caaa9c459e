/**
 * The bundled webhook-dispatch function, fed DynamoDB stream batches built from the outbox items
 * that the bundled api function really wrote. With the stack's environment a loopback receiver is
 * refused (on Lambda loopback is the runtime API); a second instance of the same bundle with
 * ALLOW_LOOPBACK_WEBHOOKS=true delivers for real, and the official SDK verifies the signature.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxInsert, streamRecord } from '../support/stream-handler.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PaymentClient } from '@portone/server-sdk';
import { synthBundles } from './bundles.ts';
import { serveFunctionUrl } from '../support/function-url.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { startLocalScheduler } from '../../functions/local/scheduler/index.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.ts';
import { Repository } from '../../functions/adapters/dynamodb/repository.ts';
import { createStore } from '../../functions/stores/create-store.ts';
import { createChannel } from '../../functions/stores/channels.ts';
import { generateWebhookSecret } from '../../functions/webhooks/signing.ts';
import type { OutboxEvent } from '../../functions/webhooks/outbox.ts';
import type { Services } from '../../functions/services.ts';
import { card, cardMethod } from '../support/cards.ts';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
const REGION = 'ap-northeast-2';
const ACCOUNT = '111122223333';
const cleanups: (() => Promise<unknown>)[] = [];
let repo: Repository;
let receiver: WebhookReceiver;
let apiUrl: string;
let stackDispatch: StreamHandler;
let loopbackDispatch: StreamHandler;
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
  stackDispatch = ((await import(bundles.WebhookDispatch.bundle)) as { handler: StreamHandler }).handler;
  process.env.ALLOW_LOOPBACK_WEBHOOKS = 'true';
  // A second, separate module instance of the same bundle, configured for a loopback receiver.
  loopbackDispatch = ((await import(`${bundles.WebhookDispatch.bundle}?loopback`)) as { handler: StreamHandler }).handler;
  process.env.ALLOW_LOOPBACK_WEBHOOKS = 'false';
  const api = ((await import(bundles.Api.bundle)) as { handler: never }).handler;
  const served = await serveFunctionUrl(api);
  cleanups.push(served.close);
  apiUrl = served.url;

  // The store's webhook URL points at loopback, which the deployed API would refuse to configure:
  // written straight to the table, as a stand-in for a public receiver.
  repo = new Repository(createDocumentClient({ endpoint: dynamoEndpoint }), tableName);
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

async function paidEvent(): Promise<{ paymentId: string; record: DynamoDBRecord }> {
  const paymentId = `dispatch-${randomUUID()}`;
  const sdk = PaymentClient({ secret: apiSecret, baseUrl: apiUrl });
  await sdk.payInstantly({ paymentId, channelKey, orderName: 'stream', amount: { total: 2_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
  const [event] = await repo.listOutbox(storeId, paymentId);
  expect(event).toMatchObject({ type: 'Transaction.Paid', status: 'PENDING' });
  return { paymentId, record: outboxInsert(event!) };
}

const outbox = async (paymentId: string): Promise<OutboxEvent> => (await repo.listOutbox(storeId, paymentId))[0]!;

describe('bundled webhook-dispatch (DynamoDB stream batches)', () => {
  it("with the stack's environment, refuses a loopback receiver, logs the attempt and schedules a retry", async () => {
    const { paymentId, record } = await paidEvent();
    expect(await stackDispatch({ Records: [record] })).toEqual({ batchItemFailures: [] });
    const event = await outbox(paymentId);
    expect(event.status).toBe('RETRYING');
    expect(event.attempts[0]).toMatchObject({ ok: false, error: expect.stringContaining('BLOCKED_URL') });
    expect((await repo.listTimers(storeId)).some((t) => t.paymentId === paymentId && t.kind === 'webhook-retry')).toBe(true);
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
});
