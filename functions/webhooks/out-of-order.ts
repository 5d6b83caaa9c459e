/**
 * Out-of-order chaos, deterministic on both runtimes: a payment's event is held back (not sent)
 * until the next event of the same payment to the same URL has been delivered, then released, so
 * the receiver sees e.g. Transaction.Cancelled before Transaction.Paid. An event that never gets
 * a successor is released by a hold timer after OUT_OF_ORDER_HOLD_MS of store time (the test
 * clock drives it like any retry). Held events stay PENDING with `heldAt` set, and the hold timer
 * is the safety net: nothing is lost if the releasing dispatcher dies.
 */
import type { StoreRecord } from '../domain/store.ts';
import { logger } from '../logger.ts';
import type { OutboxKey, Services } from '../services.ts';
import { storeNow, toWallTime } from '../stores/clock.ts';
import { webhookTimer, webhookTimerId } from './webhook-timer.ts';
import { OUT_OF_ORDER_HOLD_MS } from './chaos.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import { sortByCreation } from './present.ts';

export const holdTimerId = (event: Pick<OutboxEvent, 'storeId' | 'paymentId' | 'eventId'>): string => webhookTimerId(event, 'hold');

const sameStream = (a: OutboxEvent, b: OutboxEvent) => a.eventId !== b.eventId && a.url === b.url && a.trigger !== 'MANUAL';

/**
 * Hold an event on its first attempt, unless a later event of its payment is already there, or an
 * earlier one is being held (then this one goes first and releases it). Events pair up: 1 and 2
 * arrive as 2, 1; 3 and 4 as 4, 3; a last unpaired one after its hold timer.
 */
export async function shouldHold(services: Services, event: OutboxEvent): Promise<boolean> {
  // A manual resend is sent when asked; a retry or a released event is past holding.
  if (event.attempts.length > 0 || event.heldAt !== undefined || event.trigger === 'MANUAL') return false;
  const siblings = (await services.repo.listOutbox(event.storeId, event.paymentId)).filter((e) => sameStream(e, event));
  if (siblings.some((e) => e.createdAt > event.createdAt)) return false;
  return !siblings.some((e) => e.createdAt <= event.createdAt && e.status === 'PENDING' && e.heldAt !== undefined);
}

export async function holdBack(services: Services, store: StoreRecord, event: OutboxEvent): Promise<OutboxEvent | undefined> {
  const now = storeNow(services, store);
  const due = new Date(now.getTime() + OUT_OF_ORDER_HOLD_MS);
  const timer = webhookTimer(
    event,
    'hold',
    { due, now },
    `webhook ${event.type} held back by out-of-order chaos until the payment's next event is delivered (at most ${OUT_OF_ORDER_HOLD_MS / 1000} s)`,
    { hold: true },
  );
  const next: OutboxEvent = { ...event, heldAt: now.toISOString(), nextAttemptAt: timer.dueAt };
  await services.scheduler.schedule(timer, toWallTime(store, due));
  if (!(await services.repo.saveOutbox(next, event.version, timer))) {
    return services.repo.getOutbox(event.storeId, event.paymentId, event.eventId);
  }
  logger.info('webhook held back (out-of-order chaos)', { storeId: event.storeId, paymentId: event.paymentId, eventId: event.eventId });
  return next;
}

/**
 * After `delivered` went out, sends the earlier events of its payment that are being held, newest
 * first, and retires their hold timers. Send before retiring: a crash in between leaves a timer
 * that finds the event delivered and does nothing.
 */
export async function releaseHeld(services: Services, delivered: OutboxEvent, dispatch: (key: OutboxKey) => Promise<unknown>): Promise<void> {
  const held = (await services.repo.listOutbox(delivered.storeId, delivered.paymentId)).filter(
    (e) => e.status === 'PENDING' && e.heldAt !== undefined && sameStream(e, delivered) && e.createdAt <= delivered.createdAt,
  );
  for (const event of sortByCreation(held).reverse()) {
    await dispatch({ storeId: event.storeId, paymentId: event.paymentId, eventId: event.eventId });
    const timer = await services.repo.getTimer(event.storeId, holdTimerId(event));
    if (timer?.state !== 'PENDING') continue;
    const store = await services.repo.getStore(event.storeId);
    const at = store ? storeNow(services, store).toISOString() : new Date(services.wallNow()).toISOString();
    if (await services.repo.settleTimer(event.storeId, timer.timerId, 'CANCELLED', at)) {
      await services.scheduler.unschedule(timer).catch(() => undefined);
    }
  }
}
