import { PortOneError, invalidRequest, paymentNotFound, pgProviderError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import { cancelledReceipt, type CashReceiptRecord } from '../domain/cash-receipt.ts';
import { cancellableAmount, splitCancel } from '../domain/money.ts';
import type { AccountRefund, Cancellation, PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { decideCancelIn } from '../domain/live-rules.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { storeOrNotFound } from '../stores/load-store.ts';
import type { TimerRecord } from '../domain/timer.ts';
import { pgVoidTimerId } from './auto-refund.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { commitPaymentChange } from './commit.ts';
import { newCancellationId } from './ids.ts';

export interface CancelRequest {
  amount?: number;
  taxFreeAmount?: number;
  vatAmount?: number;
  reason: string;
  requester?: 'CUSTOMER' | 'ADMIN';
  currentCancellableAmount?: number;
  skipWebhook?: boolean;
  trigger?: 'API' | 'CONSOLE';
  /** OAS `CancelPaymentBody.refundAccount`: where a virtual-account refund goes. */
  refundAccount?: AccountRefund['refundAccount'];
}

/** Partial cancels per payment (domain/limits.ts: it bounds the payment item's size too). */
export const MAX_CANCELLATIONS = LIMITS.cancellations;

/**
 * Full or partial cancel. Decided against a fresh read and committed with the version it read,
 * so concurrent cancels serialise: a loser re-reads and decides again (and may now exceed what is
 * left). Money can therefore never be cancelled twice.
 */
export async function cancelPayment(services: Services, storeId: string, paymentId: string, req: CancelRequest): Promise<Cancellation> {
  return retryOnConflict<Cancellation, PaymentRecord>(
    RETRY_LIMITS.paymentCancel,
    async ({ attempt, current }) => {
      // One read: the store, the payment and its cash receipt (a full cancel cancels it with the payment).
      const context = await services.repo.getPaymentContext(storeId, paymentId, { cashReceipt: true });
      const store = storeOrNotFound(context.store, storeId);
      const payment = current ?? context.payment;
      if (!payment) throw paymentNotFound(paymentId);
      return cancelOnce(services, store, payment, context.cashReceipt, req, attempt === 1);
    },
    // Back off a little, more each round, so racers spread out.
    { backoffMs: (attempt) => Math.random() * 5 * attempt },
  );
}

/**
 * The PG void timer a cancel must cancel with it, if still pending. The payment says so itself
 * (`pg.pendingVoidTimerId`), except on old records and after a lost race, where the timer is read:
 * a conflict may come from the timer's own state, which the record cannot have seen.
 */
async function pendingVoidTimer(services: Services, store: StoreRecord, payment: PaymentRecord, trusted: boolean) {
  const known = payment.pg?.pendingVoidTimerId;
  if (trusted && known !== undefined) return known === null ? undefined : { timerId: known, scheduleName: known };
  const timer = await services.repo.getTimer(store.storeId, pgVoidTimerId(store.storeId, payment));
  return timer?.state === 'PENDING' ? timer : undefined;
}

async function cancelOnce(
  services: Services,
  store: StoreRecord,
  payment: PaymentRecord,
  receipt: CashReceiptRecord | undefined,
  req: CancelRequest,
  trusted: boolean,
): Promise<Cancellation> {
  if (payment.status === 'CANCELLED') throw new PortOneError('PAYMENT_ALREADY_CANCELLED', '이미 취소된 결제 건입니다.');
  if (payment.status !== 'PAID' && payment.status !== 'PARTIAL_CANCELLED') {
    throw new PortOneError('PAYMENT_NOT_PAID', `결제 완료 상태가 아닌 결제 건입니다. (status: ${payment.status})`);
  }
  if (payment.cancellations.length >= MAX_CANCELLATIONS) {
    throw new PortOneError('MAX_CANCEL_COUNT_REACHED', `취소 횟수가 최대(${MAX_CANCELLATIONS}회)에 도달했습니다.`);
  }
  const cancellable = cancellableAmount({ ...payment.amount, vat: payment.amount.vat, cancelledVat: payment.cancelledVat });
  if (req.currentCancellableAmount !== undefined && req.currentCancellableAmount !== cancellable) {
    throw new PortOneError(
      'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN',
      `취소 가능 잔액이 일치하지 않습니다. (currentCancellableAmount: ${req.currentCancellableAmount}, actual: ${cancellable})`,
    );
  }
  const split = splitCancel(
    {
      paid: payment.amount.paid,
      cancelled: payment.amount.cancelled,
      taxFree: payment.amount.taxFree,
      cancelledTaxFree: payment.amount.cancelledTaxFree,
      vat: payment.amount.vat ?? 0,
      cancelledVat: payment.cancelledVat,
    },
    req,
  );
  if (!split.ok) throw new PortOneError(split.type, split.message);
  const { totalAmount, taxFreeAmount, vatAmount } = split.split;
  const partial = totalAmount < cancellable || payment.amount.cancelled > 0;
  const isFinal = totalAmount === cancellable;

  const profile = getProfile(payment.channel!.pgProvider)!;
  const now = storeNow(services, store);
  const pg = payment.pg!;
  const mode = pg.channelMode ?? 'TEST';
  const refundsToAccount = mode === 'LIVE_LIKE' && pg.methodKind === 'VIRTUAL_ACCOUNT';
  // A virtual account's money came by bank transfer; only an account can take it back (OAS: "가상계좌 환불").
  if (refundsToAccount && !req.refundAccount) {
    throw invalidRequest('refundAccount: 가상계좌 결제를 환불하려면 환불 계좌(refundAccount)를 입력해야 합니다.');
  }
  const decision = decideCancelIn(
    mode,
    profile,
    {
      method: pg.methodKind ?? 'CARD',
      cardType: pg.cardType,
      easyPayViaGeneralPg: pg.easyPayViaGeneralPg,
      paidAmount: payment.amount.paid,
      cancelledAmount: payment.amount.cancelled,
      pgVoided: pg.voidedAt !== undefined,
      isVirtualAccount: pg.methodKind === 'VIRTUAL_ACCOUNT',
      virtualAccountDeposited: pg.depositReceived !== undefined,
    },
    { amount: totalAmount, partial: totalAmount < cancellable, at: now },
  );
  if (!decision.allowed) throw pgProviderError(decision.pgCode, decision.pgMessage);

  const nowIso = now.toISOString();
  const cancellation: Cancellation = {
    status: 'SUCCEEDED',
    id: newCancellationId(),
    pgCancellationId: `${payment.pgTxId}-c${payment.cancellations.length + 1}`,
    totalAmount,
    taxFreeAmount,
    vatAmount,
    reason: req.reason,
    cancelledAt: nowIso,
    requestedAt: nowIso,
    trigger: req.trigger ?? 'API',
    ...(req.requester ? { requester: req.requester } : {}),
  };
  const next: PaymentRecord = structuredClone(payment);
  next.cancellations.push(cancellation);
  next.amount.cancelled += totalAmount;
  next.amount.cancelledTaxFree += taxFreeAmount;
  next.cancelledVat += vatAmount;
  next.status = isFinal ? 'CANCELLED' : 'PARTIAL_CANCELLED';
  next.cancelledAt = nowIso;
  next.updatedAt = nowIso;
  next.statusChangedAt = nowIso;
  if (next.pg!.withdrawn) next.pg!.refunded += totalAmount;
  if (refundsToAccount) {
    const refund: AccountRefund = { cancellationId: cancellation.id, amount: totalAmount, at: nowIso, refundAccount: req.refundAccount! };
    next.pg!.accountRefunds = [...(next.pg!.accountRefunds ?? []), refund];
  }

  // The PG's pending void has nothing left to do after a full cancel; NICE also drops it on a
  // partial cancel (the rest stays withdrawn until the tester cancels in full).
  const cancelTimers: Pick<TimerRecord, 'timerId' | 'scheduleName'>[] = [];
  if (isFinal || (partial && decision.removesPendingAutoRefund)) {
    const voidTimer = await pendingVoidTimer(services, store, payment, trusted);
    if (voidTimer) cancelTimers.push(voidTimer);
    next.pg!.pendingVoidTimerId = null;
  }
  // A full cancel cancels the payment's cash receipt with it. A partial cancel leaves the receipt
  // ISSUED for the amount it was issued for: PortOne's receipt has no partially cancelled state
  // (how a PG re-issues for the rest is its own business), docs/api.md.
  const cashReceipts = isFinal && receipt?.status === 'ISSUED' ? [{ receipt: cancelledReceipt(receipt, nowIso), expectedVersion: receipt.version }] : [];
  await commitPaymentChange(services, {
    store,
    payment: next,
    expectedVersion: payment.version,
    cancelTimers,
    cashReceipts,
    outbox: req.skipWebhook
      ? []
      : newOutboxEvent({
          store,
          payment: next,
          type: isFinal ? 'Transaction.Cancelled' : 'Transaction.PartialCancelled',
          at: now,
          cancellationId: cancellation.id,
        }),
  });
  return cancellation;
}
