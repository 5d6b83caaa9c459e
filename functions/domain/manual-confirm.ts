/**
 * Manual confirm of a payment (인증 결제 수동 승인): PortOne enables it per contract on request, the
 * sandbox per channel (`manualConfirm`, domain/store.ts). The customer authenticates in the PG's
 * window, the window hands the merchant a `paymentToken` instead of charging, and only the
 * merchant server's confirmPayment makes the PG approve (or refuse) the charge.
 */

/** What the customer authenticated with in the window, replayed to the PG when the merchant confirms. */
export type AuthenticatedMethod =
  | { kind: 'CARD'; credential: { number: string; expiryYear: string; expiryMonth: string }; installmentMonth?: number }
  | { kind: 'EASY_PAY'; provider: string };

/** A payment authenticated in the window and waiting for the merchant's confirmPayment (status READY). */
export interface PendingConfirm {
  /** The `paymentToken` the window handed the merchant; confirmPayment must present it. */
  paymentToken: string;
  /** The transaction the token belongs to (the window's `txId`). */
  txId: string;
  authenticatedAt: string;
  /** Store clock: after this the token is void and the payment FAILED (`CONFIRM_DEADLINE`). */
  expiresAt: string;
  method: AuthenticatedMethod;
}

/**
 * How long an authenticated payment waits for confirmPayment. **Assumed:** PortOne publishes no
 * deadline; PGs void an unconfirmed authentication after minutes (Toss Payments documents 10 minutes
 * for its own confirm step), so the sandbox uses 10 minutes on the store's clock.
 */
export const CONFIRM_DEADLINE_MS = 10 * 60_000;

/** The failure a payment records when its authentication expired unconfirmed. */
export const CONFIRM_EXPIRED_FAILURE = {
  reason: '가맹점 승인 기한(10분)이 지나 인증이 만료되었습니다. (confirmPayment was not called in time)',
  pgCode: 'CONFIRM_EXPIRED',
  pgMessage: '승인 요청 기한 만료',
} as const;
