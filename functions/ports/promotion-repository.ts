import type { PromotionRecord } from '../domain/promotion.ts';

/** Card promotions (프로모션) as the use cases see them (part of the Repository port). */
export interface PromotionRepository {
  getPromotion(storeId: string, promotionId: string): Promise<PromotionRecord | undefined>;
  /** The store's promotions, newest first (a store has a console's handful, not thousands). */
  listPromotions(storeId: string): Promise<PromotionRecord[]>;
  /** Stores a new promotion; false when one with that id exists. */
  createPromotion(promotion: PromotionRecord): Promise<boolean>;
  /**
   * Moves `spentAmount` by `delta` in one conditional write, never past the budget nor below zero:
   * false (nothing written) when a spend would exceed `totalBudget`, or the promotion is gone. Two
   * payments racing for the last of a budget cannot both have it.
   */
  adjustPromotionSpent(storeId: string, promotionId: string, delta: number): Promise<boolean>;
  /**
   * The console's 일시중지 / 재시작 (`pausedAt`: a time, or null to resume) and 종료 (`terminatedAt`):
   * false when the promotion is gone or already terminated (종료 is final).
   */
  setPromotionState(storeId: string, promotionId: string, change: { pausedAt?: string | null; terminatedAt?: string }): Promise<boolean>;
}
