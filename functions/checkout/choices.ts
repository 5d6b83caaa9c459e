import { TEST_CARDS, type TestCard } from '../domain/cards.ts';
import { decideApproval } from '../domain/pg-rules.ts';
import { BANK_NAMES_KO } from '../domain/profiles/common.ts';
import { GIFT_CERTIFICATES, MOBILE_CARRIERS, overseasChoices } from '../domain/pay-methods.ts';
import type { OverseasPayMethod } from './payment-request.ts';
import type { PgProfile } from '../domain/profiles/index.ts';

/**
 * What the checkout window offers the tester, each option with the outcome this PG's test channel
 * will give it (the same `decideApproval` the payment runs), so a refusal can be chosen on purpose.
 */
export type ExpectedOutcome = { approved: true } | { approved: false; pgCode: string; pgMessage: string };

export interface CardOption {
  number: string;
  card: TestCard;
  expected: ExpectedOutcome;
}

export interface SimpleOption {
  code: string;
  nameKo: string;
  nameEn: string;
  expected: ExpectedOutcome;
}

/** Easy-pay companies (간편결제사) a Korean checkout commonly shows (OAS `EasyPayProvider` codes). */
export const EASY_PAY_PROVIDERS: readonly { code: string; nameKo: string; nameEn: string }[] = [
  { code: 'KAKAOPAY', nameKo: '카카오페이', nameEn: 'KakaoPay' },
  { code: 'NAVERPAY', nameKo: '네이버페이', nameEn: 'NaverPay' },
  { code: 'TOSSPAY', nameKo: '토스페이', nameEn: 'TossPay' },
  { code: 'PAYCO', nameKo: '페이코', nameEn: 'PAYCO' },
  { code: 'SAMSUNGPAY', nameKo: '삼성페이', nameEn: 'Samsung Pay' },
  { code: 'APPLEPAY', nameKo: '애플페이', nameEn: 'Apple Pay' },
  { code: 'SSGPAY', nameKo: 'SSG페이', nameEn: 'SSG Pay' },
  { code: 'LPAY', nameKo: 'L.pay', nameEn: 'L.pay' },
];

const BANK_NAMES_EN: Readonly<Record<string, string>> = {
  K_BANK: 'K Bank',
  KOOKMIN: 'KB Kookmin Bank',
  JEONBUK: 'Jeonbuk Bank',
  KWANGJU: 'Kwangju Bank',
  DAEGU: 'iM Bank (Daegu)',
  SHINHAN: 'Shinhan Bank',
  WOORI: 'Woori Bank',
  HANA: 'Hana Bank',
  NONGHYUP: 'NH NongHyup Bank',
  IBK: 'IBK Industrial Bank',
  KAKAO: 'KakaoBank',
  TOSS: 'Toss Bank',
  BUSAN: 'Busan Bank',
  POST: 'Korea Post',
};

const outcome = (d: ReturnType<typeof decideApproval>): ExpectedOutcome =>
  d.outcome === 'APPROVED' ? { approved: true } : { approved: false, pgCode: d.pgCode, pgMessage: d.pgMessage };

/**
 * The test-card table as this PG sees it: Eximbay's published cards first where only those are
 * accepted, else the sandbox's domestic cards and the decline magic numbers.
 */
export function cardOptions(profile: PgProfile, amount: number): CardOption[] {
  const onlyPublished = profile.onlyPublishedTestCards.value;
  const cards = onlyPublished
    ? [...TEST_CARDS.filter((c) => c.published), ...TEST_CARDS.filter((c) => !c.published)]
    : TEST_CARDS.filter((c) => !c.published);
  return cards.map((card) => ({ number: card.number, card, expected: outcome(decideApproval(profile, { method: 'CARD', card, amount })) }));
}

/** The card the form starts on: the first one this PG approves. */
export function defaultCard(options: CardOption[]): string {
  return (options.find((o) => o.expected.approved) ?? options[0])?.number ?? '';
}

export function easyPayOptions(profile: PgProfile, amount: number): SimpleOption[] {
  const providers = profile.directEasyPayProvider
    ? EASY_PAY_PROVIDERS.filter((p) => p.code === profile.directEasyPayProvider)
    : EASY_PAY_PROVIDERS;
  const list = providers.length > 0 ? providers : [{ code: profile.directEasyPayProvider!, nameKo: profile.consoleName, nameEn: profile.englishName }];
  return list.map((p) => ({ ...p, expected: outcome(decideApproval(profile, { method: 'EASY_PAY', easyPayProvider: p.code, amount })) }));
}

/** Banks for a virtual account (채번) or a real-time transfer (실시간 계좌이체). */
export function bankOptions(profile: PgProfile, amount: number, method: 'VIRTUAL_ACCOUNT' | 'TRANSFER' = 'VIRTUAL_ACCOUNT'): SimpleOption[] {
  return Object.entries(BANK_NAMES_KO).map(([code, nameKo]) => ({
    code,
    nameKo,
    nameEn: BANK_NAMES_EN[code] ?? code,
    expected: outcome(decideApproval(profile, { method, bank: code, amount })),
  }));
}

/** 휴대폰 소액결제 carriers, 알뜰폰 included, each with what this PG's test channel does. */
export function carrierOptions(profile: PgProfile, amount: number): SimpleOption[] {
  return MOBILE_CARRIERS.map((c) => ({ code: c.code, nameKo: c.nameKo, nameEn: c.nameEn, expected: outcome(decideApproval(profile, { method: 'MOBILE', carrier: c.code, amount })) }));
}

export function giftCertificateOptions(profile: PgProfile, amount: number): SimpleOption[] {
  return GIFT_CERTIFICATES.map((g) => ({ code: g.code, nameKo: g.nameKo, nameEn: g.nameEn, expected: outcome(decideApproval(profile, { method: 'GIFT_CERTIFICATE', amount })) }));
}

/** PAYPAL, ALIPAY, ALIPAY_PLUS, CONVENIENCE_STORE: their choices; the PG decides the method as a whole. */
export function overseasOptions(profile: PgProfile, method: OverseasPayMethod, amount: number): SimpleOption[] {
  const expected = outcome(decideApproval(profile, { method, amount }));
  return overseasChoices(method).map((o) => ({ ...o, expected }));
}

export const isKnownEasyPayProvider = (code: string) => EASY_PAY_PROVIDERS.some((p) => p.code === code);
export const isKnownBank = (code: string) => code in BANK_NAMES_KO;
export const bankName = (code: string, lang: 'ko' | 'en') => (lang === 'ko' ? BANK_NAMES_KO[code] : BANK_NAMES_EN[code]) ?? code;
export const easyPayName = (code: string, lang: 'ko' | 'en') => {
  const p = EASY_PAY_PROVIDERS.find((x) => x.code === code);
  return p ? (lang === 'ko' ? p.nameKo : p.nameEn) : code;
};
