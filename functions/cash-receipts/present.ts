import type { CashReceiptRecord } from '../domain/cash-receipt.ts';

/** PortOne's `CashReceipt` (ISSUED or CANCELLED) for a stored receipt; the customer's number is never shown back. */
export function presentCashReceipt(r: CashReceiptRecord): Record<string, unknown> {
  return {
    status: r.status,
    merchantId: r.merchantId,
    storeId: r.storeId,
    paymentId: r.paymentId,
    channel: r.channel,
    amount: r.amount,
    taxFreeAmount: r.taxFreeAmount,
    vatAmount: r.vatAmount,
    currency: r.currency,
    orderName: r.orderName,
    isManual: r.isManual,
    type: r.type,
    pgReceiptId: r.pgReceiptId,
    issueNumber: r.issueNumber,
    url: r.url,
    issuedAt: r.issuedAt,
    ...(r.cancelledAt ? { cancelledAt: r.cancelledAt } : {}),
    statusUpdatedAt: r.statusUpdatedAt,
  };
}
