import type { PaymentRecord, PgView } from '../../functions/domain/payment.ts';

export const REQUESTED_AT = '2025-06-01T05:00:00.000Z'; // 14:00 KST
export const PAID_AT = '2025-06-01T05:00:03.000Z';

/**
 * A stored payment for pure models (divergence, timeline): 15,000 KRW paid by card from a checkout
 * window, through a PG that withdrew it and voids it in its 23:00–23:50 KST batch. `pg` changes the
 * PG's side (`null`: the PG never approved); `over` anything else, `pg` included.
 */
export function paidCardRecord(over: Partial<PaymentRecord> = {}, pg: Partial<PgView> | null = {}): PaymentRecord {
  return {
    storeId: 's',
    merchantId: 'm',
    paymentId: 'p1',
    transactionId: 'tx',
    version: 2,
    status: 'PAID',
    orderName: 'o',
    currency: 'KRW',
    amount: { total: 15_000, taxFree: 0, vat: 1364, supply: 13_636, discount: 0, paid: 15_000, cancelled: 0, cancelledTaxFree: 0 },
    cancelledVat: 0,
    customer: {},
    origin: { platformType: 'PC', ipAddress: '127.0.0.1' },
    requestedAt: REQUESTED_AT,
    updatedAt: PAID_AT,
    statusChangedAt: PAID_AT,
    paidAt: PAID_AT,
    cancellations: [],
    webhooks: [],
    ...(pg === null
      ? {}
      : {
          pg: {
            withdrawn: true,
            autoRefund: { kind: 'daily-batch', timeZone: 'Asia/Seoul', windowStart: '23:00', windowEnd: '23:50' },
            ruleDescription: 'real withdrawal',
            refunded: 0,
            methodKind: 'CARD',
            ...pg,
          },
        }),
    ...over,
  };
}
