import { PortOneError } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { ended } from './async-cancel.ts';
import { commitPaymentChange } from './commit.ts';
import { loadPayment } from './get-payment.ts';

/**
 * stopPaymentCancellation: withdraws an asynchronous cancel the PG has not answered yet. The
 * cancellation ends `FAILED` (PortOne's cancellation has no stopped state; assumed, docs/async-cancel.md),
 * no money moves, no webhook is sent, and its completion timer is cancelled in the same write, so a
 * stop racing the PG's answer leaves exactly one of them decided.
 */
export async function stopPaymentCancellation(services: Services, storeId: string, paymentId: string, cancellationId: string): Promise<{ stoppedAt: string }> {
  return retryOnConflict<{ stoppedAt: string }, PaymentRecord>(RETRY_LIMITS.paymentCancel, async ({ current }) => {
    const [store, payment] = await Promise.all([loadStore(services, storeId), current ?? loadPayment(services, storeId, paymentId)]);
    const cancellation = payment.cancellations.find((c) => c.id === cancellationId);
    if (!cancellation) throw new PortOneError('PAYMENT_CANCELLATION_NOT_FOUND', `결제 취소 내역이 존재하지 않습니다. (cancellationId: ${cancellationId})`);
    if (cancellation.status !== 'REQUESTED' || !cancellation.pending) {
      throw new PortOneError('PAYMENT_CANCELLATION_NOT_PENDING', `취소 요청 상태가 아닌 결제 취소 내역입니다. (status: ${cancellation.status})`);
    }
    const stoppedAt = storeNow(services, store).toISOString();
    const timerId = cancellation.pending.timerId;
    await commitPaymentChange(services, {
      store,
      payment: ended(payment, cancellation, { stoppedAt, at: stoppedAt }),
      expectedVersion: payment.version,
      cancelTimers: [{ timerId, scheduleName: timerId }],
    });
    return { stoppedAt };
  });
}
