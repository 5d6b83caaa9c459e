import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import { failedPayment, type PaymentRecord } from '../domain/payment.ts';
import { commitPaymentChange } from '../payments/commit.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { settledResponse } from './complete-payment.ts';
import { failedAtPg, type PaymentResponse } from './payment-response.ts';
import type { CheckoutSession } from './session.ts';

/**
 * The customer closed the PG's window. PortOne answers `code: "FAILURE_TYPE_PG"` with the PG's own
 * code and message (merchants test `message` for "취소"). Only TossPayments publishes its code
 * (`PAY_PROCESS_CANCELED`); for the other PGs the sandbox uses `USER_CANCEL`.
 */
export const USER_CANCEL_MESSAGE = '사용자가 결제를 취소하였습니다';
const PG_USER_CANCEL_CODES: Readonly<Record<string, string>> = { TOSSPAYMENTS: 'PAY_PROCESS_CANCELED' };
export const userCancelCode = (pgProvider: string | undefined) => (pgProvider && PG_USER_CANCEL_CODES[pgProvider]) || 'USER_CANCEL';

/**
 * Records the close: the attempt ends FAILED (failure = the PG's cancel code) and
 * `Transaction.Failed` is sent, as for any failed attempt; the paymentId can be paid again. If the
 * transaction already finished (a result raced the close), that result is the answer instead.
 */
export async function cancelCheckout(services: Services, session: CheckoutSession): Promise<PaymentResponse> {
  // A payment that changed meanwhile is decided again: it may have been paid in that instant.
  return retryOnConflict<PaymentResponse, PaymentRecord>(RETRY_LIMITS.checkoutClose, async ({ current }) => {
    const payment = current ?? (await services.repo.getPayment(session.storeId, session.paymentId));
    const pgCode = userCancelCode(payment?.channel?.pgProvider);
    const cancelled = failedAtPg(session.paymentId, session.txId, pgCode, USER_CANCEL_MESSAGE);
    if (!payment || payment.transactionId !== session.txId) return cancelled;
    const settled = settledResponse(session, payment);
    if (settled) return settled;
    const store = await loadStore(services, session.storeId);
    const now = storeNow(services, store);
    const nowIso = now.toISOString();
    const failed = failedPayment(payment, nowIso, { reason: USER_CANCEL_MESSAGE, pgCode, pgMessage: USER_CANCEL_MESSAGE }, false);
    await commitPaymentChange(services, {
      store,
      payment: failed,
      expectedVersion: payment.version,
      outbox: newOutboxEvent({ store, payment: failed, type: 'Transaction.Failed', at: now }),
    });
    return cancelled;
  });
}
