import type { BillingKeyRecord } from '../domain/billing-key.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { issueTokenOf } from '../billing/issue-token.ts';
import { FAILURE_TYPE_PG } from './payment-response.ts';
import type { BillingCheckoutSession } from './billing-session.ts';

/**
 * What PortOne.requestIssueBillingKey / requestIssueBillingKeyAndPay resolve with (browser SDK
 * `IssueBillingKeyResponse` / `IssueBillingKeyAndPayResponse`): `code` present only on failure; with
 * manual confirm (수동 승인) the key (and the first payment's txId) read `NEEDS_CONFIRMATION` and
 * `billingIssueToken` is what confirmBillingKey / confirmBillingKeyIssueAndPay take.
 */
export interface BillingWindowResponse {
  transactionType: 'ISSUE_BILLING_KEY' | 'ISSUE_BILLING_KEY_AND_PAY';
  billingKey: string;
  billingIssueToken?: string;
  paymentId?: string;
  txId?: string;
  code?: string;
  message?: string;
  pgCode?: string;
  pgMessage?: string;
}

export const NEEDS_CONFIRMATION = 'NEEDS_CONFIRMATION';

const base = (s: BillingCheckoutSession, billingKey: string, txId?: string): BillingWindowResponse => ({
  transactionType: s.kind,
  billingKey,
  ...(s.payment ? { paymentId: s.payment.paymentId, txId: txId ?? '' } : {}),
});

/** A refusal or close: PortOne's `FAILURE_TYPE_PG` with the PG's code, as the payment window answers. */
export function billingFailed(s: BillingCheckoutSession, pgCode: string, pgMessage: string, txId?: string): BillingWindowResponse {
  return { ...base(s, s.billingKey, txId), code: FAILURE_TYPE_PG, message: `[${pgCode}] ${pgMessage}`, pgCode, pgMessage };
}

/** Any other refusal (the SDK's own codes, e.g. PaymentAlreadyPaid). */
export const billingOther = (s: BillingCheckoutSession, code: string, message: string): BillingWindowResponse => ({ ...base(s, s.billingKey), code, message });

/**
 * The answer a key's state gives, so a double submit, a reload or a late close repeats it.
 * Undefined while the window is still open (READY), or when the first payment is not made yet.
 */
export function billingSettledResponse(s: BillingCheckoutSession, key: BillingKeyRecord, payment: PaymentRecord | undefined): BillingWindowResponse | undefined {
  switch (key.status) {
    case 'READY':
      return undefined;
    case 'PENDING':
      return { ...base(s, NEEDS_CONFIRMATION, s.payment ? NEEDS_CONFIRMATION : undefined), billingIssueToken: issueTokenOf(key.billingKey) };
    case 'FAILED':
      return billingFailed(s, key.failure?.pgCode ?? 'UNKNOWN', key.failure?.pgMessage ?? '빌링키 발급 실패');
    default:
      if (!s.payment) return base(s, key.billingKey);
      if (!payment || payment.billingKey !== key.billingKey || payment.status === 'READY') return undefined;
      if (payment.status === 'FAILED') {
        return { ...billingFailed(s, payment.failure?.pgCode ?? 'UNKNOWN', payment.failure?.pgMessage ?? payment.failure?.reason ?? '결제 실패', payment.transactionId), billingKey: key.billingKey };
      }
      return base(s, key.billingKey, payment.transactionId);
  }
}
