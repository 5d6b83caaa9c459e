/**
 * Test card numbers: what a tester types into the sandbox's checkout page or sends to
 * `POST /payments/{paymentId}/instant`, and what the sandbox answers about it (issuer, brand, BIN…).
 *
 * The Korean cards below are **sandbox numbers**: Luhn-valid, with made-up 8-digit BINs that merely look
 * plausible (VISA 4…, Mastercard 5…, JCB 35…, domestic-only 9…). They are not claimed to be real BINs and
 * must never be used at a real PG. Only Eximbay publishes real test cards, and those are copied exactly,
 * even where a published number fails the Luhn check (Eximbay accepts it, so the sandbox does too).
 *
 * Codes:
 * - `issuer` / `publisher` use PortOne's own card company codes (`KOOKMIN_CARD`, `SHINHAN_CARD`, …: the
 *   OAS enum `PgPromotionCardCompany` and the SDK's `CardCompany`). `issuer` is the 발급사 (who issued the
 *   card to the holder), `publisher` the 발행사 (the card company whose product it is): they differ for
 *   카카오뱅크 cards, which are KB국민카드 products ("국민 계열").
 * - `brand`, `type`, `ownerType` are the OAS enums `CardBrand`, `CardType` (`DEBIT` = 체크카드, check card),
 *   `CardOwnerType`.
 */
import { kstWallClock } from './kst.ts';

export type CardBrand = 'LOCAL' | 'MASTER' | 'UNIONPAY' | 'VISA' | 'JCB' | 'AMEX' | 'DINERS';

/** A card the issuer declines: only PGs that really approve (withdraw) in test can see this. */
export interface CardDecline {
  /** Stable machine key: one of {@link DECLINES}' keys. */
  reason: DeclineReason;
  /** The card company's response code, which Korean PGs pass through (ISO 8583 style: 51, 54, 41, 61, 55, 62). */
  pgCode: string;
  /** The Korean message, as PGs word it. */
  pgMessage: string;
}

/** An Eximbay test card, as published on PortOne's Eximbay channel page. */
export interface PublishedTestCard {
  pg: 'EXIMBAY_V2';
  /** FRICTIONLESS = approved without a 3-D Secure prompt; CHALLENGE = the prompt asks for `authCode`. */
  flow: 'FRICTIONLESS' | 'CHALLENGE';
  /** MM/YY. */
  expiry: string;
  cvc: string;
  authCode?: string;
  /** Some published numbers fail the Luhn check; lookup accepts them because Eximbay does. */
  passesLuhn: boolean;
  source: string;
}

export interface TestCard {
  number: string;
  /** PortOne card company code of the 발급사 (issuer). */
  issuer: string;
  /** Korean issuer name. */
  issuerName: string;
  /** PortOne card company code of the 발행사 (publisher). */
  publisher: string;
  brand: CardBrand;
  type: 'CREDIT' | 'DEBIT';
  ownerType: 'PERSONAL' | 'CORPORATE';
  /** First 8 digits for numbers of 16+ digits, otherwise the first 6 (see {@link binOf}). */
  bin: string;
  /** Card product name (카드 상품명). */
  name: string;
  decline?: CardDecline;
  published?: PublishedTestCard;
}

/** PortOne card company codes of the issuers in the table, with their Korean names (OAS titles). */
export const ISSUERS = [
  { code: 'KOOKMIN_CARD', nameKo: 'KB국민카드' },
  { code: 'NH_CARD', nameKo: 'NH농협카드' },
  { code: 'KAKAO_BANK', nameKo: '카카오뱅크' },
  { code: 'SHINHAN_CARD', nameKo: '신한카드' },
  { code: 'SAMSUNG_CARD', nameKo: '삼성카드' },
  { code: 'HYUNDAI_CARD', nameKo: '현대카드' },
  { code: 'LOTTE_CARD', nameKo: '롯데카드' },
  { code: 'HANA_CARD', nameKo: '하나카드' },
  { code: 'WOORI_CARD', nameKo: '우리카드' },
  { code: 'BC_CARD', nameKo: 'BC카드' },
  { code: 'CITI_CARD', nameKo: '씨티카드' },
  { code: 'GWANGJU_CARD', nameKo: '광주카드' },
  { code: 'JEONBUK_CARD', nameKo: '전북카드' },
  { code: 'SUHYUP_CARD', nameKo: '수협카드' },
  { code: 'JEJU_CARD', nameKo: '제주카드' },
  // Overseas card companies, for Eximbay's published cards (PortOne `CardCompany` codes).
  { code: 'VISA_CARD', nameKo: 'VISA카드' },
  { code: 'MASTER_CARD', nameKo: 'MASTER카드' },
  { code: 'JCB_CARD', nameKo: 'JCB카드' },
  { code: 'AMEX_CARD', nameKo: '아맥스카드' },
  { code: 'UNION_CARD', nameKo: '은련카드' },
  { code: 'DINERS_CARD', nameKo: 'DINERS카드' },
] as const;

