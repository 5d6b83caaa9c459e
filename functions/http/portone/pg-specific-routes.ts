import { Hono } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { parseWith, readBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { pgCardPromotions, registerStoreReceipt, type StoreReceiptItem } from '../../payments/pg-specific.ts';
import { Currency, Id, ShortText } from '../../payments/request-fields.ts';

const won = z.number().int().safe().nonnegative();
const CardPromotionsQuery = z.object({
  channelKey: Id,
  amount: z.coerce.number().int().safe().positive(),
  cardCompany: z.string().max(50).optional(),
});
const RegisterStoreReceiptBody = z.object({
  storeId: z.string().optional(),
  items: z
    .array(
      z.object({
        storeBusinessRegistrationNumber: z.string().regex(/^\d{10}$/, 'must be a 10-digit 사업자등록번호'),
        storeName: ShortText.min(1),
        totalAmount: won.positive(),
        taxFreeAmount: won.optional(),
        vatAmount: won.optional(),
        supplyAmount: won.optional(),
        currency: Currency,
      }) satisfies z.ZodType<StoreReceiptItem>,
    )
    .min(1)
    .max(100),
});

/** PortOne V2 operations tied to one PG's own features (KCP card promotions, KG이니시스 sub-store receipts). */
export function pgSpecificRoutes() {
  const app = new Hono<AppEnv>();

  // getPgCardPromotions
  app.get('/payment-gateways/card-promotion', async (c) => {
    const query = parseWith(CardPromotionsQuery, c.req.query());
    return c.json({ promotions: await pgCardPromotions(c.var.services, c.var.storeId, query) });
  });

  // registerStoreReceipt
  app.post('/payments/:paymentId/register-store-receipt', async (c) => {
    const body = await readBody(c, RegisterStoreReceiptBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    return c.json(await registerStoreReceipt(c.var.services, storeId, idParam(c, 'paymentId'), body.items));
  });

  return app;
}
