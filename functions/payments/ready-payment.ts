import { breakdown } from '../domain/money.ts';
import { orderDetailsOf, pastAttemptsAfter, type ChannelRef, type OrderDetails, type PaymentRecord } from '../domain/payment.ts';
import type { ChannelRecord, StoreRecord } from '../domain/store.ts';

export const channelRef = (c: ChannelRecord): ChannelRef => ({
  type: 'TEST',
  id: c.id,
  key: c.channelKey,
  name: c.name,
  pgProvider: c.pgProvider,
  pgMerchantId: c.pgMerchantId,
});

/**
 * A payment request's fields, whichever way it arrives (payInstantly, a checkout window, the
 * sandbox's simulated checkout): PortOne's names, amounts as the merchant gave them.
 */
export interface PaymentRequest extends OrderDetails {
  channelKey: string;
  orderName: string;
  currency: string;
  amount: { total: number; taxFree?: number; vat?: number };
  origin: PaymentRecord['origin'];
}

export interface ReadyPaymentInput extends Omit<PaymentRequest, 'channelKey'> {
  store: StoreRecord;
  paymentId: string;
  transactionId: string;
  /** The record this one replaces (a pre-registered, READY or FAILED attempt), if any. */
  existing?: PaymentRecord;
  channel?: ChannelRecord;
  now: Date;
}

/**
 * A payment at its start (READY), from which every way of paying proceeds: payInstantly, a checkout
 * window, pre-registration. What an earlier attempt on the same paymentId established (request
 * time, pre-registered amounts, failed attempts, webhook log) carries over.
 */
export function readyPayment(i: ReadyPaymentInput): PaymentRecord {
  const nowIso = i.now.toISOString();
  return {
    storeId: i.store.storeId,
    merchantId: i.store.merchantId,
    paymentId: i.paymentId,
    transactionId: i.transactionId,
    version: i.existing?.version ?? 0,
    status: 'READY',
    ...(i.channel ? { channel: channelRef(i.channel) } : {}),
    orderName: i.orderName,
    currency: i.currency,
    amount: { ...breakdown(i.amount.total, i.amount.taxFree ?? 0, i.amount.vat), discount: 0, paid: 0, cancelled: 0, cancelledTaxFree: 0 },
    cancelledVat: 0,
    ...orderDetailsOf(i),
    customer: i.customer ?? {},
    origin: i.origin,
    requestedAt: i.existing?.requestedAt ?? nowIso,
    updatedAt: nowIso,
    statusChangedAt: nowIso,
    cancellations: [],
    webhooks: i.existing?.webhooks ?? [],
    preRegistered: i.existing?.preRegistered,
    failedAttempts: i.existing?.failedAttempts,
    pastAttempts: pastAttemptsAfter(i.existing),
    eventsRecorded: i.existing?.eventsRecorded,
    // The merchant's confirm answer belongs to its transaction: the approval it allowed keeps it.
    ...(i.existing?.confirmCall?.txId === i.transactionId ? { confirmCall: i.existing.confirmCall } : {}),
  };
}
