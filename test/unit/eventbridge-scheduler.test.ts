import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBridgeTimerScheduler, atExpression, MIN_SCHEDULE_LEAD_MS } from '../../functions/adapters/scheduler/eventbridge-scheduler.ts';
import { startLocalScheduler } from '../../functions/local/scheduler/index.ts';
import type { TimerRecord } from '../../functions/domain/timer.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const NOW = Date.parse('2026-11-26T05:00:00.000Z'); // 14:00 KST
let local: Awaited<ReturnType<typeof startLocalScheduler>>;
let adapter: EventBridgeTimerScheduler;

const timer = (id: string): TimerRecord => ({
  storeId: 'store-1',
  timerId: id,
  kind: 'pg-void',
  paymentId: 'pay-1',
  dueAt: '2026-11-26T14:10:00.000Z',
  state: 'PENDING',
  reason: 'test',
  scheduleName: id,
  createdAt: '2026-11-26T05:00:00.000Z',
});

beforeAll(async () => {
  local = await startLocalScheduler({ port: 0, autoFire: false, now: () => NOW, invoke: async () => undefined });
  adapter = new EventBridgeTimerScheduler(
    {
      groupName: 'group-a',
      roleArn: 'arn:aws:iam::000000000000:role/scheduler',
      targetArn: 'arn:aws:lambda:ap-northeast-2:000000000000:function:timers',
      deadLetterArn: 'arn:aws:sqs:ap-northeast-2:000000000000:dlq',
      endpoint: local.url,
      clientConfig: { region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
    },
    () => NOW,
  );
});
afterAll(() => local?.close());

describe('EventBridge timer scheduler adapter', () => {
  it('writes at() in Korean time, whole seconds rounded up', () => {
    expect(atExpression(new Date('2026-11-26T14:10:00.000Z'))).toBe('at(2026-11-26T23:10:00)');
    expect(atExpression(new Date('2026-11-26T14:59:59.001Z'))).toBe('at(2026-11-27T00:00:00)');
  });

  it('creates one schedule per timer with the timer input, and treats a repeat as done', async () => {
    await adapter.schedule(timer('pgvoid-a'), new Date('2026-11-26T14:10:00.000Z'));
    await adapter.schedule(timer('pgvoid-a'), new Date('2026-11-26T14:10:00.000Z'));
    const created = local.list().filter((s) => s.name === 'pgvoid-a');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ groupName: 'group-a', scheduleExpression: 'at(2026-11-26T23:10:00)', scheduleExpressionTimezone: 'Asia/Seoul' });
    expect(JSON.parse(created[0]!.target.Input!)).toEqual({ storeId: 'store-1', timerId: 'pgvoid-a' });
  });

  it('never schedules closer than the minimum lead (a past due time fires a minute from now)', async () => {
    await adapter.schedule(timer('pgvoid-past'), new Date(NOW - 3_600_000));
    const created = local.list().find((s) => s.name === 'pgvoid-past')!;
    expect(created.scheduleExpression).toBe(atExpression(new Date(NOW + MIN_SCHEDULE_LEAD_MS)));
  });

  it('deletes, and deleting a missing schedule is not an error', async () => {
    await adapter.unschedule({ scheduleName: 'pgvoid-a' });
    await adapter.unschedule({ scheduleName: 'pgvoid-a' });
    expect(local.list().some((s) => s.name === 'pgvoid-a')).toBe(false);
  });
});
