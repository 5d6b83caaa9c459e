/**
 * Start-up sweep of the local runtime: resumes what a killed process left behind. On AWS the
 * table stream and EventBridge Scheduler keep that state themselves; locally the worker's queue
 * and the local Scheduler's schedules live in memory, so they are rebuilt from the table (the
 * truth) here.
 */
import type { StoreRecord } from '../domain/store.ts';
import { logger } from '../logger.ts';
import type { Services } from '../services.ts';
import { toWallTime } from '../stores/clock.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { OutboxWorker } from './outbox-worker.ts';
import { sortByCreation } from '../webhooks/present.ts';

export interface RecoveryReport {
  /** Outbox entries committed but never attempted, now queued. */
  events: number;
  /** Pending timers whose schedule was created again. */
  timers: number;
}

/** Reads every stored item of a kind (local/table-scan.ts). */
export type ScanItems = <T>(itemType: 'OUTBOX' | 'TIMER') => Promise<T[]>;

export async function recoverPendingWork(services: Services, scan: ScanItems, worker: OutboxWorker | undefined): Promise<RecoveryReport> {
  const [events, timers] = await Promise.all([scan<OutboxEvent>('OUTBOX'), scan<TimerRecord>('TIMER')]);
  // Never attempted and not held by chaos (a held event's hold timer below releases it). Events
  // with attempts have a retry timer or are finished.
  const unsent = sortByCreation(events.filter((e) => e.status === 'PENDING' && e.attempts.length === 0 && e.heldAt === undefined));
  worker?.enqueue(unsent.map(({ storeId, paymentId, eventId }) => ({ storeId, paymentId, eventId })));

  const pending = timers.filter((t) => t.state === 'PENDING');
  const stores = new Map<string, StoreRecord | undefined>();
  for (const timer of pending) {
    if (!stores.has(timer.storeId)) stores.set(timer.storeId, await services.repo.getStore(timer.storeId));
    const store = stores.get(timer.storeId);
    if (!store) continue;
    // A schedule that is already past due fires at once; the timer handler is idempotent.
    await services.scheduler.schedule(timer, toWallTime(store, new Date(timer.dueAt)));
  }
  if (unsent.length > 0 || pending.length > 0) {
    logger.info('local runtime: resumed pending work', { events: unsent.length, timers: pending.length });
  }
  return { events: unsent.length, timers: pending.length };
}
