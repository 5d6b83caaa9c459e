import { cancelledReceipt, onPayment, type CashReceiptRecord } from '../domain/cash-receipt.ts';
import { cancellableAmount } from '../domain/money.ts';
import type { AccountRefund, Cancellation, PaymentRecord } from '../domain/payment.ts';
import { decideCancelIn } from '../domain/live-rules.ts';
import type { CancelDecision } from '../domain/pg-rules.ts';
import { getProfile } from '../domain/profiles/index.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { Services } from '../services.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { pgVoidTimerId } from './auto-refund.ts';
import type { PaymentChange } from './commit.ts';

/** What PortOne still lets the merchant cancel (domain/money.ts). */
export const cancellableOf = (p: PaymentRecord): number => cancellableAmount({ ...p.amount, vat: p.amount.vat, cancelledVat: p.cancelledVat });

/** Live-like virtual accounts: the money came by bank transfer, so only an account can take it back. */
export const refundsToAccount = (p: PaymentRecord): boolean => (p.pg?.channelMode ?? 'TEST') === 'LIVE_LIKE' && p.pg?.methodKind === 'VIRTUAL_ACCOUNT';

/**
 * Does the PG accept a cancel of `amount` on this payment at `at`? Asked when the cancel is requested
 * and, for an asynchronous cancel, again when the PG answers: its batch may have voided the payment
 * meanwhile.
 */
export function askPgToCancel(payment: PaymentRecord, amount: number, at: Date): CancelDecision {
  const pg = payment.pg!;
  return decideCancelIn(
    pg.channelMode ?? 'TEST',
    getProfile(payment.channel!.pgProvider)!,
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
    { amount, partial: amount < cancellableOf(payment), at },
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

export interface Refund {
  at: Date;
  /** The PG drops its pending auto-refund (a full cancel always; a partial one where the profile says so). */
  removesPendingAutoRefund: boolean;
  /** The record was read in this round, not handed over by a lost race (see pendingVoidTimer). */
  trusted: boolean;
  refundAccount?: AccountRefund['refundAccount'];
  skipWebhook?: boolean;
  trigger?: 'ASYNC_CANCEL_APPROVED';
  /** The payment's cash receipt when the caller read it already (null: it has none); undefined: read it here if needed. */
  receipt?: CashReceiptRecord | null;
}

/**
 * The payment once `cancellation` gave its money back, with everything that changes with it: the
 * PortOne view (amounts, status), the PG view (refunded, account refunds), the pending void it ends,
 * the cash receipt a full cancel cancels and the webhook. One rule for the cancel answered at once
 * and for the asynchronous one the PG answers later; the cancellation is added, or replaces its
 * REQUESTED self.
 */
export async function refundChange(
  services: Services,
  store: StoreRecord,
  payment: PaymentRecord,
  cancellation: Cancellation,
  refund: Refund,
): Promise<Omit<PaymentChange, 'expectedVersion'>> {
  const nowIso = refund.at.toISOString();
  const { totalAmount, taxFreeAmount, vatAmount } = cancellation;
  const isFinal = totalAmount === cancellableOf(payment);
  const { pending: _pending, ...rest } = cancellation;
  const done: Cancellation = { ...rest, status: 'SUCCEEDED', cancelledAt: nowIso };
  const next: PaymentRecord = structuredClone(payment);
  const index = next.cancellations.findIndex((c) => c.id === done.id);
  if (index < 0) next.cancellations.push(done);
  else next.cancellations[index] = done;
  next.amount.cancelled += totalAmount;
  next.amount.cancelledTaxFree += taxFreeAmount;
  next.cancelledVat += vatAmount;
  next.status = isFinal ? 'CANCELLED' : 'PARTIAL_CANCELLED';
  next.cancelledAt = nowIso;
  next.updatedAt = nowIso;
  next.statusChangedAt = nowIso;
  if (next.pg!.withdrawn) next.pg!.refunded += totalAmount;
  if (refundsToAccount(payment)) {
    const accountRefund: AccountRefund = { cancellationId: done.id, amount: totalAmount, at: nowIso, refundAccount: refund.refundAccount! };
    next.pg!.accountRefunds = [...(next.pg!.accountRefunds ?? []), accountRefund];
  }

  // The PG's pending void has nothing left to do after a full cancel; NICE also drops it on a
  // partial cancel (the rest stays withdrawn until the tester cancels in full).
  const cancelTimers: Pick<TimerRecord, 'timerId' | 'scheduleName'>[] = [];
  if (isFinal || refund.removesPendingAutoRefund) {
    const voidTimer = await pendingVoidTimer(services, store, payment, refund.trusted);
    if (voidTimer) cancelTimers.push(voidTimer);
    next.pg!.pendingVoidTimerId = null;
  }
  // A full cancel cancels the payment's cash receipt with it. A partial cancel leaves the receipt
  // ISSUED for the amount it was issued for: PortOne's receipt has no partially cancelled state
  // (how a PG re-issues for the rest is its own business), docs/api.md.
  const receipt = !isFinal ? undefined : refund.receipt !== undefined ? refund.receipt : await services.repo.getCashReceipt(store.storeId, payment.paymentId);
  const cancelledWith = receipt?.status === 'ISSUED' ? cancelledReceipt(receipt, nowIso) : undefined;
  const cashReceipts = cancelledWith ? [{ receipt: cancelledWith, expectedVersion: receipt!.version }] : [];
  // The payment shows the receipt issued with it (not one issued by hand for its id) as it now is.
  if (cancelledWith && !cancelledWith.isManual) next.cashReceipt = onPayment(cancelledWith);
  const outbox = refund.skipWebhook
    ? []
    : newOutboxEvent({
        store,
        payment: next,
        type: isFinal ? 'Transaction.Cancelled' : 'Transaction.PartialCancelled',
        at: refund.at,
        cancellationId: done.id,
        ...(refund.trigger && { trigger: refund.trigger }),
      });
  return { store, payment: next, cancelTimers, cashReceipts, outbox };
}
