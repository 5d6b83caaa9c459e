/**
 * PortOne's payment events (getAllPaymentEventsByCursor): one when money was taken (PAID) and one
 * per succeeded cancellation (PARTIAL_CANCELLED while money is left, CANCELLED for the one that takes the
 * rest). They follow from the payment record alone, so every writer of a payment gets them right
 * by committing through payments/commit.ts, which stores the ones not yet stored.
 */
import { succeededCancellations, type Cancellation, type PaymentRecord } from './payment.ts';

export type PaymentEventType = 'PAID' | 'PARTIAL_CANCELLED' | 'CANCELLED';

export interface PaymentEventRecord {
  storeId: string;
  paymentId: string;
  /** Unique in the store: derived from the transaction or the cancellation it records. */
  eventId: string;
  type: PaymentEventType;
  createdAt: string;
  /** Money the event moved: positive when paid, negative when cancelled (PortOne's `eventAmount`). */
  eventAmount: number;
  cancellation?: Cancellation;
  /** The payment right after the event (its cancellation list and delivery log left out: not part of an event). */
  payment: Omit<PaymentRecord, 'cancellations' | 'webhooks' | 'pg' | 'pastAttempts'>;
}

/** Every event of a payment so far, oldest first. */
export function paymentEventsOf(payment: PaymentRecord): PaymentEventRecord[] {
  if (!payment.paidAt || payment.amount.paid === 0) return [];
  const { cancellations, webhooks: _w, pg: _pg, pastAttempts: _a, ...snapshot } = payment;
  const event = (eventId: string, type: PaymentEventType, createdAt: string, eventAmount: number, cancellation?: Cancellation): PaymentEventRecord => ({
    storeId: payment.storeId,
    paymentId: payment.paymentId,
    eventId,
    type,
    createdAt,
    eventAmount,
    ...(cancellation ? { cancellation } : {}),
    payment: snapshot,
  });
  const events = [event(`paid-${payment.transactionId}`, 'PAID', payment.paidAt, payment.amount.paid)];
  let cancelled = 0;
  // Only money that went back is an event. An asynchronous cancel succeeds after every earlier one
  // settled (one pending at a time), so this order, and so `eventsRecorded`, never changes.
  for (const c of succeededCancellations({ cancellations })) {
    cancelled += c.totalAmount;
    const type = cancelled >= payment.amount.paid ? 'CANCELLED' : 'PARTIAL_CANCELLED';
    events.push(event(`cancel-${c.id}`, type, c.cancelledAt!, -c.totalAmount, c));
  }
  return events;
}
