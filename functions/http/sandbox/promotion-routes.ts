import { Hono } from 'hono';
import * as z from 'zod';
import { PROMOTION_CARD_COMPANIES } from '../../domain/promotion.ts';
import { changePromotionState, createPromotion, listPromotions, presentPromotion, type CreatePromotionInput } from '../../payments/promotions.ts';
import { DateTime, Id, ShortText } from '../../payments/request-fields.ts';
import { readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';

const won = z.number().int().safe();
const Scheme = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PERCENT'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ type: z.literal('AMOUNT'), amount: won.positive() }).strict(),
]);
const Spare = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PERCENT'), percent: z.number().int().min(0).max(100) }).strict(),
  z.object({ type: z.literal('AMOUNT'), amount: won.nonnegative() }).strict(),
]);

/** The console's 프로모션 추가 form, with the OAS `CardPromotion`'s field names. */
const CreatePromotionBody = z
  .object({
    id: Id.optional(),
    name: ShortText.min(1),
    cardCompany: z.enum(PROMOTION_CARD_COMPANIES),
    discountPolicy: z.object({ partitions: z.array(z.object({ amountFrom: won.nonnegative(), scheme: Scheme }).strict()).min(1) }).strict(),
    totalBudget: won.positive(),
    maxDiscountAmount: won.positive().optional(),
    startAt: DateTime.optional(),
    endAt: DateTime,
    recoverOption: z
      .discriminatedUnion('type', [z.object({ type: z.literal('RECOVER') }).strict(), z.object({ type: z.literal('NO_RECOVER'), spareBudget: Spare.optional() }).strict()])
      .optional(),
  })
  .strict() satisfies z.ZodType<CreatePromotionInput>;

/**
 * Card promotions (프로모션) of the caller's store: PortOne's console creates, pauses and ends them
 * and has no API for it, so the sandbox does (docs/promotions.md). Answers are PortOne's
 * `CardPromotion`, as getPromotion shows it.
 */
export function promotionRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/promotions', async (c) => {
    const body = await readBody(c, CreatePromotionBody);
    const promotion = await createPromotion(c.var.services, c.var.storeId, body);
    return c.json(presentPromotion(promotion, new Date(promotion.createdAt)), 201);
  });
  app.get('/promotions', async (c) => {
    const { promotions, now } = await listPromotions(c.var.services, c.var.storeId);
    return c.json({ items: promotions.map((p) => presentPromotion(p, now)) });
  });
  for (const action of ['pause', 'resume', 'terminate'] as const) {
    app.post(`/promotions/:promotionId/${action}`, async (c) => {
      const { promotion, now } = await changePromotionState(c.var.services, c.var.storeId, idParam(c, 'promotionId'), action.toUpperCase() as 'PAUSE' | 'RESUME' | 'TERMINATE');
      return c.json(presentPromotion(promotion, now));
    });
  }
  return app;
}
