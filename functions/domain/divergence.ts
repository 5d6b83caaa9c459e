/**
 * Where PortOne's record and the PG's ledger part ways, and what the PG really did with the money:
 * the one statement of it, read by the sandbox API's dual view (English sentences), the console
 * (both languages) and the timeline (the hatched gap). Pure: from the stored record alone.
 */
import { kstDateTime } from './kst.ts';
import { won } from './money.ts';
import type { PaymentRecord } from './payment.ts';

/** A text in both languages the console speaks. */
export interface Text {
  ko: string;
  en: string;
}

export type DifferenceKind =
  /** The PG's batch voided (refunded) it; PortOne still says PAID / PARTIAL_CANCELLED. */
  | 'voided-by-batch'
  /** Real money reached the PG's virtual account; PortOne still says VIRTUAL_ACCOUNT_ISSUED. */
  | 'deposit-not-reflected'
  /** The console's test deposit made PortOne say PAID; the PG has no money. */
  | 'paid-without-deposit'
  /** Not a contradiction: the PG holds the tester's real money. */
  | 'money-held'
  /** Not a contradiction: the PG approved without taking any money. */
  | 'no-withdrawal';

export interface Difference {
  kind: DifferenceKind;
  /** True when PortOne's status says something the PG's ledger contradicts; false for a note on the money. */
  diverged: boolean;
  /** When it began (store clock, ISO 8601 UTC). */
  since: string;
  /** The whole story, with what a tester should do next. */
  text: Text;
  /** A few words, for tight spaces (the timeline). */
  label: Text;
}

const STATUS_KO: Partial<Record<PaymentRecord['status'], string>> = { PAID: '결제완료', PARTIAL_CANCELLED: '부분취소' };
const isPaidLike = (p: PaymentRecord) => p.status === 'PAID' || p.status === 'PARTIAL_CANCELLED';

/** Money the PG took and has not given back. */
export const heldAmount = (p: PaymentRecord): number => (p.pg?.withdrawn ? p.amount.paid - p.pg.refunded : 0);

/** What the PG would say about the payment, from its own ledger. */
export function pgStatus(p: PaymentRecord): string {
  const pg = p.pg;
  if (!pg) return p.status === 'FAILED' ? 'DECLINED' : 'NOT_APPROVED';
  if (pg.voidedAt) return 'VOIDED_BY_BATCH';
  // Only a live-like virtual account is ever refunded (to the cancel's refundAccount).
  const refundedAccount = (pg.accountRefunds?.length ?? 0) > 0;
  if (pg.methodKind === 'VIRTUAL_ACCOUNT' && !refundedAccount) return pg.depositReceived ? 'DEPOSIT_RECEIVED' : 'AWAITING_DEPOSIT';
  if (p.status === 'CANCELLED') return 'CANCELLED';
  if (p.status === 'PARTIAL_CANCELLED') return 'PARTIALLY_CANCELLED';
  return 'APPROVED';
}

