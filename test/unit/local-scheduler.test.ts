/**
 * The local EventBridge Scheduler, driven the way production code drives AWS: through the real
 * SchedulerClient over HTTP. Time is an injected clock, so nothing here sleeps.
 */
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  paginateListSchedules,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  type FiredSchedule,
  type InvokeTarget,
  type LocalSchedulerOptions,
  startLocalScheduler,
} from '../../functions/local/scheduler/index.ts';

// The SDK warns once per process on Node < 22; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ACCOUNT = '123456789012';
const GROUP = 'pg-sandbox-dev';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/pg-sandbox-scheduler`;
const TARGET_ARN = `arn:aws:lambda:ap-northeast-2:${ACCOUNT}:function:pg-sandbox-timers`;
const DLQ_ARN = `arn:aws:sqs:ap-northeast-2:${ACCOUNT}:pg-sandbox-timers-dlq`;
/** at(2026-11-26T23:10:00) in Asia/Seoul (+09:00). */
const SEOUL_2310 = Date.parse('2026-11-26T14:10:00Z');
const target = { Arn: TARGET_ARN, RoleArn: ROLE_ARN };

interface Setup {
  invoke?: LocalSchedulerOptions['invoke'];
  options?: Omit<Partial<LocalSchedulerOptions>, 'invoke'>;
}

async function setup({ invoke, options = {} }: Setup = {}) {
  const clock = { now: Date.parse('2026-11-26T00:00:00Z') };
  const calls: Array<{ target: InvokeTarget; name: string }> = [];
  const scheduler = await startLocalScheduler({
    invoke: async (target, schedule) => {
      calls.push({ target, name: schedule.name });
      await invoke?.(target, schedule);
    },
    now: () => clock.now,
    region: 'ap-northeast-2',
    accountId: ACCOUNT,
    ...options,
  });
  const client = new SchedulerClient({
    endpoint: scheduler.url,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  onTestFinished(async () => {
    client.destroy();
    await scheduler.close();
  });
  const create = (name: string, overrides: Partial<CreateScheduleCommandInput> = {}) =>
    client.send(new CreateScheduleCommand(scheduleInput(name, overrides)));
  return { scheduler, client, clock, calls, create };
}

function scheduleInput(name: string, overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput {
  return {
    Name: name,
    GroupName: GROUP,
    ScheduleExpression: 'at(2026-11-26T23:10:00)',
    ScheduleExpressionTimezone: 'Asia/Seoul',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify({ timer: name }) },
    ...overrides,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('local scheduler API through @aws-sdk/client-scheduler', () => {
  it('creates a schedule and returns it from GetSchedule with AWS defaults filled in', async () => {
    const { client, clock, create } = await setup();

    const { ScheduleArn } = await create('auto-cancel-pay_1');
    const got = await client.send(new GetScheduleCommand({ Name: 'auto-cancel-pay_1', GroupName: GROUP }));

    expect(ScheduleArn).toBe(`arn:aws:scheduler:ap-northeast-2:${ACCOUNT}:schedule/${GROUP}/auto-cancel-pay_1`);
    expect(got).toMatchObject({
      Arn: ScheduleArn,
      Name: 'auto-cancel-pay_1',
      GroupName: GROUP,
      ScheduleExpression: 'at(2026-11-26T23:10:00)',
      ScheduleExpressionTimezone: 'Asia/Seoul',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: TARGET_ARN,
        RoleArn: ROLE_ARN,
        Input: '{"timer":"auto-cancel-pay_1"}',
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
      },
    });
    expect(got.CreationDate).toEqual(new Date(clock.now));
    expect(got.LastModificationDate).toEqual(new Date(clock.now));
  });

  it('defaults the group to "default", the time zone to UTC and completion to NONE', async () => {
    const { client } = await setup();
    await client.send(new CreateScheduleCommand({
      Name: 'bare',
      ScheduleExpression: 'at(2026-11-26T23:10:00)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN },
    }));

    const got = await client.send(new GetScheduleCommand({ Name: 'bare' }));

    expect(got).toMatchObject({ GroupName: 'default', ScheduleExpressionTimezone: 'UTC', ActionAfterCompletion: 'NONE' });
  });

  it('lists schedules page by page, filtered by group, name prefix and state', async () => {
    const { client, create } = await setup();
    for (const name of ['t-3', 't-1', 't-5', 't-2', 't-4']) await create(name);
    await create('x-1', { State: 'DISABLED' });
    await create('t-1', { GroupName: 'other' });

    const pages = [];
    for await (const page of paginateListSchedules({ client, pageSize: 2 }, { GroupName: GROUP })) pages.push(page);
    const byPrefix = await client.send(new ListSchedulesCommand({ NamePrefix: 't-' }));
    const disabled = await client.send(new ListSchedulesCommand({ State: 'DISABLED' }));

    expect(pages.map((p) => p.Schedules?.map((s) => s.Name))).toEqual([['t-1', 't-2'], ['t-3', 't-4'], ['t-5', 'x-1']]);
    expect(pages.at(-1)?.NextToken).toBeUndefined();
    expect(pages[0]?.Schedules?.[0]).toEqual({
      Arn: `arn:aws:scheduler:ap-northeast-2:${ACCOUNT}:schedule/${GROUP}/t-1`,
      Name: 't-1',
      GroupName: GROUP,
      State: 'ENABLED',
      CreationDate: expect.any(Date),
      LastModificationDate: expect.any(Date),
      Target: { Arn: TARGET_ARN },
    });
    expect(byPrefix.Schedules?.map((s) => `${s.GroupName}/${s.Name}`)).toEqual([
      'other/t-1', `${GROUP}/t-1`, `${GROUP}/t-2`, `${GROUP}/t-3`, `${GROUP}/t-4`, `${GROUP}/t-5`,
    ]);
    expect(disabled.Schedules?.map((s) => s.Name)).toEqual(['x-1']);
  });

  it('continues a listing correctly when schedules are deleted between pages', async () => {
    const { client, create } = await setup();
    for (const name of ['a', 'b', 'c', 'd']) await create(name);

    const first = await client.send(new ListSchedulesCommand({ GroupName: GROUP, MaxResults: 2 }));
    await client.send(new DeleteScheduleCommand({ Name: 'a', GroupName: GROUP }));
    await client.send(new DeleteScheduleCommand({ Name: 'c', GroupName: GROUP }));
    const second = await client.send(new ListSchedulesCommand({ GroupName: GROUP, MaxResults: 2, NextToken: first.NextToken }));

    expect(first.Schedules?.map((s) => s.Name)).toEqual(['a', 'b']);
    expect(second.Schedules?.map((s) => s.Name)).toEqual(['d']);
    expect(second.NextToken).toBeUndefined();
  });

  it('deletes a schedule, after which it is gone', async () => {
    const { client, scheduler, create } = await setup();
    await create('to-delete');

    const deleted = await client.send(new DeleteScheduleCommand({ Name: 'to-delete', GroupName: GROUP }));

    expect(deleted.$metadata.httpStatusCode).toBe(200);
    expect(scheduler.list()).toEqual([]);
    await expect(client.send(new GetScheduleCommand({ Name: 'to-delete', GroupName: GROUP })))
      .rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers 404 ResourceNotFoundException for a missing schedule, on get and on delete', async () => {
    const { client, create } = await setup();
    await create('exists');

    for (const send of [
      () => client.send(new GetScheduleCommand({ Name: 'missing', GroupName: GROUP })),
      () => client.send(new DeleteScheduleCommand({ Name: 'missing', GroupName: GROUP })),
      () => client.send(new GetScheduleCommand({ Name: 'exists', GroupName: 'another-group' })),
    ]) {
      const error = await send().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    }
  });

  it('answers 409 ConflictException for a duplicate name in the same group only', async () => {
    const { create } = await setup();
    await create('dup');

    const error = await create('dup').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } });
    await expect(create('dup', { GroupName: 'other' })).resolves.toMatchObject({ ScheduleArn: expect.any(String) });
  });

  it('treats a repeated ClientToken for the same schedule as the same request', async () => {
    const { create, scheduler } = await setup();
    const first = await create('retried', { ClientToken: 'token-1' });

    const again = await create('retried', { ClientToken: 'token-1' });

    expect(again.ScheduleArn).toBe(first.ScheduleArn);
    expect(scheduler.list()).toHaveLength(1);
  });

  it.each<[string, Partial<CreateScheduleCommandInput>]>([
    ['a name with a space', { Name: 'bad name' }],
    ['a name with a slash', { Name: 'a/b' }],
    ['a 65-character name', { Name: 'n'.repeat(65) }],
    ['a group name with a bad character', { GroupName: 'group!' }],
    ['an at() with a zone designator', { ScheduleExpression: 'at(2026-11-26T23:10:00Z)' }],
    ['an at() with an offset', { ScheduleExpression: 'at(2026-11-26T23:10:00+09:00)' }],
    ['an at() with milliseconds', { ScheduleExpression: 'at(2026-11-26T23:10:00.000)' }],
    ['an at() on a day that does not exist', { ScheduleExpression: 'at(2026-02-30T10:00:00)' }],
    ['an at() without seconds', { ScheduleExpression: 'at(2026-11-26T23:10)' }],
    ['a free-text expression', { ScheduleExpression: 'tomorrow at noon' }],
    ['a missing FlexibleTimeWindow', { FlexibleTimeWindow: undefined }],
    ['FLEXIBLE without a window', { FlexibleTimeWindow: { Mode: 'FLEXIBLE' } }],
    ['a window over 1440 minutes', { FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1441 } }],
    ['an unknown time zone', { ScheduleExpressionTimezone: 'Asia/Atlantis' }],
    ['an offset instead of a time zone', { ScheduleExpressionTimezone: '+09:00' }],
    ['a missing Target.Arn', { Target: { RoleArn: ROLE_ARN } as never }],
    ['a missing Target.RoleArn', { Target: { Arn: TARGET_ARN } as never }],
    ['a RoleArn that is not an IAM role', { Target: { ...target, RoleArn: TARGET_ARN } }],
    ['an Input over 8192 characters', { Target: { ...target, Input: 'x'.repeat(8193) } }],
    ['an empty Input', { Target: { ...target, Input: '' } }],
    ['186 retry attempts', { Target: { ...target, RetryPolicy: { MaximumRetryAttempts: 186 } } }],
    ['-1 retry attempts', { Target: { ...target, RetryPolicy: { MaximumRetryAttempts: -1 } } }],
    ['a 59 s maximum event age', { Target: { ...target, RetryPolicy: { MaximumEventAgeInSeconds: 59 } } }],
    ['an 86401 s maximum event age', { Target: { ...target, RetryPolicy: { MaximumEventAgeInSeconds: 86_401 } } }],
    ['a dead-letter ARN that is not SQS', { Target: { ...target, DeadLetterConfig: { Arn: TARGET_ARN } } }],
    ['an unknown State', { State: 'PAUSED' as never }],
    ['an unknown ActionAfterCompletion', { ActionAfterCompletion: 'ARCHIVE' as never }],
  ])('rejects %s with a 400 ValidationException', async (_case, overrides) => {
    const { create, scheduler } = await setup();

    const error = await create('valid-name', overrides).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(scheduler.list()).toEqual([]);
  });

  it('reports a constraint violation the way AWS words it', async () => {
    const { create } = await setup();

    const error = await create('n'.repeat(65)).catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      `1 validation error detected: Value '${'n'.repeat(65)}' at 'name' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 64',
    );
  });

  it('accepts the boundary values', async () => {
    const { create, scheduler } = await setup();

    await create('n'.repeat(64), { Target: { ...target, Input: 'x'.repeat(8192) } });
    await create('no-retries', { Target: { ...target, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 } } });
    await create('max-retries', { Target: { ...target, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 } } });
    await create('flexible', { FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1440 } });
    await create('with-dlq', { Target: { ...target, DeadLetterConfig: { Arn: DLQ_ARN } } });
    await create('rate', { ScheduleExpression: 'rate(5 minutes)' });
    await create('cron', { ScheduleExpression: 'cron(0 23 * * ? *)' });
    await create('dated', { StartDate: new Date('2026-11-26T00:00:00Z'), EndDate: new Date('2026-12-26T00:00:00Z') });

    expect(scheduler.list()).toHaveLength(8);
  });

  it('rejects GetSchedule and ListSchedules parameters that break the constraints', async () => {
    const { client } = await setup();

    await expect(client.send(new GetScheduleCommand({ Name: 'bad name' }))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new ListSchedulesCommand({ MaxResults: 101 }))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new ListSchedulesCommand({ NextToken: 'not-a-token' }))).rejects.toBeInstanceOf(ValidationException);
  });

  it('answers operations it does not emulate with a named error', async () => {
    const { client } = await setup();

    await expect(client.send(new UpdateScheduleCommand(scheduleInput('any')))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  // The SDK always sends well-formed JSON, so this one case has to go over raw HTTP.
  it('answers a malformed JSON body with a ValidationException, not a 500', async () => {
    const { scheduler } = await setup();

    const response = await fetch(`${scheduler.url}/schedules/raw`, { method: 'POST', body: '{"ScheduleExpression":' });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.json()).toEqual({ Message: expect.stringContaining('not valid JSON') });
  });
});

