import type { Services } from '../services.ts';
import type { TimerInput, TimerRecord } from '../domain/timer.ts';
import { logger } from '../logger.ts';

export interface TimerOutcome {
  timerId: string;
  kind?: string;
  paymentId?: string;
  /** fired: did its work now; skipped: already fired/cancelled (a duplicate delivery); missing: no record. */
  result: 'fired' | 'skipped' | 'missing';
  detail?: string;
}

/**
 * The timers function's one job: run a due timer exactly once. Scheduler may deliver twice and the
 * clock-advance path may race the schedule; every effect is a conditional write that includes
 * moving the timer out of PENDING, so the second runner changes nothing. What a timer does is
 * looked up by its kind in `services.timerHandlers`, provided by the use case that owns the kind.
 */
export async function runTimer(services: Services, input: TimerInput, listed?: TimerRecord): Promise<TimerOutcome> {
  // A timer just listed from the due index needs no re-read: if it moved on since, the conditional
  // write that settles it fails and the run is a no-op, exactly as for a duplicate delivery.
  const timer = listed ?? (await services.repo.getTimer(input.storeId, input.timerId));
  if (!timer) {
    if (!input.paymentId || !input.eventId) return { timerId: input.timerId, result: 'missing' };
    // A redrive: deliver the named outbox entry (a no-op once it is delivered or failed for good).
    const key = { storeId: input.storeId, paymentId: input.paymentId, eventId: input.eventId };
    const detail = await services.timerHandlers.recordless(services, key);
    return { timerId: input.timerId, kind: 'webhook-delivery', paymentId: input.paymentId, result: 'fired', detail };
  }
  if (timer.state !== 'PENDING') return outcome(timer, 'skipped', `already ${timer.state}`);
  const detail = await services.timerHandlers.kinds[timer.kind](services, timer);
  logger.info('timer fired', { storeId: timer.storeId, timerId: timer.timerId, kind: timer.kind, paymentId: timer.paymentId, detail });
  return outcome(timer, detail === 'skipped' ? 'skipped' : 'fired', detail);
}

const outcome = (t: TimerRecord, result: TimerOutcome['result'], detail?: string): TimerOutcome => ({
  timerId: t.timerId,
  kind: t.kind,
  paymentId: t.paymentId,
  result,
  detail,
});
