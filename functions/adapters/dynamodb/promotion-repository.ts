import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeIf } from './conditional.ts';
import { newestPromotionFirst, type PromotionRecord } from '../../domain/promotion.ts';
import type { PromotionRepository } from '../../ports/promotion-repository.ts';
import { recordOf, type Item } from './items.ts';
import { PROMOTION_PREFIX, promotionSk, storePk } from './keys.ts';
import { queryAll } from './paging.ts';
import { ITEM_TYPE, ITEM_TYPE_ATTRIBUTE } from './schema.ts';

/**
 * `budgetLeft` (totalBudget − spentAmount) lives only on the item: a condition expression cannot
 * add, so the budget check of a spend compares against it, and every spend moves both together.
 */
const BUDGET_LEFT = 'budgetLeft';

const promotionItem = (p: PromotionRecord): Item => ({
  pk: storePk(p.storeId),
  sk: promotionSk(p.id),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.PROMOTION,
  ...p,
  [BUDGET_LEFT]: p.totalBudget - p.spentAmount,
});

const promotionOf = (item: Item): PromotionRecord => {
  const { [BUDGET_LEFT]: _left, ...record } = recordOf<PromotionRecord & { [BUDGET_LEFT]?: number }>(item);
  return record;
};

/** Promotions on the single table, one item each under the store (the DynamoDB adapter delegates here). */
export class DynamoDbPromotionRepository implements PromotionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getPromotion(storeId: string, promotionId: string): Promise<PromotionRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: promotionSk(promotionId) }, ConsistentRead: true }));
    return out.Item ? promotionOf(out.Item) : undefined;
  }

  async listPromotions(storeId: string): Promise<PromotionRecord[]> {
    const items = await queryAll<Item>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': storePk(storeId), ':prefix': PROMOTION_PREFIX },
      ConsistentRead: true,
    });
    return items.map(promotionOf).sort(newestPromotionFirst);
  }

  async createPromotion(promotion: PromotionRecord): Promise<boolean> {
    return writeIf(this.db, new PutCommand({ TableName: this.tableName, Item: promotionItem(promotion), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  adjustPromotionSpent(storeId: string, promotionId: string, delta: number): Promise<boolean> {
    return writeIf(this.db, 
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: storePk(storeId), sk: promotionSk(promotionId) },
        UpdateExpression: 'SET spentAmount = spentAmount + :d, #left = #left - :d',
        ConditionExpression: 'attribute_exists(pk) AND #left >= :d AND spentAmount >= :minus',
        ExpressionAttributeNames: { '#left': BUDGET_LEFT },
        ExpressionAttributeValues: { ':d': delta, ':minus': -delta },
      }),
    );
  }

  setPromotionState(storeId: string, promotionId: string, change: { pausedAt?: string | null; terminatedAt?: string }): Promise<boolean> {
    const set: string[] = [];
    const remove: string[] = [];
    const values: Record<string, unknown> = {};
    if (change.pausedAt === null) remove.push('pausedAt');
    else if (change.pausedAt !== undefined) {
      set.push('pausedAt = :paused');
      values[':paused'] = change.pausedAt;
    }
    if (change.terminatedAt !== undefined) {
      set.push('terminatedAt = :terminated');
      values[':terminated'] = change.terminatedAt;
    }
    const expression = [set.length > 0 ? `SET ${set.join(', ')}` : '', remove.length > 0 ? `REMOVE ${remove.join(', ')}` : ''].join(' ').trim();
    return writeIf(this.db, 
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: storePk(storeId), sk: promotionSk(promotionId) },
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(terminatedAt)',
        ...(Object.keys(values).length > 0 && { ExpressionAttributeValues: values }),
      }),
    );
  }
}
