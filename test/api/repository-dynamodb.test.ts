import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.ts';
import { timerItem } from '../../functions/adapters/dynamodb/items.ts';
import { DynamoDbRepository } from '../../functions/adapters/dynamodb/repository.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table.ts';
import type { TimerRecord } from '../../functions/domain/timer.ts';
import type { Services } from '../../functions/services.ts';
import { runTimer } from '../../functions/timers/run-timer.ts';
import { billingRepositoryContract } from '../contract/billing-repository.contract.ts';
import { identityVerificationRepositoryContract } from '../contract/identity-verification-repository.contract.ts';
import { promotionRepositoryContract } from '../contract/promotion-repository.contract.ts';
import { checkoutRepositoryContract } from '../contract/checkout-repository.contract.ts';
import { repositoryContract } from '../contract/repository.contract.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `contract-${randomUUID()}`;
const local = { endpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const repo = new DynamoDbRepository(createDocumentClient(local), tableName);

beforeAll(async () => {
  await ensureTable(new DynamoDBClient(local), tableName);
});

repositoryContract('DynamoDB (DynamoDB Local)', () => repo);
billingRepositoryContract('DynamoDB (DynamoDB Local)', () => repo);
identityVerificationRepositoryContract('DynamoDB (DynamoDB Local)', () => repo);
promotionRepositoryContract('DynamoDB (DynamoDB Local)', () => repo);
checkoutRepositoryContract('DynamoDB (DynamoDB Local)', () => repo);

describe('timers stored under a former kind name', () => {
  it('read as the current kind, so they still run', async () => {
    const storeId = `legacy-${randomUUID()}`;
    const legacy = {
      storeId,
      timerId: 'whretry-legacy',
      kind: 'webhook-retry' as unknown as TimerRecord['kind'],
      paymentId: 'pay-legacy',
      dueAt: '2026-01-01T00:00:00.000Z',
      state: 'PENDING' as const,
      reason: 'written by an earlier version',
      scheduleName: 'whretry-legacy',
      createdAt: '2026-01-01T00:00:00.000Z',
      payload: { eventId: 'msg_legacy' },
    };
    await createDocumentClient(local).send(new PutCommand({ TableName: tableName, Item: timerItem(legacy) }));

    expect((await repo.getTimer(storeId, legacy.timerId))?.kind).toBe('webhook-delivery');
    expect((await repo.listPaymentTimers(storeId, legacy.paymentId)).map((t) => t.kind)).toEqual(['webhook-delivery']);
    expect((await repo.listPendingTimers(storeId, { limit: 10 })).items.map((t) => t.kind)).toEqual(['webhook-delivery']);

    const ran: string[] = [];
    const services = {
      repo,
      timerHandlers: {
        kinds: { 'pg-void': async () => 'pg-void', 'webhook-delivery': async (_s: unknown, t: TimerRecord) => (ran.push(t.timerId), 'delivered') },
        recordless: async () => 'redrive',
      },
    } as unknown as Services;
    expect(await runTimer(services, { storeId, timerId: legacy.timerId })).toMatchObject({ result: 'fired', kind: 'webhook-delivery', detail: 'delivered' });
    expect(ran).toEqual([legacy.timerId]);
  });
});

describe('a data folder made by an earlier version', () => {
  it('keeps its table and items, with the stream it was made with turned off (nothing local reads it; it only costs the engine CPU)', async () => {
    const client = new DynamoDBClient(local);
    const older = `streamed-${randomUUID()}`;
    await client.send(
      new CreateTableCommand({
        TableName: older,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const db = createDocumentClient(local);
    await db.send(new PutCommand({ TableName: older, Item: { pk: 'STORE#s', sk: 'META', name: 'kept' } }));

    await ensureTable(client, older);

    expect((await client.send(new DescribeTableCommand({ TableName: older }))).Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect((await db.send(new GetCommand({ TableName: older, Key: { pk: 'STORE#s', sk: 'META' } }))).Item).toMatchObject({ name: 'kept' });
    expect((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
  });
});
