import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../functions/domain/promotion.ts';
import type { Repository } from '../../functions/ports/repository.ts';

/**
 * The promotion part of the Repository contract (ports/promotion-repository.ts), run on the
 * in-memory double and on DynamoDB Local by the same two files as repository.contract.ts.
 */
export function promotionRepositoryContract(name: string, repository: () => Repository) {
  describe(`Promotion repository contract: ${name}`, () => {
    const repo = () => repository();

    it('creates a promotion once, lists the store\'s newest first, and a store reset deletes them', async () => {
      const storeId = `store-${randomUUID()}`;
      const a = promotion(storeId, 'promo-a', '2026-01-01T00:00:00.000Z');
      const b = promotion(storeId, 'promo#b', '2026-01-02T00:00:00.000Z');
      expect(await repo().createPromotion(a)).toBe(true);
      expect(await repo().createPromotion(b)).toBe(true);
      expect(await repo().createPromotion({ ...a, name: 'again' })).toBe(false);
      expect(await repo().getPromotion(storeId, 'promo-a')).toEqual(a);
      expect(await repo().getPromotion(storeId, 'promo')).toBeUndefined();
      expect((await repo().listPromotions(storeId)).map((p) => p.id)).toEqual(['promo#b', 'promo-a']);
      expect(await repo().listPromotions(`store-${randomUUID()}`)).toEqual([]);
      await repo().deleteStoreItems(storeId, ['PROMOTION']);
      expect(await repo().listPromotions(storeId)).toEqual([]);
    });

    it('spends the budget only while it lasts, even racing, and gives back no more than was spent', async () => {
      const storeId = `store-${randomUUID()}`;
      await repo().createPromotion({ ...promotion(storeId, 'p', '2026-01-01T00:00:00.000Z'), totalBudget: 10_000 });
      expect(await repo().adjustPromotionSpent(storeId, 'p', 6_000)).toBe(true);
      // Two payments race for the 4,000 left, each wanting 3,000: exactly one gets it.
      const raced = await Promise.all([repo().adjustPromotionSpent(storeId, 'p', 3_000), repo().adjustPromotionSpent(storeId, 'p', 3_000)]);
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect(await repo().adjustPromotionSpent(storeId, 'p', 1_001)).toBe(false);
      expect(await repo().adjustPromotionSpent(storeId, 'p', 1_000)).toBe(true);
      expect((await repo().getPromotion(storeId, 'p'))?.spentAmount).toBe(10_000);
      expect(await repo().adjustPromotionSpent(storeId, 'p', -10_001)).toBe(false);
      expect(await repo().adjustPromotionSpent(storeId, 'p', -2_500)).toBe(true);
      expect(await repo().getPromotion(storeId, 'p')).toEqual({ ...promotion(storeId, 'p', '2026-01-01T00:00:00.000Z'), totalBudget: 10_000, spentAmount: 7_500 });
      expect(await repo().adjustPromotionSpent(storeId, 'missing', 1)).toBe(false);
    });

    it('pauses, resumes and terminates; a terminated promotion changes no more', async () => {
      const storeId = `store-${randomUUID()}`;
      await repo().createPromotion(promotion(storeId, 'p', '2026-01-01T00:00:00.000Z'));
      expect(await repo().setPromotionState(storeId, 'p', { pausedAt: '2026-01-03T00:00:00.000Z' })).toBe(true);
      expect((await repo().getPromotion(storeId, 'p'))?.pausedAt).toBe('2026-01-03T00:00:00.000Z');
      expect(await repo().setPromotionState(storeId, 'p', { pausedAt: null })).toBe(true);
      expect(await repo().getPromotion(storeId, 'p')).not.toHaveProperty('pausedAt');
      expect(await repo().setPromotionState(storeId, 'p', { terminatedAt: '2026-01-04T00:00:00.000Z' })).toBe(true);
      expect(await repo().setPromotionState(storeId, 'p', { pausedAt: '2026-01-05T00:00:00.000Z' })).toBe(false);
      expect(await repo().setPromotionState(storeId, 'p', { terminatedAt: '2026-01-05T00:00:00.000Z' })).toBe(false);
      expect(await repo().getPromotion(storeId, 'p')).toMatchObject({ terminatedAt: '2026-01-04T00:00:00.000Z' });
      expect(await repo().setPromotionState(storeId, 'missing', { pausedAt: null })).toBe(false);
    });
  });
}

function promotion(storeId: string, id: string, createdAt: string): PromotionRecord {
  return {
    storeId,
    id,
    name: `프로모션 ${id}`,
    cardCompany: 'HYUNDAI_CARD',
    currency: 'KRW',
    discountPolicy: { partitions: [{ amountFrom: 10_000, scheme: { type: 'PERCENT', percent: 10 } }] },
    totalBudget: 100_000,
    spentAmount: 0,
    startAt: createdAt,
    endAt: '2027-01-01T00:00:00.000Z',
    createdAt,
    recoverOption: { type: 'RECOVER' },
  };
}