/** Every difference between the two ledgers, contradictions first. */
export function differencesOf(p: PaymentRecord): Difference[] {
  const pg = p.pg;
  if (!pg) return [];
  const out: Difference[] = [];
  const approvedAt = p.paidAt ?? p.statusChangedAt;

  if (pg.voidedAt && isPaidLike(p)) {
    const at = `${kstDateTime(pg.voidedAt)} KST`;
    out.push({
      kind: 'voided-by-batch',
      diverged: true,
      since: pg.voidedAt,
      text: {
        ko: `PG가 ${at} 일괄취소로 돈을 돌려줬지만 포트원은 아직 ${p.status}입니다. 웹훅은 없었고, 지금 취소하면 PG_PROVIDER '기 취소 거래'로 실패합니다.`,
        en: `The PG voided this payment in its batch at ${at} but PortOne still says ${p.status}: no webhook was sent, and cancelling it now fails with PG_PROVIDER "기 취소 거래".`,
      },
      label: { ko: `불일치: 포트원은 ${STATUS_KO[p.status]}, PG는 취소`, en: `diverged: PortOne ${p.status}, PG voided` },
    });
  }
  if (pg.depositReceived && p.status === 'VIRTUAL_ACCOUNT_ISSUED') {
    const amount = won(pg.depositReceived.amount);
    out.push({
      kind: 'deposit-not-reflected',
      diverged: true,
      since: pg.depositReceived.at,
      text: {
        ko: `PG 계좌에 실제로 ${amount}원이 입금됐지만 포트원은 아직 입금대기(VIRTUAL_ACCOUNT_ISSUED)입니다. 테스트 가상계좌는 입금으로 결제완료가 되지 않고 웹훅도 없으며 환불할 수 없습니다.`,
        en: `The PG received a real deposit of ${amount} KRW but PortOne still says VIRTUAL_ACCOUNT_ISSUED: test virtual accounts never become PAID from a deposit, send no webhook, and cannot refund it.`,
      },
      label: { ko: '불일치: PG에 입금, 포트원은 입금대기', en: 'diverged: deposit at the PG, PortOne still waiting' },
    });
  }
  if (pg.testDepositNotifiedAt && !pg.depositReceived && isPaidLike(p)) {
    out.push({
      kind: 'paid-without-deposit',
      diverged: true,
      since: pg.testDepositNotifiedAt,
      text: {
        ko: "테스트 입금웹훅통지로 포트원은 결제완료지만 PG에는 돈이 없습니다. 취소하면 '입금된 내역이 없습니다'로 실패합니다.",
        en: 'PortOne says PAID after the test deposit notification (테스트 입금웹훅통지), but the PG holds no money: a cancel fails with "입금된 내역이 없습니다" (no deposit).',
      },
      label: { ko: '불일치: 포트원은 결제완료, PG에는 입금 없음', en: 'diverged: PortOne PAID, no money at the PG' },
    });
  }

  const held = heldAmount(p);
  if (held > 0 && !pg.voidedAt) {
    // `none` never withdraws, so it cannot hold money: say nothing rather than something untrue.
    const next: Text =
      pg.channelMode === 'LIVE_LIKE'
        ? { ko: '라이브형 채널: 실제 매출처럼 정산되며, 취소해야만 환불됩니다.', en: 'Live-like channel: settled like a live sale; only a cancel refunds it.' }
        : pg.autoRefund.kind === 'never'
        ? { ko: '자동 환불되지 않으니 직접 취소하세요.', en: 'Nobody refunds it automatically: cancel it by hand.' }
        : pg.autoRefund.kind === 'none'
          ? { ko: '', en: '' }
          : {
              ko: 'PG 배치 시각에 자동 취소됩니다 (그 전에 취소했거나 NICE 부분취소로 자동 취소가 해제되지 않았다면).',
              en: 'The PG voids it at its batch time unless a cancel or a NICE partial cancel changed that.',
            };
    out.push({
      kind: 'money-held',
      diverged: false,
      since: approvedAt,
      text: {
        ko: `PG가 테스터의 돈 ${won(held)}원을 실제로 보유 중입니다. ${next.ko}`.trim(),
        en: `The PG really holds ${won(held)} KRW of the tester's money. ${next.en}`.trim(),
      },
      label: { ko: `PG 보유 ${won(held)}원`, en: `PG holds ${won(held)} KRW` },
    });
  }
  if (!pg.withdrawn && pg.methodKind !== 'VIRTUAL_ACCOUNT' && p.status !== 'FAILED') {
    out.push({
      kind: 'no-withdrawal',
      diverged: false,
      since: approvedAt,
      text: {
        ko: '이 PG는 테스트 모드에서 출금하지 않습니다: 승인 응답만 있고 환불할 돈도 없습니다.',
        en: 'This PG does not withdraw money in test mode: only a success answer, nothing to refund.',
      },
      label: { ko: '출금 없음', en: 'no money moved' },
    });
  }
  return out;
}

/** True when PortOne's status says something the PG's ledger contradicts. */
export const isDiverged = (p: PaymentRecord): boolean => differencesOf(p).some((d) => d.diverged);
