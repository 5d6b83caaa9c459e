import type { TimerRecord } from '../domain/timer.ts';

/** The alarm clock behind timers: one one-shot schedule per timer. */
export interface TimerScheduler {
  /** Creates the schedule for a timer due at `wallDueAt`. Creating one that exists is not an error. */
  schedule(timer: TimerRecord, wallDueAt: Date): Promise<void>;
  /** Deletes a timer's schedule. Deleting one that is gone is not an error. */
  unschedule(timer: Pick<TimerRecord, 'scheduleName'>): Promise<void>;
}