/** Korean name of a PortOne card company code; the code itself when unknown. */
export function issuerName(code: string): string {
  return ISSUERS.find((i) => i.code === code)?.nameKo ?? code;
}

/**
 * Issuer of a Luhn-valid number that is neither in the table nor under one of its BINs. 신한카드 because
 * no documented PG refuses it in test, so an arbitrary number behaves like "a card that works".
 */
export const DEFAULT_ISSUER = 'SHINHAN_CARD';

export type DeclineReason =
  | 'INSUFFICIENT_BALANCE'
  | 'EXPIRED_CARD'
  | 'LOST_OR_STOLEN_CARD'
  | 'LIMIT_EXCEEDED'
  | 'INCORRECT_PASSWORD'
  | 'SUSPENDED_CARD';

/**
 * The card company's declines, keyed by `reason`. The two digits before the check digit of each magic
 * number are its pgCode. A PG may word a decline its own way: domain/profiles/live.ts.
 */
export const DECLINES = {
  INSUFFICIENT_BALANCE: { reason: 'INSUFFICIENT_BALANCE', pgCode: '51', pgMessage: '잔액부족' },
  EXPIRED_CARD: { reason: 'EXPIRED_CARD', pgCode: '54', pgMessage: '유효기간 오류' },
  LOST_OR_STOLEN_CARD: { reason: 'LOST_OR_STOLEN_CARD', pgCode: '41', pgMessage: '분실/도난 카드' },
  LIMIT_EXCEEDED: { reason: 'LIMIT_EXCEEDED', pgCode: '61', pgMessage: '한도초과' },
  INCORRECT_PASSWORD: { reason: 'INCORRECT_PASSWORD', pgCode: '55', pgMessage: '비밀번호 오류' },
  SUSPENDED_CARD: { reason: 'SUSPENDED_CARD', pgCode: '62', pgMessage: '거래정지 카드' },
} as const satisfies Record<DeclineReason, CardDecline>;

const EXIMBAY_SOURCE = 'HELP:core-service/channel-setting/eximbay.md';

type Row = Omit<TestCard, 'bin' | 'issuerName' | 'publisher'> & { publisher?: string };

/** Credit (신용) and check (체크) card of one issuer, named "<issuer> 샌드박스 신용/체크카드". */
function pair(issuer: string, credit: [string, CardBrand], debit: [string, CardBrand]): Row[] {
  const name = issuerName(issuer);
  return [
    { number: credit[0], issuer, brand: credit[1], type: 'CREDIT', ownerType: 'PERSONAL', name: `${name} 샌드박스 신용카드` },
    { number: debit[0], issuer, brand: debit[1], type: 'DEBIT', ownerType: 'PERSONAL', name: `${name} 샌드박스 체크카드` },
  ];
}

function eximbay(
  number: string,
  issuer: string,
  brand: CardBrand,
  flow: PublishedTestCard['flow'],
  extra: { cvc?: string; authCode?: string } = {},
): Row {
  return {
    number,
    issuer,
    brand,
    // Eximbay does not say; overseas test cards are treated as personal credit cards.
    type: 'CREDIT',
    ownerType: 'PERSONAL',
    name: `Eximbay ${brand} test card (${flow === 'FRICTIONLESS' ? 'frictionless' : '3-D Secure challenge'})`,
    published: {
      pg: 'EXIMBAY_V2',
      flow,
      expiry: '12/33',
      cvc: extra.cvc ?? '123',
      ...(extra.authCode !== undefined ? { authCode: extra.authCode } : {}),
      passesLuhn: luhnValid(number),
      source: EXIMBAY_SOURCE,
    },
  };
}

