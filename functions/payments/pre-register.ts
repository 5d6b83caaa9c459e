import { PortOneError } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { ConcurrentModificationError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { newTransactionId } from './ids.ts';
import { readyPayment } from './ready-payment.ts';

/**
 * 결제 정보 사전 등록: fixes the amount (and currency) a later payment with this id must carry, so a
 * tampered browser cannot pay less. Registering again before payment replaces the values.
 */
export async function preRegisterPayment(
  services: Services,
  storeId: string,
  paymentId: string,
  input: { totalAmount?: number; taxFreeAmount?: number; currency?: string },
): Promise<void> {
  const store = await loadStore(services, storeId);
  const existing = await services.repo.getPayment(storeId, paymentId);
  if (existing && existing.status !== 'READY') {
    throw new PortOneError('ALREADY_PAID', `이미 결제가 진행된 결제 건입니다. (paymentId: ${paymentId}, status: ${existing.status})`);
  }
  if (input.taxFreeAmount !== undefined && input.totalAmount !== undefined && input.taxFreeAmount > input.totalAmount) {
    throw new PortOneError('INVALID_REQUEST', 'taxFreeAmount: must not exceed totalAmount');
  }
  const record: PaymentRecord = existing
    ? { ...existing, updatedAt: storeNow(services, store).toISOString() }
    : readyPayment({
        store,
        paymentId,
        transactionId: newTransactionId(),
        orderName: '',
        currency: input.currency ?? 'KRW',
        amount: { total: input.totalAmount ?? 0, taxFree: input.taxFreeAmount ?? 0 },
        origin: { platformType: 'API', ipAddress: '127.0.0.1' },
        now: storeNow(services, store),
      });
  record.preRegistered = { totalAmount: input.totalAmount, taxFreeAmount: input.taxFreeAmount, currency: input.currency };
  if (!existing) record.hasWebhooks = false; // a pre-registration sends none; an existing record keeps its flag
  try {
    await services.repo.commitPayment(record, existing ? existing.version : null);
  } catch (err) {
    if (err instanceof ConcurrentModificationError) throw new PortOneError('CONFLICT', '동시에 다른 요청이 이 결제 건을 변경했습니다. 다시 시도해 주세요.');
    throw err;
  }
}
