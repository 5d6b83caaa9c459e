/**
 * Recipe "reconcile an ambiguous approval" (docs/testing-failure-paths.md). When a pay call fails
 * without a final answer — a 5xx, a dropped connection, a timeout — the PG may still have approved
 * it. Never pay again under a new paymentId: ask PortOne what happened to *this* paymentId, and only
 * if it does not exist, send the same request again (PortOne answers ALREADY_PAID to a second pay of
 * a paid id, so a retry can never charge twice).
 */
import { RestError, type PaymentClient } from '@portone/server-sdk';
import { isTransient, retryTransient, withTimeout, type RetryOptions } from './transient.ts';

type Client = ReturnType<typeof PaymentClient>;
type PayRequest = Parameters<Client['payInstantly']>[0];

export type PayOutcome =
  | { outcome: 'PAID'; reconciled: boolean }
  | { outcome: 'DECLINED'; pgCode: string; pgMessage: string }
  | { outcome: 'UNKNOWN'; reason: string };

export interface ReconcileOptions extends RetryOptions {
  /** Give up on one pay call after this long (default 10 s). */
  timeoutMs?: number;
}

const typeOf = (error: unknown) => (error instanceof RestError ? String(error.data.type) : undefined);

export async function payAndReconcile(portone: Client, request: PayRequest, options: ReconcileOptions = {}): Promise<PayOutcome> {
  const { timeoutMs = 10_000 } = options;
  try {
    await withTimeout(portone.payInstantly(request), timeoutMs);
    return { outcome: 'PAID', reconciled: false };
  } catch (error) {
    if (error instanceof RestError && error.data.type === 'PG_PROVIDER') {
      return { outcome: 'DECLINED', pgCode: error.data.pgCode, pgMessage: error.data.pgMessage };
    }
    if (!isTransient(error)) throw error;
  }
  // The answer was lost. PortOne's record of this paymentId is the truth; reading it is safe to retry.
  return retryTransient(async () => {
    try {
      const payment = await portone.getPayment({ paymentId: request.paymentId });
      if (payment.status === 'PAID') return { outcome: 'PAID', reconciled: true } as const;
      return { outcome: 'UNKNOWN', reason: `payment is ${String(payment.status)}` } as const;
    } catch (error) {
      if (typeOf(error) !== 'PAYMENT_NOT_FOUND') throw error;
    }
    // Never reached the PG: the same request again, under the same paymentId.
    try {
      await withTimeout(portone.payInstantly(request), timeoutMs);
      return { outcome: 'PAID', reconciled: true } as const;
    } catch (error) {
      if (typeOf(error) === 'ALREADY_PAID') return { outcome: 'PAID', reconciled: true } as const;
      if (error instanceof RestError && error.data.type === 'PG_PROVIDER') {
        return { outcome: 'DECLINED', pgCode: error.data.pgCode, pgMessage: error.data.pgMessage } as const;
      }
      throw error;
    }
  }, options);
}
