import { issuedReceipt, type CashReceiptRecord, type CashReceiptType } from '../domain/cash-receipt.ts';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { loadChannel } from '../payments/approve.ts';
import { channelRef } from '../payments/ready-payment.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';

/** PortOne's `IssueCashReceiptBody`, as this use case reads it. */
export interface IssueCashReceiptInput {
  storeId: string;
  paymentId: string;
  channelKey: string;
  type: CashReceiptType;
  orderName: string;
  currency: string;
  amount: { total: number; taxFree?: number; vat?: number };
  customer: { identityNumber: string };
}

/**
 * 현금영수증 수동 발급 (issueCashReceipt): a receipt for a payment made outside PortOne, or for one of
 * the store's payments. One per paymentId: a second one while the first is ISSUED is refused
 * (CASH_RECEIPT_ALREADY_ISSUED); after a cancellation it may be issued again.
 */
export async function issueCashReceipt(services: Services, input: IssueCashReceiptInput): Promise<CashReceiptRecord> {
  const [store, channel, existing] = await Promise.all([
    loadStore(services, input.storeId),
    loadChannel(services, input.storeId, input.channelKey),
    services.repo.getCashReceipt(input.storeId, input.paymentId),
  ]);
  if (existing?.status === 'ISSUED') throw alreadyIssued(input.paymentId);
  // The National Tax Service's cash receipts are in won only.
  if (input.currency !== 'KRW') throw invalidRequest(`currency: 현금영수증은 KRW로만 발급할 수 있습니다. (${input.currency})`);
  const taxFree = input.amount.taxFree ?? 0;
  if (taxFree + (input.amount.vat ?? 0) > input.amount.total) throw invalidRequest('amount: taxFree + vat must not exceed total');
  const receipt = issuedReceipt({
    storeId: store.storeId,
    merchantId: store.merchantId,
    paymentId: input.paymentId,
    version: existing?.version ?? 0,
    channel: channelRef(channel),
    type: input.type,
    amount: input.amount,
    currency: input.currency,
    orderName: input.orderName,
    isManual: true,
    customerIdentityNumber: input.customer.identityNumber,
    at: storeNow(services, store).toISOString(),
  });
  if (!(await services.repo.saveCashReceipt(receipt, existing ? existing.version : null))) {
    // Another request issued one for this paymentId meanwhile.
    throw alreadyIssued(input.paymentId);
  }
  return receipt;
}

const alreadyIssued = (paymentId: string) => new PortOneError('CASH_RECEIPT_ALREADY_ISSUED', `이미 발급된 현금영수증이 있습니다. (paymentId: ${paymentId})`);
