/**
 * Fires due schedules. Every firing goes through one queue, so a schedule is never attempted
 * twice at once and attempts happen in due order (creation order on ties), whether they were
 * triggered by runDue() or by the automatic timer. Retries are not slept on: a failed attempt
 * is given a later due time, so other schedules keep firing and tests drive retries with the clock.
 */
import { toRecord, type ScheduleStore, type StoredSchedule } from './store.ts';
import type { DeadLetter, DeadLetterReason, FiredSchedule, ScheduleInvoker } from './types.ts';

export interface EngineOptions {
  store: ScheduleStore;
  invoke: ScheduleInvoker;
  now: () => number;
  /** Delay before retry number n (1-based); AWS backs off over hours, locally we want seconds. */
  retryDelayMs: (retry: number) => number;
  onFired?: (fired: FiredSchedule) => void;
  /** Arm a timer for the earliest due schedule instead of waiting for runDue() calls. */
  autoFire: boolean;
  /** Longest the timer sleeps, so a wall-clock jump (or an injected clock moving) is noticed. */
  maxTimerDelayMs: number;
}

export const defaultRetryDelayMs = (retry: number) => Math.min(100 * 2 ** (retry - 1), 5_000);

export class FiringEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private closed = false;
  private readonly dead: DeadLetter[] = [];

  constructor(private readonly options: EngineOptions) {}

  /** Fires every attempt due now, in due order; resolves with the attempts this call made. */
  runDue(): Promise<FiredSchedule[]> {
    if (this.closed) return Promise.reject(new Error('local scheduler is closed'));
    const run = this.queue.then(() => this.drain());
    this.queue = run.catch(() => undefined);
    return run;
  }

  deadLetters(): DeadLetter[] {
    return this.dead.map((letter) => ({ ...letter, target: structuredClone(letter.target) }));
  }

  /** (Re-)arms the automatic timer; called whenever the set of pending schedules changes. */
  rearm(): void {
    if (!this.options.autoFire || this.closed || this.draining) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.options.store.earliestPending();
    if (next === undefined) return;
    const delay = Math.min(Math.max(next - this.options.now(), 0), this.options.maxTimerDelayMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.closed) return;
      this.runDue().catch((error: unknown) => console.error('local scheduler: firing failed', error));
    }, delay);
    // Pending schedules must never keep a process (or a test worker) alive.
    this.timer.unref();
  }

  /** Stops the timer and waits for the attempt in progress, if any; no attempt starts afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.queue;
  }

  private async drain(): Promise<FiredSchedule[]> {
    const fired: FiredSchedule[] = [];
    this.draining = true;
    try {
      // Re-queried after every attempt: zero-delay retries and schedules created by the invoked
      // handler itself are picked up in the same run, still in due order.
      for (let next = this.nextDue(); next; next = this.nextDue()) {
        fired.push(await this.attempt(next));
      }
    } finally {
      this.draining = false;
      this.rearm();
    }
    return fired;
  }

  private nextDue(): StoredSchedule | undefined {
    return this.closed ? undefined : this.options.store.nextDue(this.options.now());
  }

  private async attempt(schedule: StoredSchedule): Promise<FiredSchedule> {
    const { invoke, now } = this.options;
    const dueAt = schedule.dueAt ?? now();
    schedule.attempts += 1;
    // Not fireable while the attempt runs, whatever else happens meanwhile.
    this.options.store.setNextAttempt(schedule, undefined);
    const base = {
      arn: schedule.arn,
      name: schedule.name,
      groupName: schedule.groupName,
      dueAt,
      firedAt: now(),
      attempt: schedule.attempts,
    };

    let result: FiredSchedule;
    try {
      const { Arn, Input } = schedule.target;
      await invoke({ Arn, ...(Input !== undefined && { Input }) }, toRecord(schedule));
      result = { ...base, outcome: 'succeeded', completion: this.complete(schedule) };
    } catch (error) {
      result = this.failed(schedule, base, error);
    }
    this.notify(result);
    return result;
  }

  private failed(schedule: StoredSchedule, base: Omit<FiredSchedule, 'outcome'>, error: unknown): FiredSchedule {
    const { store, now, retryDelayMs } = this.options;
    const policy = schedule.target.RetryPolicy;
    let reason: DeadLetterReason | undefined;
    let retryAt = 0;
    if (!store.isCurrent(schedule)) {
      reason = 'schedule-deleted';
    } else if (schedule.attempts > policy.MaximumRetryAttempts) {
      reason = 'retries-exhausted';
    } else {
      retryAt = now() + Math.max(0, retryDelayMs(schedule.attempts));
      if (retryAt - base.dueAt > policy.MaximumEventAgeInSeconds * 1000) reason = 'event-too-old';
    }
    if (reason === undefined) {
      store.setNextAttempt(schedule, retryAt);
      return { ...base, outcome: 'retrying', error };
    }
    this.dead.push({
      scheduleArn: schedule.arn,
      name: schedule.name,
      groupName: schedule.groupName,
      target: structuredClone(schedule.target),
      deadLetterArn: schedule.target.DeadLetterConfig?.Arn,
      reason,
      attempts: schedule.attempts,
      error,
      errorMessage: error instanceof Error ? error.message : String(error),
      at: now(),
    });
    return { ...base, outcome: 'dead-lettered', error, completion: this.complete(schedule) };
  }

  /** Applies ActionAfterCompletion once the occurrence is over (delivered or given up). */
  private complete(schedule: StoredSchedule): 'deleted' | 'kept' | 'gone' {
    const { store, now } = this.options;
    if (!store.isCurrent(schedule)) return 'gone';
    if (schedule.actionAfterCompletion === 'DELETE') {
      store.remove(schedule);
      return 'deleted';
    }
    // AWS keeps the schedule ENABLED; it simply has no occurrence left.
    store.markCompleted(schedule, now());
    return 'kept';
  }

  private notify(fired: FiredSchedule): void {
    try {
      this.options.onFired?.(fired);
    } catch (error) {
      console.error('local scheduler: onFired listener threw', error);
    }
  }
}
