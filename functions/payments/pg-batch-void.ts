import { ConcurrentModificationError } from '../domain/errors.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import type { TimerRecord } from '../domain/timer.ts';
import { commitPaymentChange } from './commit.ts';

/**
 * The PG's 매입 전 일괄취소 (batch void before settlement) in test mode: the PG gives the money back
 * and forgets the approval, but PortOne is not told. Only the PG view changes; the PortOne view
 * stays PAID (not even `updatedAt` moves) and no webhook is queued. The payment change and the
 * timer's PENDING → FIRED move commit together, so a second delivery of the same timer, or a manual
 * cancel racing it, leaves exactly one winner.
 */
export async function runPgVoid(services: Services, timer: TimerRecord): Promise<string> {
  return retryOnConflict<string, PaymentRecord>(RETRY_LIMITS.pgVoid, async ({ current }) => {
    const store = await loadStore(services, timer.storeId);
    const payment = current ?? (await services.repo.getPayment(timer.storeId, timer.paymentId));
    const settleOnly = async (why: string) => {
      const settled = await services.repo.settleTimer(timer.storeId, timer.timerId, 'FIRED', storeNow(services, store).toISOString());
      return settled ? why : 'skipped';
    };
    if (!payment?.pg) return settleOnly('payment missing; nothing to void');
    if (payment.pg.voidedAt) return settleOnly('already voided');
    if (payment.status === 'CANCELLED') return settleOnly('already cancelled in full through PortOne');
    const next: PaymentRecord = structuredClone(payment);
    next.pg!.voidedAt = timer.dueAt;
    next.pg!.pendingVoidTimerId = null;
    if (next.pg!.withdrawn) next.pg!.refunded += payment.amount.paid - payment.amount.cancelled;
    try {
      await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version, fireTimers: [timer] });
      return `voided by the PG batch at ${timer.dueAt}; PortOne still says ${payment.status}`;
    } catch (err) {
      // Either the payment changed (decide again) or the timer already fired (nothing to do).
      if (err instanceof ConcurrentModificationError && (await services.repo.getTimer(timer.storeId, timer.timerId))?.state !== 'PENDING') return 'skipped';
      throw err;
    }
  });
}
