// The AWS path: the webhook-dispatch Lambda handler fed DynamoDB stream records built from real
// outbox items, against DynamoDB Local and the local Scheduler endpoint (through the SDK's
// AWS_ENDPOINT_URL_* variables, exactly as the handler is wired on Lambda).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import { loadStreamHandler, outboxInsert, streamRecord, type StreamHandler } from '../support/stream-handler.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { newPaymentId, startWebhookSandbox, storeKit, type StoreKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;
let handler: StreamHandler;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  // No in-process worker: only the handler under test delivers.
  [sandbox, receiver] = await Promise.all([startWebhookSandbox({ webhooks: { worker: false } }), startWebhookReceiver()]);
  ({ handler, restoreEnv } = await loadStreamHandler(sandbox));
});
afterAll(async () => {
  restoreEnv?.();
  await sandbox?.close();
  await receiver?.close();
});

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
      outboxInsert(event),
      { ...outboxInsert(event), eventName: 'MODIFY' as const },
      streamRecord('INSERT', { pk: `STORE#${kit.storeId}`, sk: 'PAYMENT#x', itemType: 'PAYMENT', status: 'PENDING' }),
      outboxInsert({ ...event, status: 'DELIVERED' }),
      outboxInsert(missingStore),
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
    expect((await handler({ Records: [outboxInsert(event)] })).batchItemFailures).toEqual([]);
    const [after] = await kit.outbox(event.paymentId);
    expect(after).toMatchObject({ status: 'RETRYING', attempts: [expect.objectContaining({ status: 503 })] });
    const timers = await sandbox.services.repo.listPaymentTimers(kit.storeId, event.paymentId);
    const retry = timers.find((t) => t.kind === 'webhook-delivery')!;
    expect(retry).toMatchObject({ state: 'PENDING', dueAt: after!.nextAttemptAt });
    expect(sandbox.scheduler.list().map((s) => s.name)).toContain(retry.scheduleName);
  });
});
