/**
 * Asynchronous cancels (docs/async-cancel.md): the PG takes the cancel request now and answers
 * later. PortOne models it: the cancellation is `REQUESTED` (`RequestedPaymentCancellation`),
 * `Transaction.CancelPending` is sent, and when the PG answers it becomes `SUCCEEDED` (the money
 * goes back, `Transaction.Cancelled` / `PartialCancelled`) or `FAILED` (nothing changes).
 * The answer is a `cancel-completion` timer on the store clock; completing and stopping
 * (stop-cancellation.ts) both move the timer out of PENDING in the same write as the payment, so
 * exactly one of them, once, decides.
 */
import { ConcurrentModificationError } from '../domain/errors.ts';
import type { AccountRefund, Cancellation, PaymentRecord, PendingCancel } from '../domain/payment.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { timerIdFor } from '../timers/timer.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { commitPaymentChange } from './commit.ts';
import { askPgToCancel, refundChange } from './settle-cancellation.ts';

/** How an asynchronous cancel ends: after `delaySeconds` on the store clock, with `outcome`. */
export interface AsyncCancel {
  delaySeconds: number;
  outcome: 'SUCCEEDED' | 'FAILED';
}

/** What the PG answers when an injected asynchronous cancel fails (a sandbox code: PortOne shows no reason). */
export const ASYNC_CANCEL_REFUSED = { pgCode: 'ASYNC_CANCEL_FAILED', pgMessage: 'PG사에서 취소 요청을 처리하지 못했습니다.' } as const;

/** Accepts `cancellation` as pending: REQUESTED on the payment, its completion timer, Transaction.CancelPending. */
export async function acceptAsyncCancel(
  services: Services,
  input: {
    store: StoreRecord;
    payment: PaymentRecord;
    cancellation: Cancellation;
    at: Date;
    async: AsyncCancel;
    skipWebhook?: boolean;
    refundAccount?: AccountRefund['refundAccount'];
  },
): Promise<Cancellation> {
  const { store, payment, at } = input;
  const dueAt = new Date(at.getTime() + input.async.delaySeconds * 1_000).toISOString();
  const timerId = timerIdFor('cancel-completion', store.storeId, payment.paymentId, input.cancellation.id);
  const pending: PendingCancel = {
    dueAt,
    outcome: input.async.outcome,
    timerId,
    ...(input.skipWebhook && { skipWebhook: true }),
    ...(input.refundAccount && { refundAccount: input.refundAccount }),
  };
  const requested: Cancellation = { ...input.cancellation, status: 'REQUESTED', pending };
  const next: PaymentRecord = structuredClone(payment);
  next.cancellations.push(requested);
  next.updatedAt = at.toISOString();
  const timer: TimerRecord = {
    storeId: store.storeId,
    timerId,
    kind: 'cancel-completion',
    paymentId: payment.paymentId,
    dueAt,
    state: 'PENDING',
    reason: `asynchronous cancel ${requested.id}: the PG answers ${input.async.outcome} ${input.async.delaySeconds} s after the request`,
    scheduleName: timerId,
    createdAt: at.toISOString(),
    payload: { cancellationId: requested.id },
  };
  await commitPaymentChange(services, {
    store,
    payment: next,
    expectedVersion: payment.version,
    newTimers: [timer],
    outbox: input.skipWebhook ? [] : newOutboxEvent({ store, payment: next, type: 'Transaction.CancelPending', at, cancellationId: requested.id }),
  });
  return requested;
}

/**
 * The PG's answer, when the completion timer falls due. `SUCCEEDED` gives the money back exactly as
 * a cancel answered at once would, unless the PG now refuses (its batch voided the payment
 * meanwhile: 기 취소 거래), which fails it like an injected `FAILED`. No webhook for a failure: the
 * 2024-04-25 webhook format has no type for it (assumed; docs/async-cancel.md).
 */
export async function runCancelCompletion(services: Services, timer: TimerRecord): Promise<string> {
  const cancellationId = String(timer.payload?.cancellationId ?? '');
  return retryOnConflict<string, PaymentRecord>(RETRY_LIMITS.pgVoid, async ({ attempt, current }) => {
    const store = await loadStore(services, timer.storeId);
    const payment = current ?? (await services.repo.getPayment(timer.storeId, timer.paymentId));
    const requested = payment?.cancellations.find((c) => c.id === cancellationId);
    if (!payment || requested?.status !== 'REQUESTED') {
      const settled = await services.repo.settleTimer(timer.storeId, timer.timerId, 'FIRED', storeNow(services, store).toISOString());
      return settled ? `cancellation ${cancellationId} is ${requested?.status ?? 'missing'}; nothing to answer` : 'skipped';
    }
    const at = new Date(timer.dueAt);
    const decision = requested.pending?.outcome === 'FAILED' ? undefined : askPgToCancel(payment, requested.totalAmount, at);
    try {
      if (decision?.allowed) {
        const change = await refundChange(services, store, payment, requested, {
          at,
          removesPendingAutoRefund: decision.removesPendingAutoRefund,
          trusted: attempt === 1,
          refundAccount: requested.pending?.refundAccount,
          skipWebhook: requested.pending?.skipWebhook,
          trigger: 'ASYNC_CANCEL_APPROVED',
        });
        await commitPaymentChange(services, { ...change, expectedVersion: payment.version, fireTimers: [timer] });
        return `cancellation ${cancellationId} SUCCEEDED: ${requested.totalAmount} back`;
      }
      const refusal = decision && !decision.allowed ? { pgCode: decision.pgCode, pgMessage: decision.pgMessage } : ASYNC_CANCEL_REFUSED;
      await commitPaymentChange(services, { store, payment: ended(payment, requested, { ...refusal, at: timer.dueAt }), expectedVersion: payment.version, fireTimers: [timer] });
      return `cancellation ${cancellationId} FAILED: ${refusal.pgMessage}`;
    } catch (err) {
      // Either the payment changed (decide again) or the timer is no longer pending: a stop or
      // another delivery of this timer decided already.
      if (err instanceof ConcurrentModificationError && (await services.repo.getTimer(timer.storeId, timer.timerId))?.state !== 'PENDING') return 'skipped';
      throw err;
    }
  });
}

/** The payment with its REQUESTED cancellation ended FAILED: nothing else changes, no money moved. */
export function ended(payment: PaymentRecord, requested: Cancellation, failure: NonNullable<Cancellation['failure']>): PaymentRecord {
  const next: PaymentRecord = structuredClone(payment);
  const { pending: _pending, ...rest } = requested;
  next.cancellations = next.cancellations.map((c) => (c.id === requested.id ? { ...rest, status: 'FAILED', failure } : c));
  next.updatedAt = failure.at;
  return next;
}
