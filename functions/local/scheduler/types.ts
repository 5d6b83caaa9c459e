/**
 * Shapes shared by the local EventBridge Scheduler's modules. Target keeps AWS's
 * PascalCase because it is handed to `invoke` exactly as the schedule carries it.
 */

export type ScheduleState = 'ENABLED' | 'DISABLED';
export type ActionAfterCompletion = 'NONE' | 'DELETE';
export type FlexibleTimeWindowMode = 'OFF' | 'FLEXIBLE';

export interface FlexibleTimeWindow {
  Mode: FlexibleTimeWindowMode;
  MaximumWindowInMinutes?: number;
}

export interface RetryPolicy {
  MaximumEventAgeInSeconds: number;
  MaximumRetryAttempts: number;
}

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  /** Always present: AWS fills in its defaults (86400 s, 185 retries) when the caller omits it. */
  RetryPolicy: RetryPolicy;
  DeadLetterConfig?: { Arn: string };
}

/** What CreateSchedule accepted, with AWS's defaults applied. Dates are epoch milliseconds. */
export interface ScheduleDefinition {
  name: string;
  groupName: string;
  scheduleExpression: string;
  scheduleExpressionTimezone: string;
  flexibleTimeWindow: FlexibleTimeWindow;
  target: ScheduleTarget;
  actionAfterCompletion: ActionAfterCompletion;
  state: ScheduleState;
  description?: string;
  startDate?: number;
  endDate?: number;
  kmsKeyArn?: string;
  clientToken?: string;
}

/** A stored schedule plus the engine's firing state. Dates are epoch milliseconds. */
export interface ScheduleRecord extends ScheduleDefinition {
  arn: string;
  creationDate: number;
  lastModificationDate: number;
  /** The instant an at() schedule is due; undefined for rate()/cron(), which the local engine never fires. */
  dueAt: number | undefined;
  /** When the next attempt may start; undefined while an attempt is running or once nothing is left to do. */
  nextAttemptAt: number | undefined;
  /** Attempts made so far for the current (only) occurrence. */
  attempts: number;
  /** Set when a one-time schedule kept by ActionAfterCompletion NONE has run: it never fires again. */
  completedAt: number | undefined;
}

export type FireOutcome = 'succeeded' | 'retrying' | 'dead-lettered';

/** One invocation attempt made by the engine. */
export interface FiredSchedule {
  arn: string;
  name: string;
  groupName: string;
  dueAt: number;
  firedAt: number;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  outcome: FireOutcome;
  error?: unknown;
  /** When the attempt finished the occurrence: whether the schedule was deleted, kept, or already gone. */
  completion?: 'deleted' | 'kept' | 'gone';
}

export type DeadLetterReason = 'retries-exhausted' | 'event-too-old' | 'schedule-deleted';

/** An occurrence that could not be delivered; stands in for the SQS dead-letter queue. */
export interface DeadLetter {
  scheduleArn: string;
  name: string;
  groupName: string;
  target: ScheduleTarget;
  /** The DeadLetterConfig.Arn the schedule named, if any (AWS drops the event when there is none). */
  deadLetterArn: string | undefined;
  reason: DeadLetterReason;
  attempts: number;
  error: unknown;
  errorMessage: string;
  at: number;
}

export interface InvokeTarget {
  Arn: string;
  Input?: string;
}

/** Delivers one occurrence; a rejection counts as a failed attempt and triggers the retry policy. */
export type ScheduleInvoker = (target: InvokeTarget, schedule: ScheduleRecord) => Promise<void>;
