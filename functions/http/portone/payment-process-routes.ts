import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { confirmPayment } from '../../payments/confirm-payment.ts';
import { ConfirmPaymentBody } from './payment-process-schemas.ts';

/** What follows an authentication or an approval: manual confirm (SDK names in comments). */
export function paymentProcessRoutes() {
  const app = new Hono<AppEnv>();

  // confirmPayment
  app.post('/payments/:paymentId/confirm', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const { storeId, ...input } = await readBody(c, ConfirmPaymentBody);
    return c.json(await confirmPayment(c.var.services, ownStoreId(c.var.storeId, storeId), paymentId, input));
  });

  return app;
}
