import { PortOneError, type ErrorType } from '../domain/errors.ts';

/**
 * The browser SDK reports errors with its own codes (`PaymentError.code`: CheckoutService,
 * gRPC-style and TxService codes), not the REST API's types. This maps the REST API's errors to
 * them, so whatever a use case refuses reaches the merchant's promise in the SDK's shape.
 */
export interface SdkError {
  code: string;
  message: string;
  status: 400 | 404 | 409 | 429 | 503;
}

const BY_TYPE: Partial<Record<ErrorType, Pick<SdkError, 'code' | 'status'>>> = {
  INVALID_REQUEST: { code: 'BadRequest', status: 400 },
  STORE_NOT_FOUND: { code: 'StoreNotFound', status: 404 },
  CHANNEL_NOT_FOUND: { code: 'ChannelNotFound', status: 404 },
  PAYMENT_NOT_FOUND: { code: 'PaymentNotFound', status: 404 },
  ALREADY_PAID: { code: 'PaymentAlreadyPaid', status: 409 },
  // Assumed (PortOne does not document the window's answer): the payment id has used up its attempts.
  MAX_TRANSACTION_COUNT_REACHED: { code: 'FailedPrecondition', status: 400 },
  CONFLICT: { code: 'Aborted', status: 409 },
};

/** A PortOne error as the browser SDK would report it; anything else is a dependency failure. */
export function sdkErrorOf(err: unknown): SdkError {
  if (err instanceof PortOneError) {
    const mapped = BY_TYPE[err.type] ?? { code: 'FailedPrecondition', status: 400 };
    return { ...mapped, message: err.message };
  }
  return { code: 'Unavailable', status: 503, message: 'pg-sandbox could not complete the request (a dependency failed); retry it.' };
}
