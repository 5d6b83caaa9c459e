/**
 * The PG rules that apply only to billing keys (빌링키): may the test channel issue one, and does the
 * PG refuse a 비인증 (billing-key) payment that it would approve with card authentication. Whatever
 * passes here runs through decideApproval like any card payment, so a billing payment follows its
 * PG's void rule (an INICIS one is voided in the night batch while PortOne still says PAID).
 */
import { DECLINES, issuerName, type TestCard } from './cards.ts';
import { decideBillingKeyPayment, fillTemplate } from './pg-rules.ts';
import type { BillingTestMode } from './profiles/billing.ts';
import type { PgProfile } from './profiles/types.ts';

export interface BillingRefusal {
  pgCode: string;
  pgMessage: string;
  /** In English, for logs and the console. */
  reason: string;
}

/** Why the PG's test channel will not issue this key, if it will not. */
export function decideIssuance(
  profile: PgProfile,
  billing: BillingTestMode,
  input: { fromCardNumber: boolean; card?: TestCard; cardExpired: boolean },
): BillingRefusal | undefined {
  const unsupported = profile.codes.unsupportedMethod.value;
  const refuse = (what: string, reason: string): BillingRefusal => ({
    pgCode: unsupported.pgCode,
    pgMessage: fillTemplate(unsupported.pgMessage, { methodName: what }),
    reason,
  });
  if (!billing.issuesBillingKeys.value) return refuse('빌링키 발급', `${profile.consoleName}'s test channel issues no billing keys (${billing.issuesBillingKeys.note ?? ''})`);
  if (input.fromCardNumber && billing.windowOnly.value) {
    return refuse('카드번호 빌링키 발급', `${profile.consoleName} issues billing keys only in its own window (PortOne.requestIssueBillingKey)`);
  }
  if (input.cardExpired && input.card) {
    const d = DECLINES.EXPIRED_CARD;
    return { pgCode: d.pgCode, pgMessage: d.pgMessage, reason: `card declined by ${input.card.issuerName}: expiry date has passed` };
  }
  return undefined;
}

/** The PG's refusal of a payment because it is a billing-key payment (before the ordinary card rules). */
export function billingPaymentRefusal(profile: PgProfile, billing: BillingTestMode, card: TestCard | undefined): BillingRefusal | undefined {
  const allowed = decideBillingKeyPayment(profile);
  if (!allowed.allowed) {
    return { pgCode: allowed.pgCode, pgMessage: allowed.pgMessage, reason: `${profile.consoleName}: keys issued on the test channel cannot pay` };
  }
  if (card && billing.refusedIssuers.value.includes(card.issuer)) {
    const code = profile.codes.refusedIssuer.value;
    return {
      pgCode: code.pgCode,
      pgMessage: fillTemplate(code.pgMessage, { issuerName: issuerName(card.issuer) }),
      reason: `${profile.consoleName} refuses 비인증 (billing-key) payments with ${card.issuerName} cards in test`,
    };
  }
  return undefined;
}
