import { differencesOf, heldAmount, pgStatus } from '../domain/divergence.ts';
import type { Services } from '../services.ts';
import { toKst } from '../domain/kst.ts';
import { loadPayment } from './get-payment.ts';
import { presentPayment } from './present.ts';
import { pendingCancellation, type PaymentRecord } from '../domain/payment.ts';

/** An asynchronous cancel the PG is still working on: what it will answer, and when. */
function pendingCancelAtPg(payment: PaymentRecord) {
  const c = pendingCancellation(payment);
  if (!c?.pending) return undefined;
  return { cancellationId: c.id, amount: c.totalAmount, requestedAt: c.requestedAt, answersAt: c.pending.dueAt, outcome: c.pending.outcome };
}

/**
 * Both ledgers side by side, for the sandbox API (`GET /sandbox/payments/{id}/dual-view`) and the
 * console: the differences come from domain/divergence.ts, in English for programs.
 */
export async function dualView(services: Services, storeId: string, paymentId: string) {
  const payment = await loadPayment(services, storeId, paymentId);
  const timers = await services.repo.listPaymentTimers(storeId, paymentId);
  const pg = payment.pg;
  const differences = differencesOf(payment);
  return {
    paymentId,
    portone: presentPayment(payment),
    pg: {
      status: pgStatus(payment),
      pgProvider: payment.channel?.pgProvider,
      withdrawn: pg?.withdrawn ?? false,
      heldAmount: heldAmount(payment),
      refundedAmount: pg?.refunded ?? 0,
      voidedAt: pg?.voidedAt,
      depositReceived: pg?.depositReceived,
      testDepositNotifiedAt: pg?.testDepositNotifiedAt,
      autoRefund: pg?.autoRefund,
      rule: pg?.ruleDescription,
      channelMode: pg?.channelMode ?? 'TEST',
      accountRefunds: pg?.accountRefunds,
      pendingCancellation: pendingCancelAtPg(payment),
      capturedAt: pg?.capturedAt,
      paymentwallDelivery: payment.channel?.pgProvider === 'PAYMENTWALL' ? await services.repo.getPaymentwallDelivery(storeId, paymentId) : undefined,
    },
    inSync: !differences.some((d) => d.diverged),
    differences: differences.map((d) => d.text.en),
    timers: timers
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))
      .map((t) => ({
        timerId: t.timerId,
        kind: t.kind,
        state: t.state.toLowerCase(),
        dueAt: t.dueAt,
        dueAtKst: toKst(t.dueAt),
        reason: t.reason,
        scheduleName: t.scheduleName,
        firedAt: t.firedAt,
        cancelledAt: t.cancelledAt,
      })),
  };
}