const ROWS: Row[] = [
  ...pair('KOOKMIN_CARD', ['4519011000000003', 'VISA'], ['9490011000000005', 'LOCAL']),
  ...pair('NH_CARD', ['5416012000000002', 'MASTER'], ['9491012000000002', 'LOCAL']),
  // 카카오뱅크 cards are KB국민카드 products: issuer KAKAO_BANK, publisher KOOKMIN_CARD.
  ...pair('KAKAO_BANK', ['9492013000000009', 'LOCAL'], ['5365013000000001', 'MASTER']).map((r) => ({
    ...r,
    publisher: 'KOOKMIN_CARD',
  })),
  ...pair('SHINHAN_CARD', ['4518014000000008', 'VISA'], ['9411014000000005', 'LOCAL']),
  {
    number: '5546014000000001',
    issuer: 'SHINHAN_CARD',
    brand: 'MASTER',
    type: 'CREDIT',
    ownerType: 'CORPORATE',
    name: '신한카드 샌드박스 법인카드',
  },
  ...pair('SAMSUNG_CARD', ['4536015000000003', 'VISA'], ['9436015000000003', 'LOCAL']),
  ...pair('HYUNDAI_CARD', ['5167016000000004', 'MASTER'], ['9467016000000003', 'LOCAL']),
  ...pair('LOTTE_CARD', ['3568017000000002', 'JCB'], ['9468017000000000', 'LOCAL']),
  ...pair('HANA_CARD', ['4533018000000000', 'VISA'], ['9433018000000000', 'LOCAL']),
  ...pair('WOORI_CARD', ['5262019000000002', 'MASTER'], ['9462019000000002', 'LOCAL']),
  ...pair('BC_CARD', ['9410020000000003', 'LOCAL'], ['9410021000000001', 'LOCAL']),
  ...pair('CITI_CARD', ['4550022000000000', 'VISA'], ['9450022000000000', 'LOCAL']),
  ...pair('GWANGJU_CARD', ['4570023000000004', 'VISA'], ['9470023000000004', 'LOCAL']),
  ...pair('JEONBUK_CARD', ['5270024000000002', 'MASTER'], ['9472024000000000', 'LOCAL']),
  ...pair('SUHYUP_CARD', ['9474025000000005', 'LOCAL'], ['9474026000000003', 'LOCAL']),
  ...pair('JEJU_CARD', ['4576027000000009', 'VISA'], ['9476027000000009', 'LOCAL']),

  // Magic numbers: 신한카드 BINs (accepted by every PG), the decline's code just before the check digit.
  // Insufficient balance is a check card: only check cards draw on a balance.
  {
    number: '9411014000000518',
    issuer: 'SHINHAN_CARD',
    brand: 'LOCAL',
    type: 'DEBIT',
    ownerType: 'PERSONAL',
    name: '신한카드 샌드박스 체크카드 (잔액부족)',
    decline: DECLINES.INSUFFICIENT_BALANCE,
  },
  {
    number: '4518014000000545',
    issuer: 'SHINHAN_CARD',
    brand: 'VISA',
    type: 'CREDIT',
    ownerType: 'PERSONAL',
    name: '신한카드 샌드박스 신용카드 (유효기간 오류)',
    decline: DECLINES.EXPIRED_CARD,
  },
  {
    number: '4518014000000412',
    issuer: 'SHINHAN_CARD',
    brand: 'VISA',
    type: 'CREDIT',
    ownerType: 'PERSONAL',
    name: '신한카드 샌드박스 신용카드 (분실/도난)',
    decline: DECLINES.LOST_OR_STOLEN_CARD,
  },
  {
    number: '4518014000000610',
    issuer: 'SHINHAN_CARD',
    brand: 'VISA',
    type: 'CREDIT',
    ownerType: 'PERSONAL',
    name: '신한카드 샌드박스 신용카드 (한도초과)',
    decline: DECLINES.LIMIT_EXCEEDED,
  },
  {
    number: '4518014000000552',
    issuer: 'SHINHAN_CARD',
    brand: 'VISA',
    type: 'CREDIT',
    ownerType: 'PERSONAL',
    name: '신한카드 샌드박스 신용카드 (비밀번호 오류)',
    decline: DECLINES.INCORRECT_PASSWORD,
  },
  {
    number: '4518014000000628',
    issuer: 'SHINHAN_CARD',
    brand: 'VISA',
    type: 'CREDIT',
    ownerType: 'PERSONAL',
    name: '신한카드 샌드박스 신용카드 (거래정지)',
    decline: DECLINES.SUSPENDED_CARD,
  },

  // Eximbay's published test cards (expiry 12/33). Discover 6510 0000 0000 0174 is published too but
  // PortOne's CardBrand has no DISCOVER, so the sandbox cannot represent it.
  eximbay('4111111111111111', 'VISA_CARD', 'VISA', 'FRICTIONLESS'),
  eximbay('4000000000000002', 'VISA_CARD', 'VISA', 'CHALLENGE', { authCode: '111' }),
  eximbay('5310111111111111', 'MASTER_CARD', 'MASTER', 'FRICTIONLESS'),
  eximbay('5122969999999996', 'MASTER_CARD', 'MASTER', 'CHALLENGE', { authCode: '111' }),
  eximbay('3562737046057080', 'JCB_CARD', 'JCB', 'FRICTIONLESS'),
  eximbay('3569990012296085', 'JCB_CARD', 'JCB', 'CHALLENGE', { authCode: '111' }),
  eximbay('375987000126600', 'AMEX_CARD', 'AMEX', 'FRICTIONLESS'),
  eximbay('375987000126700', 'AMEX_CARD', 'AMEX', 'CHALLENGE', { authCode: '111' }),
  eximbay('6250947000000010', 'UNION_CARD', 'UNIONPAY', 'CHALLENGE', { authCode: '1111111 (PC) / 123456 (mobile)' }),
  eximbay('36070500001038', 'DINERS_CARD', 'DINERS', 'FRICTIONLESS', { cvc: '234' }),
];

