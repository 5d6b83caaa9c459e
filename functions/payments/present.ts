import type { Cancellation, PaymentRecord } from '../domain/payment.ts';
import type { PaymentEventRecord } from '../domain/payment-event.ts';
import { presentEscrow } from './escrow.ts';

/**
 * PortOne's `Payment` JSON for a record: the union on `status` decides which fields must be there
 * (PAID needs paidAt/pgTxId/disputes; cancelled states need cancellations/cancelledAt; FAILED needs
 * failedAt/failure). The PG view never leaks into it: PortOne does not know it.
 */
export function presentPayment(p: PaymentRecord): Record<string, unknown> {
  const base: Record<string, unknown> = {
    status: p.status,
    id: p.paymentId,
    transactionId: p.transactionId,
    merchantId: p.merchantId,
    storeId: p.storeId,
    method: p.method,
    channel: p.channel,
    version: 'V2',
    scheduleId: p.scheduleId,
    billingKey: p.billingKey,
    promotionId: p.promotion?.id,
    webhooks: p.webhooks,
    requestedAt: p.requestedAt,
    updatedAt: p.updatedAt,
    statusChangedAt: p.statusChangedAt,
    orderName: p.orderName,
    amount: p.amount,
    currency: p.currency,
    customer: p.customer,
    customData: p.customData,
    isCulturalExpense: p.isCulturalExpense,
    escrow: presentEscrow(p),
    products: p.products,
    productCount: p.productCount,
    origin: p.origin,
  };
  switch (p.status) {
    case 'PAID':
      return clean({ ...base, paidAt: p.paidAt, pgTxId: p.pgTxId, cashReceipt: presentPaymentCashReceipt(p), receiptUrl: p.receiptUrl, disputes: p.disputes ?? [] });
    case 'PARTIAL_CANCELLED':
    case 'CANCELLED':
      return clean({
        ...base,
        paidAt: p.paidAt,
        pgTxId: p.pgTxId,
        cashReceipt: presentPaymentCashReceipt(p),
        receiptUrl: p.receiptUrl,
        cancellations: p.cancellations.map(presentCancellation),
        cancelledAt: p.cancelledAt,
      });
    case 'FAILED':
      return clean({ ...base, failedAt: p.failedAt, failure: p.failure ?? {} });
    case 'VIRTUAL_ACCOUNT_ISSUED':
      return clean({ ...base, pgTxId: p.pgTxId });
    default:
      return clean(base);
  }
}

/** PortOne's `PaymentCashReceipt` (ISSUED or CANCELLED) of the receipt issued with the payment, if any. */
function presentPaymentCashReceipt(p: Pick<PaymentRecord, 'cashReceipt'>): Record<string, unknown> | undefined {
  const r = p.cashReceipt;
  if (!r) return undefined;
  const { amount, ...rest } = r;
  return { ...rest, totalAmount: amount };
}

/** Without its undefined fields, copied: deleting them would leave V8 a slow dictionary object to stringify. */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * A cancellation as PortOne shows it (`SucceededPaymentCancellation`, `RequestedPaymentCancellation`,
 * `FailedPaymentCancellation`); the sandbox also remembers who asked, and how a pending one ends.
 */
export function presentCancellation(c: Cancellation): Omit<Cancellation, 'requester' | 'pending' | 'failure'> {
  const { requester: _requester, pending: _pending, failure: _failure, ...shown } = c;
  return shown;
}

/**
 * PortOne's `PaymentTransaction`s of a payment (getPaymentTransactions): the failed attempts kept on
 * the record, oldest first, then the current one. A transaction is the payment as that attempt left
 * it, named by its own id; the order (name, customer, products …) is the payment's.
 */
export function presentTransactions(p: PaymentRecord): Record<string, unknown>[] {
  const past = (p.pastAttempts ?? []).map((attempt) =>
    asTransaction({ ...p, webhooks: [], cancellations: [], billingKey: attempt.billingKey, scheduleId: attempt.scheduleId, ...attempt }),
  );
  return [...past, asTransaction(p)];
}

function asTransaction(p: PaymentRecord): Record<string, unknown> {
  // Disputes and the origin belong to the payment, not to one attempt (PortOne's schema has neither).
  const { transactionId: _t, origin: _o, disputes: _d, ...shown } = presentPayment(p);
  return { ...shown, id: p.transactionId, paymentId: p.paymentId };
}

/** PortOne's `PaymentEvent` for a stored event: the payment as the event left it, and what the event moved. */
export function presentPaymentEvent(e: PaymentEventRecord): Record<string, unknown> {
  const p = e.payment;
  return clean({
    type: e.type,
    id: e.eventId,
    paymentId: p.paymentId,
    transactionId: p.transactionId,
    merchantId: p.merchantId,
    storeId: p.storeId,
    method: p.method,
    channel: p.channel,
    version: 'V2',
    scheduleId: p.scheduleId,
    promotionId: p.promotion?.id,
    requestedAt: p.requestedAt,
    createdAt: e.createdAt,
    orderName: p.orderName,
    totalAmount: p.amount,
    currency: p.currency,
    customer: p.customer,
    isCulturalExpense: p.isCulturalExpense,
    products: p.products,
    productCount: p.productCount,
    customData: p.customData,
    pgTxId: p.pgTxId,
    cashReceipt: presentPaymentCashReceipt(p),
    receiptUrl: p.receiptUrl,
    ...(e.type === 'PAID' ? { disputes: p.disputes ?? [] } : { cancellation: e.cancellation && presentCancellation(e.cancellation) }),
    eventAmount: e.eventAmount,
    origin: p.origin,
  });
}
