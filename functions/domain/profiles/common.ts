/**
 * Building blocks shared by the per-PG profile files: the Fact constructors, the Korean messages the
 * sandbox uses where a PG's exact wording is not published, the sandbox's code scheme, and
 * `defineProfile`, which fills every field a profile file leaves out with an explicitly *assumed* default.
 */
import type {
  AutoRefundRule,
  Fact,
  MethodKind,
  PgCodeMessage,
  PgCodes,
  PgKind,
  PgProfile,
  TestMerchantIds,
} from './types.ts';

/** A value a cited document states. `note` says where or how, when that helps a reader. */
export function stated<T>(value: T, note?: string): Fact<T> {
  return note === undefined ? { value } : { value, note };
}

/** A value no cited document states; the sandbox picked it. `note` says why this value. */
export function assumed<T>(value: T, note: string): Fact<T> {
  return { value, assumed: true, note };
}

/** The daily batch every documented batch PG uses: 23:00–23:50 Korean time. */
export const DAILY_BATCH_23: AutoRefundRule = {
  kind: 'daily-batch',
  timeZone: 'Asia/Seoul',
  windowStart: '23:00',
  windowEnd: '23:50',
};
export const NO_AUTO_REFUND: AutoRefundRule = { kind: 'none' };
export const NEVER_AUTO_REFUND: AutoRefundRule = { kind: 'never' };

/** Every method the sandbox models: a general PG's default where no document names an unsupported one. */
/** The domestic methods a general Korean PG offers; the overseas ones (PAYPAL, ALIPAY …) are named per PG. */
/** Where the browser SDK description states which PGs read `cashReceiptType`, and how. */
export const SDK_CASH_RECEIPT_TYPE = 'browser-sdk.yml: PaymentRequestUnionTransfer / PaymentRequestUnionVirtualAccount .cashReceiptType';

export const ALL_METHODS: readonly MethodKind[] = ['CARD', 'VIRTUAL_ACCOUNT', 'EASY_PAY', 'TRANSFER', 'MOBILE', 'GIFT_CERTIFICATE'];

/**
 * Korean messages. Two are quoted by the facts file ("기 취소 거래" from the SEED, "입금된 내역이 없습니다"
 * from the virtual-account test guide), two come from PG pages (500503's text, the check-card partial-cancel
 * text); the others are the sandbox's own wording of a documented refusal.
 */
export const MESSAGES = {
  alreadyVoided: '기 취소 거래',
  vaNoDeposit: '입금된 내역이 없습니다',
  vaRefundRefused: '테스트 환경에서는 가상계좌 환불이 불가합니다',
  vaRefundOutsideHours: '가상계좌 환불은 {from}~{to}에만 가능합니다',
  partialCancelRefused: '부분취소 불가능 거래',
  checkCardPartialCancelRefused: '체크카드 거래는 부분취소 불가능 거래(전체취소 요망)',
  hubEasyPayPartialCancelRefused: '간편결제 부분취소 제한 가맹점',
  refusedBank: '테스트 환경에서 가상계좌 발급이 불가한 은행입니다({bankName})',
  refusedIssuer: '테스트 결제가 불가한 카드사입니다({issuerName})',
  cardNotAccepted: '테스트 결제는 제공된 테스트 카드로만 가능합니다',
  hubEasyPayIssuerRefused: '테스트 환경에서 사용할 수 없는 카드사입니다({issuerName})',
  amountLimitExceeded: '테스트 결제 한도 초과({limit}원 미만만 결제 가능)',
  billingKeyPaymentRefused: '테스트 채널에서 발급한 빌링키로는 결제할 수 없습니다',
  unsupportedMethod: '테스트 환경에서 지원하지 않는 결제수단입니다({methodName})',
  refusedCarrier: '테스트 환경에서 지원하지 않는 통신사입니다({carrierName})',
} as const satisfies Record<keyof PgCodes, string>;

