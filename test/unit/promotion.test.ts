import { describe, expect, it } from 'vitest';
import { discountAt, policyDiscount, policyProblem, promotionCancel, promotionStatus, type PaymentPromotion, type PromotionRecord } from '../../functions/domain/promotion.ts';

const percent = (amountFrom: number, p: number) => ({ amountFrom, scheme: { type: 'PERCENT' as const, percent: p } });
const amount = (amountFrom: number, a: number) => ({ amountFrom, scheme: { type: 'AMOUNT' as const, amount: a } });

const promotion = (o: Partial<PromotionRecord> = {}): PromotionRecord => ({
  storeId: 's',
  id: 'p',
  name: '현대카드 즉시할인',
  cardCompany: 'HYUNDAI_CARD',
  currency: 'KRW',
  discountPolicy: { partitions: [percent(10_000, 10), percent(50_000, 20)] },
  totalBudget: 100_000,
  spentAmount: 0,
  startAt: '2026-03-01T00:00:00.000Z',
  endAt: '2026-04-01T00:00:00.000Z',
  createdAt: '2026-02-01T00:00:00.000Z',
  recoverOption: { type: 'RECOVER' },
  ...o,
});
const during = new Date('2026-03-15T00:00:00.000Z');

describe('promotion status (console guide, 프로모션 상태 안내)', () => {
  it('예정 before the start, 진행중 while running, 완료 after the end, 예산소진 when spent; 일시중지 and 종료 by hand win', () => {
    expect(promotionStatus(promotion(), new Date('2026-02-28T23:59:59.999Z'))).toBe('SCHEDULED');
    expect(promotionStatus(promotion(), during)).toBe('IN_PROGRESS');
    expect(promotionStatus(promotion(), new Date('2026-04-01T00:00:00.000Z'))).toBe('COMPLETED');
    expect(promotionStatus(promotion({ spentAmount: 100_000 }), during)).toBe('BUDGET_EXHAUSTED');
    expect(promotionStatus(promotion({ pausedAt: during.toISOString() }), during)).toBe('PAUSED');
    expect(promotionStatus(promotion({ pausedAt: during.toISOString(), terminatedAt: during.toISOString() }), during)).toBe('TERMINATED');
  });
});

describe('discount policy', () => {
  it('"10000원 이상 10%, 50000원 이상 20%": the highest condition reached, percent rounded down, capped by maxDiscountAmount', () => {
    const p = promotion();
    expect(policyDiscount(p, 9_999).discount).toBe(0);
    expect(policyDiscount(p, 12_345)).toEqual({ discount: 1_234, rate: 10 });
    expect(policyDiscount(p, 60_000)).toEqual({ discount: 12_000, rate: 20 });
    expect(policyDiscount(promotion({ maxDiscountAmount: 5_000 }), 60_000).discount).toBe(5_000);
    // An amount counts as amount / amountFrom for its rate (5천원 이상 1000원 할인 = 20%).
    expect(policyDiscount(promotion({ discountPolicy: { partitions: [amount(5_000, 1_000)] } }), 6_000)).toEqual({ discount: 1_000, rate: 20 });
  });

  it('gives nothing unless 진행중, and nothing when the budget left is short of the whole discount', () => {
    expect(discountAt(promotion(), 20_000, during).discount).toBe(2_000);
    expect(discountAt(promotion({ pausedAt: during.toISOString() }), 20_000, during).discount).toBe(0);
    expect(discountAt(promotion({ spentAmount: 98_001 }), 20_000, during).discount).toBe(0);
    expect(discountAt(promotion({ spentAmount: 98_000 }), 20_000, during).discount).toBe(2_000);
  });

  it('refuses a policy the console would: none or over five conditions, minimums not rising, rates not rising', () => {
    expect(policyProblem([percent(0, 10)])).toBeUndefined();
    expect(policyProblem([])).toMatch(/1 to 5/);
    expect(policyProblem([1, 2, 3, 4, 5, 6].map((i) => percent(i * 1_000, i)))).toMatch(/1 to 5/);
    expect(policyProblem([percent(10_000, 10), percent(10_000, 20)])).toMatch(/amountFrom/);
    expect(policyProblem([percent(10_000, 20), percent(50_000, 10)])).toMatch(/rate/);
    expect(policyProblem([amount(10_000, 1_000), percent(50_000, 10)])).toMatch(/rate/);
    expect(policyProblem([percent(0, 101)])).toMatch(/percent/);
  });
});

