import { decideIssuance, billingPaymentRefusal } from '../domain/billing-rules.ts';
import { issuerName, TEST_CARDS, type TestCard } from '../domain/cards.ts';
import { decideApproval } from '../domain/pg-rules.ts';
import { billingOf } from '../domain/profiles/billing.ts';
import type { PgProfile } from '../domain/profiles/index.ts';
import type { ExpectedOutcome } from './choices.ts';
import type { Lang } from './test-mode-notes.ts';

/**
 * The billing window's test-card picker: for each card, what this PG's test channel does when it
 * issues a key for it and when that key later pays (비인증: no customer present), from the same
 * rules the issuance and the payment run, so a refusal can be chosen on purpose.
 */
export interface BillingCardOption {
  number: string;
  card: TestCard;
  issuance: ExpectedOutcome;
  payment: ExpectedOutcome;
}

const refused = (r: { pgCode: string; pgMessage: string }): ExpectedOutcome => ({ approved: false, pgCode: r.pgCode, pgMessage: r.pgMessage });

export function billingCardOptions(profile: PgProfile, amount: number): BillingCardOption[] {
  const billing = billingOf(profile);
  const cards = profile.onlyPublishedTestCards.value ? TEST_CARDS.filter((c) => c.published) : TEST_CARDS.filter((c) => !c.published);
  return cards.map((card) => {
    const issueRefusal = decideIssuance(profile, billing, { fromCardNumber: false, card, cardExpired: false });
    const payRefusal = billingPaymentRefusal(profile, billing, card);
    const approval = decideApproval(profile, { method: 'CARD', card, amount });
    return {
      number: card.number,
      card,
      issuance: issueRefusal ? refused(issueRefusal) : { approved: true },
      payment: payRefusal ? refused(payRefusal) : approval.outcome === 'APPROVED' ? { approved: true } : refused(approval),
    };
  });
}

/** The card the form starts on: the first one issued and paid with. */
export const defaultBillingCard = (options: BillingCardOption[]) =>
  (options.find((o) => o.issuance.approved && o.payment.approved) ?? options[0])?.number ?? '';

/** What this PG does with billing keys in test mode, in a tester's words (profiles/billing.ts). */
export function billingNotes(profile: PgProfile, lang: Lang): string[] {
  const ko = lang === 'ko';
  const billing = billingOf(profile);
  const notes: string[] = [];
  if (!billing.issuesBillingKeys.value) {
    notes.push(ko ? '이 PG의 테스트 채널은 빌링키를 발급하지 않습니다: 발급하면 PG 오류로 실패합니다.' : "This PG's test channel issues no billing keys: issuing fails with the PG's error.");
    return notes;
  }
  const mid = billing.merchantId.value;
  if (mid) notes.push(ko ? `빌링키는 빌링 테스트 MID ${mid}에 발급됩니다.` : `Keys are issued on the billing test MID ${mid}.`);
  const charge = billing.issuanceCharge.value;
  if (charge) {
    notes.push(
      ko
        ? `발급 시 ${charge.amount}원이 실제로 결제되고 약 ${charge.voidAfterMinutes}분 후 PG가 자동 취소합니다 (포트원에는 보이지 않음).`
        : `Issuing charges ${charge.amount} KRW, voided by the PG about ${charge.voidAfterMinutes} minutes later (PortOne does not show it).`,
    );
  }
  if (!profile.billingKeyPayment.value) {
    notes.push(ko ? '이 테스트 채널에서 발급한 빌링키로는 결제할 수 없습니다.' : 'Keys issued on this test channel cannot pay.');
  }
  const issuers = billing.refusedIssuers.value;
  if (issuers.length > 0) {
    notes.push((ko ? '비인증(빌링키) 결제가 거절되는 카드사: ' : 'Card issuers refused for billing-key payments: ') + issuers.map(issuerName).join(', '));
  }
  return notes;
}
