import type { OutboxKey } from '../services.ts';
import { timerIdFor } from '../timers/timer.ts';
import type { TimerRecord } from '../domain/timer.ts';

/**
 * Every later delivery of an outbox entry (a retry, an out-of-order hold, a redrive) is a
 * `webhook-delivery` timer named after the entry and its step, so re-deriving it after a crash gives
 * the same id and the same schedule name.
 */
export const webhookTimerId = (key: OutboxKey, step: string): string =>
  timerIdFor('webhook-delivery', key.storeId, key.paymentId, `${key.eventId}#${step}`);

export function webhookTimer(
  key: OutboxKey,
  step: string,
  at: { due: Date; now: Date },
  reason: string,
  payload: Record<string, unknown> = {},
): TimerRecord {
  const timerId = webhookTimerId(key, step);
  return {
    storeId: key.storeId,
    timerId,
    kind: 'webhook-delivery',
    paymentId: key.paymentId,
    dueAt: at.due.toISOString(),
    state: 'PENDING',
    reason,
    scheduleName: timerId,
    createdAt: at.now.toISOString(),
    payload: { eventId: key.eventId, ...payload },
  };
}
