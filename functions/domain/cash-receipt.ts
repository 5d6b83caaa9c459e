/**
 * 현금영수증 (cash receipt): the tax receipt a Korean shop issues for a payment made in cash-like
 * ways (bank transfer, virtual account). One per paymentId, as PortOne's
 * getCashReceiptByPaymentId implies: issued by hand (issueCashReceipt, `isManual: true`) or with a
 * payment that asked for one. It is ISSUED until it is cancelled (by hand, or with its payment).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { PortOneError } from './errors.ts';
import { breakdown } from './money.ts';
import type { ChannelRef } from './payment.ts';

export type CashReceiptType = 'PERSONAL' | 'CORPORATE';

/**
 * A receipt the buyer asked for with a transfer or virtual-account payment (browser SDK
 * `transfer` / `virtualAccount` `cashReceiptType` + `customerIdentifier`, or the PG window's choice;
 * payInstantly `method.virtualAccount.cashReceipt`). 미발행 (ANONYMOUS, NO_RECEIPT) is no request.
 */
export interface CashReceiptRequest {
  type: CashReceiptType;
  customerIdentityNumber: string;
}

/** 미발행 (no receipt), as the browser SDK (`ANONYMOUS`) and the API (`NO_RECEIPT`) spell it. */
export const NO_RECEIPT_TYPES: readonly string[] = ['ANONYMOUS', 'NO_RECEIPT'];

/** A browser SDK or API receipt type without the SDK's optional `CASH_RECEIPT_TYPE_` prefix. */
export const cashReceiptTypeOf = (given: string): string => given.toUpperCase().replace(/^CASH_RECEIPT_TYPE_/, '');

/** The buyer's request from a type and number as PortOne's inputs give them; 미발행, or no number, is none. */
export function cashReceiptRequestOf(type: string | undefined, customerIdentityNumber: string | undefined): CashReceiptRequest | undefined {
  const t = type === undefined ? undefined : cashReceiptTypeOf(type);
  if ((t !== 'PERSONAL' && t !== 'CORPORATE') || !customerIdentityNumber) return undefined;
  return { type: t, customerIdentityNumber };
}

/**
 * A number a receipt can be issued to: a mobile phone number, a business registration number
 * (사업자등록번호, 10 digits), a resident registration number or a cash receipt card number
 * (현금영수증 카드, 13–19 digits). Dashes are allowed.
 */
export const isCashReceiptIdentity = (n: string): boolean => /^[0-9-]+$/.test(n) && /^\d{10,19}$/.test(n.replaceAll('-', ''));

/** The receipt as a payment carries it (PortOne's `PaymentCashReceipt`), kept in step with the receipt in the same writes. */
export type PaymentCashReceipt = Pick<CashReceiptRecord, 'status' | 'type' | 'pgReceiptId' | 'issueNumber' | 'amount' | 'taxFreeAmount' | 'currency' | 'url' | 'issuedAt' | 'cancelledAt'>;

export const onPayment = (r: CashReceiptRecord): PaymentCashReceipt => ({
  status: r.status,
  type: r.type,
  pgReceiptId: r.pgReceiptId,
  issueNumber: r.issueNumber,
  amount: r.amount,
  taxFreeAmount: r.taxFreeAmount,
  currency: r.currency,
  url: r.url,
  issuedAt: r.issuedAt,
  ...(r.cancelledAt ? { cancelledAt: r.cancelledAt } : {}),
});

export interface NewCashReceipt {
  storeId: string;
  merchantId: string;
  paymentId: string;
  /** The stored receipt it replaces (a cancelled one), if any. */
  version: number;
  channel: ChannelRef;
  type: CashReceiptType;
  amount: { total: number; taxFree?: number; vat?: number };
  currency: string;
  orderName: string;
  isManual: boolean;
  customerIdentityNumber: string;
  at: string;
}

/** A receipt the PG has just issued: its receipt id, the National Tax Service's approval number and the receipt page. */
export function issuedReceipt(i: NewCashReceipt): CashReceiptRecord {
  const split = breakdown(i.amount.total, i.amount.taxFree ?? 0, i.amount.vat);
  const pgReceiptId = `${i.channel.pgProvider.toLowerCase().replace(/_v2$/, '')}-cr-${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  return {
    storeId: i.storeId,
    merchantId: i.merchantId,
    paymentId: i.paymentId,
    version: i.version,
    status: 'ISSUED',
    channel: i.channel,
    type: i.type,
    amount: i.amount.total,
    taxFreeAmount: split.taxFree,
    vatAmount: split.vat,
    currency: i.currency,
    orderName: i.orderName,
    isManual: i.isManual,
    customerIdentityNumber: i.customerIdentityNumber,
    pgReceiptId,
    issueNumber: String(randomInt(0, 1_000_000_000)).padStart(9, '0'),
    url: `https://sandbox.pg-sandbox.invalid/cash-receipts/${pgReceiptId}`,
    issuedAt: i.at,
    statusUpdatedAt: i.at,
  };
}

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
