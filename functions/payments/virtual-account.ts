import { PortOneError } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { commitPaymentChange } from './commit.ts';
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
 * A real deposit into a *test* virtual account: the PG receives money, but PortOne never learns
 * of it — the payment stays VIRTUAL_ACCOUNT_ISSUED and no webhook is sent (and the money cannot be
 * refunded through PortOne).
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
  const next = structuredClone(payment);
  next.pg!.depositReceived = {
    amount: input.amount ?? payment.amount.total,
    at: storeNow(services, store).toISOString(),
    ...(input.depositorName ? { depositorName: input.depositorName } : {}),
  };
  await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version });
  return next;
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
  const now = storeNow(services, store);
  const nowIso = now.toISOString();
  const next = structuredClone(payment);
  next.status = 'PAID';
  next.paidAt = nowIso;
  next.updatedAt = nowIso;
  next.statusChangedAt = nowIso;
  next.amount.paid = payment.amount.total;
  next.pg!.testDepositNotifiedAt = nowIso;
  await commitPaymentChange(services, {
    store,
    payment: next,
    expectedVersion: payment.version,
    outbox: newOutboxEvent({ store, payment: next, type: 'Transaction.Paid', at: now, trigger: 'VIRTUAL_ACCOUNT_DEPOSIT' }),
  });
  return next;
}
