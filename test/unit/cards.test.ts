import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ISSUER,
  TEST_CARDS,
  appendLuhnCheckDigit,
  binOf,
  isExpired,
  lookupTestCard,
  luhnValid,
  maskCardNumber,
  parseExpiry,
} from '../../functions/domain/cards.ts';

// OAS v1.16.0 enums, copied so a drift in the data (not in the schema) fails here.
const CARD_BRANDS = ['LOCAL', 'MASTER', 'UNIONPAY', 'VISA', 'JCB', 'AMEX', 'DINERS'];
// PortOne card company codes: OAS PgPromotionCardCompany + the SDK CardCompany codes of overseas brands.
const CARD_COMPANIES = [
  'KOREA_DEVELOPMENT_BANK', 'KFCC', 'SHINHYUP', 'EPOST', 'SAVINGS_BANK_KOREA', 'KAKAO_BANK', 'WOORI_CARD', 'BC_CARD',
  'GWANGJU_CARD', 'SAMSUNG_CARD', 'SHINHAN_CARD', 'HYUNDAI_CARD', 'LOTTE_CARD', 'SUHYUP_CARD', 'CITI_CARD', 'NH_CARD',
  'JEONBUK_CARD', 'JEJU_CARD', 'HANA_CARD', 'KOOKMIN_CARD', 'K_BANK', 'TOSS_BANK', 'MIRAE_ASSET_SECURITIES',
  'VISA_CARD', 'MASTER_CARD', 'JCB_CARD', 'AMEX_CARD', 'UNION_CARD', 'DINERS_CARD',
];

const domestic = TEST_CARDS.filter((c) => !c.published);

describe('TEST_CARDS', () => {
  it('every sandbox number passes Luhn and looks up to itself', () => {
    for (const card of domestic) {
      expect(luhnValid(card.number), card.number).toBe(true);
      expect(lookupTestCard(card.number)).toEqual({ ok: true, card });
    }
  });

  it("Eximbay's published numbers look up to themselves even where they fail Luhn", () => {
    const published = TEST_CARDS.filter((c) => c.published);
    expect(published.map((c) => c.number)).toEqual(
      expect.arrayContaining(['4111111111111111', '4000000000000002', '5310111111111111']),
    );
    for (const card of published) {
      expect(card.published?.expiry).toBe('12/33');
      expect(card.published?.passesLuhn).toBe(luhnValid(card.number));
      expect(lookupTestCard(card.number)).toEqual({ ok: true, card });
    }
    // The published Mastercard number really fails Luhn: without the exemption it would be refused.
    expect(luhnValid('5310111111111111')).toBe(false);
  });

  it('numbers are unique and every field uses PortOne codes', () => {
    expect(new Set(TEST_CARDS.map((c) => c.number)).size).toBe(TEST_CARDS.length);
    for (const c of TEST_CARDS) {
      expect(CARD_BRANDS).toContain(c.brand);
      expect(CARD_COMPANIES).toContain(c.issuer);
      expect(CARD_COMPANIES).toContain(c.publisher);
      expect(['CREDIT', 'DEBIT']).toContain(c.type);
      expect(['PERSONAL', 'CORPORATE']).toContain(c.ownerType);
      expect(c.number.startsWith(c.bin)).toBe(true);
      expect(c.bin).toBe(binOf(c.number));
      expect(c.issuerName).toMatch(/\S/);
      expect(c.name).toMatch(/\S/);
    }
  });

  it('each Korean issuer has a credit and a check card that are not declines', () => {
    const issuers = [
      'KOOKMIN_CARD', 'NH_CARD', 'KAKAO_BANK', 'SHINHAN_CARD', 'SAMSUNG_CARD', 'HYUNDAI_CARD', 'LOTTE_CARD',
      'HANA_CARD', 'WOORI_CARD', 'BC_CARD', 'CITI_CARD', 'GWANGJU_CARD', 'JEONBUK_CARD', 'SUHYUP_CARD', 'JEJU_CARD',
    ];
    for (const issuer of issuers) {
      const ok = domestic.filter((c) => c.issuer === issuer && !c.decline);
      expect(ok.some((c) => c.type === 'CREDIT'), `${issuer} credit`).toBe(true);
      expect(ok.some((c) => c.type === 'DEBIT'), `${issuer} check`).toBe(true);
    }
  });

  it('카카오뱅크 cards are KB국민카드 products (issuer ≠ publisher)', () => {
    const kakao = domestic.filter((c) => c.issuer === 'KAKAO_BANK');
    expect(kakao.length).toBeGreaterThan(0);
    for (const c of kakao) expect(c.publisher).toBe('KOOKMIN_CARD');
  });

  it('has one magic number per decline, each with a code and a distinct Korean message', () => {
    const declines = TEST_CARDS.filter((c) => c.decline);
    const messages = declines.map((c) => c.decline?.pgMessage);
    expect(messages).toEqual(expect.arrayContaining(['잔액부족', '유효기간 오류', '분실/도난 카드', '한도초과']));
    expect(new Set(messages).size).toBe(declines.length);
    for (const c of declines) {
      expect(c.decline?.pgCode).toMatch(/^\d+$/);
      // Mnemonic promised by the docs: the two digits before the check digit are the pgCode.
      expect(c.number.slice(-3, -1)).toBe(c.decline?.pgCode);
    }
  });
});

