/**
 * 현금영수증 (cash receipt): the tax receipt a Korean shop issues for a payment made in cash-like
 * ways (bank transfer, virtual account). One per paymentId, as PortOne's
 * getCashReceiptByPaymentId implies: issued by hand (issueCashReceipt, `isManual: true`) or with a
 * payment that asked for one. It is ISSUED until it is cancelled (by hand, or with its payment).
 */
import { PortOneError } from './errors.ts';
import type { ChannelRef } from './payment.ts';

export type CashReceiptType = 'PERSONAL' | 'CORPORATE';

export interface CashReceiptRecord {
  storeId: string;
  merchantId: string;
  paymentId: string;
  version: number;
  status: 'ISSUED' | 'CANCELLED';
  channel: ChannelRef;
  /** 소득공제용 (PERSONAL, for the customer's income deduction) or 지출증빙용 (CORPORATE, proof of a business expense). */
  type: CashReceiptType;
  amount: number;
  taxFreeAmount: number;
  vatAmount: number;
  currency: string;
  orderName: string;
  isManual: boolean;
  /** The customer's 식별값 (phone number, business number or cash receipt card number), kept as given. */
  customerIdentityNumber: string;
  pgReceiptId: string;
  /** 승인 번호: the National Tax Service's approval number the PG returns. */
  issueNumber: string;
  url: string;
  issuedAt: string;
  cancelledAt?: string;
  statusUpdatedAt: string;
}

/** The receipt cancelled at `at`; refused unless it is ISSUED (PortOne's CASH_RECEIPT_NOT_ISSUED). */
export function cancelledReceipt(receipt: CashReceiptRecord, at: string): CashReceiptRecord {
  if (receipt.status !== 'ISSUED') throw new PortOneError('CASH_RECEIPT_NOT_ISSUED', `발급된 현금영수증이 아닙니다. (paymentId: ${receipt.paymentId}, status: ${receipt.status})`);
  return { ...receipt, status: 'CANCELLED', cancelledAt: at, statusUpdatedAt: at };
}

export const cashReceiptNotFound = (paymentId: string) => new PortOneError('CASH_RECEIPT_NOT_FOUND', `현금영수증이 존재하지 않습니다. (paymentId: ${paymentId})`);
