/**
 * The live-like channel's PG rules (domain/live-rules.ts over domain/profiles/live.ts), beside the
 * test channel's for the same input: each case is a test-mode rule that a live channel drops or keeps.
 */
import { describe, expect, it } from 'vitest';
import { DECLINES, TEST_CARDS, lookupTestCard, type DeclineReason } from '../../functions/domain/cards.ts';
import { decideApprovalIn, decideCancelIn } from '../../functions/domain/live-rules.ts';
import type { ApprovalInput, CancelPaymentView } from '../../functions/domain/pg-rules.ts';
import { PROFILES, getProfile } from '../../functions/domain/profiles/index.ts';
import { liveDifferences, liveFactsOf } from '../../functions/domain/profiles/live.ts';
import type { PgProfile } from '../../functions/domain/profiles/types.ts';
import { card, declineCard } from '../support/cards.ts';

const profile = (pg: string): PgProfile => getProfile(pg)!;
const both = (pg: string, input: ApprovalInput) => ({
  test: decideApprovalIn('TEST', profile(pg), input),
  live: decideApprovalIn('LIVE_LIKE', profile(pg), input),
});
const cardPayment = (c = card('SHINHAN_CARD'), amount = 10_000): ApprovalInput => ({ method: 'CARD', card: c, amount });
// 14:00 KST
const AFTERNOON = new Date('2026-03-02T05:00:00Z');

