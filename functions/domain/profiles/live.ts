/**
 * What a PG's *live* channel does where its test channel differs: the data behind live-like channels
 * (`mode: 'LIVE_LIKE'`, docs/live-like-channels.md). Kept apart from the test profiles so the two
 * can be read, cited and changed separately.
 *
 * PortOne documents test mode, not each PG's live behaviour. The one live fact the SEED states is that
 * "in live mode the status syncs normally" (no batch void PortOne is not told of). Everything else
 * here is either a test-mode rule whose source limits it to test (so live drops it), or a rule the
 * source states without limiting it to test (so live keeps it); every value says which, and those no
 * document states are `assumed` with the reason.
 */
import { DECLINES, type DeclineReason } from '../cards.ts';
import { ALL_METHODS, METHOD_NAMES_KO, assumed, stated } from './common.ts';
import type { Fact, MethodKind, PgCodeMessage, PgProfile } from './types.ts';

type Permission = 'ALLOWED' | 'REFUSED';

export interface LiveFacts {
  /** Methods the live channel offers. */
  readonly methods: Fact<readonly MethodKind[]>;
  /** Partial cancel (부분취소) of any payment. */
  readonly partialCancel: Fact<Permission>;
  /** Partial cancel of a check card (체크카드). */
  readonly checkCardPartialCancel: Fact<Permission>;
  /** Partial cancel of easy pay taken through this PG (허브형). */
  readonly hubEasyPayPartialCancel: Fact<Permission>;
  /** Virtual-account refunds only inside these KST hours. */
  readonly virtualAccountRefundHoursKst: PgProfile['virtualAccountRefundHoursKst'];
  /** The PG's answer to each card-company decline (test cards in domain/cards.ts). */
  readonly declines: Readonly<Record<DeclineReason, Fact<PgCodeMessage>>>;
  /** A method the live channel does not offer. `{methodName}` = Korean method name. */
  readonly unsupportedMethod: Fact<PgCodeMessage>;
}

/** Where this file departs from the test profile, per PG; everything else follows {@link liveFactsOf}' defaults. */
const OVERRIDES: Readonly<Record<string, Partial<LiveFacts>>> = {
  DANAL: {
    methods: assumed(
      ['CARD', 'TRANSFER', 'VIRTUAL_ACCOUNT'],
      'the channel page limits the refusal to test ("다날 정책상 계좌이체/가상계좌는 테스트 결제가 제공되지 않습니다"); easy pay stays out: Danal is not a listed 허브형 PG',
    ),
    partialCancel: assumed('ALLOWED', 'the refusal is documented for test only ("테스트 모드에서 부분 취소 테스트는 불가합니다")'),
  },
  INICIS_V2: {
    hubEasyPayPartialCancel: assumed(
      'ALLOWED',
      '500503 "간편결제 부분취소 제한 가맹점" names a restriction of the merchant (가맹점), which the shared test MID has; a live contract decides, the sandbox assumes an unrestricted one',
    ),
  },
  KICC_V2: {
    methods: assumed(
      [...ALL_METHODS, 'ALIPAY_PLUS'],
      'a live contract is where 해외결제 is signed up: 알리페이 플러스 (KICC V2 per the browser SDK) is offered there',
    ),
  },
  NICE_V2: {
    checkCardPartialCancel: assumed(
      'REFUSED',
      'the channel page states the refusal without limiting it to test; check cards are debited at once, so the sandbox keeps it live',
    ),
  },
  SMARTRO_V2: {
    checkCardPartialCancel: stated('REFUSED', 'the V2 integration guide (not a test-mode page): 체크카드 거래건의 경우 전액 취소만 가능하며 부분취소는 불가능'),
  },
  TOSSPAYMENTS: {
    declines: tossPaymentsDeclines(),
  },
};

