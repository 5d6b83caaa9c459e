import { Hono } from 'hono';
import * as z from '../../zod.ts';
import { PROMOTION_CARD_COMPANIES } from '../../domain/promotion.ts';
import { changePromotionState, createPromotion, listPromotions, presentPromotion, type CreatePromotionInput } from '../../payments/promotions.ts';
import { DateTime, Id, ShortText } from '../../payments/request-fields.ts';
import { readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';

const won = z.number().check(z.int());
const Scheme = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('PERCENT'), percent: z.number().check(z.int(), z.minimum(1), z.maximum(100)) }),
  z.strictObject({ type: z.literal('AMOUNT'), amount: won.check(z.positive()) }),
]);
const Spare = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('PERCENT'), percent: z.number().check(z.int(), z.minimum(0), z.maximum(100)) }),
  z.strictObject({ type: z.literal('AMOUNT'), amount: won.check(z.nonnegative()) }),
]);

/** The console's 프로모션 추가 form, with the OAS `CardPromotion`'s field names. */
const CreatePromotionBody = z.strictObject({
    id: z.optional(Id),
    name: ShortText.check(z.minLength(1)),
    cardCompany: z.enum(PROMOTION_CARD_COMPANIES),
    discountPolicy: z.strictObject({ partitions: z.array(z.strictObject({ amountFrom: won.check(z.nonnegative()), scheme: Scheme })).check(z.minLength(1)) }),
    totalBudget: won.check(z.positive()),
    maxDiscountAmount: z.optional(won.check(z.positive())),
    startAt: z.optional(DateTime),
    endAt: DateTime,
    recoverOption: z.optional(z.discriminatedUnion('type', [z.strictObject({ type: z.literal('RECOVER') }), z.strictObject({ type: z.literal('NO_RECOVER'), spareBudget: z.optional(Spare) })])),
  }) satisfies z.ZodMiniType<CreatePromotionInput>;

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
