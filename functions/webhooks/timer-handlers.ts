import type { TimerRecord } from '../domain/timer.ts';
import type { OutboxKey, Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { dispatchEvent } from './dispatch.ts';

/**
 * What a webhook timer does when it falls due (registered in the wiring's timer handler table):
 * deliver the outbox entry it names. Send first, settle after: a crash in between re-sends (a
 * duplicate), never loses the delivery.
 */
export async function deliverOnTimer(services: Services, timer: TimerRecord): Promise<string> {
  const eventId = String(timer.payload?.eventId ?? '');
  const event = await dispatchEvent(services, { storeId: timer.storeId, paymentId: timer.paymentId, eventId });
  const settled = await services.repo.settleTimer(timer.storeId, timer.timerId, 'FIRED', storeNow(services, await loadStore(services, timer.storeId)).toISOString());
  if (!settled) return 'skipped';
  return event ? `webhook ${event.type}: ${event.status} after ${event.attempts.length} attempt(s)` : 'webhook event missing';
}

/** A redrive schedule, which has no timer record (webhooks/redrive.ts): deliver the entry it names. */
export async function redriveOnSchedule(services: Services, key: OutboxKey): Promise<string> {
  const event = await dispatchEvent(services, key);
  return `redrive: ${event?.status ?? 'no such event'}`;
}
