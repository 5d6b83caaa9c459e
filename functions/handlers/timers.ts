import type { Context } from 'aws-lambda';
import { loadConfig } from '../config.ts';
import { createServices } from '../wiring.ts';
import { runTimer, type TimerOutcome } from '../timers/run-timer.ts';
import type { TimerInput } from '../domain/timer.ts';
import { logger } from '../logger.ts';

const services = createServices(loadConfig());

/**
 * Target of every one-shot schedule: EventBridge Scheduler passes the schedule's `Input` as the
 * event. Unknown shapes are logged and dropped (a retry would not fix them); errors from
 * dependencies are thrown so Scheduler retries and, in the end, dead-letters the event.
 */
export const handler = async (event: unknown, context: Context): Promise<TimerOutcome | { result: 'ignored' }> => {
  logger.addContext(context);
  const input = event as Partial<TimerInput> | null;
  if (!input || typeof input.storeId !== 'string' || typeof input.timerId !== 'string') {
    logger.warn('timers: ignoring an event that is not a timer input', { event: JSON.stringify(event).slice(0, 500) });
    return { result: 'ignored' };
  }
  // A redrive's Input also names its outbox entry (it has no timer record): pass those on.
  const entry = typeof input.paymentId === 'string' && typeof input.eventId === 'string' ? { paymentId: input.paymentId, eventId: input.eventId } : {};
  return runTimer(services, { storeId: input.storeId, timerId: input.timerId, ...entry });
};
