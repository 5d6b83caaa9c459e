import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';
import { getPromotion, presentPromotion } from '../../payments/promotions.ts';

/** PortOne V2 promotion operations (SDK `payment.promotion` client). */
export function promotionRoutes() {
  const app = new Hono<AppEnv>();

  // getPromotion: the caller's own store's promotion (the operation takes no storeId)
  app.get('/promotions/:promotionId', async (c) => {
    const { promotion, now } = await getPromotion(c.var.services, c.var.storeId, idParam(c, 'promotionId'));
    return c.json(presentPromotion(promotion, now));
  });

  return app;
}
