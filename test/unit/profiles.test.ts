import { describe, expect, it } from 'vitest';
import { ISSUERS } from '../../functions/domain/cards.ts';
import fixture from '../fixtures/portone-v2-openapi.json' with { type: 'json' };
import {
  PROFILES,
  assumedFields,
  getProfile,
  pgCompanyOf,
  profilesJson,
  toProfileJson,
  type Fact,
  type PgProfile,
} from '../../functions/domain/profiles/index.ts';

// OAS v1.16.0 enums, copied literally (tests must not read the shared OAS file).
const PG_PROVIDERS = [
  'HTML5_INICIS', 'PAYPAL', 'PAYPAL_V2', 'INICIS', 'DANAL', 'NICE', 'DANAL_TPAY', 'JTNET', 'UPLUS', 'NAVERPAY', 'KAKAO',
  'SETTLE', 'KCP', 'MOBILIANS', 'KAKAOPAY', 'NAVERCO', 'SYRUP', 'KICC', 'EXIMBAY', 'SMILEPAY', 'PAYCO', 'KCP_BILLING',
  'ALIPAY', 'PAYPLE', 'CHAI', 'BLUEWALNUT', 'SMARTRO', 'SMARTRO_V2', 'PAYMENTWALL', 'TOSSPAYMENTS', 'KCP_QUICK', 'DAOU',
  'GALAXIA', 'TOSSPAY', 'KCP_DIRECT', 'SETTLE_ACC', 'SETTLE_FIRM', 'INICIS_UNIFIED', 'KSNET', 'PINPAY', 'NICE_V2',
  'TOSS_BRANDPAY', 'WELCOME', 'TOSSPAY_V2', 'INICIS_V2', 'KPN', 'KCP_V2', 'HYPHEN', 'EXIMBAY_V2', 'INICIS_JP',
  'PAYLETTER_GLOBAL', 'MOBILIANS_V2', 'TRIPLE_A', 'KICC_V2', 'INNOPAY', 'HECTO_GLOBAL',
];
const BANKS = [
  'BANK_OF_KOREA', 'KDB', 'IBK', 'KOOKMIN', 'SUHYUP', 'KEXIM', 'NONGHYUP', 'LOCAL_NONGHYUP', 'WOORI', 'STANDARD_CHARTERED',
  'CITI', 'SUHYUP_FEDERATION', 'DAEGU', 'BUSAN', 'KWANGJU', 'JEJU', 'JEONBUK', 'KYONGNAM', 'KFCC', 'SHINHYUP',
  'SAVINGS_BANK', 'MORGAN_STANLEY', 'HSBC', 'DEUTSCHE', 'JPMC', 'MIZUHO', 'MUFG', 'BANK_OF_AMERICA', 'BNP_PARIBAS', 'ICBC',
  'BANK_OF_CHINA', 'NFCF', 'UOB', 'BOCOM', 'CCB', 'POST', 'KODIT', 'KIBO', 'HANA', 'SHINHAN', 'K_BANK', 'KAKAO', 'TOSS',
  'MISC_FOREIGN', 'SGI', 'KCIS',
];
const EASY_PAY_PROVIDERS = [
  'SAMSUNGPAY', 'KAKAOPAY', 'NAVERPAY', 'PAYCO', 'SSGPAY', 'CHAI', 'LPAY', 'KPAY', 'TOSSPAY', 'LGPAY', 'PINPAY',
  'APPLEPAY', 'SKPAY', 'TOSS_BRANDPAY', 'KB_APP', 'ALIPAY', 'HYPHEN', 'TMONEY', 'PAYPAL', 'SMILEPAY',
];
const REQUIRED = [
  'INICIS_V2', 'NICE_V2', 'SETTLE', 'SMARTRO_V2', 'DAOU', 'DANAL', 'MOBILIANS', 'KCP_V2', 'KAKAOPAY', 'KPN', 'KICC_V2',
  'PAYCO', 'TOSSPAY_V2', 'TOSSPAYMENTS', 'EXIMBAY_V2', 'PAYPAL_V2', 'WELCOME', 'PAYMENTWALL', 'NAVERPAY', 'KSNET',
];
const CARD_COMPANY_CODES = ISSUERS.map((i) => i.code as string);

