/**
 * The shape of a PG profile: how one payment gateway (PG, 결제대행사) behaves on a PortOne *test*
 * channel. Profiles are plain data (no functions, no Dates) so the API can serve them as JSON
 * unchanged (`GET /sandbox/profiles`) and the docs generator can print them.
 *
 * Every behavioural value is a {@link Fact}: either stated by a cited document, or picked by the
 * sandbox where the documents are silent (`assumed: true`, with a `note` saying why). Nothing the
 * sandbox made up is allowed to look like a documented fact.
 */

/**
 * Every payment method of the browser SDK (`PaymentPayMethod`): the Korean ones (휴대폰 소액결제 =
 * MOBILE, charged to the phone bill; 상품권 = GIFT_CERTIFICATE, culture gift cards) and the overseas
 * ones (PAYPAL through PayPal's buttons, ALIPAY, ALIPAY_PLUS, CONVENIENCE_STORE = Japanese 편의점
 * payment). A profile's `methods` says which of them its test channel offers (docs/pay-methods.md).
 */
export const METHOD_KINDS = [
  'CARD',
  'VIRTUAL_ACCOUNT',
  'EASY_PAY',
  'TRANSFER',
  'MOBILE',
  'GIFT_CERTIFICATE',
  'PAYPAL',
  'ALIPAY',
  'ALIPAY_PLUS',
  'CONVENIENCE_STORE',
] as const;

export type MethodKind = (typeof METHOD_KINDS)[number];

/**
 * When the PG voids (cancels before 매입, i.e. before acquiring/settlement) a test payment by itself.
 * PortOne is never told: its record stays `PAID`.
 * - `daily-batch`: once a day inside a window of Korean time (KST).
 * - `interval`: every 30 or 60 minutes, on the clock's boundaries.
 * - `none`: nothing was withdrawn, so there is nothing to refund.
 * - `never`: real money was taken and nobody gives it back automatically; cancel by hand.
 */
export type AutoRefundRule =
  | { readonly kind: 'daily-batch'; readonly timeZone: 'Asia/Seoul'; readonly windowStart: string; readonly windowEnd: string }
  | { readonly kind: 'interval'; readonly minutes: 30 | 60 }
  | { readonly kind: 'none' }
  | { readonly kind: 'never' };

/**
 * Not a PG behaviour: a per-channel override so end-to-end tests need not wait for 23:00
 * (architecture: "A channel can override it (e.g. 'after 2 minutes')"). Kept out of
 * {@link AutoRefundRule} so profiles can never use it.
 */
export interface AutoRefundDelayOverride {
  readonly kind: 'delay';
  readonly seconds: number;
}

/**
 * What a PG's window does with the browser SDK's `cashReceiptType` (현금영수증 type) for a transfer or
 * virtual account (browser-sdk.yml `PaymentRequestUnionTransfer` / `PaymentRequestUnionVirtualAccount`):
 * - `PRESET`: the window starts on the given type (the buyer may change it); `ANONYMOUS` hides the choice.
 * - `ANONYMOUS_HIDES`: only `ANONYMOUS` counts (the choice is not shown); other values are ignored.
 * - `IGNORED`: the field is not supported: the window always asks the buyer.
 */
export type CashReceiptTypeUse = 'PRESET' | 'ANONYMOUS_HIDES' | 'IGNORED';

/** A value as a cited document states it, or as the sandbox chose it where the documents are silent. */
export interface Fact<T> {
  readonly value: T;
  /** Present only when no cited document states this value: the sandbox picked it. */
  readonly assumed?: true;
  /** Why the value is what it is, or which part of it the documents state. */
  readonly note?: string;
}

/** A PG's own result code and Korean message, exactly as PortOne relays them in `PG_PROVIDER` errors. */
export interface PgCodeMessage {
  readonly pgCode: string;
  readonly pgMessage: string;
}

