import type { SchedulerClient, SchedulerClientConfig } from '@aws-sdk/client-scheduler';
import { KST_TIME_ZONE, toKst } from '../../domain/kst.ts';
import type { TimerInput, TimerRecord } from '../../domain/timer.ts';
import type { TimerScheduler } from '../../ports/scheduler.ts';

export interface EventBridgeSchedulerConfig {
  groupName: string;
  roleArn: string;
  targetArn: string;
  deadLetterArn: string;
  /** Locally: the local Scheduler endpoint; on AWS: unset. */
  endpoint?: string;
  /**
   * Locally: the region, credentials and a signer that skips SigV4 (local/aws-local.ts), the same
   * as the DynamoDB client's; on AWS: unset, the SDK finds its own and signs.
   */
  clientConfig?: Pick<SchedulerClientConfig, 'region' | 'credentials' | 'signer'>;
}

/** Schedules are written in Korean time: what a developer reading them in the console expects. */
export const SCHEDULE_TIMEZONE = KST_TIME_ZONE;

/** `at(yyyy-mm-ddThh:mm:ss)` in KST, rounded up to the whole second (Scheduler has no millis). */
export function atExpression(wallDueAt: Date): string {
  const seconds = Math.ceil(wallDueAt.getTime() / 1000) * 1000;
  return `at(${toKst(seconds).slice(0, 19)})`;
}

/**
 * EventBridge Scheduler's behaviour for an `at()` in the past is not documented to fire, so a
 * schedule is never created closer than this to now; the timer record keeps its exact due time
 * (the test clock honours it), only the wall-clock alarm may ring a little later.
 */
export const MIN_SCHEDULE_LEAD_MS = 60_000;

type SchedulerSdk = typeof import('@aws-sdk/client-scheduler');

/**
 * The production TimerScheduler: one one-shot EventBridge schedule per timer, deleted after it runs.
 * The Scheduler SDK loads on the first call, not at cold start: most requests (every read) never
 * schedule anything.
 */
export class EventBridgeTimerScheduler implements TimerScheduler {
  private loaded?: Promise<{ sdk: SchedulerSdk; client: SchedulerClient }>;

  constructor(
    private readonly config: EventBridgeSchedulerConfig,
    private readonly wallNow: () => number = Date.now,
  ) {}

  private sdk(): Promise<{ sdk: SchedulerSdk; client: SchedulerClient }> {
    this.loaded ??= import('@aws-sdk/client-scheduler').then((sdk) => ({
      sdk,
      client: new sdk.SchedulerClient({
        ...(this.config.endpoint && { endpoint: this.config.endpoint }),
        ...this.config.clientConfig,
        maxAttempts: 3,
      }),
    }));
    // A failed load is tried again by the next call rather than remembered.
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  async schedule(timer: TimerRecord, wallDueAt: Date): Promise<void> {
    const { sdk, client } = await this.sdk();
    const input: TimerInput = { storeId: timer.storeId, timerId: timer.timerId };
    if (timer.kind === 'webhook-delivery' && typeof timer.payload?.eventId === 'string') {
      Object.assign(input, { paymentId: timer.paymentId, eventId: timer.payload.eventId });
    }
    try {
      await client.send(
        new sdk.CreateScheduleCommand({
          Name: timer.scheduleName,
          GroupName: this.config.groupName,
          ScheduleExpression: atExpression(new Date(Math.max(wallDueAt.getTime(), this.wallNow() + MIN_SCHEDULE_LEAD_MS))),
          ScheduleExpressionTimezone: SCHEDULE_TIMEZONE,
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Description: `${timer.kind} for payment ${timer.paymentId}`.slice(0, 512),
          Target: {
            Arn: this.config.targetArn,
            RoleArn: this.config.roleArn,
            Input: JSON.stringify(input),
            // The handler is idempotent, so retries are safe; after them the DLQ keeps the event.
            RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: this.config.deadLetterArn },
          },
        }),
      );
    } catch (err) {
      // Same deterministic name = same timer: a retried request re-creates nothing.
      if (!(err instanceof sdk.ConflictException)) throw err;
    }
  }

  async unschedule(timer: Pick<TimerRecord, 'scheduleName'>): Promise<void> {
    const { sdk, client } = await this.sdk();
    try {
      await client.send(new sdk.DeleteScheduleCommand({ Name: timer.scheduleName, GroupName: this.config.groupName }));
    } catch (err) {
      if (!(err instanceof sdk.ResourceNotFoundException)) throw err;
    }
  }
}