/**
 * The sandbox's code scheme for codes no document gives: `<PG prefix><number>`, one number per situation,
 * the same for every PG, so a tester can recognise a sandbox code at a glance (e.g. `ST013` = Hecto,
 * already voided). Where a PG's real code is known, the profile overrides it.
 */
export const SANDBOX_CODE_NUMBERS = {
  alreadyVoided: '013',
  vaNoDeposit: '031',
  vaRefundRefused: '032',
  vaRefundOutsideHours: '033',
  checkCardPartialCancelRefused: '034',
  partialCancelRefused: '036',
  hubEasyPayPartialCancelRefused: '035',
  refusedBank: '041',
  refusedIssuer: '051',
  cardNotAccepted: '052',
  hubEasyPayIssuerRefused: '053',
  amountLimitExceeded: '061',
  billingKeyPaymentRefused: '071',
  unsupportedMethod: '090',
  refusedCarrier: '054',
} as const satisfies Record<keyof PgCodes, string>;

type CodeKey = keyof PgCodes;

/** A sandbox-scheme code with the standard message, marked assumed. */
export function sandboxCode(prefix: string, key: CodeKey): Fact<PgCodeMessage> {
  return assumed(
    { pgCode: `${prefix}${SANDBOX_CODE_NUMBERS[key]}`, pgMessage: MESSAGES[key] },
    'code from the sandbox scheme (<PG prefix><situation number>); no public document gives this PG\'s code',
  );
}

/** Input of {@link defineProfile}: what a profile file states; everything optional gets an assumed default. */
export interface ProfileInput {
  readonly pgProvider: string;
  readonly consoleName: string;
  readonly englishName: string;
  readonly kind: PgKind;
  readonly v1PgProvider?: string;
  readonly testMerchantIds: Fact<TestMerchantIds>;
  readonly withdraws: Fact<boolean>;
  readonly autoRefund: Fact<AutoRefundRule>;
  readonly methods: Fact<readonly MethodKind[]>;
  readonly directEasyPayProvider?: string;
  readonly hubEasyPay?: Fact<boolean>;
  readonly hubEasyPayCardIssuers?: PgProfile['hubEasyPayCardIssuers'];
  readonly refusedIssuers?: Fact<readonly string[]>;
  readonly onlyPublishedTestCards?: Fact<boolean>;
  readonly amountLimit?: PgProfile['amountLimit'];
  readonly partialCancel?: Fact<'ALLOWED' | 'REFUSED'>;
  readonly checkCardPartialCancel?: Fact<'ALLOWED' | 'REFUSED'>;
  readonly hubEasyPayPartialCancel?: Fact<'ALLOWED' | 'REFUSED'>;
  readonly partialCancelRemovesAutoRefund?: Fact<boolean>;
  readonly virtualAccountRefusedBanks?: Fact<readonly string[]>;
  readonly mobileRefusedCarriers?: Fact<readonly string[]>;
  readonly virtualAccountRefundHoursKst?: PgProfile['virtualAccountRefundHoursKst'];
  readonly billingKeyPayment?: Fact<boolean>;
  readonly cashReceiptType?: PgProfile['cashReceiptType'];
  readonly cashReceiptsInTest?: Fact<boolean>;
  readonly signup?: PgProfile['signup'];
  readonly cardPromotions?: PgProfile['cardPromotions'];
  readonly storeReceipts?: PgProfile['storeReceipts'];
  /** Prefix of the sandbox code scheme for this PG, and the codes known (or chosen) differently. */
  readonly codes: { readonly prefix: string; readonly overrides?: Partial<PgCodes> };
  readonly quirks?: readonly string[];
  readonly sources: readonly string[];
}

/** The card issuers the SEED says "usually fail in test" (KB국민카드, NH농협카드, 카카오뱅크). */
export const SEED_USUALLY_REFUSED_ISSUERS: readonly string[] = ['KOOKMIN_CARD', 'NH_CARD', 'KAKAO_BANK'];