export const TEST_CARDS: readonly TestCard[] = Object.freeze(
  ROWS.map((r): TestCard => {
    const card: TestCard = {
      number: r.number,
      issuer: r.issuer,
      issuerName: issuerName(r.issuer),
      publisher: r.publisher ?? r.issuer,
      brand: r.brand,
      type: r.type,
      ownerType: r.ownerType,
      bin: binOf(r.number),
      name: r.name,
      ...(r.decline ? { decline: { ...r.decline } } : {}),
      ...(r.published ? { published: r.published } : {}),
    };
    return Object.freeze(card);
  }),
);

const BY_NUMBER = new Map(TEST_CARDS.map((c) => [c.number, c]));

/** Luhn (mod 10) check over a string of digits. Non-digits or an empty string → false. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** `partial` followed by the one digit that makes it pass the Luhn check (for making sandbox numbers). */
export function appendLuhnCheckDigit(partial: string): string {
  if (!/^\d*$/.test(partial)) throw new Error('appendLuhnCheckDigit: digits only');
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(partial + d)) return partial + d;
  }
  throw new Error('unreachable: one of ten check digits always satisfies mod 10');
}

/** Removes the spaces and hyphens people type between digit groups. */
export function normalizeCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** BIN as PortOne reports it ("앞 6자리 또는 8자리"): 8 digits for numbers of 16+ digits, else 6. */
export function binOf(digits: string): string {
  return digits.slice(0, digits.length >= 16 ? 8 : 6);
}

/** Card brand from the number's prefix (IIN ranges); anything unrecognised is a domestic-only LOCAL card. */
export function brandOf(digits: string): CardBrand {
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'VISA';
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return 'MASTER';
  if (p2 === 34 || p2 === 37) return 'AMEX';
  if (p4 >= 3528 && p4 <= 3589) return 'JCB';
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return 'DINERS';
  if (p2 === 62) return 'UNIONPAY';
  return 'LOCAL';
}

export type CardLookup = { ok: true; card: TestCard } | { ok: false; message: string };

