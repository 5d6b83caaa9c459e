// The safety net under the stream: when the dispatcher cannot even record an attempt (here: the
// store's record is unreadable for a while), the stream handler schedules a redrive that names the
// outbox entry in its Input, and that schedule delivers the event once the table is back, even if
// the stream has given up on the record.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/adapters/dynamodb/client.ts';
import { runTimer } from '../../functions/timers/run-timer.ts';
import type { TimerInput } from '../../functions/timers/timer.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { newPaymentId, startWebhookSandbox, storeKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;
let handler: (event: { Records: DynamoDBRecord[] }) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
const saved = { ...process.env };

beforeAll(async () => {
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

describe('webhook redrive', () => {
  it('a failed stream dispatch schedules a redrive that delivers once the table is back', async () => {
    const kit = await storeKit(sandbox, receiver, 'redrive');
    const paymentId = newPaymentId('redrive');
    await kit.payCard(paymentId);
    const [event] = await kit.outbox(paymentId);
    expect(event).toMatchObject({ status: 'PENDING', attempts: [] });

    // Take the store's record away: dispatching cannot read it (an outage of our own table).
    const db = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    const storeKey = { pk: `STORE#${kit.storeId}`, sk: 'META' };
    const storeItem = (await db.send(new GetCommand({ TableName: sandbox.tableName, Key: storeKey }))).Item!;
    await db.send(new DeleteCommand({ TableName: sandbox.tableName, Key: storeKey }));

    const record: DynamoDBRecord = {
      eventID: 'redrive-1',
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        SequenceNumber: '4242',
        NewImage: marshall({ pk: storeKey.pk, sk: `OUTBOX#${paymentId}#${event!.eventId}`, itemType: 'OUTBOX', ...event }, { removeUndefinedValues: true }) as never,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [{ itemIdentifier: '4242' }] });
    expect(receiver.at(kit.path)).toHaveLength(0);

    const redrive = sandbox.scheduler.list().find((s) => JSON.parse(s.target.Input ?? '{}').eventId === event!.eventId);
    expect(redrive).toBeDefined();
    const input = JSON.parse(redrive!.target.Input!) as TimerInput;
    expect(input).toMatchObject({ storeId: kit.storeId, paymentId, eventId: event!.eventId });
    expect(await sandbox.services.repo.getTimer(kit.storeId, input.timerId)).toBeUndefined(); // no record needed

    // The table is back; the schedule fires (the stream may have given up by now).
    await db.send(new PutCommand({ TableName: sandbox.tableName, Item: storeItem }));
    const outcome = await runTimer(sandbox.services, input);
    expect(outcome).toMatchObject({ result: 'fired', kind: 'webhook-retry', paymentId });
    const [delivery] = await receiver.waitFor(kit.path, 1);
    expect(delivery!.webhookId).toBe(event!.eventId);
    expect(delivery!.verifiedWith).toEqual(kit.secrets);
    expect((await kit.outbox(paymentId))[0]).toMatchObject({ status: 'DELIVERED' });

    // A second firing (Scheduler delivers at least once) sends nothing more.
    await runTimer(sandbox.services, input);
    expect(receiver.at(kit.path)).toHaveLength(1);
  });
});