const each = (fn: (p: PgProfile) => void) => {
  for (const p of PROFILES) fn(p);
};

/** Every Fact node anywhere in a value. */
function facts(value: unknown, path = ''): { path: string; fact: Fact<unknown> }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  if ('value' in record) return [{ path, fact: record as unknown as Fact<unknown> }];
  return Object.entries(record).flatMap(([k, v]) => facts(v, path ? `${path}.${k}` : k));
}

describe('PROFILES', () => {
  it('covers every required PG once, each a PgProvider of the OAS', () => {
    const ids = PROFILES.map((p) => p.pgProvider);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    for (const id of ids) expect(PG_PROVIDERS).toContain(id);
    each((p) => {
      if (p.v1PgProvider !== undefined) expect(PG_PROVIDERS).toContain(p.v1PgProvider);
    });
  });

  it('names each PG\'s company (list filters\' pgCompanies) with a PgCompany of the OAS', () => {
    const companies = (fixture.components.schemas as Record<string, { enum?: string[] }>).PgCompany!.enum!;
    each((p) => expect(companies, p.pgProvider).toContain(pgCompanyOf(p.pgProvider)));
    expect(pgCompanyOf('INICIS_V2')).toBe('INICIS');
  });

  it('getProfile finds each profile by pgProvider and nothing else', () => {
    each((p) => expect(getProfile(p.pgProvider)).toBe(p));
    expect(getProfile('NOT_A_PG')).toBeUndefined();
    expect(getProfile('inicis_v2')).toBeUndefined();
  });

  it('withdrawal and auto-refund agree: no withdrawal ⇒ none; withdrawal ⇒ something else', () => {
    each((p) => {
      if (p.withdraws.value) expect(p.autoRefund.value.kind, p.pgProvider).not.toBe('none');
      else expect(p.autoRefund.value.kind, p.pgProvider).toBe('none');
    });
    expect(getProfile('PAYMENTWALL')?.autoRefund.value.kind).toBe('never');
    expect(getProfile('PAYMENTWALL')?.withdraws.value).toBe(true);
  });

  it('daily batches are well-formed KST windows', () => {
    each((p) => {
      const r = p.autoRefund.value;
      if (r.kind !== 'daily-batch') return;
      expect(r.timeZone).toBe('Asia/Seoul');
      expect(r.windowStart).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(r.windowEnd).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(r.windowStart < r.windowEnd).toBe(true);
    });
  });

  it('uses only OAS banks, PortOne card company codes and OAS easy-pay providers', () => {
    each((p) => {
      for (const bank of p.virtualAccountRefusedBanks.value) expect(BANKS).toContain(bank);
      for (const issuer of p.refusedIssuers.value) expect(CARD_COMPANY_CODES).toContain(issuer);
      for (const issuer of p.hubEasyPayCardIssuers?.value.issuers ?? []) expect(CARD_COMPANY_CODES).toContain(issuer);
      for (const provider of p.hubEasyPayCardIssuers?.value.providers ?? []) expect(EASY_PAY_PROVIDERS).toContain(provider);
      if (p.directEasyPayProvider !== undefined) expect(EASY_PAY_PROVIDERS).toContain(p.directEasyPayProvider);
    });
  });

  it('kinds are consistent: direct easy-pay PGs offer only EASY_PAY and are no 허브형', () => {
    each((p) => {
      expect(p.methods.value.length, p.pgProvider).toBeGreaterThan(0);
      if (p.kind === 'EASY_PAY_DIRECT') {
        expect(p.methods.value).toEqual(['EASY_PAY']);
        expect(p.directEasyPayProvider).toBeDefined();
        expect(p.hubEasyPay.value).toBe(false);
      }
      if (p.hubEasyPay.value) expect(p.methods.value).toContain('EASY_PAY');
    });
  });

  it('every refusal rule has a PG code and a Korean message to refuse with', () => {
    const hangul = /[\uac00-\ud7a3]/;
    each((p) => {
      const c = p.codes;
      const required = [c.alreadyVoided, c.vaNoDeposit, c.vaRefundRefused, c.refusedIssuer, c.refusedBank, c.unsupportedMethod];
      if (p.partialCancel.value === 'REFUSED') required.push(c.partialCancelRefused as never);
      if (p.checkCardPartialCancel.value === 'REFUSED') required.push(c.checkCardPartialCancelRefused as never);
      if (p.hubEasyPayPartialCancel.value === 'REFUSED') required.push(c.hubEasyPayPartialCancelRefused as never);
      if (p.virtualAccountRefundHoursKst.value) required.push(c.vaRefundOutsideHours as never);
      if (p.amountLimit.value) required.push(c.amountLimitExceeded as never);
      if (p.onlyPublishedTestCards.value) required.push(c.cardNotAccepted as never);
      if (p.hubEasyPayCardIssuers) required.push(c.hubEasyPayIssuerRefused as never);
      if (!p.billingKeyPayment.value) required.push(c.billingKeyPaymentRefused as never);
      for (const code of required) {
        expect(code, p.pgProvider).toBeDefined();
        expect(code.value.pgCode).toMatch(/\S/);
        expect(code.value.pgMessage).toMatch(hangul);
      }
      expect(c.alreadyVoided.value.pgMessage).toBe('기 취소 거래');
      expect(c.vaNoDeposit.value.pgMessage).toBe('입금된 내역이 없습니다');
    });
  });

  it('every profile cites sources in the facts file notation', () => {
    each((p) => {
      expect(p.sources.length, p.pgProvider).toBeGreaterThan(0);
      for (const s of p.sources) expect(s).toMatch(/^(SEED|OAS|SDK|HELP:[\w./-]+\.md|DEV:[\w./()-]+\.mdx)$/);
    });
  });

  it('marks undocumented behaviour as assumed, with a reason; documented behaviour is not', () => {
    each((p) => {
      for (const { path, fact } of facts(p)) {
        if (fact.assumed !== undefined) {
          expect(fact.assumed, `${p.pgProvider}.${path}`).toBe(true);
          expect(fact.note, `${p.pgProvider}.${path} needs a reason`).toMatch(/\S/);
        }
      }
    });
    // The facts file says nothing about NaverPay direct or KSNET withdrawals.
    for (const id of ['NAVERPAY', 'KSNET']) {
      const p = getProfile(id);
      expect(p?.withdraws.assumed).toBe(true);
      expect(p?.autoRefund.assumed).toBe(true);
    }
    // …but states them for INICIS and KCP, and states only "30 min / 1 h or 23:00–23:50" for KG파이낸셜.
    expect(getProfile('INICIS_V2')?.withdraws.assumed).toBeUndefined();
    expect(getProfile('KCP_V2')?.autoRefund.assumed).toBeUndefined();
    expect(getProfile('MOBILIANS')?.autoRefund.assumed).toBe(true);
    expect(assumedFields(getProfile('NAVERPAY') as PgProfile)).toEqual(expect.arrayContaining(['withdraws', 'autoRefund']));
  });

  it('signups match the documented list', () => {
    const required = PROFILES.filter((p) => p.signup.value.required).map((p) => p.pgProvider).sort();
    expect(required).toEqual(['NAVERPAY', 'PAYMENTWALL', 'PAYPAL_V2']);
  });

  it('is frozen data that survives a JSON round trip', () => {
    each((p) => {
      expect(Object.isFrozen(p)).toBe(true);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    });
    const json = profilesJson();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const inicis = toProfileJson(getProfile('INICIS_V2') as PgProfile);
    expect(inicis.autoRefundDescription).toMatch(/23:00/);
    expect(inicis.autoRefundDescriptionKo).toMatch(/23:00/);
    expect(inicis.assumedFields).toEqual(assumedFields(getProfile('INICIS_V2') as PgProfile));
  });
});
