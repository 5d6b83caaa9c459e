import { issuedReceipt, onPayment, type CashReceiptRecord } from '../domain/cash-receipt.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { getProfile } from '../domain/profiles/index.ts';
import type { PaymentChange } from './commit.ts';

/**
 * The cash receipt a payment asked for, issued as it becomes PAID (a transfer at approval, a virtual
 * account at its deposit), for the amount paid: the receipt item to write in the same transaction,
 * and `payment.cashReceipt` set to match. Nothing when no receipt was asked for, when one is
 * already ISSUED for this paymentId (PortOne keeps one per payment), or when the PG issues none in
 * test (`cashReceiptsInTest`).
 */
export function receiptOnPay(payment: PaymentRecord, stored: CashReceiptRecord | undefined, at: string): NonNullable<PaymentChange['cashReceipts']> {
  const request = payment.cashReceiptRequest;
  // The National Tax Service's receipts are in won only (cash-receipts/issue-cash-receipt.ts).
  if (!request || !payment.channel || payment.currency !== 'KRW' || stored?.status === 'ISSUED') return [];
  // A test channel of a PG that issues no receipts in test (profile data) leaves the payment without one.
  const live = payment.pg?.channelMode === 'LIVE_LIKE';
  if (!live && getProfile(payment.channel.pgProvider)?.cashReceiptsInTest.value === false) return [];
  const receipt = issuedReceipt({
    storeId: payment.storeId,
    merchantId: payment.merchantId,
    paymentId: payment.paymentId,
    version: stored?.version ?? 0,
    channel: payment.channel,
    type: request.type,
    amount: { total: payment.amount.total, taxFree: payment.amount.taxFree, vat: payment.amount.vat },
    currency: payment.currency,
    orderName: payment.orderName,
    isManual: false,
    customerIdentityNumber: request.customerIdentityNumber,
    at,
  });
  payment.cashReceipt = onPayment(receipt);
  return [{ receipt, expectedVersion: stored ? stored.version : null }];
}
