import type { OutboxKey, Services } from '../services.ts';
import { webhookTimer } from './webhook-timer.ts';
import { logger } from '../logger.ts';

/** How long after a failed stream dispatch the redrive schedule delivers the event itself. */
export const REDRIVE_AFTER_MS = 5 * 60_000;

/**
 * The safety net under the stream: when dispatching a new outbox entry fails for a reason of our
 * own (the table or Scheduler unavailable), a one-shot schedule is created that names the entry in
 * its Input. It needs no timer record — the table may be what is failing — and runs even after
 * the stream has given up on the record, so a PENDING event cannot be stranded. If the stream
 * succeeds meanwhile, the redrive finds the event delivered and does nothing.
 */
export async function scheduleRedrive(services: Services, key: OutboxKey): Promise<void> {
  const now = new Date(services.wallNow());
  const timer = webhookTimer(key, 'redrive', { due: new Date(now.getTime() + REDRIVE_AFTER_MS), now }, 'redrive of a webhook the stream could not dispatch');
  try {
    await services.scheduler.schedule(timer, new Date(timer.dueAt));
  } catch (error) {
    // The stream still retries the record; the failure queue alarm covers the rest.
    logger.error('webhook redrive could not be scheduled', { ...key, error: error as Error });
  }
}
