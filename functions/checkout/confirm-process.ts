import { ConcurrentModificationError } from '../domain/errors.ts';
import type { ConfirmCall } from '../domain/confirm-process.ts';
import { failedPayment, type PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import { commitPaymentChange } from '../payments/commit.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { callConfirmUrl } from '../webhooks/confirm-call.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { confirmRefused, type PaymentResponse } from './payment-response.ts';
import type { CheckoutSession } from './session.ts';

/**
 * The confirm process (컨펌 프로세스, domain/confirm-process.ts) between "pay" in the window and the
 * PG: `go` when the merchant's server answered 200 (or the window has no confirmUrl), else the
 * window's answer. A refusal, an error status or no answer in time leaves the attempt FAILED with
 * the merchant's reason, `Transaction.Failed` is sent as for any failed attempt, and the page gets
 * `ConfirmProcessFailed`; the paymentId may be paid again with a new window.
 *
 * The call is recorded as CALLING first, by a conditional write: a double submit of the same window
 * loses that write and is told to wait, so the merchant is asked once per transaction.
 */
export type ConfirmGate = { kind: 'go' } | { kind: 'done'; response: PaymentResponse };

const busy = (session: CheckoutSession): ConfirmGate => ({
  kind: 'done',
  response: {
    transactionType: 'PAYMENT',
    paymentId: session.paymentId,
    txId: session.txId,
    code: 'Aborted',
    message: '고객사 서버에 결제 승인을 확인하는 중입니다. (the confirm call for this window is already in progress)',
  },
});

export async function askMerchant(services: Services, session: CheckoutSession, ready: PaymentRecord): Promise<ConfirmGate> {
  if (!session.confirmUrl) return { kind: 'go' };
  const earlier = ready.confirmCall?.txId === session.txId ? ready.confirmCall : undefined;
  if (earlier?.outcome === 'APPROVED') return { kind: 'go' };
  if (earlier?.outcome === 'CALLING') return busy(session);

  const store = await loadStore(services, session.storeId);
  const calling: PaymentRecord = {
    ...structuredClone(ready),
    confirmCall: { txId: session.txId, url: session.confirmUrl, requestedAt: storeNow(services, store).toISOString(), outcome: 'CALLING' },
  };
  try {
    await commitPaymentChange(services, { store, payment: calling, expectedVersion: ready.version });
  } catch (err) {
    if (err instanceof ConcurrentModificationError) return busy(session);
    throw err;
  }
  const asked = { ...calling, version: ready.version + 1 };
  const call = await callConfirmUrl(services, store, asked, session.confirmUrl);
  if (call.outcome === 'APPROVED') {
    await commitPaymentChange(services, { store, payment: { ...asked, confirmCall: call }, expectedVersion: asked.version });
    return { kind: 'go' };
  }
  await commitRefusal(services, store, asked, call);
  return { kind: 'done', response: confirmRefused(session.paymentId, session.txId, call.message ?? '') };
}

/** The attempt ends FAILED with the merchant's reason; no PG code, since the PG was never asked. */
async function commitRefusal(services: Services, store: StoreRecord, asked: PaymentRecord, call: ConfirmCall): Promise<void> {
  const now = storeNow(services, store);
  const at = now.toISOString();
  const failed: PaymentRecord = { ...failedPayment(asked, at, { reason: call.message }, true), confirmCall: call };
  await commitPaymentChange(services, {
    store,
    payment: failed,
    expectedVersion: asked.version,
    outbox: newOutboxEvent({ store, payment: failed, type: 'Transaction.Failed', at: now }),
  });
}
