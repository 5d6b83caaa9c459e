import { breakdown } from '../domain/money.ts';
import type { ChannelRef, PaymentRecord } from '../domain/payment.ts';
import type { ChannelRecord, StoreRecord } from '../domain/store.ts';

export const channelRef = (c: ChannelRecord): ChannelRef => ({
  type: 'TEST',
  id: c.id,
  key: c.channelKey,
  name: c.name,
  pgProvider: c.pgProvider,
  pgMerchantId: c.pgMerchantId,
});

export interface ReadyPaymentInput {
  store: StoreRecord;
  paymentId: string;
  transactionId: string;
  /** The record this one replaces (a pre-registered, READY or FAILED attempt), if any. */
  existing?: PaymentRecord;
  channel?: ChannelRecord;
  orderName: string;
  currency: string;
  amount: { total: number; taxFree?: number; vat?: number };
  customer?: Record<string, unknown>;
  customData?: string;
  noticeUrls?: string[];
  isCulturalExpense?: boolean;
  isEscrow?: boolean;
  products?: unknown[];
  productCount?: number;
  origin: PaymentRecord['origin'];
  now: Date;
}

/**
 * A payment at its start (READY), from which every way of paying proceeds: payInstantly, a checkout
 * window, pre-registration. What an earlier attempt on the same paymentId established (request
 * time, pre-registered amounts, failed-attempt count, webhook log) carries over.
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
    customer: i.customer ?? {},
    customData: i.customData,
    noticeUrls: i.noticeUrls,
    isCulturalExpense: i.isCulturalExpense,
    isEscrow: i.isEscrow,
    products: i.products,
    productCount: i.productCount,
    origin: i.origin,
    requestedAt: i.existing?.requestedAt ?? nowIso,
    updatedAt: nowIso,
    statusChangedAt: nowIso,
    cancellations: [],
    webhooks: i.existing?.webhooks ?? [],
    preRegistered: i.existing?.preRegistered,
    failedAttempts: i.existing?.failedAttempts,
  };
}
