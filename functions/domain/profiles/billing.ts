/**
 * What each PG does with billing keys (빌링키, for 정기결제 / 비인증 결제: payments without card
 * authentication) on its shared test channel. Plain data like the profiles themselves, every value a
 * {@link Fact}: stated by a cited document or `assumed` with the reason.
 *
 * Sources (facts file §4b): the billing test MIDs (HELP:channel-setting/*.md), the FAQ "테스트결제시
 * 유의할 점이 있나요?" (KB국민/NH농협/카카오뱅크 cards unavailable for 비인증 payments "at many PGs"),
 * DEV:opi/ko/integration/pg/v1/danal.mdx (10원 on issuance, cancelled ~30 min later),
 * DEV:opi/ko/integration/pg/v1/kg-mobilians-v2.mdx (V2 test keys cannot pay: `billingKeyPayment`
 * in the profile).
 */
import { SEED_USUALLY_REFUSED_ISSUERS, assumed, stated } from './common.ts';
import type { Fact, PgProfile } from './types.ts';

export interface BillingTestMode {
  /** The shared billing test MID (`channel.pgMerchantId` of a billing channel), if one is published. */
  readonly merchantId: Fact<string | null>;
  /** Does the test channel issue billing keys at all? */
  readonly issuesBillingKeys: Fact<boolean>;
  /** Card issuers refused for 비인증 (billing-key) payments, on top of the PG's refusals for every payment. */
  readonly refusedIssuers: Fact<readonly string[]>;
  /** A charge the PG makes when it issues a key, and gives back by itself after `voidAfterMinutes`. */
  readonly issuanceCharge: Fact<{ readonly amount: number; readonly voidAfterMinutes: number } | null>;
  /** Keys are issued only in the easy-pay company's own window, never from card numbers through the API. */
  readonly windowOnly: Fact<boolean>;
}

const MID_LISTED = 'a shared billing test MID is listed for this PG (HELP:channel-setting)';
const NO_MID = 'no billing test MID or billing note is documented for this PG; the sandbox refuses issuance on its test channel';

/** PGs whose billing behaviour is documented beyond the defaults. */
const DOCUMENTED: Readonly<Record<string, Partial<BillingTestMode>>> = {
  PAYCO: { merchantId: stated('AUTOPAY', MID_LISTED) },
  SMARTRO_V2: { merchantId: stated('t_2302142m', MID_LISTED) },
  WELCOME: { merchantId: stated('wpaybill01', MID_LISTED) },
  KSNET: { merchantId: stated('2999199990', `${MID_LISTED} (API issuance)`) },
  KPN: { merchantId: stated('merchantest9', `${MID_LISTED} (API issuance)`) },
  NICE_V2: { merchantId: stated('iamport01m', `${MID_LISTED} (API issuance)`) },
  DANAL: {
    issuesBillingKeys: stated(true, 'DEV:opi/ko/integration/pg/v1/danal.mdx describes billing-key issuance'),
    issuanceCharge: stated({ amount: 10, voidAfterMinutes: 30 }, 'issuing a billing key with amount 0 charges 10원, auto-cancelled about 30 minutes later'),
  },
  MOBILIANS_V2: {
    issuesBillingKeys: stated(true, 'keys are issued on the V2 test channel, but cannot pay (see billingKeyPayment)'),
  },
  PAYPAL_V2: {
    issuesBillingKeys: stated(true, "PayPal's reference transactions: PortOne.loadIssueBillingKeyUI with uiType PAYPAL_RT (browser SDK IssueBillingKeyUIType); the key is a PayPal method (OAS BillingKeyPaymentMethodPaypal)"),
    windowOnly: assumed(true, "a PayPal key is the customer's consent in PayPal's own window: there is no card number to issue one from"),
  },
  EXIMBAY_V2: {
    issuesBillingKeys: stated(true, 'billing MID 32AAE5BE9B; Eximbay issues a recurring key together with a first payment'),
  },
};

/** A PG's billing test mode: documented values first, then defaults derived from the profile, each saying why. */
export function billingOf(profile: PgProfile): BillingTestMode {
  const documented = DOCUMENTED[profile.pgProvider] ?? {};
  const fromProfile = profile.testMerchantIds.value.billing;
  const merchantId = documented.merchantId ?? (fromProfile !== undefined ? stated(fromProfile, MID_LISTED) : assumed(null, 'no billing test MID published'));
  const hasMid = merchantId.value !== null;
  const direct = profile.kind === 'EASY_PAY_DIRECT';
  return {
    merchantId,
    issuesBillingKeys: documented.issuesBillingKeys ?? (hasMid ? stated(true, MID_LISTED) : assumed(false, NO_MID)),
    refusedIssuers:
      documented.refusedIssuers ??
      (profile.withdraws.value
        ? assumed(SEED_USUALLY_REFUSED_ISSUERS, 'the FAQ says 비인증 payments with KB국민, NH농협 and 카카오뱅크 cards are unavailable "at many PGs" without naming them; applied to every PG that really approves')
        : assumed<readonly string[]>([], 'this PG only answers success in test, so no card company is asked')),
    issuanceCharge: documented.issuanceCharge ?? assumed(null, 'no charge on issuance documented'),
    windowOnly:
      documented.windowOnly ??
      (direct
        ? assumed(true, `${profile.consoleName} is an easy-pay company: its keys are issued in its own window (requestIssueBillingKey), not from card numbers`)
        : assumed(false, 'a general PG issues keys from card credentials (issueBillingKey) as well as in its window')),
  };
}
