import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { capturePayment } from '../../payments/capture-payment.ts';
import { confirmPayment } from '../../payments/confirm-payment.ts';
import { applyEscrowLogistics, confirmEscrow, modifyEscrowLogistics } from '../../payments/escrow.ts';
import { CapturePaymentBody, ConfirmEscrowBody, ConfirmPaymentBody, EscrowLogisticsBody, shipmentOf } from './payment-process-schemas.ts';

/** What follows an authentication or an approval: manual confirm, manual capture, escrow (SDK names in comments). */
export function paymentProcessRoutes() {
  const app = new Hono<AppEnv>();

  // confirmPayment
  app.post('/payments/:paymentId/confirm', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const { storeId, ...input } = await readBody(c, ConfirmPaymentBody);
    return c.json(await confirmPayment(c.var.services, ownStoreId(c.var.storeId, storeId), paymentId, input));
  });

  // capturePayment: CapturePaymentResponse is an empty object
  app.post('/payments/:paymentId/capture', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, CapturePaymentBody);
    await capturePayment(c.var.services, ownStoreId(c.var.storeId, body.storeId), paymentId);
    return c.json({});
  });

  // applyEscrowLogistics
  app.post('/payments/:paymentId/escrow/logistics', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, EscrowLogisticsBody);
    return c.json(await applyEscrowLogistics(c.var.services, ownStoreId(c.var.storeId, body.storeId), paymentId, shipmentOf(body)));
  });

  // modifyEscrowLogistics
  app.patch('/payments/:paymentId/escrow/logistics', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, EscrowLogisticsBody);
    return c.json(await modifyEscrowLogistics(c.var.services, ownStoreId(c.var.storeId, body.storeId), paymentId, shipmentOf(body)));
  });

  // confirmEscrow
  app.post('/payments/:paymentId/escrow/complete', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, ConfirmEscrowBody);
    return c.json(await confirmEscrow(c.var.services, ownStoreId(c.var.storeId, body.storeId), paymentId));
  });

  return app;
}
