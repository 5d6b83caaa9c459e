import { PortOneError, paymentNotFound, pgProviderError } from '../domain/errors.ts';
import { isPaidLike, type PaymentRecord } from '../domain/payment.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { commitPaymentChange } from './commit.ts';

/**
 * The PG's refusals of a capture, in the words a PG would use. **Assumed:** PortOne documents only
 * that capture needs a prior agreement ("PG 및 포트원과의 사전 협의가 필요합니다") and that a PG's
 * refusal is a 502 PG_PROVIDER; the codes and messages are the sandbox's.
 */
const REFUSALS = {
  notEnabled: { pgCode: 'CAPTURE_NOT_ENABLED', pgMessage: '수동 매입 대상 가맹점이 아닙니다' },
  notCard: { pgCode: 'CAPTURE_NOT_SUPPORTED', pgMessage: '수동 매입은 카드 결제만 가능합니다' },
  voided: { pgCode: 'ALREADY_CANCELLED', pgMessage: '기 취소 거래' },
  captured: { pgCode: 'ALREADY_CAPTURED', pgMessage: '이미 매입된 거래입니다' },
} as const;

const refuse = (r: { pgCode: string; pgMessage: string }) => pgProviderError(r.pgCode, r.pgMessage);

/**
 * capturePayment (수동 매입): on a channel with `manualCapture`, a card approval is only 승인 until
 * the merchant asks the PG to 매입 (purchase) it. PortOne's view does not change (PortOne's Payment
 * has no capture field: the payment is PAID before and after); the PG's view records `capturedAt`
 * (the dual view shows it). Errors per `CapturePaymentError`: PAYMENT_NOT_FOUND, PAYMENT_NOT_PAID,
 * PG_PROVIDER (no manual capture on the channel, not a card, voided by the PG's batch, captured already).
 */
export async function capturePayment(services: Services, storeId: string, paymentId: string): Promise<{ capturedAt: string }> {
  return retryOnConflict<{ capturedAt: string }, PaymentRecord>(RETRY_LIMITS.capture, async ({ current }) => {
    const payment = current ?? (await services.repo.getPayment(storeId, paymentId));
    if (!payment) throw paymentNotFound(paymentId);
    if (!isPaidLike(payment.status) || !payment.pg) {
      throw new PortOneError('PAYMENT_NOT_PAID', `결제가 완료되지 않은 결제 건입니다. (paymentId: ${paymentId}, status: ${payment.status})`);
    }
    const channel = payment.channel && (await services.repo.getChannel(storeId, payment.channel.key));
    if (!channel?.manualCapture) throw refuse(REFUSALS.notEnabled);
    if (payment.pg.methodKind !== 'CARD') throw refuse(REFUSALS.notCard);
    if (payment.pg.voidedAt) throw refuse(REFUSALS.voided);
    if (payment.pg.capturedAt) throw refuse(REFUSALS.captured);
    const store = await loadStore(services, storeId);
    const capturedAt = storeNow(services, store).toISOString();
    const next = structuredClone(payment);
    next.pg!.capturedAt = capturedAt;
    await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version });
    return { capturedAt };
  });
}
