import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_CARDS, type TestCard } from '../../functions/domain/cards.ts';
import {
  decideApproval,
  decideBillingKeyPayment,
  decideCancel,
  describeRule,
  describeRuleKo,
  fillTemplate,
  type AutoRefundRule,
  type CancelPaymentView,
  type MethodKind,
} from '../../functions/domain/pg-rules.ts';
import { PROFILES, getProfile, type PgProfile } from '../../functions/domain/profiles/index.ts';

const profile = (id: string): PgProfile => {
  const p = getProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};
const card = (pred: (c: TestCard) => boolean): TestCard => {
  const c = TEST_CARDS.find(pred);
  if (!c) throw new Error('no such test card');
  return c;
};
const kbCredit = card((c) => c.issuer === 'KOOKMIN_CARD' && c.type === 'CREDIT');
const kakaoBank = card((c) => c.issuer === 'KAKAO_BANK');
const nhCredit = card((c) => c.issuer === 'NH_CARD' && c.type === 'CREDIT');
const shinhanCredit = card((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline && c.ownerType === 'PERSONAL');
const lotteCredit = card((c) => c.issuer === 'LOTTE_CARD' && c.type === 'CREDIT');
const insufficient = card((c) => c.decline?.reason === 'INSUFFICIENT_BALANCE');
const eximbayVisa = card((c) => c.number === '4111111111111111');

const at = new Date('2025-03-10T03:00:00Z'); // 12:00 KST

describe('decideApproval', () => {
  it('INICIS refuses KB국민카드 and 카카오뱅크 with its code and Korean message, accepts 신한', () => {
    const inicis = profile('INICIS_V2');
    const kb = decideApproval(inicis, { method: 'CARD', card: kbCredit, amount: 1000 });
    expect(kb).toMatchObject({ outcome: 'FAILED', pgCode: inicis.codes.refusedIssuer.value.pgCode });
    if (kb.outcome === 'FAILED') {
      expect(kb.pgMessage).toContain('KB국민카드');
      expect(kb.pgMessage).not.toContain('{');
    }
    expect(decideApproval(inicis, { method: 'CARD', card: kakaoBank, amount: 1000 }).outcome).toBe('FAILED');
    expect(decideApproval(inicis, { method: 'CARD', card: nhCredit, amount: 1000 }).outcome).toBe('APPROVED');
    const ok = decideApproval(inicis, { method: 'CARD', card: shinhanCredit, amount: 1000 });
    expect(ok).toMatchObject({ outcome: 'APPROVED', withdrawn: true, easyPayViaGeneralPg: false });
    if (ok.outcome === 'APPROVED') {
      expect(ok.autoRefund).toEqual({ kind: 'daily-batch', timeZone: 'Asia/Seoul', windowStart: '23:00', windowEnd: '23:50' });
      expect(ok.ruleDescription).toMatch(/real withdrawal.*23:00–23:50 KST/);
    }
  });

  it('NICE refuses NH농협카드 but KCP, which only answers success, accepts KB국민카드', () => {
    expect(decideApproval(profile('NICE_V2'), { method: 'CARD', card: nhCredit, amount: 1000 }).outcome).toBe('FAILED');
    expect(decideApproval(profile('KCP_V2'), { method: 'CARD', card: kbCredit, amount: 1000 })).toMatchObject({
      outcome: 'APPROVED',
      withdrawn: false,
      autoRefund: { kind: 'none' },
    });
  });

  it('a decline card fails where money really moves (INICIS) and succeeds where it does not (KCP)', () => {
    const failed = decideApproval(profile('INICIS_V2'), { method: 'CARD', card: insufficient, amount: 5000 });
    expect(failed).toMatchObject({ outcome: 'FAILED', pgCode: '51', pgMessage: '잔액부족' });
    expect(decideApproval(profile('KCP_V2'), { method: 'CARD', card: insufficient, amount: 5000 })).toMatchObject({
      outcome: 'APPROVED',
      withdrawn: false,
      autoRefund: { kind: 'none' },
    });
  });

  it('a past expiry is declined only where money really moves', () => {
    const input = { method: 'CARD' as const, card: shinhanCredit, amount: 1000, cardExpired: true };
    expect(decideApproval(profile('NICE_V2'), input)).toMatchObject({ outcome: 'FAILED', pgMessage: '유효기간 오류' });
    expect(decideApproval(profile('TOSSPAYMENTS'), input).outcome).toBe('APPROVED');
  });

  it('easy pay through a general PG really withdraws and is never auto-refunded, even at KCP', () => {
    for (const id of ['INICIS_V2', 'KCP_V2', 'SMARTRO_V2', 'TOSSPAYMENTS']) {
      const d = decideApproval(profile(id), { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', amount: 1000 });
      expect(d, id).toMatchObject({ outcome: 'APPROVED', withdrawn: true, autoRefund: { kind: 'never' }, easyPayViaGeneralPg: true });
    }
    // …so a decline card inside the wallet does fail there.
    const kcp = decideApproval(profile('KCP_V2'), { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', card: insufficient, amount: 1000 });
    expect(kcp).toMatchObject({ outcome: 'FAILED', pgMessage: '잔액부족' });
  });

  it('KakaoPay contracted directly does not withdraw, and test card payments must stay under 1,000,000원', () => {
    const kakao = profile('KAKAOPAY');
    expect(decideApproval(kakao, { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', amount: 999_999 })).toMatchObject({
      outcome: 'APPROVED',
      withdrawn: false,
      autoRefund: { kind: 'none' },
      easyPayViaGeneralPg: false,
    });
    const over = decideApproval(kakao, { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', amount: 1_000_000 });
    expect(over.outcome).toBe('FAILED');
    expect(decideApproval(kakao, { method: 'EASY_PAY', easyPayMethod: 'CHARGE', amount: 1_000_000 }).outcome).toBe('APPROVED');
    expect(decideApproval(kakao, { method: 'CARD', card: shinhanCredit, amount: 1000 }).outcome).toBe('FAILED');
    expect(decideApproval(kakao, { method: 'EASY_PAY', easyPayProvider: 'NAVERPAY', amount: 1000 }).outcome).toBe('FAILED');
  });

  it('KakaoPay/PAYCO through Smartro accept only 삼성/현대/농협/신한 cards', () => {
    const smartro = profile('SMARTRO_V2');
    const lotte = decideApproval(smartro, { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', card: lotteCredit, amount: 1000 });
    expect(lotte).toMatchObject({ outcome: 'FAILED' });
    if (lotte.outcome === 'FAILED') expect(lotte.pgMessage).toContain('롯데카드');
    expect(
      decideApproval(smartro, { method: 'EASY_PAY', easyPayProvider: 'PAYCO', card: shinhanCredit, amount: 1000 }).outcome,
    ).toBe('APPROVED');
    expect(
      decideApproval(smartro, { method: 'EASY_PAY', easyPayProvider: 'NAVERPAY', card: lotteCredit, amount: 1000 }).outcome,
    ).toBe('APPROVED');
  });

  it('Smartro cannot issue a test virtual account at K뱅크 (and the others listed), but can at 신한', () => {
    const smartro = profile('SMARTRO_V2');
    const kbank = decideApproval(smartro, { method: 'VIRTUAL_ACCOUNT', bank: 'K_BANK', amount: 10000 });
    expect(kbank).toMatchObject({ outcome: 'FAILED', pgCode: smartro.codes.refusedBank.value.pgCode });
    if (kbank.outcome === 'FAILED') expect(kbank.pgMessage).toContain('케이뱅크');
    for (const bank of ['KOOKMIN', 'JEONBUK', 'KWANGJU', 'DAEGU']) {
      expect(decideApproval(smartro, { method: 'VIRTUAL_ACCOUNT', bank, amount: 10000 }).outcome, bank).toBe('FAILED');
    }
    expect(decideApproval(smartro, { method: 'VIRTUAL_ACCOUNT', bank: 'SHINHAN', amount: 10000 })).toMatchObject({
      outcome: 'APPROVED',
      withdrawn: false,
      autoRefund: { kind: 'none' },
    });
    expect(decideApproval(profile('INICIS_V2'), { method: 'VIRTUAL_ACCOUNT', bank: 'K_BANK', amount: 10000 }).outcome).toBe('APPROVED');
  });

  it('a method the PG does not offer in test fails with the PG message naming it', () => {
    const danal = profile('DANAL');
    const va = decideApproval(danal, { method: 'VIRTUAL_ACCOUNT', bank: 'SHINHAN', amount: 1000 });
    expect(va).toMatchObject({ outcome: 'FAILED', pgCode: danal.codes.unsupportedMethod.value.pgCode });
    if (va.outcome === 'FAILED') expect(va.pgMessage).toContain('가상계좌');
    expect(decideApproval(danal, { method: 'TRANSFER', amount: 1000 }).outcome).toBe('FAILED');
  });

  it('Eximbay accepts only its published test cards', () => {
    const eximbay = profile('EXIMBAY_V2');
    expect(decideApproval(eximbay, { method: 'CARD', card: eximbayVisa, amount: 1000 }).outcome).toBe('APPROVED');
    const domestic = decideApproval(eximbay, { method: 'CARD', card: shinhanCredit, amount: 1000 });
    expect(domestic).toMatchObject({ outcome: 'FAILED', pgCode: eximbay.codes.cardNotAccepted?.value.pgCode });
  });

  it('Paymentwall takes real money and never gives it back', () => {
    expect(decideApproval(profile('PAYMENTWALL'), { method: 'CARD', card: eximbayVisa, amount: 1000 })).toMatchObject({
      outcome: 'APPROVED',
      withdrawn: true,
      autoRefund: { kind: 'never' },
    });
  });

  it('is total and consistent for every profile, card and method (property)', () => {
    const methods: MethodKind[] = ['CARD', 'VIRTUAL_ACCOUNT', 'EASY_PAY', 'TRANSFER'];
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        fc.constantFrom(...methods),
        fc.option(fc.constantFrom(...TEST_CARDS), { nil: undefined }),
        fc.option(fc.constantFrom('KAKAOPAY', 'NAVERPAY', 'PAYCO', 'TOSSPAY', 'PAYPAL'), { nil: undefined }),
        fc.option(fc.constantFrom('K_BANK', 'SHINHAN', 'KOOKMIN', 'WOORI'), { nil: undefined }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (p, method, c, easyPayProvider, bank, amount) => {
          const input = {
            method,
            amount,
            ...(c ? { card: c } : {}),
            ...(easyPayProvider ? { easyPayProvider } : {}),
            ...(bank ? { bank } : {}),
          };
          const d = decideApproval(p, input);
          expect(decideApproval(p, input)).toEqual(d);
          if (d.outcome === 'FAILED') {
            expect(d.pgCode).toMatch(/\S/);
            expect(d.pgMessage).toMatch(/[\uac00-\ud7a3]/);
            expect(d.pgMessage).not.toMatch(/\{\w+\}/);
            expect(d.reason).toMatch(/\S/);
          } else {
            if (!d.withdrawn) expect(d.autoRefund.kind).toBe('none');
            if (d.easyPayViaGeneralPg) expect(d.autoRefund.kind).toBe('never');
            expect(d.ruleDescription).toMatch(/\S/);
            // A decline can only be approved where no money moved.
            if (c?.decline && (method === 'CARD' || method === 'EASY_PAY')) expect(d.withdrawn).toBe(false);
          }
        },
      ),
    );
  });
});

const paidCard = (over: Partial<CancelPaymentView> = {}): CancelPaymentView => ({
  method: 'CARD',
  cardType: 'CREDIT',
  paidAmount: 10000,
  cancelledAmount: 0,
  pgVoided: false,
  ...over,
});

describe('decideCancel', () => {
  it('a payment the PG already voided fails with 기 취소 거래', () => {
    const inicis = profile('INICIS_V2');
    const d = decideCancel(inicis, paidCard({ pgVoided: true }), { amount: 10000, partial: false, at });
    expect(d).toEqual({ allowed: false, pgCode: '500626', pgMessage: '기 취소 거래' });
    each((p) => {
      const r = decideCancel(p, paidCard({ pgVoided: true }), { amount: 10000, partial: false, at });
      expect(r).toMatchObject({ allowed: false, pgMessage: '기 취소 거래' });
    });
  });

  it('a virtual account paid by the test-deposit button cannot be cancelled: 입금된 내역이 없습니다', () => {
    const va = paidCard({ method: 'VIRTUAL_ACCOUNT', isVirtualAccount: true, virtualAccountDeposited: false });
    each((p) => {
      expect(decideCancel(p, va, { amount: 10000, partial: false, at })).toMatchObject({
        allowed: false,
        pgMessage: '입금된 내역이 없습니다',
      });
    });
  });

  it('a virtual account that did receive real money cannot be refunded in test either', () => {
    const va = paidCard({ method: 'VIRTUAL_ACCOUNT', virtualAccountDeposited: true });
    const d = decideCancel(profile('NICE_V2'), va, { amount: 10000, partial: false, at });
    expect(d).toMatchObject({ allowed: false, pgCode: profile('NICE_V2').codes.vaRefundRefused.value.pgCode });
  });

  it('KSNET refunds virtual accounts only 06:00–23:00 KST', () => {
    const ksnet = profile('KSNET');
    const va = paidCard({ method: 'VIRTUAL_ACCOUNT', virtualAccountDeposited: false });
    const hours = ksnet.codes.vaRefundOutsideHours?.value.pgCode;
    const atKst = (hhmm: string) => new Date(`2025-03-10T${hhmm}:00+09:00`);
    expect(decideCancel(ksnet, va, { amount: 10000, partial: false, at: atKst('05:59') })).toMatchObject({ pgCode: hours });
    expect(decideCancel(ksnet, va, { amount: 10000, partial: false, at: atKst('23:00') })).toMatchObject({ pgCode: hours });
    expect(decideCancel(ksnet, va, { amount: 10000, partial: false, at: atKst('23:30') })).toMatchObject({ pgCode: hours });
    expect(decideCancel(ksnet, va, { amount: 10000, partial: false, at: atKst('06:00') })).toMatchObject({
      pgMessage: '입금된 내역이 없습니다',
    });
    expect(decideCancel(ksnet, va, { amount: 10000, partial: false, at: atKst('22:59') })).toMatchObject({
      pgMessage: '입금된 내역이 없습니다',
    });
  });

  it('NICE: a partial cancel is accepted but removes the pending auto-refund; other PGs keep it', () => {
    expect(decideCancel(profile('NICE_V2'), paidCard(), { amount: 3000, partial: true, at })).toEqual({
      allowed: true,
      removesPendingAutoRefund: true,
    });
    expect(decideCancel(profile('INICIS_V2'), paidCard(), { amount: 3000, partial: true, at })).toEqual({
      allowed: true,
      removesPendingAutoRefund: false,
    });
  });

  it('a cancel leaving money uncancelled is partial even when the caller says otherwise', () => {
    expect(decideCancel(profile('NICE_V2'), paidCard(), { amount: 3000, partial: false, at })).toEqual({
      allowed: true,
      removesPendingAutoRefund: true,
    });
    expect(decideCancel(profile('INICIS_V2'), paidCard(), { amount: 3000, partial: false, at })).toMatchObject({
      removesPendingAutoRefund: false,
    });
  });

  it('a full cancel (also of the remainder) is accepted and removes the pending auto-refund', () => {
    each((p) => {
      const d = decideCancel(p, paidCard({ cancelledAmount: 4000 }), { amount: 6000, partial: false, at });
      expect(d, p.pgProvider).toEqual({ allowed: true, removesPendingAutoRefund: true });
    });
  });

  it('check-card partial cancels are refused at NICE and Smartro, with the documented wording', () => {
    for (const id of ['NICE_V2', 'SMARTRO_V2']) {
      const d = decideCancel(profile(id), paidCard({ cardType: 'DEBIT' }), { amount: 3000, partial: true, at });
      expect(d, id).toMatchObject({ allowed: false });
      if (!d.allowed) expect(d.pgMessage).toContain('부분취소 불가능 거래(전체취소 요망)');
      expect(decideCancel(profile(id), paidCard({ cardType: 'DEBIT' }), { amount: 10000, partial: false, at }).allowed).toBe(true);
    }
    expect(decideCancel(profile('INICIS_V2'), paidCard({ cardType: 'DEBIT' }), { amount: 3000, partial: true, at }).allowed).toBe(true);
  });

  it('INICIS refuses partial cancels of easy pay taken through it: 500503', () => {
    const easy = paidCard({ method: 'EASY_PAY', cardType: undefined, easyPayViaGeneralPg: true });
    expect(decideCancel(profile('INICIS_V2'), easy, { amount: 3000, partial: true, at })).toEqual({
      allowed: false,
      pgCode: '500503',
      pgMessage: '간편결제 부분취소 제한 가맹점',
    });
    expect(decideCancel(profile('INICIS_V2'), easy, { amount: 10000, partial: false, at }).allowed).toBe(true);
    expect(decideCancel(profile('KCP_V2'), easy, { amount: 3000, partial: true, at }).allowed).toBe(true);
  });

  it('Danal refuses every partial cancel in test', () => {
    expect(decideCancel(profile('DANAL'), paidCard(), { amount: 3000, partial: true, at })).toMatchObject({ allowed: false });
  });
});

describe('decideBillingKeyPayment', () => {
  it('KG파이낸셜 V2 test billing keys cannot pay; elsewhere they can', () => {
    expect(decideBillingKeyPayment(profile('MOBILIANS_V2'))).toMatchObject({ allowed: false });
    expect(decideBillingKeyPayment(profile('INICIS_V2'))).toEqual({ allowed: true });
  });
});

describe('describeRule / describeRuleKo', () => {
  const rules: AutoRefundRule[] = [
    { kind: 'daily-batch', timeZone: 'Asia/Seoul', windowStart: '23:00', windowEnd: '23:50' },
    { kind: 'interval', minutes: 30 },
    { kind: 'interval', minutes: 60 },
    { kind: 'none' },
    { kind: 'never' },
  ];

  it('gives every rule a distinct description in both languages', () => {
    const en = rules.map(describeRule);
    const ko = rules.map(describeRuleKo);
    expect(new Set(en).size).toBe(rules.length);
    expect(new Set(ko).size).toBe(rules.length);
    for (const text of ko) expect(text).toMatch(/[\uac00-\ud7a3]/);
    expect(en[0]).toMatch(/23:00 and 23:50 KST/);
    expect(ko[0]).toMatch(/23:00~23:50/);
    expect(en[4]).toMatch(/cancel the payment yourself/);
    expect(describeRule({ kind: 'delay', seconds: 120 })).toMatch(/120 seconds/);
  });

  it('fillTemplate fills known placeholders and leaves unknown ones', () => {
    expect(fillTemplate('a {x} b {y}', { x: '1' })).toBe('a 1 b {y}');
  });
});

function each(fn: (p: PgProfile) => void): void {
  for (const p of PROFILES) fn(p);
}
