import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody, readQueryOrBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { orderDetailsOf } from '../../domain/payment.ts';
import { createPaymentSchedule } from '../../schedules/create-schedule.ts';
import { listSchedules, loadSchedule } from '../../schedules/list-schedules.ts';
import { presentSchedule } from '../../schedules/present.ts';
import { revokeSchedules } from '../../schedules/revoke-schedules.ts';
import { assertWebhookUrls } from '../../webhooks/outbox.ts';
import { CreatePaymentScheduleBody, GetPaymentSchedulesBody, RevokePaymentSchedulesBody } from './billing-schemas.ts';

/** PortOne V2 payment-schedule operations (SDK `PaymentClient(...).paymentSchedule`). */
export function scheduleRoutes() {
  const app = new Hono<AppEnv>();

  // createPaymentSchedule
  app.post('/payments/:paymentId/schedule', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const { payment, timeToPay } = await readBody(c, CreatePaymentScheduleBody);
    const storeId = ownStoreId(c.var.storeId, payment.storeId);
    if (payment.noticeUrls) assertWebhookUrls(payment.noticeUrls, 'payment.noticeUrls', { allowLoopback: c.var.services.allowLoopbackWebhooks });
    const schedule = await createPaymentSchedule(c.var.services, {
      ...orderDetailsOf(payment),
      storeId,
      paymentId,
      billingKey: payment.billingKey,
      channelKey: payment.channelKey,
      orderName: payment.orderName,
      amount: payment.amount,
      currency: payment.currency,
      installmentMonth: payment.installmentMonth,
      promotionId: payment.promotionId,
      timeToPay,
    });
    return c.json({ schedule: { id: schedule.scheduleId } });
  });

  // getPaymentSchedule
  app.get('/payment-schedules/:paymentScheduleId', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    return c.json(presentSchedule(await loadSchedule(c.var.services, storeId, idParam(c, 'paymentScheduleId'))));
  });

  // getPaymentSchedules
  app.get('/payment-schedules', async (c) => {
    const body = await readQueryOrBody(c, GetPaymentSchedulesBody);
    const storeId = ownStoreId(c.var.storeId, body.filter?.storeId);
    const result = await listSchedules(c.var.services, storeId, body);
    return c.json({ items: result.items.map(presentSchedule), page: result.page });
  });

  // revokePaymentSchedules
  app.delete('/payment-schedules', async (c) => {
    const body = await readQueryOrBody(c, RevokePaymentSchedulesBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    return c.json(await revokeSchedules(c.var.services, storeId, body));
  });

  return app;
}