describe('lookupTestCard', () => {
  it('ignores spaces and hyphens', () => {
    const r = lookupTestCard('4111 1111-1111 1111');
    expect(r.ok && r.card.number).toBe('4111111111111111');
  });

  it.each([
    ['', /empty/],
    ['4111x11111111111', /only digits/],
    ['411111111111', /13 to 19 digits/],
    ['41111111111111111111', /13 to 19 digits/],
    ['4111111111111112', /Luhn/],
  ])('refuses %j', (input, message) => {
    const r = lookupTestCard(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('maps a valid unknown number under a table BIN to that issuer, without its decline', () => {
    const shinhanBin = '45180140'; // the BIN of the 신한 credit card and of three decline cards
    const number = appendLuhnCheckDigit(`${shinhanBin}9999999`);
    const r = lookupTestCard(number);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.card).toMatchObject({ number, bin: shinhanBin, issuer: 'SHINHAN_CARD', type: 'CREDIT' });
    expect(r.card.decline).toBeUndefined();

    const kakaoCheck = domestic.find((c) => c.issuer === 'KAKAO_BANK' && c.type === 'DEBIT');
    const sibling = appendLuhnCheckDigit(`${kakaoCheck?.bin}1234567`);
    const k = lookupTestCard(sibling);
    expect(k.ok && k.card).toMatchObject({ issuer: 'KAKAO_BANK', publisher: 'KOOKMIN_CARD', type: 'DEBIT', number: sibling });
  });

  it('maps any other valid number to the default issuer, keeping its number, BIN and prefix brand', () => {
    const cases: [string, string][] = [
      ['4242424242424242', 'VISA'],
      ['5555555555554444', 'MASTER'],
      ['2223000048400011', 'MASTER'],
      ['378282246310005', 'AMEX'],
      ['3530111333300000', 'JCB'],
      ['30569309025904', 'DINERS'],
      ['6200000000000005', 'UNIONPAY'],
      ['1234567812345670', 'LOCAL'],
    ];
    for (const [number, brand] of cases) {
      expect(luhnValid(number), number).toBe(true);
      const r = lookupTestCard(number);
      expect(r.ok && r.card, number).toMatchObject({
        number,
        bin: binOf(number),
        brand,
        issuer: DEFAULT_ISSUER,
        type: 'CREDIT',
        ownerType: 'PERSONAL',
      });
    }
  });

  it('never throws and accepts exactly the Luhn-valid 13–19 digit strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '-', 'a'), maxLength: 24 }), (raw) => {
        const r = lookupTestCard(raw);
        const digits = raw.replace(/[\s-]/g, '');
        const known = TEST_CARDS.some((c) => c.number === digits);
        const shouldAccept = known || (/^\d{13,19}$/.test(digits) && luhnValid(digits));
        expect(r.ok).toBe(shouldAccept);
        if (r.ok) expect(r.card.number).toBe(digits);
      }),
    );
  });
});

describe('luhnValid', () => {
  const digitString = (min: number, max: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));

  it('accepts a number with its check digit appended and rejects every single-digit change (property)', () => {
    fc.assert(
      fc.property(digitString(12, 18), fc.nat(), fc.integer({ min: 1, max: 9 }), (partial, at, delta) => {
        const full = appendLuhnCheckDigit(partial);
        expect(luhnValid(full)).toBe(true);
        const i = at % full.length;
        const changed = full.slice(0, i) + String((Number(full[i]) + delta) % 10) + full.slice(i + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });

  it('rejects non-digits and the empty string', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
  });
});

describe('maskCardNumber', () => {
  it('keeps the BIN and the last four digits, PortOne style', () => {
    expect(maskCardNumber('5310111111111111')).toBe('53101111****1111');
    expect(maskCardNumber('375987000126600')).toBe('375987*****6600');
    expect(maskCardNumber('4518-0140 0000 0008')).toBe('45180140****0008');
  });

  it('keeps the length and never reveals the middle digits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 19 }).map((d) => d.join('')),
        (number) => {
          const masked = maskCardNumber(number);
          const head = binOf(number).length;
          expect(masked).toHaveLength(number.length);
          expect(masked.slice(0, head)).toBe(number.slice(0, head));
          expect(masked.slice(-4)).toBe(number.slice(-4));
          expect(masked.slice(head, -4)).toMatch(/^\*+$/);
        },
      ),
    );
  });
});

describe('expiry', () => {
  it('a card is valid through the last day of its expiry month, in Korean time', () => {
    // 2025-06-30T14:59:59Z is 23:59:59 on 30 June in Korea; one second later it is 1 July.
    expect(isExpired('25', '06', new Date('2025-06-30T14:59:59Z'))).toBe(false);
    expect(isExpired('25', '06', new Date('2025-06-30T15:00:00Z'))).toBe(true);
    expect(isExpired('33', '12', new Date('2025-06-30T15:00:00Z'))).toBe(false);
    expect(isExpired('2025', '07', new Date('2025-06-30T15:00:00Z'))).toBe(false);
  });

  it('treats an unparsable expiry as expired', () => {
    expect(parseExpiry('2x', '01')).toBeNull();
    expect(parseExpiry('33', '13')).toBeNull();
    expect(parseExpiry('33', '00')).toBeNull();
    expect(isExpired('33', '13', new Date('2025-01-01T00:00:00Z'))).toBe(true);
  });
});
