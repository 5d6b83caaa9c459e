// The AWS path: the webhook-dispatch Lambda handler fed DynamoDB stream records built from real
// outbox items, against DynamoDB Local and the local Scheduler endpoint (through the SDK's
// AWS_ENDPOINT_URL_* variables, exactly as the handler is wired on Lambda).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { OutboxEvent } from '../../functions/webhooks/outbox.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { newPaymentId, startWebhookSandbox, storeKit, type StoreKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;
let handler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
const saved = { ...process.env };

beforeAll(async () => {
  // No in-process worker: only the handler under test delivers.
  [sandbox, receiver] = await Promise.all([startWebhookSandbox({ webhooks: { worker: false } }), startWebhookReceiver()]);
  Object.assign(process.env, {
    TABLE_NAME: sandbox.tableName,
    SCHEDULE_GROUP_NAME: 'pg-sandbox-local',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/scheduler',
    TIMERS_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-2:000000000000:function:timers',
    SCHEDULER_DLQ_ARN: 'arn:aws:sqs:ap-northeast-2:000000000000:dlq',
    ALLOW_LOOPBACK_WEBHOOKS: 'true', // the receiver is on loopback; the stack sets 'false'
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_SCHEDULER: sandbox.scheduler.url,
  });
  ({ handler } = await import('../../functions/handlers/webhook-dispatch.ts'));
});
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  await sandbox?.close();
  await receiver?.close();
});

let seq = 0;
function record(eventName: DynamoDBRecord['eventName'], item: Record<string, unknown>): DynamoDBRecord {
  return {
    eventID: `e-${++seq}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: `${1000 + seq}`,
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

const outboxItem = (e: OutboxEvent) => ({ pk: `STORE#${e.storeId}`, sk: `OUTBOX#${e.paymentId}#${e.eventId}`, itemType: 'OUTBOX', ...e });

async function pendingEvent(kit: StoreKit): Promise<OutboxEvent> {
  const id = newPaymentId('stream');
  await kit.payCard(id);
  const [event] = await kit.outbox(id);
  expect(event).toMatchObject({ status: 'PENDING', attempts: [] });
  return event!;
}

describe('webhook-dispatch Lambda (table stream → dispatchEvent)', () => {
  it('delivers inserted PENDING outbox items, ignores everything else, reports only infrastructure failures', async () => {
    const kit = await storeKit(sandbox, receiver, 'stream');
    const event = await pendingEvent(kit);
    const missingStore = { ...event, storeId: 'store-gone', eventId: 'msg_gone' };
    const records = [
      record('INSERT', outboxItem(event)),
      record('MODIFY', outboxItem(event)),
      record('INSERT', { pk: `STORE#${kit.storeId}`, sk: 'PAYMENT#x', itemType: 'PAYMENT', status: 'PENDING' }),
      record('INSERT', outboxItem({ ...event, status: 'DELIVERED' })),
      record('INSERT', outboxItem(missingStore)),
    ];
    // The missing store's entry must exist for dispatch to reach the store lookup.
    await sandbox.services.repo.insertOutbox(missingStore);

    const result = await handler({ Records: records });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[4]!.dynamodb!.SequenceNumber }]);
    const got = receiver.at(kit.path);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ webhookId: event.eventId, body: event.body, rejections: [] });
    expect(await kit.outbox(event.paymentId)).toEqual([expect.objectContaining({ status: 'DELIVERED' })]);

    // A replayed shard (TRIM_HORIZON, retries) re-sends nothing that was delivered.
    expect((await handler({ Records: [records[0]!] })).batchItemFailures).toEqual([]);
    expect(receiver.at(kit.path)).toHaveLength(1);
  });

  it('turns a failed delivery into a retry timer with its EventBridge schedule', async () => {
    const kit = await storeKit(sandbox, receiver, 'streamretry');
    receiver.answer(kit.path, () => 503);
    const event = await pendingEvent(kit);
    expect((await handler({ Records: [record('INSERT', outboxItem(event))] })).batchItemFailures).toEqual([]);
    const [after] = await kit.outbox(event.paymentId);
    expect(after).toMatchObject({ status: 'RETRYING', attempts: [expect.objectContaining({ status: 503 })] });
    const timers = await sandbox.services.repo.listTimers(kit.storeId);
    const retry = timers.find((t) => t.kind === 'webhook-retry' && t.paymentId === event.paymentId)!;
    expect(retry).toMatchObject({ state: 'PENDING', dueAt: after!.nextAttemptAt });
    expect(sandbox.scheduler.list().map((s) => s.name)).toContain(retry.scheduleName);
  });
});
