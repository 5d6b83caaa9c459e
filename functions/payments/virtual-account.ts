import { PortOneError, invalidRequest } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { commitPaymentChange } from './commit.ts';
import { receiptOnPay } from './cash-receipt-on-pay.ts';
import { loadPayment } from './get-payment.ts';

/**
 * Virtual accounts (가상계좌) in test mode: only issuance (채번) is real. These are the three ways a
 * tester can move one afterwards.
 */

const notWaiting = (p: PaymentRecord) =>
  new PortOneError('PAYMENT_NOT_WAITING_FOR_DEPOSIT', `입금 대기 중인 가상계좌 결제 건이 아닙니다. (status: ${p.status})`);

/** closeVirtualAccount (가상계좌 말소): the account stops accepting deposits; the payment ends CANCELLED. */
export async function closeVirtualAccount(services: Services, storeId: string, paymentId: string): Promise<{ closedAt: string }> {
  const store = await loadStore(services, storeId);
  const payment = await loadPayment(services, storeId, paymentId);
  if (payment.status !== 'VIRTUAL_ACCOUNT_ISSUED') throw notWaiting(payment);
  const nowIso = storeNow(services, store).toISOString();
  const next: PaymentRecord = { ...structuredClone(payment), status: 'CANCELLED', cancelledAt: nowIso, updatedAt: nowIso, statusChangedAt: nowIso };
  await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version });
  return { closedAt: nowIso };
}

/**
 * A real deposit into the virtual account. On a test channel the PG receives money but PortOne never
 * learns of it: the payment stays VIRTUAL_ACCOUNT_ISSUED, no webhook is sent, and the money cannot be
 * refunded through PortOne. On a live-like channel the deposit pays: PAID and `Transaction.Paid`
 * (trigger VIRTUAL_ACCOUNT_DEPOSIT), as a live channel notifies PortOne.
 */
export async function simulateRealDeposit(
  services: Services,
  storeId: string,
  paymentId: string,
  input: { amount?: number; depositorName?: string },
): Promise<PaymentRecord> {
  const store = await loadStore(services, storeId);
  const payment = await loadPayment(services, storeId, paymentId);
  if (payment.pg?.methodKind !== 'VIRTUAL_ACCOUNT') throw notWaiting(payment);
  const live = payment.pg.channelMode === 'LIVE_LIKE';
  if (live && payment.status !== 'VIRTUAL_ACCOUNT_ISSUED') throw notWaiting(payment);
  const amount = input.amount ?? payment.amount.total;
  // Assumed: a live virtual account takes only the exact amount (the bank refuses any other at the
  // transfer), so a test cannot build an over- or under-paid payment PortOne would not show.
  if (live && amount !== payment.amount.total) {
    throw invalidRequest(`amount: 가상계좌에는 결제 금액(${payment.amount.total})과 같은 금액만 입금할 수 있습니다.`);
  }
  const now = storeNow(services, store);
  const nowIso = now.toISOString();
  const next = structuredClone(payment);
  next.pg!.depositReceived = { amount, at: nowIso, ...(input.depositorName ? { depositorName: input.depositorName } : {}) };
  if (!live) {
    await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version });
    return next;
  }
  next.pg!.withdrawn = true;
  return commitDepositPaid(services, store, payment, next, now);
}

/**
 * The console's 테스트 입금웹훅통지 (test deposit notification): PortOne marks the payment PAID and
 * sends Transaction.Paid although the PG holds no money, so a later cancel fails at the PG with
 * "입금된 내역이 없습니다".
 */
export async function notifyTestDeposit(services: Services, storeId: string, paymentId: string): Promise<PaymentRecord> {
  const store = await loadStore(services, storeId);
  const payment = await loadPayment(services, storeId, paymentId);
  if (payment.status !== 'VIRTUAL_ACCOUNT_ISSUED') throw notWaiting(payment);
  if (payment.pg?.channelMode === 'LIVE_LIKE') {
    throw invalidRequest('테스트 입금웹훅통지는 테스트 채널 전용입니다. On a live-like channel deposit the amount instead: POST /sandbox/payments/{paymentId}/virtual-account/deposit');
  }
  const now = storeNow(services, store);
  const nowIso = now.toISOString();
  const next = structuredClone(payment);
  next.pg!.testDepositNotifiedAt = nowIso;
  return commitDepositPaid(services, store, payment, next, now);
}

/** PortOne's side of a deposit: the waiting payment becomes PAID, with Transaction.Paid and any cash receipt it asked for in the same write. */
async function commitDepositPaid(services: Services, store: StoreRecord, payment: PaymentRecord, next: PaymentRecord, now: Date): Promise<PaymentRecord> {
  const nowIso = now.toISOString();
  next.status = 'PAID';
  next.paidAt = nowIso;
  next.updatedAt = nowIso;
  next.statusChangedAt = nowIso;
  next.amount.paid = payment.amount.total;
  // A receipt asked for with the account is issued with the deposit (one read, only then).
  const receipt = next.cashReceiptRequest ? await services.repo.getCashReceipt(store.storeId, payment.paymentId) : undefined;
  await commitPaymentChange(services, {
    store,
    payment: next,
    expectedVersion: payment.version,
    cashReceipts: receiptOnPay(next, receipt, nowIso),
    outbox: newOutboxEvent({ store, payment: next, type: 'Transaction.Paid', at: now, trigger: 'VIRTUAL_ACCOUNT_DEPOSIT' }),
  });
  return next;
}