/**
 * Completes a profile. Every default is an `assumed` Fact carrying its reason, so the generated docs and
 * `GET /sandbox/profiles` list it among the assumptions. Refusal codes are added for every refusal rule
 * the profile has, so a rule can never fire without a code.
 */
export function defineProfile(input: ProfileInput): PgProfile {
  const withdraws = input.withdraws.value;
  const refusedIssuers =
    input.refusedIssuers ??
    (withdraws
      ? assumed(
          SEED_USUALLY_REFUSED_ISSUERS,
          'not documented for this PG; the SEED says KB국민카드, NH농협카드 and 카카오뱅크 usually fail in test at PGs that really approve',
        )
      : assumed<readonly string[]>(
          [],
          'not documented; this PG only answers success in test, so no card company is ever asked',
        ));
  const partialCancel =
    input.partialCancel ?? assumed<'ALLOWED' | 'REFUSED'>('ALLOWED', 'no restriction on partial cancels documented');
  const checkCardPartialCancel =
    input.checkCardPartialCancel ??
    assumed<'ALLOWED' | 'REFUSED'>('ALLOWED', 'not documented for this PG; the FAQ says test partial cancels only restore the card limit');
  const hubEasyPay =
    input.hubEasyPay ?? assumed(false, 'this PG is not in the documented list of PGs offering 허브형 easy pay');
  const hubEasyPayPartialCancel =
    input.hubEasyPayPartialCancel ?? assumed<'ALLOWED' | 'REFUSED'>('ALLOWED', 'no restriction documented');
  const onlyPublishedTestCards =
    input.onlyPublishedTestCards ?? assumed(false, 'no test-card restriction documented');
  const amountLimit = input.amountLimit ?? assumed(null, 'no test amount limit documented');
  const virtualAccountRefundHoursKst =
    input.virtualAccountRefundHoursKst ?? assumed(null, 'no refund hours documented');
  const billingKeyPayment =
    input.billingKeyPayment ?? assumed(true, 'no restriction on paying with test billing keys documented');
  const mobileRefusedCarriers = input.mobileRefusedCarriers ?? assumed<readonly string[]>([], 'no carrier restriction documented');

  const prefix = input.codes.prefix;
  const o = input.codes.overrides ?? {};
  const codes: {
    -readonly [K in keyof PgCodes]: PgCodes[K];
  } = {
    alreadyVoided: o.alreadyVoided ?? sandboxCode(prefix, 'alreadyVoided'),
    vaNoDeposit: o.vaNoDeposit ?? sandboxCode(prefix, 'vaNoDeposit'),
    vaRefundRefused: o.vaRefundRefused ?? sandboxCode(prefix, 'vaRefundRefused'),
    refusedIssuer: o.refusedIssuer ?? sandboxCode(prefix, 'refusedIssuer'),
    refusedBank: o.refusedBank ?? sandboxCode(prefix, 'refusedBank'),
    unsupportedMethod: o.unsupportedMethod ?? sandboxCode(prefix, 'unsupportedMethod'),
  };
  const optional = (key: CodeKey, needed: boolean): void => {
    const given = o[key];
    if (given) codes[key] = given;
    else if (needed) codes[key] = sandboxCode(prefix, key);
  };
  optional('partialCancelRefused', partialCancel.value === 'REFUSED');
  optional('checkCardPartialCancelRefused', checkCardPartialCancel.value === 'REFUSED');
  optional('hubEasyPayPartialCancelRefused', hubEasyPayPartialCancel.value === 'REFUSED');
  optional('vaRefundOutsideHours', virtualAccountRefundHoursKst.value !== null);
  optional('amountLimitExceeded', amountLimit.value !== null);
  optional('cardNotAccepted', onlyPublishedTestCards.value);
  optional('hubEasyPayIssuerRefused', input.hubEasyPayCardIssuers !== undefined);
  optional('billingKeyPaymentRefused', !billingKeyPayment.value);
  optional('refusedCarrier', mobileRefusedCarriers.value.length > 0);

  const profile: PgProfile = {
    pgProvider: input.pgProvider,
    consoleName: input.consoleName,
    englishName: input.englishName,
    kind: input.kind,
    ...(input.v1PgProvider !== undefined ? { v1PgProvider: input.v1PgProvider } : {}),
    testMerchantIds: input.testMerchantIds,
    withdraws: input.withdraws,
    autoRefund: input.autoRefund,
    methods: input.methods,
    ...(input.directEasyPayProvider !== undefined ? { directEasyPayProvider: input.directEasyPayProvider } : {}),
    hubEasyPay,
    ...(input.cardPromotions !== undefined ? { cardPromotions: input.cardPromotions } : {}),
    ...(input.storeReceipts !== undefined ? { storeReceipts: input.storeReceipts } : {}),
    ...(input.hubEasyPayCardIssuers !== undefined ? { hubEasyPayCardIssuers: input.hubEasyPayCardIssuers } : {}),
    refusedIssuers,
    onlyPublishedTestCards,
    amountLimit,
    partialCancel,
    checkCardPartialCancel,
    hubEasyPayPartialCancel,
    partialCancelRemovesAutoRefund:
      input.partialCancelRemovesAutoRefund ??
      assumed(false, 'not documented; the PG batch voids whatever remains after a partial cancel'),
    virtualAccountRefusedBanks:
      input.virtualAccountRefusedBanks ?? assumed<readonly string[]>([], 'no bank restriction documented'),
    virtualAccountRefundHoursKst,
    mobileRefusedCarriers,
    billingKeyPayment,
    cashReceiptType:
      input.cashReceiptType ??
      assumed(
        { TRANSFER: 'IGNORED', VIRTUAL_ACCOUNT: 'IGNORED' },
        "the browser SDK does not list this PG for cashReceiptType: its window asks the buyer, starting on 미발행 (the sandbox's choice)",
      ),
    cashReceiptsInTest:
      input.cashReceiptsInTest ?? assumed(true, 'not documented; the PG issues the receipt the buyer asked for (a test receipt, never reported to the National Tax Service)'),
    signup:
      input.signup ??
      stated(
        { required: false, features: [] },
        'SEED: test channels need no signup except for the PGs the facts file lists',
      ),
    codes,
    quirks: input.quirks ?? [],
    sources: input.sources,
  };
  return deepFreeze(profile);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** Korean names of the banks the profiles mention (titles from the OAS `Bank` enum). */
export const BANK_NAMES_KO: Readonly<Record<string, string>> = {
  K_BANK: '케이뱅크',
  KOOKMIN: '국민은행',
  JEONBUK: '전북은행',
  KWANGJU: '광주은행',
  DAEGU: '아이엠뱅크(대구은행)',
  SHINHAN: '신한은행',
  WOORI: '우리은행',
  HANA: '하나은행',
  NONGHYUP: 'NH농협은행',
  IBK: '기업은행',
  KAKAO: '카카오뱅크',
  TOSS: '토스뱅크',
  BUSAN: '부산은행',
  POST: '우체국',
};

/** Korean names of the method kinds, as PGs word them. */
export const METHOD_NAMES_KO: Readonly<Record<MethodKind, string>> = {
  CARD: '신용카드',
  VIRTUAL_ACCOUNT: '가상계좌',
  EASY_PAY: '간편결제',
  TRANSFER: '계좌이체',
  MOBILE: '휴대폰결제',
  GIFT_CERTIFICATE: '상품권',
  PAYPAL: '페이팔',
  ALIPAY: '알리페이',
  ALIPAY_PLUS: '알리페이 플러스',
  CONVENIENCE_STORE: '편의점 결제',
};
