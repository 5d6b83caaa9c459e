/**
 * The local runtime's schedule calls, taken off the request path: `schedule` and `unschedule`
 * return at once and the EventBridge adapter's call to the local Scheduler endpoint runs right
 * after, so pay and cancel answer without waiting for it (docs/architecture.md, "Time").
 *
 * Why this loses nothing locally: the local Scheduler keeps its schedules in this process's memory,
 * so they already die with it, and the start-up sweep (recover.ts) creates the schedule of every
 * PENDING timer again from the table. A timer the process committed but whose schedule call had
 * not yet run is therefore recovered exactly like one whose schedule existed. On AWS the adapter is
 * used directly (schedules are created before the commit), because there the schedule outlives the
 * function and nothing would sweep.
 *
 * Calls on one schedule name run in the order they were made (a cancel right after a pay deletes
 * the schedule its pay created, never before it); different names run side by side, a few at a
 * time (the start-up sweep may queue thousands at once).
 */
import { logger } from '../logger.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { TimerScheduler } from '../ports/scheduler.ts';

/** Calls in flight at once: enough to keep up with requests, few enough not to queue in the SDK's agent. */
const CONCURRENCY = 8;

export class DeferredTimerScheduler implements TimerScheduler {
  /** The last queued call per schedule name; removed when it is still the last one and done. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly idleWaiters: (() => void)[] = [];
  private running = 0;
  /** Calls whose turn on their name has come, waiting for a free slot, oldest first. */
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly inner: TimerScheduler) {}

  schedule(timer: TimerRecord, wallDueAt: Date): Promise<void> {
    this.enqueue(timer.scheduleName, 'create', () => this.inner.schedule(timer, wallDueAt));
    return Promise.resolve();
  }

  unschedule(timer: Pick<TimerRecord, 'scheduleName'>): Promise<void> {
    this.enqueue(timer.scheduleName, 'delete', () => this.inner.unschedule(timer));
    return Promise.resolve();
  }

  /** Resolves when every call made so far has reached the local Scheduler (tests read its list after this). */
  idle(): Promise<void> {
    if (this.tails.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private enqueue(name: string, action: string, call: () => Promise<void>): void {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const tail = previous.then(() => this.inSlot(call)).catch((err: unknown) => {
      // The adapter already retried. The timer stays PENDING in the table: the clock advance runs
      // it, and the next start-up sweep creates its schedule.
      logger.error('local runtime: schedule call failed', { schedule: name, action, error: String(err) });
    });
    this.tails.set(name, tail);
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
      if (this.tails.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
  }

  private async inSlot(call: () => Promise<void>): Promise<void> {
    // A finished call hands its slot straight to the oldest waiter, so `running` never overshoots.
    if (this.running >= CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      await call();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
