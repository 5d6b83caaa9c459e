import { PortOneError, invalidRequest, paymentNotFound, pgProviderError } from '../domain/errors.ts';
import type { CashReceiptRecord } from '../domain/cash-receipt.ts';
import { LIMITS } from '../domain/limits.ts';
import { splitCancel } from '../domain/money.ts';
import { promotionCancel, type PromotionDiscountRetainOption } from '../domain/promotion.ts';
import { pendingCancellation, type AccountRefund, type Cancellation, type PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { storeOrNotFound } from '../stores/load-store.ts';
import { commitPaymentChange } from './commit.ts';
import { newCancellationId } from './ids.ts';
import { acceptAsyncCancel, type AsyncCancel } from './async-cancel.ts';
import { askPgToCancel, cancellableOf, refundChange, refundsToAccount } from './settle-cancellation.ts';
import { releaseDiscount } from './promotions.ts';

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
  /** Accept it as pending and let the PG answer later (a fault rule asked for it; docs/async-cancel.md). */
  async?: AsyncCancel;
  /** A promotion payment's partial cancel: keep the discount rate, or apply the policy anew (unset: RELEASE). */
  promotionDiscountRetainOption?: PromotionDiscountRetainOption;
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
  // One asynchronous cancel at a time: the PG has not said yet whether its money went back, so no
  // one can say what is left to cancel (assumed; docs/async-cancel.md).
  const pending = pendingCancellation(payment);
  if (pending) {
    throw pgProviderError('CANCEL_IN_PROGRESS', `취소 요청이 처리 중인 거래입니다. 처리 완료 후 다시 시도하세요. (cancellationId: ${pending.id})`);
  }
  const cancellable = cancellableOf(payment);
  if (req.currentCancellableAmount !== undefined && req.currentCancellableAmount !== cancellable) {
    throw new PortOneError(
      'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN',
      `취소 가능 잔액이 일치하지 않습니다. (currentCancellableAmount: ${req.currentCancellableAmount}, actual: ${cancellable})`,
    );
  }
  // A promotion payment's cancel names an order amount; the money back follows from the discount (domain/promotion.ts).
  const adjusted = payment.promotion && promotionCancel({ total: payment.amount.total, promotion: payment.promotion }, { amount: req.amount, retainOption: req.promotionDiscountRetainOption });
  if (adjusted && !adjusted.ok) throw new PortOneError(adjusted.type, adjusted.message);
  const split = splitCancel(
    {
      paid: payment.amount.paid,
      cancelled: payment.amount.cancelled,
      taxFree: payment.amount.taxFree,
      cancelledTaxFree: payment.amount.cancelledTaxFree,
      vat: payment.amount.vat ?? 0,
      cancelledVat: payment.cancelledVat,
    },
    adjusted ? { ...req, amount: adjusted.refund } : req,
  );
  if (!split.ok) throw new PortOneError(split.type, split.message);
  const { totalAmount, taxFreeAmount, vatAmount } = split.split;

  const now = storeNow(services, store);
  if (refundsToAccount(payment) && !req.refundAccount) {
    throw invalidRequest('refundAccount: 가상계좌 결제를 환불하려면 환불 계좌(refundAccount)를 입력해야 합니다.');
  }
  const decision = askPgToCancel(payment, totalAmount, now);
  if (!decision.allowed) throw pgProviderError(decision.pgCode, decision.pgMessage);

  const nowIso = now.toISOString();
  const cancellation: Cancellation = {
    status: 'REQUESTED',
    id: newCancellationId(),
    pgCancellationId: `${payment.pgTxId}-c${payment.cancellations.length + 1}`,
    totalAmount,
    taxFreeAmount,
    vatAmount,
    reason: req.reason,
    requestedAt: nowIso,
    trigger: req.trigger ?? 'API',
    ...(req.requester ? { requester: req.requester } : {}),
  };
  // The payment holds its new discount from the cancel on (an asynchronous cancel the PG later refuses keeps it: assumed).
  const cancelled = adjusted ? { ...payment, promotion: adjusted.promotion } : payment;
  if (req.async) return acceptAsyncCancel(services, { store, payment: cancelled, cancellation, at: now, async: req.async, skipWebhook: req.skipWebhook, refundAccount: req.refundAccount });

  const change = await refundChange(services, store, cancelled, cancellation, {
    at: now,
    removesPendingAutoRefund: decision.removesPendingAutoRefund,
    trusted,
    refundAccount: req.refundAccount,
    skipWebhook: req.skipWebhook,
    receipt: receipt ?? null,
  });
  await commitPaymentChange(services, { ...change, expectedVersion: payment.version });
  if (adjusted) await releaseDiscount(services, store.storeId, adjusted.promotion.id, adjusted.recovered);
  return change.payment.cancellations.find((c) => c.id === cancellation.id)!;
}
