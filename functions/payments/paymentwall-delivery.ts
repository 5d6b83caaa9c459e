import { ConcurrentModificationError, PortOneError, invalidRequest } from '../domain/errors.ts';
import { isPaidLike } from '../domain/payment.ts';
import { missingDeliveryFields, registerDelivery, type PaymentwallDelivery } from '../domain/paymentwall-delivery.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { findByReference } from './references.ts';

/**
 * The 404 for a transactionId no Paymentwall payment of the store carries. When the caller passed
 * a paymentId instead (an easy mix-up: both identify the payment), the message says so.
 */
async function notFound(services: Services, storeId: string, transactionId: string): Promise<PortOneError> {
  const hint = (await services.repo.getPayment(storeId, transactionId))
    ? ` transactionId는 결제 건의 transactionId입니다: "${transactionId}"는 paymentId입니다. (getPayment's transactionId)`
    : '';
  return new PortOneError('PAYMENT_NOT_FOUND', `페이먼트월 결제 건이 존재하지 않습니다. (transactionId: ${transactionId})${hint}`);
}

/**
 * confirmPaymentwallDelivery (페이먼트월 배송 정보 등록): the payment of `transactionId` (a paid
 * Paymentwall payment) takes the delivery's details, kept beside the payment; a later registration
 * replaces them (a status update: ORDER_PLACED → ORDER_SHIPPED → DELIVERED) and of two at once both
 * count, one after the other. **Assumed:** a payment that is not paid (or is
 * fully cancelled) is refused 400 INVALID_REQUEST, the only refusal besides PAYMENT_NOT_FOUND the
 * OAS lists; payments of other PGs are not found (PortOne looks among Paymentwall transactions).
 */
export async function confirmPaymentwallDelivery(services: Services, storeId: string, delivery: PaymentwallDelivery): Promise<Record<string, never>> {
  const missing = missingDeliveryFields(delivery);
  if (missing.length) throw invalidRequest(`${missing.join(', ')}: 배송 유형이 PHYSICAL인 경우 필수입니다.`);
  const payment = await findByReference(services, storeId, { kind: 'TRANSACTION_ID', value: delivery.transactionId });
  if (!payment) throw await notFound(services, storeId, delivery.transactionId);
  if (!isPaidLike(payment.status)) throw invalidRequest(`결제 완료 상태가 아닌 결제 건에는 배송 정보를 등록할 수 없습니다. (status: ${payment.status})`);
  const now = storeNow(services, await loadStore(services, storeId)).toISOString();
  await retryOnConflict(RETRY_LIMITS.paymentwallDelivery, async () => {
    const previous = await services.repo.getPaymentwallDelivery(storeId, payment.paymentId);
    const saved = await services.repo.savePaymentwallDelivery(storeId, payment.paymentId, registerDelivery(previous, delivery, now));
    if (!saved) throw new ConcurrentModificationError(`the delivery registration of payment ${payment.paymentId}`);
  });
  return {};
}
