import type { PaymentRecord } from '../domain/payment.ts';
import { toKst } from '../domain/kst.ts';
import type { Text } from './timeline.ts';

const won = (n: number) => n.toLocaleString('ko-KR');
const at = (iso: string) => toKst(iso).slice(0, 16).replace('T', ' ');

/**
 * The gap between PortOne's record and the PG's ledger, in both languages, for the console (the
 * sandbox API's English `differences[]` says the same for programs). What a tester should do next
 * is part of each sentence.
 */
export function explainDifferences(p: PaymentRecord): Text[] {
  const pg = p.pg;
  const out: Text[] = [];
  if (!pg) return out;
  const paidLike = p.status === 'PAID' || p.status === 'PARTIAL_CANCELLED';
  const held = pg.withdrawn ? p.amount.paid - pg.refunded : 0;
  if (pg.voidedAt && paidLike) {
    out.push({
      ko: `PG가 ${at(pg.voidedAt)} KST 일괄취소로 돈을 돌려줬지만 포트원은 아직 ${p.status}입니다. 웹훅은 없었고, 지금 취소하면 PG_PROVIDER '기 취소 거래'로 실패합니다.`,
      en: `The PG voided this payment in its batch at ${at(pg.voidedAt)} KST but PortOne still says ${p.status}: no webhook was sent, and a cancel now fails with PG_PROVIDER "기 취소 거래".`,
    });
  }
  if (pg.methodKind === 'VIRTUAL_ACCOUNT') {
    if (pg.depositReceived && p.status === 'VIRTUAL_ACCOUNT_ISSUED') {
      out.push({
        ko: `PG 계좌에 실제로 ${won(pg.depositReceived.amount)}원이 입금됐지만 포트원은 입금대기입니다. 테스트 가상계좌는 입금으로 결제완료가 되지 않고 웹훅도 없으며 환불할 수 없습니다.`,
        en: `The PG received a real deposit of ${won(pg.depositReceived.amount)} KRW but PortOne still waits: test virtual accounts never become PAID from a deposit, send no webhook and cannot refund it.`,
      });
    }
    if (pg.testDepositNotifiedAt && !pg.depositReceived) {
      out.push({
        ko: "테스트 입금웹훅통지로 포트원은 결제완료지만 PG에는 돈이 없습니다. 취소하면 '입금된 내역이 없습니다'로 실패합니다.",
        en: 'PortOne says PAID after the test deposit notification, but the PG holds no money: a cancel fails with "입금된 내역이 없습니다" (no deposit).',
      });
    }
  }
  if (held > 0 && !pg.voidedAt) {
    const never = pg.autoRefund.kind === 'never';
    out.push({
      ko: `PG가 테스터의 돈 ${won(held)}원을 실제로 보유 중입니다. ${never ? '자동 환불되지 않으니 직접 취소하세요.' : 'PG 배치 시각에 자동 취소됩니다 (취소하지 않았다면).'}`,
      en: `The PG really holds ${won(held)} KRW of the tester's money. ${never ? 'Nobody refunds it automatically: cancel it by hand.' : 'The PG voids it at its batch time unless it is cancelled first.'}`,
    });
  }
  if (!pg.withdrawn && pg.methodKind !== 'VIRTUAL_ACCOUNT' && p.status !== 'FAILED') {
    out.push({
      ko: '이 PG는 테스트 모드에서 출금하지 않습니다: 승인 응답만 있고 환불할 돈도 없습니다.',
      en: 'This PG does not withdraw money in test mode: only a success answer, nothing to refund.',
    });
  }
  return out;
}