/** The PG's answers for each refusal the sandbox simulates. `{placeholders}` are filled at decision time. */
export interface PgCodes {
  /** Cancelling a payment the PG already voided by itself ("기 취소 거래", already-cancelled transaction). */
  readonly alreadyVoided: Fact<PgCodeMessage>;
  /** Cancelling a virtual-account payment marked paid by the console's test-deposit button: the PG holds no money. */
  readonly vaNoDeposit: Fact<PgCodeMessage>;
  /** Refunding a virtual account that did receive real money: impossible in test. */
  readonly vaRefundRefused: Fact<PgCodeMessage>;
  /** A card issuer (카드사) the PG's test MID cannot approve. `{issuerName}` = Korean issuer name. */
  readonly refusedIssuer: Fact<PgCodeMessage>;
  /** A bank that cannot issue a test virtual account. `{bankName}` = Korean bank name. */
  readonly refusedBank: Fact<PgCodeMessage>;
  /** A method the PG does not offer in test. `{methodName}` = Korean method name. */
  readonly unsupportedMethod: Fact<PgCodeMessage>;
  /** A mobile carrier (통신사) whose 휴대폰 소액결제 the PG cannot test. `{carrierName}` = carrier name. */
  readonly refusedCarrier?: Fact<PgCodeMessage>;
  /** Any partial cancel, where the PG refuses all of them in test. */
  readonly partialCancelRefused?: Fact<PgCodeMessage>;
  /** Partial cancel of a check card (체크카드, debit card) where the PG refuses it. */
  readonly checkCardPartialCancelRefused?: Fact<PgCodeMessage>;
  /** Partial cancel of easy pay taken through this PG (허브형 간편결제) where the PG refuses it. */
  readonly hubEasyPayPartialCancelRefused?: Fact<PgCodeMessage>;
  /** Virtual-account refund outside the PG's opening hours. `{from}`/`{to}` = KST HH:MM. */
  readonly vaRefundOutsideHours?: Fact<PgCodeMessage>;
  /** Amount at or above the test limit. */
  readonly amountLimitExceeded?: Fact<PgCodeMessage>;
  /** A card that is not one of the PG's published test cards (Eximbay). */
  readonly cardNotAccepted?: Fact<PgCodeMessage>;
  /** A card issuer not accepted for easy pay through this PG in test (Smartro: KakaoPay/PAYCO). */
  readonly hubEasyPayIssuerRefused?: Fact<PgCodeMessage>;
  /** Paying with a billing key issued on a test channel where the PG does not allow it. */
  readonly billingKeyPaymentRefused?: Fact<PgCodeMessage>;
}

/** One PG card promotion (OAS `PgCardPromotion`): the discount a card company gives from a minimum amount. */
export interface PgCardPromotionFact {
  readonly promotionId: string;
  /** OAS `PgPromotionCardCompany`. */
  readonly cardCompany: string;
  readonly discountAmount: number;
  readonly minimumPaymentAmount: number;
}

/** The shared public test MIDs (`channel.pgMerchantId`) PortOne offers for this PG. */
export interface TestMerchantIds {
  readonly payment?: string;
  readonly billing?: string;
  readonly virtualAccount?: string;
}

/**
 * - `GENERAL`: a general PG (cards, virtual accounts, transfers; easy pay under its contract = 허브형).
 * - `EASY_PAY_DIRECT`: an easy-pay company contracted directly (KakaoPay, NaverPay, PAYCO, TossPay).
 * - `GLOBAL`: an overseas-payment PG (Eximbay, PayPal, Paymentwall).
 */
export type PgKind = 'GENERAL' | 'EASY_PAY_DIRECT' | 'GLOBAL';

