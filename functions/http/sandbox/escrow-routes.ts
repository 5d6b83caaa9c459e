import { Hono } from 'hono';
import * as z from '../../zod.ts';
import { confirmBuyerRejection, decideAsBuyer } from '../../payments/escrow.ts';
import { readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';

const BuyerDecisionBody = z.strictObject({ decision: z.enum(['CONFIRM', 'REJECT']) });

/**
 * The buyer's side of an escrow payment (docs/payment-operations.md), which happens in the PG's
 * window and admin, not through PortOne's API: 구매 확정 / 구매 거절, and the merchant's 구매 거절
 * 확정. PortOne's side follows (the payment's `escrow`).
 */
export function escrowRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/payments/:paymentId/escrow/buyer-decision', async (c) => {
    const body = await readBody(c, BuyerDecisionBody);
    return c.json(await decideAsBuyer(c.var.services, c.var.storeId, idParam(c, 'paymentId'), body.decision));
  });
  app.post('/payments/:paymentId/escrow/rejection/confirm', async (c) => c.json(await confirmBuyerRejection(c.var.services, c.var.storeId, idParam(c, 'paymentId'))));
  return app;
}
