/**
 * Conformance of card promotions (프로모션): getPromotion, and payments made and cancelled with one
 * (`promotionId`, `amount.discount`, the promotion errors of payInstantly and cancelPayment), through
 * the official SDK, validated by the suite's recorder. The promotion itself is created through the
 * sandbox API (not recorded: PortOne's console creates promotions).
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';

export function definePromotionConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  const createPromotion = async (promotionId: string) => {
    const res = await fetch(`${target().baseUrl}/sandbox/promotions`, {
      method: 'POST',
      headers: { authorization: `PortOne ${target().apiSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: promotionId,
        name: '현대카드 즉시할인',
        cardCompany: 'HYUNDAI_CARD',
        discountPolicy: { partitions: [{ amountFrom: 10_000, scheme: { type: 'PERCENT', percent: 10 } }, { amountFrom: 50_000, scheme: { type: 'AMOUNT', amount: 10_000 } }] },
        totalBudget: 1_000_000,
        maxDiscountAmount: 20_000,
        endAt: '2099-01-01T00:00:00Z',
      }),
    });
    expect(res.status).toBe(201);
  };
  const pay = (paymentId: string, promotionId: string, issuer = 'HYUNDAI_CARD', total = 20_000) =>
    sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '프로모션 주문', amount: { total }, currency: 'KRW', method: cardMethod(card(issuer)), promotionId });

  describe('getPromotion and promotion payments', () => {
    it('getPromotion 200 (CardPromotion) and 404 PROMOTION_NOT_FOUND; a paid, a partially cancelled and a cancelled payment show promotionId; 400 PROMOTION_PAY_METHOD_DOES_NOT_MATCH', async () => {
      const promotionId = id('promo');
      await createPromotion(promotionId);
      const promotion = await sdk().promotion.getPromotion({ promotionId });
      expect(promotion).toMatchObject({ type: 'CARD', id: promotionId, status: 'IN_PROGRESS', spentAmount: 0 });
      expect(await swallow(sdk().promotion.getPromotion({ promotionId: id('none') }))).toBe('PROMOTION_NOT_FOUND');

      const paid = id('promo-paid');
      await pay(paid, promotionId);
      expect(await sdk().getPayment({ paymentId: paid })).toMatchObject({ status: 'PAID', promotionId, amount: { total: 20_000, discount: 2_000, paid: 18_000 } });
      const partial = id('promo-partial');
      await pay(partial, promotionId);
      const cancellation = await sdk().cancelPayment({ paymentId: partial, amount: 5_000, reason: '부분', promotionDiscountRetainOption: 'RETAIN' });
      expect(cancellation.cancellation).toMatchObject({ totalAmount: 4_500 });
      expect(await swallow(sdk().cancelPayment({ paymentId: partial, amount: 1_000, reason: 'x', promotionDiscountRetainOption: 'RELEASE' }))).toBe('PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED');
      await sdk().cancelPayment({ paymentId: partial, reason: '전체' });
      expect(await sdk().getPayment({ paymentId: partial })).toMatchObject({ status: 'CANCELLED', promotionId });
      expect(await sdk().promotion.getPromotion({ promotionId })).toMatchObject({ spentAmount: 2_000 });

      const negative = id('promo-negative');
      await pay(negative, promotionId, 'HYUNDAI_CARD', 10_000);
      expect(await swallow(sdk().cancelPayment({ paymentId: negative, amount: 500, reason: 'x' }))).toBe('NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT');
      expect(await swallow(pay(id('promo-shinhan'), promotionId, 'SHINHAN_CARD'))).toBe('PROMOTION_PAY_METHOD_DOES_NOT_MATCH');
      await sdk().getPaymentTransactions({ paymentId: paid });
    });
  });
}