export interface PgProfile {
  /** PortOne's `PgProvider` enum value (OAS) of a V2 channel for this PG. Also the profile id. */
  readonly pgProvider: string;
  /** The PG's name in PortOne's console (Korean). */
  readonly consoleName: string;
  readonly englishName: string;
  readonly kind: PgKind;
  /** The V1 `PgProvider` of the same PG, for readers coming from V1. Informational only. */
  readonly v1PgProvider?: string;
  /** Shared public test MIDs. */
  readonly testMerchantIds: Fact<TestMerchantIds>;
  /** Does a test payment really take money (실제 출금)? */
  readonly withdraws: Fact<boolean>;
  /** When the PG gives that money back by itself. */
  readonly autoRefund: Fact<AutoRefundRule>;
  /** Methods that work on the test channel. */
  readonly methods: Fact<readonly MethodKind[]>;
  /** For `EASY_PAY_DIRECT`: the `EasyPayProvider` (OAS) this PG is. */
  readonly directEasyPayProvider?: string;
  /**
   * Easy pay used under this PG's contract (허브형 / PG 제휴 간편결제): really withdraws and is never
   * auto-refunded, whatever the PG does for cards.
   */
  readonly hubEasyPay: Fact<boolean>;
  /** Card issuers accepted for some hub easy-pay providers in test (Smartro); absent = no restriction. */
  readonly hubEasyPayCardIssuers?: Fact<{ readonly providers: readonly string[]; readonly issuers: readonly string[] }>;
  /** Card issuers (PortOne card company codes) the test MID refuses. */
  readonly refusedIssuers: Fact<readonly string[]>;
  /** Only the PG's own published test cards are accepted (Eximbay). */
  readonly onlyPublishedTestCards: Fact<boolean>;
  /** Amount limit in test: payments with `amount >= maxExclusive` fail. */
  readonly amountLimit: Fact<{ readonly maxExclusive: number; readonly appliesTo: 'CARD' | 'EASY_PAY' } | null>;
  /** Partial cancel (부분취소) of any payment. */
  readonly partialCancel: Fact<'ALLOWED' | 'REFUSED'>;
  /** Partial cancel of a check card (체크카드). */
  readonly checkCardPartialCancel: Fact<'ALLOWED' | 'REFUSED'>;
  /** Partial cancel of easy pay through this PG. */
  readonly hubEasyPayPartialCancel: Fact<'ALLOWED' | 'REFUSED'>;
  /**
   * A partial cancel stops the PG's automatic void for the rest of the payment (NICE): the remainder
   * stays withdrawn until the tester cancels it fully.
   */
  readonly partialCancelRemovesAutoRefund: Fact<boolean>;
  /** Carriers (browser SDK `Carrier`) whose 휴대폰 소액결제 the test channel refuses. */
  readonly mobileRefusedCarriers: Fact<readonly string[]>;
  /** Banks (OAS `Bank`) that cannot issue a test virtual account. */
  readonly virtualAccountRefusedBanks: Fact<readonly string[]>;
  /** Virtual-account refunds are accepted only inside these KST hours (`from` inclusive, `to` exclusive). */
  readonly virtualAccountRefundHoursKst: Fact<{ readonly from: string; readonly to: string } | null>;
  /** How the window treats the browser SDK's `cashReceiptType`, per method. */
  readonly cashReceiptType: Fact<{ readonly TRANSFER: CashReceiptTypeUse; readonly VIRTUAL_ACCOUNT: CashReceiptTypeUse }>;
  /** Does the PG issue the 현금영수증 a test transfer or virtual-account payment asked for? */
  readonly cashReceiptsInTest: Fact<boolean>;
  /** Can a billing key issued on the test channel be used to pay? */
  readonly billingKeyPayment: Fact<boolean>;
  /**
   * PG사 카드 프로모션 (getPgCardPromotions): the card promotions the PG reports for its test channel;
   * absent = the PG has no such lookup (OAS: "현재 특정 PG사(KCP_V2)에 대해서만 지원").
   */
  readonly cardPromotions?: Fact<readonly PgCardPromotionFact[]>;
  /** 영수증 내 하위 상점 거래 등록 (registerStoreReceipt) works on this PG; absent = it does not (OAS: KG이니시스 only). */
  readonly storeReceipts?: Fact<boolean>;
  /** 가입신청 (PG signup) before a test channel can be added; `features` = signup only for these features. */
  readonly signup: Fact<{ readonly required: boolean; readonly features: readonly string[] }>;
  readonly codes: PgCodes;
  /** Documented quirks the sandbox reports but does not simulate. */
  readonly quirks: readonly string[];
  /** Where the facts come from, in the facts file's notation (HELP:…, DEV:…, SEED, OAS). */
  readonly sources: readonly string[];
}
