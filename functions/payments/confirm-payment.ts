import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError, PortOneError, paymentNotFound } from '../domain/errors.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import { CONFIRM_DEADLINE_MS, CONFIRM_EXPIRED_FAILURE, type AuthenticatedMethod, type PendingConfirm } from '../domain/manual-confirm.ts';
import { failedPayment, isPaidLike, orderDetailsOf, type PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { timerIdFor } from '../timers/timer.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { approvePayment } from './approve.ts';
import { commitPaymentChange } from './commit.ts';

/**
 * Manual confirm (인증 결제 수동 승인, domain/manual-confirm.ts): the window's authentication makes
 * the READY payment wait with a token; confirmPayment with that token makes the PG decide; a payment
 * never confirmed fails at the deadline (a `confirm-deadline` timer on the store clock).
 */

const TOKEN_PREFIX = 'payment-token.';

function deadlineTimer(store: StoreRecord, payment: PaymentRecord, pending: PendingConfirm): TimerRecord {
  const timerId = timerIdFor('confirm-deadline', store.storeId, payment.paymentId, pending.txId);
  return {
    storeId: store.storeId,
    timerId,
    kind: 'confirm-deadline',
    paymentId: payment.paymentId,
    dueAt: pending.expiresAt,
    state: 'PENDING',
    reason: `manual confirm: the authentication expires unless confirmPayment is called by ${pending.expiresAt}`,
    scheduleName: timerId,
    createdAt: pending.authenticatedAt,
    payload: { txId: pending.txId },
  };
}

/**
 * The customer authenticated in the window of a manual-confirm channel: the payment stays READY and
 * holds a new token until the deadline. Authenticating the same transaction again (a double submit)
 * answers the token already handed out.
 */
export async function awaitConfirmation(services: Services, ready: PaymentRecord, method: AuthenticatedMethod): Promise<PendingConfirm> {
  if (ready.pendingConfirm?.txId === ready.transactionId) return ready.pendingConfirm;
  const store = await loadStore(services, ready.storeId);
  const now = storeNow(services, store);
  const pending: PendingConfirm = {
    paymentToken: `${TOKEN_PREFIX}${randomUUID()}`,
    txId: ready.transactionId,
    authenticatedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CONFIRM_DEADLINE_MS).toISOString(),
    method,
  };
  const next: PaymentRecord = { ...structuredClone(ready), pendingConfirm: pending, updatedAt: pending.authenticatedAt };
  await commitPaymentChange(services, { store, payment: next, expectedVersion: ready.version, newTimers: [deadlineTimer(store, next, pending)] });
  return pending;
}

export interface ConfirmPaymentInput {
  paymentToken: string;
  txId?: string;
  currency?: string;
  totalAmount?: number;
  taxFreeAmount?: number;
  isTest?: boolean;
  skipWebhook?: boolean;
}

const mismatch = (field: string, expected: unknown, given: unknown) =>
  new PortOneError('INFORMATION_MISMATCH', `${field}이(가) 일치하지 않습니다. (expected ${String(expected)}, given ${String(given)})`);

const invalidToken = (why: string) => new PortOneError('INVALID_PAYMENT_TOKEN', `유효하지 않은 결제 토큰입니다. (${why})`);

/** The checks PortOne lists as 검증용 parameters: each one given must equal the payment's. */
function checkVerificationFields(payment: PaymentRecord, input: ConfirmPaymentInput): void {
  if (input.txId !== undefined && input.txId !== payment.transactionId) throw mismatch('txId', payment.transactionId, input.txId);
  if (input.currency !== undefined && input.currency !== payment.currency) throw mismatch('currency', payment.currency, input.currency);
  if (input.totalAmount !== undefined && input.totalAmount !== payment.amount.total) throw mismatch('totalAmount', payment.amount.total, input.totalAmount);
  if (input.taxFreeAmount !== undefined && input.taxFreeAmount !== payment.amount.taxFree) throw mismatch('taxFreeAmount', payment.amount.taxFree, input.taxFreeAmount);
  if (input.isTest === false) throw mismatch('isTest', true, false);
}