describe('cancelling a promotion payment (refund guide examples)', () => {
  const held = (p: Partial<PaymentPromotion> & Pick<PaymentPromotion, 'discount' | 'rate' | 'policy'>): PaymentPromotion => ({ id: 'p', orderCancelled: 0, recovers: true, ...p });
  const tenPercentFrom5000 = held({ discount: 600, rate: 10, policy: { discountPolicy: { partitions: [percent(5_000, 10)] } } });
  const thousandFrom5000 = held({ discount: 1_000, rate: 20, policy: { discountPolicy: { partitions: [amount(5_000, 1_000)] } } });

  it('RETAIN keeps the rate on what is left: 6,000원 −10% cancelled 2,000 gives 1,800 back (3,600 paid); −1,000원 (20%) gives 1,800 back (3,200 paid)', () => {
    expect(promotionCancel({ total: 6_000, promotion: tenPercentFrom5000 }, { amount: 2_000, retainOption: 'RETAIN' })).toMatchObject({ ok: true, refund: 1_800, recovered: 200, promotion: { discount: 400, orderCancelled: 2_000, retainOption: 'RETAIN' } });
    expect(promotionCancel({ total: 6_000, promotion: thousandFrom5000 }, { amount: 2_000, retainOption: 'RETAIN' })).toMatchObject({ ok: true, refund: 1_800, recovered: 200 });
  });

  it('RELEASE (the default) applies the policy to what is left: both give 1,400 / 1,000 back and 4,000 stays paid', () => {
    expect(promotionCancel({ total: 6_000, promotion: tenPercentFrom5000 }, { amount: 2_000 })).toMatchObject({ ok: true, refund: 1_400, recovered: 600, promotion: { discount: 0, retainOption: 'RELEASE' } });
    expect(promotionCancel({ total: 6_000, promotion: thousandFrom5000 }, { amount: 2_000 })).toMatchObject({ ok: true, refund: 1_000, recovered: 1_000 });
  });

  it('refuses a cancel whose rest would cost more than was paid (10,000원 −10%, 500 cancelled), one above the order left, and a changed option', () => {
    const tenThousand = held({ discount: 1_000, rate: 10, policy: { discountPolicy: { partitions: [percent(10_000, 10)] } } });
    expect(promotionCancel({ total: 10_000, promotion: tenThousand }, { amount: 500 })).toMatchObject({ ok: false, type: 'NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT' });
    expect(promotionCancel({ total: 10_000, promotion: tenThousand }, { amount: 10_001 })).toMatchObject({ ok: false, type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT' });
    const retained = { ...tenPercentFrom5000, retainOption: 'RETAIN' as const, orderCancelled: 1_000 };
    expect(promotionCancel({ total: 60_000, promotion: retained }, { amount: 1_000 })).toMatchObject({ ok: false, type: 'PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED' });
    // The rest in full: the option no longer matters, and the whole discount goes back.
    expect(promotionCancel({ total: 6_000, promotion: retained }, {})).toMatchObject({ ok: true, refund: 4_400, recovered: 600, promotion: { discount: 0, orderCancelled: 6_000 } });
  });

  it('recovers nothing for a NO_RECOVER promotion', () => {
    expect(promotionCancel({ total: 6_000, promotion: { ...tenPercentFrom5000, recovers: false } }, {})).toMatchObject({ ok: true, refund: 5_400, recovered: 0 });
  });
});