/**
 * What the sandbox knows about a typed card number.
 * 1. Spaces and hyphens are removed; anything else that is not a digit is refused.
 * 2. A number in {@link TEST_CARDS} is that card (Eximbay's published numbers even when they fail Luhn).
 * 3. Otherwise it must have 13–19 digits and pass the Luhn check.
 * 4. A valid unknown number under a BIN of the table (first 8 digits, 6 for shorter numbers) takes that
 *    BIN's issuer, brand, type and product name, never its decline; any other valid number is a personal
 *    credit card of {@link DEFAULT_ISSUER} (신한카드) with the brand its prefix implies. Both keep their own
 *    number and BIN.
 * Refusals are worded for an `INVALID_REQUEST` (400) message.
 */
export function lookupTestCard(number: string): CardLookup {
  if (typeof number !== 'string') return { ok: false, message: 'card number must be a string of digits' };
  const digits = normalizeCardNumber(number);
  if (digits === '') return { ok: false, message: 'card number is empty' };
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: 'card number must contain only digits (spaces and hyphens are ignored)' };
  }
  const known = BY_NUMBER.get(digits);
  if (known) return { ok: true, card: known };
  if (digits.length < 13 || digits.length > 19) {
    return { ok: false, message: `card number must have 13 to 19 digits, got ${digits.length}` };
  }
  if (!luhnValid(digits)) return { ok: false, message: 'card number fails the Luhn check digit' };

  const bin = binOf(digits);
  const sibling = TEST_CARDS.find((c) => !c.decline && !c.published && c.bin === bin);
  if (sibling) {
    const card: TestCard = {
      number: digits,
      issuer: sibling.issuer,
      issuerName: sibling.issuerName,
      publisher: sibling.publisher,
      brand: sibling.brand,
      type: sibling.type,
      ownerType: sibling.ownerType,
      bin,
      name: sibling.name,
    };
    return { ok: true, card };
  }
  return {
    ok: true,
    card: {
      number: digits,
      issuer: DEFAULT_ISSUER,
      issuerName: issuerName(DEFAULT_ISSUER),
      publisher: DEFAULT_ISSUER,
      brand: brandOf(digits),
      type: 'CREDIT',
      ownerType: 'PERSONAL',
      bin,
      name: `${issuerName(DEFAULT_ISSUER)} 샌드박스 신용카드 (기본 발급사)`,
    },
  };
}

/**
 * PortOne-style masked number (`Card.number`, "마스킹된 카드 번호"): the BIN (first 8 digits of a 16+-digit
 * number, first 6 otherwise) and the last 4 digits stay; every digit between becomes `*`, so the length is
 * kept: `5310111111111111` → `53101111****1111`, `375987000126600` → `375987*****6600`.
 * Spaces and hyphens are removed first. Inputs too short to keep both ends keep only the last 4.
 */
export function maskCardNumber(number: string): string {
  const digits = normalizeCardNumber(number);
  const head = binOf(digits).length;
  if (digits.length < head + 4 + 1) {
    return '*'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
  }
  return digits.slice(0, head) + '*'.repeat(digits.length - head - 4) + digits.slice(-4);
}

/** Parses `expiryYear` (2 digits as in PortOne's CardCredential, or 4) and `expiryMonth` (1–12). */
export function parseExpiry(expiryYear: string, expiryMonth: string): { year: number; month: number } | null {
  if (!/^\d{2}$|^\d{4}$/.test(expiryYear) || !/^\d{1,2}$/.test(expiryMonth)) return null;
  const month = Number(expiryMonth);
  if (month < 1 || month > 12) return null;
  const year = expiryYear.length === 2 ? 2000 + Number(expiryYear) : Number(expiryYear);
  return { year, month };
}

/**
 * A card is valid through the last day of its expiry month, in Korean time (the PG's clock): it is
 * expired once the KST calendar month is later than the expiry month. An unparsable expiry counts as
 * expired, so nothing malformed is ever approved; use {@link parseExpiry} to report the format error.
 */
export function isExpired(expiryYear: string, expiryMonth: string, now: Date): boolean {
  const expiry = parseExpiry(expiryYear, expiryMonth);
  if (!expiry) return true;
  const kst = kstWallClock(now);
  const current = kst.getUTCFullYear() * 12 + kst.getUTCMonth();
  return current > expiry.year * 12 + (expiry.month - 1);
}