describe('live-like approval', () => {
  it('declines every decline card on every PG that takes cards, with a code and Korean message for each reason', () => {
    const reasons = Object.keys(DECLINES) as DeclineReason[];
    for (const p of PROFILES.filter((x) => liveFactsOf(x).methods.value.includes('CARD'))) {
      for (const reason of reasons) {
        const decision = decideApprovalIn('LIVE_LIKE', p, cardPayment(declineCard(reason)));
        const expected = liveFactsOf(p).declines[reason].value;
        expect(decision, `${p.pgProvider} ${reason}`).toMatchObject({ outcome: 'FAILED', pgCode: expected.pgCode, pgMessage: expected.pgMessage });
        expect(expected.pgMessage).toMatch(/[가-힣]/);
      }
    }
  });

  it('declines 잔액부족 on KCP live-like, which only answers success on its test channel', () => {
    const { test, live } = both('KCP_V2', cardPayment(declineCard('INSUFFICIENT_BALANCE')));
    expect(test.outcome).toBe('APPROVED');
    expect(live).toMatchObject({ outcome: 'FAILED', pgCode: '51', pgMessage: '잔액부족' });
  });

  it('answers a decline with TossPayments’ own code, not the card company’s', () => {
    expect(both('TOSSPAYMENTS', cardPayment(declineCard('LOST_OR_STOLEN_CARD'))).live).toMatchObject({
      outcome: 'FAILED',
      pgCode: 'INVALID_CARD_LOST_OR_STOLEN',
    });
  });

  it('declines a card whose expiry has passed on every PG', () => {
    const { test, live } = both('KCP_V2', { ...cardPayment(), cardExpired: true });
    expect(test.outcome).toBe('APPROVED');
    expect(live).toMatchObject({ outcome: 'FAILED', pgMessage: '유효기간 오류' });
  });

  it('approves KB국민카드 and 카카오뱅크 at INICIS, which its test channel refuses, and never voids it', () => {
    for (const issuer of ['KOOKMIN_CARD', 'KAKAO_BANK']) {
      const { test, live } = both('INICIS_V2', cardPayment(card(issuer)));
      expect(test.outcome).toBe('FAILED');
      expect(live).toMatchObject({ outcome: 'APPROVED', withdrawn: true, autoRefund: { kind: 'never' } });
    }
  });

  it('drops the test-only limits: Eximbay’s published cards, KakaoPay’s 1,000,000원 cap, Smartro’s test banks and wallet cards, Danal’s methods', () => {
    const anyVisa = lookupTestCard('4242424242424242');
    if (!anyVisa.ok) throw new Error('unreachable');
    expect(both('EXIMBAY_V2', cardPayment(anyVisa.card, 100)).live.outcome).toBe('APPROVED');
    expect(both('EXIMBAY_V2', cardPayment(anyVisa.card, 100)).test.outcome).toBe('FAILED');
    const big = { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', amount: 2_000_000 } as const;
    expect([both('KAKAOPAY', big).test.outcome, both('KAKAOPAY', big).live.outcome]).toEqual(['FAILED', 'APPROVED']);
    const kbank = { method: 'VIRTUAL_ACCOUNT', bank: 'K_BANK', amount: 10_000 } as const;
    expect([both('SMARTRO_V2', kbank).test.outcome, both('SMARTRO_V2', kbank).live.outcome]).toEqual(['FAILED', 'APPROVED']);
    const wallet = { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', card: card('LOTTE_CARD'), amount: 10_000 } as const;
    expect([both('SMARTRO_V2', wallet).test.outcome, both('SMARTRO_V2', wallet).live.outcome]).toEqual(['FAILED', 'APPROVED']);
    const transfer = { method: 'TRANSFER', amount: 10_000 } as const;
    expect([both('DANAL', transfer).test.outcome, both('DANAL', transfer).live.outcome]).toEqual(['FAILED', 'APPROVED']);
  });

  it('keeps what is no test rule: a direct easy-pay company is still only itself', () => {
    expect(both('KAKAOPAY', { method: 'EASY_PAY', easyPayProvider: 'NAVERPAY', amount: 1_000 }).live.outcome).toBe('FAILED');
  });

  it('easy pay through a general PG is an ordinary sale: withdrawn, never voided, still marked 허브형', () => {
    expect(both('INICIS_V2', { method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY', amount: 10_000 }).live).toMatchObject({
      outcome: 'APPROVED',
      withdrawn: true,
      easyPayViaGeneralPg: true,
      autoRefund: { kind: 'never' },
    });
  });
});

describe('live-like cancel', () => {
  const paid = (o: Partial<CancelPaymentView> = {}): CancelPaymentView => ({
    method: 'CARD',
    paidAmount: 10_000,
    cancelledAmount: 0,
    pgVoided: false,
    ...o,
  });
  const partial = { amount: 3_000, partial: true, at: AFTERNOON };
  const cancelBoth = (pg: string, view: CancelPaymentView, req = partial) => ({
    test: decideCancelIn('TEST', profile(pg), view, req),
    live: decideCancelIn('LIVE_LIKE', profile(pg), view, req),
  });

  it('Danal: partial cancel refused in test, allowed live', () => {
    const { test, live } = cancelBoth('DANAL', paid());
    expect(test.allowed).toBe(false);
    expect(live.allowed).toBe(true);
  });

  it('INICIS: easy-pay partial cancel (500503 in test) allowed live', () => {
    const { test, live } = cancelBoth('INICIS_V2', paid({ method: 'EASY_PAY', easyPayViaGeneralPg: true }));
    expect(test).toMatchObject({ allowed: false, pgCode: '500503' });
    expect(live.allowed).toBe(true);
  });

  it('NICE and Smartro keep refusing a check card’s partial cancel live; a full cancel is fine', () => {
    for (const pg of ['NICE_V2', 'SMARTRO_V2']) {
      const view = paid({ cardType: 'DEBIT' });
      expect(cancelBoth(pg, view).live).toMatchObject({ allowed: false, pgMessage: '체크카드 거래는 부분취소 불가능 거래(전체취소 요망)' });
      expect(cancelBoth(pg, view, { amount: 10_000, partial: false, at: AFTERNOON }).live.allowed).toBe(true);
    }
  });

  it('refunds a deposited virtual account live (test: never), fully or partly', () => {
    const deposited = paid({ method: 'VIRTUAL_ACCOUNT', isVirtualAccount: true, virtualAccountDeposited: true });
    const { test, live } = cancelBoth('INICIS_V2', deposited);
    expect(test.allowed).toBe(false);
    expect(live.allowed).toBe(true);
  });

  it('KSNET keeps its virtual-account refund hours live (06:00–23:00 KST, an integration-guide rule)', () => {
    const deposited = paid({ method: 'VIRTUAL_ACCOUNT', isVirtualAccount: true, virtualAccountDeposited: true });
    const night = { amount: 10_000, partial: false, at: new Date('2026-03-02T15:00:00Z') }; // 00:00 KST
    expect(decideCancelIn('LIVE_LIKE', profile('KSNET'), deposited, night).allowed).toBe(false);
    expect(decideCancelIn('LIVE_LIKE', profile('KSNET'), deposited, { ...night, at: AFTERNOON }).allowed).toBe(true);
  });
});

describe('live facts', () => {
  it('every live value no document states is marked assumed with a reason', () => {
    for (const p of PROFILES) {
      const facts = liveFactsOf(p);
      const all = [facts.methods, facts.partialCancel, facts.checkCardPartialCancel, facts.hubEasyPayPartialCancel, facts.virtualAccountRefundHoursKst, facts.unsupportedMethod, ...Object.values(facts.declines)];
      for (const f of all) if (f.assumed) expect(f.note, p.pgProvider).toBeTruthy();
    }
  });

  it('lists what differs from the test channel: the INICIS batch void, KB cards; nothing invented for a PG without it', () => {
    const inicis = liveDifferences(profile('INICIS_V2')).map((d) => d.en);
    expect(inicis).toEqual(expect.arrayContaining([expect.stringContaining('no PG batch void'), expect.stringContaining('KOOKMIN_CARD')]));
    expect(liveDifferences(profile('PAYPAL_V2')).map((d) => d.en).join()).not.toContain('batch void');
  });

  it('has a magic card for 비밀번호 오류', () => {
    expect(TEST_CARDS.find((c) => c.decline?.reason === 'INCORRECT_PASSWORD')?.decline?.pgMessage).toBe('비밀번호 오류');
  });
});
