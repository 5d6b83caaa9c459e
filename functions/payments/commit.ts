import type { PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { PaymentSideEffects } from '../ports/repository.ts';
import { toWallTime } from '../stores/clock.ts';
import { paymentEventsOf } from '../domain/payment-event.ts';

export interface PaymentChange {
  store: StoreRecord;
  payment: PaymentRecord;
  /** null: the payment must not exist yet. */
  expectedVersion: number | null;
  newTimers?: TimerRecord[];
  /** Pending timers this change cancels (in the same write); their schedules are deleted after it. */
  cancelTimers?: Pick<TimerRecord, 'timerId' | 'scheduleName'>[];
  /** Timers this change completes (the PG void marks its own timer FIRED in the same write). */
  fireTimers?: TimerRecord[];
  outbox?: OutboxEvent[];
  /** Cash receipts that change with the payment (a full cancel cancels its receipt). */
  cashReceipts?: PaymentSideEffects['cashReceipts'];
}

/**
 * Commits a payment change with its timers and webhook events.
 *
 * Order matters for "nothing lost": new schedules are created *before* the commit, so a failure
 * before the commit leaves at most an orphan schedule that finds no timer record and does nothing;
 * a failure after it leaves a committed timer whose schedule exists. Schedules of cancelled timers
 * are deleted *after* the commit; if that delete fails the schedule fires, finds the timer
 * CANCELLED and does nothing.
 */
export async function commitPaymentChange(services: Services, change: PaymentChange): Promise<void> {
  const { store, payment } = change;
  for (const timer of change.newTimers ?? []) {
    await services.scheduler.schedule(timer, toWallTime(store, new Date(timer.dueAt)));
  }
  const at = new Date(services.wallNow() + store.clockOffsetMs).toISOString();
  if (change.outbox?.length) payment.hasWebhooks = true;
  else if (change.expectedVersion === null) payment.hasWebhooks = false;
  // The payment events this change caused (paid, cancelled) are stored with it, in the same write.
  const events = paymentEventsOf(payment);
  const newEvents = events.slice(payment.eventsRecorded ?? 0);
  if (newEvents.length) payment.eventsRecorded = events.length;
  await services.repo.commitPayment(payment, change.expectedVersion, {
    events: newEvents,
    cashReceipts: change.cashReceipts,
    putTimers: change.newTimers,
    cancelTimers: change.cancelTimers?.map((t) => ({ timerId: t.timerId, at })),
    fireTimers: change.fireTimers?.map((t) => ({ timerId: t.timerId, at })),
    outbox: change.outbox,
  });
  // A fired timer's schedule deletes itself (ActionAfterCompletion DELETE) or is deleted by the
  // clock-advance path that ran it; a cancelled one would still fire, so delete it now.
  for (const timer of change.cancelTimers ?? []) {
    await services.scheduler.unschedule(timer).catch(() => undefined);
  }
  if (change.outbox?.length) services.onOutboxCommitted?.(change.outbox.map(({ storeId, paymentId, eventId }) => ({ storeId, paymentId, eventId })));
}
