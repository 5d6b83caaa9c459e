import { describe, expect, it } from 'vitest';
import { differencesOf, heldAmount, isDiverged, pgStatus } from '../../functions/domain/divergence.ts';
import type { PaymentRecord } from '../../functions/domain/payment.ts';
import { PAID_AT, paidCardRecord } from '../support/payment-records.ts';

const PAID = PAID_AT; // 14:00:03 KST
const VOID = '2025-06-01T14:27:09.000Z'; // 23:27:09 KST
const payment = paidCardRecord;

const kinds = (p: PaymentRecord) => differencesOf(p).map((d) => d.kind);

describe('the divergence model', () => {
  it('a payment the PG never approved has no PG side to differ', () => {
    const failed = payment({ status: 'FAILED', paidAt: undefined }, null);
    expect(differencesOf(failed)).toEqual([]);
    expect(isDiverged(failed)).toBe(false);
    expect(pgStatus(failed)).toBe('DECLINED');
    expect(pgStatus(payment({ status: 'READY' }, null))).toBe('NOT_APPROVED');
  });

  it('money held before the batch: a note, not a contradiction; what happens next depends on the rule', () => {
    const held = payment();
    expect(isDiverged(held)).toBe(false);
    expect(heldAmount(held)).toBe(15_000);
    const [d] = differencesOf(held);
    expect(d).toMatchObject({ kind: 'money-held', diverged: false, since: PAID });
    expect(d?.text.en).toBe("The PG really holds 15,000 KRW of the tester's money. The PG voids it at its batch time unless a cancel or a NICE partial cancel changed that.");
    expect(d?.text.ko).toContain('15,000원');
    const never = differencesOf(payment({}, { autoRefund: { kind: 'never' } }))[0];
    expect(never?.text.en).toContain('cancel it by hand');
    expect(never?.text.ko).toContain('직접 취소');
  });

  it('after the batch void: PortOne still PAID contradicts the PG, with the KST time and the cancel error', () => {
    const voided = payment({}, { voidedAt: VOID, refunded: 15_000 });
    expect(isDiverged(voided)).toBe(true);
    expect(pgStatus(voided)).toBe('VOIDED_BY_BATCH');
    expect(heldAmount(voided)).toBe(0);
    const [d, ...rest] = differencesOf(voided);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'voided-by-batch', diverged: true, since: VOID });
    expect(d?.text.en).toBe(
      'The PG voided this payment in its batch at 2025-06-01 23:27:09 KST but PortOne still says PAID: no webhook was sent, and cancelling it now fails with PG_PROVIDER "기 취소 거래".',
    );
    expect(d?.text.ko).toContain('2025-06-01 23:27:09 KST');
    expect(d?.text.ko).toContain('기 취소 거래');
    expect(d?.label.en).toBe('diverged: PortOne PAID, PG voided');
  });

  it('a void after a partial cancel names the status PortOne really shows', () => {
    const partial = payment({ status: 'PARTIAL_CANCELLED' }, { voidedAt: VOID, refunded: 15_000 });
    const [d] = differencesOf(partial);
    expect(d?.text.en).toContain('still says PARTIAL_CANCELLED');
    expect(d?.label).toEqual({ ko: '불일치: 포트원은 부분취소, PG는 취소', en: 'diverged: PortOne PARTIAL_CANCELLED, PG voided' });
    expect(pgStatus(partial)).toBe('VOIDED_BY_BATCH');
  });

  it('a void after a full cancel through PortOne is no contradiction', () => {
    const cancelled = payment({ status: 'CANCELLED' }, { voidedAt: VOID, refunded: 15_000 });
    expect(isDiverged(cancelled)).toBe(false);
    expect(kinds(cancelled)).toEqual([]);
  });

  it('virtual accounts: a real deposit PortOne never reflects', () => {
    const va = { methodKind: 'VIRTUAL_ACCOUNT', withdrawn: false, autoRefund: { kind: 'none' } } as const;
    const waiting = payment({ status: 'VIRTUAL_ACCOUNT_ISSUED', paidAt: undefined }, va);
    expect(pgStatus(waiting)).toBe('AWAITING_DEPOSIT');
    expect(differencesOf(waiting)).toEqual([]);
    const DEPOSIT = '2025-06-01T06:00:00.000Z';
    const deposited = payment({ status: 'VIRTUAL_ACCOUNT_ISSUED', paidAt: undefined }, { ...va, depositReceived: { amount: 30_000, at: DEPOSIT } });
    expect(pgStatus(deposited)).toBe('DEPOSIT_RECEIVED');
    const [d] = differencesOf(deposited);
    expect(d).toMatchObject({ kind: 'deposit-not-reflected', diverged: true, since: DEPOSIT });
    expect(d?.text.en).toContain('real deposit of 30,000 KRW but PortOne still says VIRTUAL_ACCOUNT_ISSUED');
    expect(d?.text.ko).toContain('30,000원');
  });

  it('virtual accounts: the test deposit makes PortOne PAID with no money at the PG', () => {
    const NOTIFIED = '2025-06-01T07:00:00.000Z';
    const paid = payment({}, { methodKind: 'VIRTUAL_ACCOUNT', withdrawn: false, autoRefund: { kind: 'none' }, testDepositNotifiedAt: NOTIFIED });
    expect(isDiverged(paid)).toBe(true);
    const [d, ...rest] = differencesOf(paid);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'paid-without-deposit', diverged: true, since: NOTIFIED });
    expect(d?.text.en).toContain('"입금된 내역이 없습니다"');
  });

  it('a PG that approves without withdrawing: a note, never a contradiction', () => {
    const approvalOnly = payment({}, { withdrawn: false, autoRefund: { kind: 'none' } });
    expect(isDiverged(approvalOnly)).toBe(false);
    expect(kinds(approvalOnly)).toEqual(['no-withdrawal']);
    expect(pgStatus(approvalOnly)).toBe('APPROVED');
    expect(pgStatus(payment({ status: 'CANCELLED' }, { withdrawn: false }))).toBe('CANCELLED');
    expect(pgStatus(payment({ status: 'PARTIAL_CANCELLED' }))).toBe('PARTIALLY_CANCELLED');
  });

  it('every difference speaks both languages, in full and in a few words', () => {
    const all = [
      payment(),
      payment({}, { voidedAt: VOID, refunded: 15_000 }),
      payment({}, { withdrawn: false, autoRefund: { kind: 'none' } }),
      payment({}, { autoRefund: { kind: 'never' } }),
    ].flatMap(differencesOf);
    for (const d of all) for (const t of [d.text, d.label]) expect(t.ko && t.en).toBeTruthy();
  });
});
