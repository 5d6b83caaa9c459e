import { describe, expect, it } from 'vitest';
import { approvePayment } from '../../../functions/payments/approve.ts';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { changePromotionState, createPromotion, getPromotion, type CreatePromotionInput } from '../../../functions/payments/promotions.ts';
import { card } from '../../support/cards.ts';
import { cardMethod, payRequest, virtualAccountMethod } from '../../support/unit-requests.ts';
import { beforeNext, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const tenPercent = (o: Partial<CreatePromotionInput> = {}): CreatePromotionInput => ({
  id: 'promo-hyundai',
  name: '현대카드 10% 즉시할인',
  cardCompany: 'HYUNDAI_CARD',
  discountPolicy: { partitions: [{ amountFrom: 10_000, scheme: { type: 'PERCENT', percent: 10 } }] },
  totalBudget: 5_000,
  endAt: '2026-12-31T15:00:00Z',
  ...o,
});
const pay = (w: UnitWorld, paymentId: string, total: number, issuer = 'HYUNDAI_CARD', promotionId = 'promo-hyundai') =>
  approvePayment(w.services, { ...payRequest(w, paymentId, cardMethod(card(issuer)), { total }), promotionId });
const spent = async (w: UnitWorld) => (await getPromotion(w.services, w.storeId, 'promo-hyundai')).promotion.spentAmount;

describe('payments with a card promotion (프로모션)', () => {
  it('discounts a matching card payment: total stays the order, paid is less, the budget is spent; below the minimum nothing is', async () => {
    const w = await unitWorld();
    await createPromotion(w.services, w.storeId, tenPercent());
    const paid = await pay(w, 'order-1', 20_000);
    expect(paid.amount).toMatchObject({ total: 20_000, discount: 2_000, paid: 18_000 });
    expect(paid.promotion).toMatchObject({ id: 'promo-hyundai', discount: 2_000 });
    expect(await spent(w)).toBe(2_000);
    expect((await pay(w, 'order-2', 9_000)).amount).toMatchObject({ discount: 0, paid: 9_000 });
    expect(await spent(w)).toBe(2_000);
  });

  it('refuses another card company or a method that is not a card (PROMOTION_PAY_METHOD_DOES_NOT_MATCH), and an unknown promotion', async () => {
    const w = await unitWorld();
    await createPromotion(w.services, w.storeId, tenPercent());
    expect(await rejection(pay(w, 'shinhan', 20_000, 'SHINHAN_CARD'))).toMatchObject({ type: 'PROMOTION_PAY_METHOD_DOES_NOT_MATCH', status: 400 });
    const va = approvePayment(w.services, { ...payRequest(w, 'va', virtualAccountMethod(), { pg: 'INICIS_V2', total: 20_000 }), promotionId: 'promo-hyundai' });
    expect(await rejection(va)).toMatchObject({ type: 'PROMOTION_PAY_METHOD_DOES_NOT_MATCH' });
    expect(await rejection(pay(w, 'unknown', 20_000, 'HYUNDAI_CARD', 'promo-none'))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await w.repo.getPayment(w.storeId, 'shinhan')).toBeUndefined();
  });

  it('gives no discount while paused, before the start, or when the budget left cannot cover the whole discount', async () => {
    const w = await unitWorld();
    await createPromotion(w.services, w.storeId, tenPercent());
    await createPromotion(w.services, w.storeId, tenPercent({ id: 'later', startAt: '2026-12-01T00:00:00Z' }));
    await changePromotionState(w.services, w.storeId, 'promo-hyundai', 'PAUSE');
    expect((await pay(w, 'paused', 20_000)).amount.discount).toBe(0);
    expect((await pay(w, 'scheduled', 20_000, 'HYUNDAI_CARD', 'later')).amount.discount).toBe(0);
    await changePromotionState(w.services, w.storeId, 'promo-hyundai', 'RESUME');
    expect((await pay(w, 'big', 40_000)).amount.discount).toBe(4_000);
    // 1,000 left, 1,500 wanted: none of it (integration guide, 프로모션 할인 미적용 케이스).
    expect((await pay(w, 'short', 15_000)).amount.discount).toBe(0);
    expect(await spent(w)).toBe(4_000);
    expect((await getPromotion(w.services, w.storeId, 'promo-hyundai')).promotion.spentAmount).toBe(4_000);
  });

  it('two payments racing for the last of the budget: one gets the discount, the other pays in full', async () => {
    const w = await unitWorld();
    await createPromotion(w.services, w.storeId, tenPercent({ totalBudget: 2_000 }));
    // The rival spends the budget after this payment has read the promotion.
    beforeNext(w.repo, 'adjustPromotionSpent', () => pay(w, 'rival', 20_000));
    const loser = await pay(w, 'loser', 20_000);
    expect(loser.amount).toMatchObject({ discount: 0, paid: 20_000 });
    expect((await w.repo.getPayment(w.storeId, 'rival'))?.amount.discount).toBe(2_000);
    expect(await spent(w)).toBe(2_000);
  });

  it('a PG refusal spends nothing and keeps the promotionId on the failed payment', async () => {
    const w = await unitWorld();
    await createPromotion(w.services, w.storeId, tenPercent({ cardCompany: 'KOOKMIN_CARD' }));
    // 이니시스 refuses KB국민 test cards.
    const refused = approvePayment(w.services, { ...payRequest(w, 'kb', cardMethod(card('KOOKMIN_CARD')), { pg: 'INICIS_V2', total: 20_000 }), promotionId: 'promo-hyundai' });
    expect(await rejection(refused)).toMatchObject({ type: 'PG_PROVIDER' });
    expect(await w.repo.getPayment(w.storeId, 'kb')).toMatchObject({ status: 'FAILED', promotion: { id: 'promo-hyundai', discount: 0 } });
    expect(await spent(w)).toBe(0);
  });

  it('cancels by order amount: RELEASE gives the policy\'s discount back to the budget, a full cancel the rest; NO_RECOVER keeps it spent', async () => {
    const w = await unitWorld();
    await createPromotion(w.services, w.storeId, tenPercent({ totalBudget: 100_000 }));
    await pay(w, 'p', 20_000);
    // 5,000 of the order cancelled: 15,000 left earns 1,500 off, so 4,500 goes back and 500 of the discount is released.
    expect(await cancelPayment(w.services, w.storeId, 'p', { amount: 5_000, reason: '부분' })).toMatchObject({ status: 'SUCCEEDED', totalAmount: 4_500 });
    expect(await spent(w)).toBe(1_500);
    expect(await rejection(cancelPayment(w.services, w.storeId, 'p', { amount: 1_000, reason: 'x', promotionDiscountRetainOption: 'RETAIN' }))).toMatchObject({
      type: 'PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED',
      status: 400,
    });
    // 10,000원 −10% paid 9,000; 500 cancelled leaves 9,500 without a discount, more than was paid: refused.
    await pay(w, 'n', 10_000);
    expect(await rejection(cancelPayment(w.services, w.storeId, 'n', { amount: 500, reason: 'x' }))).toMatchObject({ type: 'NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT', status: 400 });
    await cancelPayment(w.services, w.storeId, 'n', { reason: '전체' });
    w.clock.advance(1_000);
    const rest = await cancelPayment(w.services, w.storeId, 'p', { reason: '전체' });
    expect(rest.totalAmount).toBe(13_500);
    expect(await w.repo.getPayment(w.storeId, 'p')).toMatchObject({ status: 'CANCELLED', amount: { paid: 18_000, cancelled: 18_000, discount: 2_000 }, promotion: { discount: 0 } });
    expect(await spent(w)).toBe(0);

    await createPromotion(w.services, w.storeId, tenPercent({ id: 'kept', recoverOption: { type: 'NO_RECOVER' } }));
    await pay(w, 'q', 20_000, 'HYUNDAI_CARD', 'kept');
    await cancelPayment(w.services, w.storeId, 'q', { reason: '전체' });
    expect((await getPromotion(w.services, w.storeId, 'kept')).promotion.spentAmount).toBe(2_000);
  });

  it('refuses what the console would: a bad policy, an end before the start, an id in use; 종료 is final', async () => {
    const w = await unitWorld();
    expect(await rejection(createPromotion(w.services, w.storeId, tenPercent({ discountPolicy: { partitions: [] } })))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(createPromotion(w.services, w.storeId, tenPercent({ startAt: '2027-01-01T00:00:00Z' })))).toMatchObject({ type: 'INVALID_REQUEST' });
    await createPromotion(w.services, w.storeId, tenPercent());
    expect(await rejection(createPromotion(w.services, w.storeId, tenPercent()))).toMatchObject({ type: 'PROMOTION_ALREADY_EXISTS', status: 409 });
    await changePromotionState(w.services, w.storeId, 'promo-hyundai', 'TERMINATE');
    expect(await rejection(changePromotionState(w.services, w.storeId, 'promo-hyundai', 'RESUME'))).toMatchObject({ type: 'PROMOTION_ALREADY_TERMINATED' });
    expect(await rejection(getPromotion(w.services, w.storeId, 'none'))).toMatchObject({ type: 'PROMOTION_NOT_FOUND', status: 404 });
  });
});
