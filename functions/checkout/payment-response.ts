import { CONFIRM_PROCESS_FAILED } from '../domain/confirm-process.ts';

/**
 * What `PortOne.requestPayment` resolves with (browser SDK `PaymentResponse`): `code` is present
 * only when the payment did not succeed. PortOne reports every failure inside the PG's window
 * (refusal, customer closing the window) with `code: "FAILURE_TYPE_PG"` and the PG's own
 * `pgCode`/`pgMessage`.
 */
export interface PaymentResponse {
  transactionType: 'PAYMENT';
  paymentId: string;
  txId: string;
  /** Manual confirm (수동 승인) only: what the merchant's server passes to confirmPayment. */
  paymentToken?: string;
  code?: string;
  message?: string;
  pgCode?: string;
  pgMessage?: string;
}

export const FAILURE_TYPE_PG = 'FAILURE_TYPE_PG';

export const succeeded = (paymentId: string, txId: string): PaymentResponse => ({ transactionType: 'PAYMENT', paymentId, txId });

/** Manual confirm: authenticated, not charged; the merchant's server confirms with the token. */
export const authenticated = (paymentId: string, txId: string, paymentToken: string): PaymentResponse => ({ transactionType: 'PAYMENT', paymentId, txId, paymentToken });

/** The confirm process stopped the payment before the PG was asked (domain/confirm-process.ts). */
export const confirmRefused = (paymentId: string, txId: string, message: string): PaymentResponse => ({
  transactionType: 'PAYMENT',
  paymentId,
  txId,
  code: CONFIRM_PROCESS_FAILED,
  message,
});

/** A PG refusal. The message carries the PG code first, as PortOne's messages do. */
export function failedAtPg(paymentId: string, txId: string, pgCode: string, pgMessage: string): PaymentResponse {
  return { transactionType: 'PAYMENT', paymentId, txId, code: FAILURE_TYPE_PG, message: `[${pgCode}] ${pgMessage}`, pgCode, pgMessage };
}

/**
 * The mobile (REDIRECTION) result: the merchant's `redirectUrl` with the response (a payment's, or
 * another window's such as 본인인증) as query parameters, keeping any query the merchant put there itself.
 */
export function redirectTarget(redirectUrl: string, response: PaymentResponse | object): string {
  const url = new URL(redirectUrl);
  for (const [key, value] of Object.entries(response as Record<string, unknown>)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}