/**
 * confirmPayment: the merchant approves an authenticated payment; the PG then decides by its
 * profile exactly as for a payment without manual confirm (approvePayment). Errors as the OAS lists
 * them: PAYMENT_NOT_FOUND, ALREADY_PAID (confirmed before, or paid another way), INVALID_PAYMENT_TOKEN
 * (not this payment's token, or expired), INFORMATION_MISMATCH (a verification field differs),
 * PG_PROVIDER (the PG refused the charge: the payment is FAILED).
 */
export async function confirmPayment(services: Services, storeId: string, paymentId: string, input: ConfirmPaymentInput): Promise<{ pgTxId: string; paidAt: string }> {
  const payment = await services.repo.getPayment(storeId, paymentId);
  if (!payment) throw paymentNotFound(paymentId);
  if (isPaidLike(payment.status) || payment.status === 'CANCELLED' || payment.status === 'VIRTUAL_ACCOUNT_ISSUED') {
    throw new PortOneError('ALREADY_PAID', `이미 결제가 완료된 결제 건입니다. (paymentId: ${paymentId}, status: ${payment.status})`);
  }
  const pending = payment.pendingConfirm;
  if (!pending || pending.paymentToken !== input.paymentToken) throw invalidToken(`paymentId ${paymentId} has no authentication with this token`);
  const store = await loadStore(services, storeId);
  if (payment.status === 'FAILED' || storeNow(services, store).toISOString() >= pending.expiresAt) {
    throw invalidToken(`the authentication expired at ${pending.expiresAt} (store clock)`);
  }
  checkVerificationFields(payment, input);
  const paid = await approvePayment(services, {
    ...orderDetailsOf(payment),
    storeId,
    paymentId,
    channelKey: payment.channel!.key,
    orderName: payment.orderName,
    amount: { total: payment.amount.total, taxFree: payment.amount.taxFree, vat: payment.amount.vat },
    currency: payment.currency,
    method: pending.method,
    origin: payment.origin,
    skipWebhook: input.skipWebhook,
  });
  return { pgTxId: paid.pgTxId!, paidAt: paid.paidAt! };
}

/**
 * The `confirm-deadline` timer: a payment still waiting for the transaction the timer names becomes
 * FAILED (Transaction.Failed), one failed attempt. Anything else (confirmed, a newer window) is left
 * alone. The change and the timer's PENDING → FIRED commit together, so a second delivery does nothing.
 */
export async function expireConfirmation(services: Services, timer: TimerRecord): Promise<string> {
  return retryOnConflict<string, PaymentRecord>(RETRY_LIMITS.confirmDeadline, async ({ current }) => {
    const store = await loadStore(services, timer.storeId);
    const payment = current ?? (await services.repo.getPayment(timer.storeId, timer.paymentId));
    if (!payment || payment.status !== 'READY' || payment.pendingConfirm?.txId !== timer.payload?.txId) {
      const settled = await services.repo.settleTimer(timer.storeId, timer.timerId, 'FIRED', storeNow(services, store).toISOString());
      return settled ? 'nothing waits for this confirm any more' : 'skipped';
    }
    const failed = failedPayment(payment, timer.dueAt, { ...CONFIRM_EXPIRED_FAILURE }, true);
    try {
      await commitPaymentChange(services, {
        store,
        payment: failed,
        expectedVersion: payment.version,
        fireTimers: [timer],
        outbox: newOutboxEvent({ store, payment: failed, type: 'Transaction.Failed', at: new Date(timer.dueAt) }),
      });
    } catch (err) {
      // The payment changed (decide again), or another delivery already fired the timer (done).
      if (err instanceof ConcurrentModificationError && (await services.repo.getTimer(timer.storeId, timer.timerId))?.state !== 'PENDING') return 'skipped';
      throw err;
    }
    return `not confirmed by ${timer.dueAt}: FAILED`;
  });
}