/** TossPayments answers with its own error codes instead of the card company's. */
function tossPaymentsDeclines(): Record<DeclineReason, Fact<PgCodeMessage>> {
  const note =
    "TossPayments' public error-code reference as the sandbox recalls it (not in the facts file): verify the exact text before matching on it";
  const rejected = { pgCode: 'REJECT_CARD_PAYMENT', pgMessage: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.' };
  return {
    INSUFFICIENT_BALANCE: assumed(rejected, note),
    LIMIT_EXCEEDED: assumed(rejected, note),
    EXPIRED_CARD: assumed({ pgCode: 'INVALID_CARD_EXPIRATION', pgMessage: '카드 정보를 다시 확인해주세요. (유효기간)' }, note),
    LOST_OR_STOLEN_CARD: assumed({ pgCode: 'INVALID_CARD_LOST_OR_STOLEN', pgMessage: '분실 혹은 도난 카드입니다.' }, note),
    INCORRECT_PASSWORD: assumed({ pgCode: 'INVALID_PASSWORD', pgMessage: '결제 비밀번호가 일치하지 않습니다.' }, note),
    SUSPENDED_CARD: assumed({ pgCode: 'INVALID_STOPPED_CARD', pgMessage: '정지된 카드 입니다.' }, note),
  };
}

/** The card company's own code and words, which most Korean PGs relay unchanged. */
function passedThroughDeclines(): Record<DeclineReason, Fact<PgCodeMessage>> {
  const note = "the card company's response code and wording, relayed by the PG; no public document gives this PG's own decline codes";
  const out = {} as Record<DeclineReason, Fact<PgCodeMessage>>;
  for (const d of Object.values(DECLINES)) out[d.reason] = assumed({ pgCode: d.pgCode, pgMessage: d.pgMessage }, note);
  return out;
}

const keptFromTest = <T>(fact: Fact<T>, what: string): Fact<T> =>
  fact.assumed
    ? assumed(fact.value, `as on the test channel (${what}): ${fact.note ?? 'assumed there too'}`)
    : stated(fact.value, `as on the test channel (${what}), whose source does not limit it to test${fact.note ? `: ${fact.note}` : ''}`);

/** The live facts of a PG: its overrides over the test profile's rules that are not test-only. */
export function liveFactsOf(profile: PgProfile): LiveFacts {
  const o = OVERRIDES[profile.pgProvider] ?? {};
  const unsupported = profile.codes.unsupportedMethod.value;
  return Object.freeze({
    methods: o.methods ?? keptFromTest(profile.methods, 'methods'),
    partialCancel: o.partialCancel ?? keptFromTest(profile.partialCancel, 'partial cancel'),
    checkCardPartialCancel:
      o.checkCardPartialCancel ??
      (profile.checkCardPartialCancel.value === 'REFUSED'
        ? keptFromTest(profile.checkCardPartialCancel, 'check-card partial cancel')
        : assumed<Permission>('ALLOWED', 'no live restriction documented')),
    hubEasyPayPartialCancel: o.hubEasyPayPartialCancel ?? keptFromTest(profile.hubEasyPayPartialCancel, 'easy-pay partial cancel'),
    virtualAccountRefundHoursKst:
      o.virtualAccountRefundHoursKst ?? keptFromTest(profile.virtualAccountRefundHoursKst, 'virtual-account refund hours'),
    declines: o.declines ?? passedThroughDeclines(),
    unsupportedMethod:
      o.unsupportedMethod ??
      assumed(
        { pgCode: unsupported.pgCode, pgMessage: '지원하지 않는 결제수단입니다({methodName})' },
        "the test channel's code for an unsupported method, without its 테스트 환경 wording",
      ),
  });
}

/** One rule that differs on a live-like channel; `virtualAccount`: it concerns virtual accounts only. */
export interface LiveDifference {
  ko: string;
  en: string;
  virtualAccount?: boolean;
}

/** A short line per rule that differs between the PG's test channel and a live-like channel (docs, console, checkout window). */
export function liveDifferences(profile: PgProfile): LiveDifference[] {
  const live = liveFactsOf(profile);
  const out: LiveDifference[] = [];
  const rule = profile.autoRefund.value;
  if (profile.withdraws.value && (rule.kind === 'daily-batch' || rule.kind === 'interval')) {
    out.push({ ko: 'PG 일괄취소 없음: 결제는 결제완료로 남고 포트원과 PG가 일치합니다', en: 'no PG batch void: the payment stays PAID and PortOne and the PG agree' });
  }
  if (!profile.withdraws.value) {
    out.push({ ko: '승인 응답만이 아니라 실제 승인: 거절 카드가 실패합니다', en: 'a real approval, not a success-only answer: decline cards fail' });
  }
  if (profile.hubEasyPay.value) {
    out.push({ ko: '허브형 간편결제도 일반 결제처럼 취소로만 환불', en: 'easy pay through the PG is an ordinary sale, refunded by a cancel' });
  }
  if (profile.refusedIssuers.value.length > 0) {
    out.push({ ko: `거절되던 카드사 승인: ${profile.refusedIssuers.value.join(', ')}`, en: `card companies refused in test are approved: ${profile.refusedIssuers.value.join(', ')}` });
  }
  if (profile.hubEasyPayCardIssuers) out.push({ ko: '간편결제 카드사 제한 없음', en: 'no card-company restriction for easy pay' });
  if (profile.onlyPublishedTestCards.value) out.push({ ko: '테스트 카드 외 카드도 승인', en: 'cards other than the published test cards are approved' });
  if (profile.amountLimit.value) out.push({ ko: '테스트 금액 한도 없음', en: 'no test amount limit' });
  if (profile.virtualAccountRefusedBanks.value.length > 0) out.push({ ko: '모든 은행 가상계좌 발급', en: 'virtual accounts at every bank', virtualAccount: true });
  if (!profile.billingKeyPayment.value) out.push({ ko: '빌링키 결제 가능', en: 'billing keys can pay' });
  const added = live.methods.value.filter((m) => !profile.methods.value.includes(m));
  if (added.length > 0) {
    out.push({ ko: `결제수단 추가: ${added.map((m) => METHOD_NAMES_KO[m]).join(', ')}`, en: `methods added: ${added.join(', ')}` });
  }
  const partial = (name: { ko: string; en: string }, test: Permission, liveValue: Permission) => {
    if (test !== liveValue) out.push({ ko: `${name.ko}: ${liveValue === 'ALLOWED' ? '가능' : '불가'}`, en: `${name.en}: ${liveValue.toLowerCase()}` });
  };
  partial({ ko: '부분취소', en: 'partial cancel' }, profile.partialCancel.value, live.partialCancel.value);
  partial({ ko: '체크카드 부분취소', en: 'check-card partial cancel' }, profile.checkCardPartialCancel.value, live.checkCardPartialCancel.value);
  partial({ ko: '간편결제 부분취소', en: 'easy-pay partial cancel' }, profile.hubEasyPayPartialCancel.value, live.hubEasyPayPartialCancel.value);
  if (profile.methods.value.includes('VIRTUAL_ACCOUNT') || live.methods.value.includes('VIRTUAL_ACCOUNT')) {
    out.push({
      ko: '가상계좌 입금 시 결제완료 + Transaction.Paid 웹훅, 환불은 refundAccount로',
      en: 'a virtual-account deposit makes it PAID with Transaction.Paid; refunds go to the refundAccount',
      virtualAccount: true,
    });
  }
  return out;
}
