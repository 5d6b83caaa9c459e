import type { PaymentRecord } from '../domain/payment.ts';
import type { Services } from '../services.ts';
import { toKst } from '../domain/kst.ts';
import { loadPayment } from './get-payment.ts';
import { presentPayment } from './present.ts';

/** What the PG would say about the money, derived from its ledger. */
export function pgStatus(p: PaymentRecord): string {
  const pg = p.pg;
  if (!pg) return p.status === 'FAILED' ? 'DECLINED' : 'NOT_APPROVED';
  if (pg.voidedAt) return 'VOIDED_BY_BATCH';
  if (pg.methodKind === 'VIRTUAL_ACCOUNT') return pg.depositReceived ? 'DEPOSIT_RECEIVED' : 'AWAITING_DEPOSIT';
  if (p.status === 'CANCELLED') return 'CANCELLED';
  if (p.status === 'PARTIAL_CANCELLED') return 'PARTIALLY_CANCELLED';
  return 'APPROVED';
}

/** True when PortOne's status says something the PG's ledger contradicts. */
export function isDiverged(p: PaymentRecord): boolean {
  const pg = p.pg;
  if (!pg) return false;
  const paidLike = p.status === 'PAID' || p.status === 'PARTIAL_CANCELLED';
  return (
    (pg.voidedAt !== undefined && paidLike) ||
    (pg.depositReceived !== undefined && p.status === 'VIRTUAL_ACCOUNT_ISSUED') ||
    (pg.testDepositNotifiedAt !== undefined && pg.depositReceived === undefined && paidLike)
  );
}

/** The gap between PortOne's record and the PG's, in words a developer acts on. */
export function describeDifferences(p: PaymentRecord): string[] {
  const pg = p.pg;
  const out: string[] = [];
  if (!pg) return out;
  const held = pg.withdrawn ? p.amount.paid - pg.refunded : 0;
  if (pg.voidedAt && (p.status === 'PAID' || p.status === 'PARTIAL_CANCELLED')) {
    out.push(
      `The PG voided this payment in its batch at ${toKst(pg.voidedAt)} but PortOne still says ${p.status}: ` +
        'no webhook was sent, and cancelling it now fails with PG_PROVIDER "기 취소 거래".',
    );
  }
  if (pg.methodKind === 'VIRTUAL_ACCOUNT') {
    if (pg.depositReceived && p.status === 'VIRTUAL_ACCOUNT_ISSUED') {
      out.push(
        `The PG received a real deposit of ${pg.depositReceived.amount}원 but PortOne still says VIRTUAL_ACCOUNT_ISSUED: ` +
          'test virtual accounts never become PAID from a deposit, send no webhook, and cannot refund it.',
      );
    }
    if (pg.testDepositNotifiedAt && !pg.depositReceived) {
      out.push('PortOne says PAID after the test deposit notification (테스트 입금웹훅통지), but the PG holds no money: a cancel fails with "입금된 내역이 없습니다".');
    }
  }
  if (held > 0 && !pg.voidedAt) {
    const ruleNote =
      pg.autoRefund.kind === 'never'
        ? 'Nobody refunds it automatically: cancel it by hand.'
        : pg.autoRefund.kind === 'none'
          ? ''
          : 'The PG voids it at its batch time unless a cancel or a NICE partial cancel changed that.';
    out.push(`The PG really holds ${held}원 of the tester's money. ${ruleNote}`.trim());
  }
  if (!pg.withdrawn && pg.methodKind !== 'VIRTUAL_ACCOUNT' && p.status !== 'FAILED') {
    out.push('This PG does not withdraw money in test mode: only a success answer, nothing to refund.');
  }
  return out;
}

export async function dualView(services: Services, storeId: string, paymentId: string) {
  const payment = await loadPayment(services, storeId, paymentId);
  const timers = await services.repo.listPaymentTimers(storeId, paymentId);
  const pg = payment.pg;
  return {
    paymentId,
    portone: presentPayment(payment),
    pg: {
      status: pgStatus(payment),
      pgProvider: payment.channel?.pgProvider,
      withdrawn: pg?.withdrawn ?? false,
      heldAmount: pg?.withdrawn ? payment.amount.paid - pg.refunded : 0,
      refundedAmount: pg?.refunded ?? 0,
      voidedAt: pg?.voidedAt,
      depositReceived: pg?.depositReceived,
      testDepositNotifiedAt: pg?.testDepositNotifiedAt,
      autoRefund: pg?.autoRefund,
      rule: pg?.ruleDescription,
    },
    inSync: !isDiverged(payment),
    differences: describeDifferences(payment),
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
