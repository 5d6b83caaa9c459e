/**
 * PortOne's error vocabulary. Every error the API returns is `{type, message}` with a fixed HTTP
 * status per type (the OAS), and `PG_PROVIDER` also carries the PG's own code and Korean message.
 */
export const ERROR_STATUS = {
  INVALID_REQUEST: 400,
  INVALID_PAYMENT_TOKEN: 400,
  MAX_WEBHOOK_RETRY_COUNT_REACHED: 400,
  MAX_TRANSACTION_COUNT_REACHED: 400,
  PROMOTION_PAY_METHOD_DOES_NOT_MATCH: 400,
  DISCOUNT_AMOUNT_EXCEEDS_TOTAL_AMOUNT: 400,
  NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT: 400,
  PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED: 400,
  MAX_TTL_EXCEEDED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PAYMENT_NOT_FOUND: 404,
  CHANNEL_NOT_FOUND: 404,
  BILLING_KEY_NOT_FOUND: 404,
  BILLING_KEY_NOT_ISSUED: 404,
  CASH_RECEIPT_NOT_FOUND: 404,
  CASH_RECEIPT_NOT_ISSUED: 404,
  PAYMENT_SCHEDULE_NOT_FOUND: 404,
  PAYMENT_CANCELLATION_NOT_FOUND: 404,
  PROMOTION_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  PROFILE_SETTINGS_NOT_FOUND: 404,
  // The sandbox's own, for its dispute API (PortOne has no dispute operations).
  DISPUTE_NOT_FOUND: 404,
  IDENTITY_VERIFICATION_NOT_FOUND: 404,
  IDENTITY_VERIFICATION_NOT_SENT: 404,
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_SECRET_NOT_FOUND: 404,
  STORE_NOT_FOUND: 404,
  TIMER_NOT_FOUND: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYMENT_ALREADY_CANCELLED: 409,
  PAYMENT_NOT_PAID: 409,
  PAYMENT_CANCELLATION_NOT_PENDING: 409,
  DISPUTE_ALREADY_EXISTS: 409,
  DISPUTE_ALREADY_RESOLVED: 409,
  // The sandbox's own, for its escrow buyer-decision API (PortOne has no operation for the buyer's side).
  INVALID_ESCROW_STATUS: 409,
  // The sandbox's own, for its promotion API (PortOne creates promotions in its console).
  PROMOTION_ALREADY_EXISTS: 409,
  PROMOTION_ALREADY_TERMINATED: 409,
  // The sandbox's own, for its checkout-profile API (PortOne configures profiles in its console).
  CHECKOUT_PROFILE_ALREADY_EXISTS: 409,
  PAYMENT_NOT_WAITING_FOR_DEPOSIT: 409,
  CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT: 409,
  CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT: 409,
  CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT: 409,
  CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN: 409,
  ALREADY_PAID: 409,
  SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT: 409,
  MAX_CANCEL_COUNT_REACHED: 409,
  ALREADY_PAID_OR_WAITING: 409,
  CONFLICT: 409,
  SIGNUP_REQUIRED: 409,
  BILLING_KEY_ALREADY_DELETED: 409,
  BILLING_KEY_ALREADY_ISSUED: 409,
  INFORMATION_MISMATCH: 409,
  CASH_RECEIPT_ALREADY_ISSUED: 409,
  PAYMENT_SCHEDULE_ALREADY_EXISTS: 409,
  PAYMENT_SCHEDULE_ALREADY_PROCESSED: 409,
  PAYMENT_SCHEDULE_ALREADY_REVOKED: 409,
  IDENTITY_VERIFICATION_ALREADY_SENT: 409,
  IDENTITY_VERIFICATION_ALREADY_VERIFIED: 409,
  SESSION_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  // The sandbox's own answers for PortOne operations it does not serve (http/portone/operation-coverage.ts).
  NOT_IMPLEMENTED_IN_SANDBOX: 501,
  B2B_NOT_SIMULATED: 501,
  PLATFORM_NOT_SIMULATED: 501,
  RECONCILIATION_NOT_SIMULATED: 501,
  PG_PROVIDER: 502,
  UNAVAILABLE: 503,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

export class PortOneError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  readonly pgCode?: string;
  readonly pgMessage?: string;

  constructor(type: ErrorType, message: string, pg?: { pgCode: string; pgMessage: string }) {
    super(message);
    this.name = 'PortOneError';
    this.type = type;
    this.status = ERROR_STATUS[type];
    if (pg) {
      this.pgCode = pg.pgCode;
      this.pgMessage = pg.pgMessage;
    }
  }

  toJSON(): Record<string, string> {
    const body: Record<string, string> = { type: this.type, message: this.message };
    if (this.pgCode !== undefined) body.pgCode = this.pgCode;
    if (this.pgMessage !== undefined) body.pgMessage = this.pgMessage;
    return body;
  }
}

export const invalidRequest = (message: string) => new PortOneError('INVALID_REQUEST', message);
export const paymentNotFound = (paymentId: string) => new PortOneError('PAYMENT_NOT_FOUND', `결제 건이 존재하지 않습니다. (paymentId: ${paymentId})`);
export const pgProviderError = (pgCode: string, pgMessage: string) =>
  new PortOneError('PG_PROVIDER', pgMessage, { pgCode, pgMessage });

/**
 * A conditional write lost a race: someone changed the record since it was read. The caller reloads
 * and decides again (see domain/retry.ts). Raised by any Repository implementation.
 */
export class ConcurrentModificationError extends Error {
  /** The record as it stood when the condition failed, when the store can tell (saves a re-read). */
  readonly current?: unknown;
  constructor(what: string, current?: unknown) {
    super(`concurrent modification of ${what}`);
    this.name = 'ConcurrentModificationError';
    this.current = current;
  }
}
