import { cancelledReceipt, cashReceiptNotFound, onPayment, type CashReceiptRecord } from '../domain/cash-receipt.ts';
import { ConcurrentModificationError, PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { commitPaymentChange } from '../payments/commit.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';

export async function loadCashReceipt(services: Services, storeId: string, paymentId: string): Promise<CashReceiptRecord> {
  const receipt = await services.repo.getCashReceipt(storeId, paymentId);
  if (!receipt) throw cashReceiptNotFound(paymentId);
  return receipt;
}

/**
 * cancelCashReceiptByPaymentId: an ISSUED receipt becomes CANCELLED (its payment's money is
 * untouched). A receipt issued with its payment is also the payment's `cashReceipt`: both change
 * in one write.
 */
export async function cancelCashReceipt(services: Services, storeId: string, paymentId: string): Promise<CashReceiptRecord> {
  const [store, receipt] = await Promise.all([loadStore(services, storeId), loadCashReceipt(services, storeId, paymentId)]);
  const cancelled = cancelledReceipt(receipt, storeNow(services, store).toISOString());
  const payment = receipt.isManual ? undefined : await services.repo.getPayment(storeId, paymentId);
  if (!payment) {
    if (!(await services.repo.saveCashReceipt(cancelled, receipt.version))) throw conflict(paymentId);
    return cancelled;
  }
  const next = { ...structuredClone(payment), cashReceipt: onPayment(cancelled), updatedAt: cancelled.statusUpdatedAt };
  try {
    await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version, cashReceipts: [{ receipt: cancelled, expectedVersion: receipt.version }] });
  } catch (err) {
    if (err instanceof ConcurrentModificationError) throw conflict(paymentId);
    throw err;
  }
  return cancelled;
}

const conflict = (paymentId: string) => new PortOneError('CONFLICT', `동시에 다른 요청이 이 현금영수증을 변경했습니다. 다시 시도해 주세요. (paymentId: ${paymentId})`);
