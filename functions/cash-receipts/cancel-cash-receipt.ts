import { cancelledReceipt, cashReceiptNotFound, type CashReceiptRecord } from '../domain/cash-receipt.ts';
import { PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';

export async function loadCashReceipt(services: Services, storeId: string, paymentId: string): Promise<CashReceiptRecord> {
  const receipt = await services.repo.getCashReceipt(storeId, paymentId);
  if (!receipt) throw cashReceiptNotFound(paymentId);
  return receipt;
}

/** cancelCashReceiptByPaymentId: an ISSUED receipt becomes CANCELLED (its payment is untouched). */
export async function cancelCashReceipt(services: Services, storeId: string, paymentId: string): Promise<CashReceiptRecord> {
  const [store, receipt] = await Promise.all([loadStore(services, storeId), loadCashReceipt(services, storeId, paymentId)]);
  const cancelled = cancelledReceipt(receipt, storeNow(services, store).toISOString());
  if (!(await services.repo.saveCashReceipt(cancelled, receipt.version))) {
    throw new PortOneError('CONFLICT', `동시에 다른 요청이 이 현금영수증을 변경했습니다. 다시 시도해 주세요. (paymentId: ${paymentId})`);
  }
  return cancelled;
}
