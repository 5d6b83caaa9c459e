// The safety net under the stream: when the dispatcher cannot even record an attempt (here: the
// store's record is unreadable for a while), the stream handler schedules a redrive that names the
// outbox entry in its Input, and that schedule delivers the event once the table is back, even if
// the stream has given up on the record.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.ts';
import { localClientConfig } from '../../functions/local/aws-local.ts';
import { runTimer } from '../../functions/timers/run-timer.ts';
import type { TimerInput } from '../../functions/domain/timer.ts';
import { loadStreamHandler, outboxInsert, type StreamHandler } from '../support/stream-handler.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { newPaymentId, startWebhookSandbox, storeKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;
let handler: StreamHandler;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startWebhookSandbox({ webhooks: { worker: false } }), startWebhookReceiver()]);
  ({ handler, restoreEnv } = await loadStreamHandler(sandbox));
});
afterAll(async () => {
  restoreEnv?.();
  await sandbox?.close();
  await receiver?.close();
});

describe('webhook redrive', () => {
  it('a failed stream dispatch schedules a redrive that delivers once the table is back', async () => {
    const kit = await storeKit(sandbox, receiver, 'redrive');
    const paymentId = newPaymentId('redrive');
    await kit.payCard(paymentId);
    const [event] = await kit.outbox(paymentId);
    expect(event).toMatchObject({ status: 'PENDING', attempts: [] });

    // Take the store's record away: dispatching cannot read it (an outage of our own table).
    const db = createDocumentClient(localClientConfig(inject('dynamoEndpoint')));
    const storeKey = { pk: `STORE#${kit.storeId}`, sk: 'META' };
    const storeItem = (await db.send(new GetCommand({ TableName: sandbox.tableName, Key: storeKey }))).Item!;
    await db.send(new DeleteCommand({ TableName: sandbox.tableName, Key: storeKey }));

    const record = outboxInsert(event!);
    const sequence = record.dynamodb!.SequenceNumber!;
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [{ itemIdentifier: sequence }] });
    expect(receiver.at(kit.path)).toHaveLength(0);

    const redrive = sandbox.scheduler.list().find((s) => JSON.parse(s.target.Input ?? '{}').eventId === event!.eventId);
    expect(redrive).toBeDefined();
    const input = JSON.parse(redrive!.target.Input!) as TimerInput;
    expect(input).toMatchObject({ storeId: kit.storeId, paymentId, eventId: event!.eventId });
    expect(await sandbox.services.repo.getTimer(kit.storeId, input.timerId)).toBeUndefined(); // no record needed

    // The table is back; the schedule fires (the stream may have given up by now).
    await db.send(new PutCommand({ TableName: sandbox.tableName, Item: storeItem }));
    const outcome = await runTimer(sandbox.services, input);
    expect(outcome).toMatchObject({ result: 'fired', kind: 'webhook-delivery', paymentId });
    const [delivery] = await receiver.waitFor(kit.path, 1);
    expect(delivery!.webhookId).toBe(event!.eventId);
    expect(delivery!.verifiedWith).toEqual(kit.secrets);
    expect((await kit.outbox(paymentId))[0]).toMatchObject({ status: 'DELIVERED' });

    // A second firing (Scheduler delivers at least once) sends nothing more.
    await runTimer(sandbox.services, input);
    expect(receiver.at(kit.path)).toHaveLength(1);
  });
});