describe('local scheduler firing', () => {
  it('fires an Asia/Seoul at() at its UTC instant, not a second before', async () => {
    const { create, clock, calls, scheduler } = await setup();
    await create('seoul');

    clock.now = SEOUL_2310 - 1000;
    const early = await scheduler.runDue();
    clock.now = SEOUL_2310;
    const onTime = await scheduler.runDue();

    expect(early).toEqual([]);
    expect(onTime).toMatchObject([{ name: 'seoul', dueAt: SEOUL_2310, firedAt: SEOUL_2310, outcome: 'succeeded' }]);
    expect(calls).toEqual([{ name: 'seoul', target: { Arn: TARGET_ARN, Input: '{"timer":"seoul"}' } }]);
  });

  it.each([
    ['UTC by default', undefined, 'at(2026-11-26T23:10:00)', '2026-11-26T23:10:00Z'],
    ['across a spring-forward gap (moved forward)', 'America/New_York', 'at(2026-03-08T02:30:00)', '2026-03-08T07:30:00Z'],
    ['in a fall-back overlap (earlier instant)', 'America/New_York', 'at(2026-11-01T01:30:00)', '2026-11-01T05:30:00Z'],
    ['in a half-hour zone', 'Asia/Kolkata', 'at(2026-11-26T23:10:00)', '2026-11-26T17:40:00Z'],
  ])('converts wall time to an instant %s', async (_case, zone, expression, instant) => {
    const { create, clock, scheduler } = await setup();
    await create('tz', { ScheduleExpression: expression, ScheduleExpressionTimezone: zone });

    clock.now = Date.parse(instant) - 1;
    const early = await scheduler.runDue();
    clock.now = Date.parse(instant);
    const onTime = await scheduler.runDue();

    expect(early).toEqual([]);
    expect(onTime.map((f) => f.name)).toEqual(['tz']);
  });

  it('fires everything due in due order, creation order breaking ties, and nothing not yet due', async () => {
    const { create, clock, calls, scheduler } = await setup();
    await create('third', { ScheduleExpression: 'at(2026-11-26T23:30:00)' });
    await create('first', { ScheduleExpression: 'at(2026-11-26T23:10:00)' });
    await create('second-a', { ScheduleExpression: 'at(2026-11-26T23:20:00)' });
    await create('second-b', { ScheduleExpression: 'at(2026-11-26T23:20:00)' });
    await create('tomorrow', { ScheduleExpression: 'at(2026-11-27T23:10:00)' });

    clock.now = Date.parse('2026-11-26T15:00:00Z');
    const fired = await scheduler.runDue();

    expect(fired.map((f) => f.name)).toEqual(['first', 'second-a', 'second-b', 'third']);
    expect(calls.map((c) => c.name)).toEqual(['first', 'second-a', 'second-b', 'third']);
    expect(scheduler.list().map((s) => s.name)).toEqual(['tomorrow']);
  });

  it('fires a deleted then re-created schedule once, at its new time, and never a deleted one', async () => {
    const { create, client, clock, calls, scheduler } = await setup();
    await create('moved', { ScheduleExpression: 'at(2026-11-26T23:10:00)' });
    await create('gone', { ScheduleExpression: 'at(2026-11-26T23:15:00)' });
    await create('kept', { ScheduleExpression: 'at(2026-11-26T23:20:00)' });
    await client.send(new DeleteScheduleCommand({ Name: 'moved', GroupName: GROUP }));
    await client.send(new DeleteScheduleCommand({ Name: 'gone', GroupName: GROUP }));
    await create('moved', { ScheduleExpression: 'at(2026-11-26T23:30:00)' });

    clock.now = Date.parse('2026-11-26T14:25:00Z');
    expect((await scheduler.runDue()).map((f) => f.name)).toEqual(['kept']);
    clock.now = Date.parse('2026-11-26T15:00:00Z');
    expect((await scheduler.runDue()).map((f) => f.name)).toEqual(['moved']);
    expect(calls.map((c) => c.name)).toEqual(['kept', 'moved']);
  });

  it('deletes a DELETE schedule after it fires, and keeps a NONE schedule ENABLED without firing it again', async () => {
    const { client, create, clock, calls, scheduler } = await setup();
    await create('deleted', { ActionAfterCompletion: 'DELETE' });
    await create('kept', { ActionAfterCompletion: 'NONE' });

    clock.now = SEOUL_2310;
    const fired = await scheduler.runDue();
    clock.now += 3_600_000;
    const later = await scheduler.runDue();

    expect(fired).toMatchObject([{ name: 'deleted', completion: 'deleted' }, { name: 'kept', completion: 'kept' }]);
    expect(later).toEqual([]);
    expect(calls).toHaveLength(2);
    await expect(client.send(new GetScheduleCommand({ Name: 'deleted', GroupName: GROUP })))
      .rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new GetScheduleCommand({ Name: 'kept', GroupName: GROUP })))
      .resolves.toMatchObject({ State: 'ENABLED' });
  });

  it('never fires a DISABLED schedule', async () => {
    const { create, clock, calls, scheduler } = await setup();
    await create('disabled', { State: 'DISABLED' });

    clock.now = SEOUL_2310 + 86_400_000;
    const fired = await scheduler.runDue();

    expect(fired).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('retries a failing target up to MaximumRetryAttempts, then dead-letters it and applies completion', async () => {
    const failure = new Error('timers handler is down');
    const { create, clock, scheduler } = await setup({
      invoke: () => Promise.reject(failure),
      options: { retryDelayMs: 0 },
    });
    await create('failing', { Target: { ...target, Input: '{}', RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: DLQ_ARN } } });

    clock.now = SEOUL_2310;
    const fired = await scheduler.runDue();

    expect(fired.map((f) => [f.attempt, f.outcome])).toEqual([[1, 'retrying'], [2, 'retrying'], [3, 'dead-lettered']]);
    expect(fired.at(-1)).toMatchObject({ error: failure, completion: 'deleted' });
    expect(scheduler.deadLetters()).toEqual([{
      scheduleArn: `arn:aws:scheduler:ap-northeast-2:${ACCOUNT}:schedule/${GROUP}/failing`,
      name: 'failing',
      groupName: GROUP,
      target: expect.objectContaining({ Arn: TARGET_ARN, Input: '{}' }),
      deadLetterArn: DLQ_ARN,
      reason: 'retries-exhausted',
      attempts: 3,
      error: failure,
      errorMessage: 'timers handler is down',
      at: SEOUL_2310,
    }]);
    expect(scheduler.list()).toEqual([]);
  });

  it('uses AWS\'s default of 185 retries when no RetryPolicy is given', async () => {
    const { create, clock, scheduler } = await setup({
      invoke: () => Promise.reject(new Error('down')),
      options: { retryDelayMs: 0 },
    });
    await create('default-policy', { ActionAfterCompletion: 'NONE' });

    clock.now = SEOUL_2310;
    const fired = await scheduler.runDue();

    expect(fired).toHaveLength(186);
    expect(scheduler.deadLetters()).toMatchObject([{ attempts: 186, reason: 'retries-exhausted', deadLetterArn: undefined }]);
    expect(scheduler.list()).toMatchObject([{ name: 'default-policy', state: 'ENABLED', completedAt: SEOUL_2310 }]);
  });

  it('waits for the backoff before retrying, on the injected clock', async () => {
    let failuresLeft = 1;
    const { create, clock, scheduler } = await setup({
      invoke: async () => {
        if (failuresLeft-- > 0) throw new Error('transient');
      },
      options: { retryDelayMs: 30_000 },
    });
    await create('flaky');

    clock.now = SEOUL_2310;
    const first = await scheduler.runDue();
    const tooSoon = await scheduler.runDue();
    clock.now += 30_000;
    const retried = await scheduler.runDue();

    expect(first).toMatchObject([{ attempt: 1, outcome: 'retrying' }]);
    expect(tooSoon).toEqual([]);
    expect(retried).toMatchObject([{ attempt: 2, outcome: 'succeeded', firedAt: SEOUL_2310 + 30_000, completion: 'deleted' }]);
    expect(scheduler.deadLetters()).toEqual([]);
  });

  it('stops retrying once the next attempt would exceed MaximumEventAgeInSeconds', async () => {
    const { create, clock, scheduler } = await setup({
      invoke: () => Promise.reject(new Error('down')),
      options: { retryDelayMs: 61_000 },
    });
    await create('stale', { Target: { ...target, RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 10 } } });

    clock.now = SEOUL_2310;
    const fired = await scheduler.runDue();

    expect(fired).toMatchObject([{ attempt: 1, outcome: 'dead-lettered' }]);
    expect(scheduler.deadLetters()).toMatchObject([{ reason: 'event-too-old', attempts: 1 }]);
  });

  it('never runs the same schedule twice at once, even when runDue is called concurrently', async () => {
    const gate = deferred<void>();
    const { create, clock, calls, scheduler } = await setup({ invoke: () => gate.promise });
    await create('slow', { ActionAfterCompletion: 'NONE' });

    clock.now = SEOUL_2310;
    const runs = [scheduler.runDue(), scheduler.runDue(), scheduler.runDue()];
    gate.resolve();
    const results = await Promise.all(runs);

    expect(calls).toHaveLength(1);
    expect(results.map((r) => r.length)).toEqual([1, 0, 0]);
  });

  it('lets the invoked handler delete its own schedule over HTTP without deadlocking', async () => {
    const { client, create, clock, scheduler } = await setup({
      invoke: async (_target, schedule) => {
        await client.send(new DeleteScheduleCommand({ Name: schedule.name, GroupName: schedule.groupName }));
      },
    });
    await create('self-deleting', { ActionAfterCompletion: 'NONE' });

    clock.now = SEOUL_2310;
    const fired = await scheduler.runDue();

    expect(fired).toMatchObject([{ name: 'self-deleting', outcome: 'succeeded', completion: 'gone' }]);
    expect(scheduler.list()).toEqual([]);
  });

  it('fires on its own in autoFire mode once the earliest schedule is due, re-arming on create', async () => {
    const fired = deferred<FiredSchedule>();
    // A real clock shifted so that "now" is 150 ms before 23:10 in Seoul: the timer path runs for
    // real, and the test waits on onFired rather than on a sleep.
    const skew = SEOUL_2310 - 150 - Date.now();
    const { create, calls } = await setup({
      options: { autoFire: true, now: () => Date.now() + skew, onFired: (f) => fired.resolve(f) },
    });
    await create('tomorrow', { ScheduleExpression: 'at(2026-11-27T23:10:00)' });
    await create('soon');

    const first = await fired.promise;

    expect(first).toMatchObject({ name: 'soon', outcome: 'succeeded' });
    expect(first.firedAt).toBeGreaterThanOrEqual(SEOUL_2310);
    expect(calls.map((c) => c.name)).toEqual(['soon']);
  });

  it('refuses to fire after close()', async () => {
    const { scheduler } = await setup();

    await scheduler.close();

    await expect(scheduler.runDue()).rejects.toThrow('closed');
    await expect(fetch(`${scheduler.url}/schedules`)).rejects.toThrow();
  });
});
