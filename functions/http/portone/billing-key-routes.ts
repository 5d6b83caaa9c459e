import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody, readQueryOrBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { invalidRequest } from '../../domain/errors.ts';
import { orderDetailsOf } from '../../domain/payment.ts';
import { deleteBillingKey } from '../../billing/delete-billing-key.ts';
import { issueBillingKey } from '../../billing/issue-billing-key.ts';
import { listBillingKeys } from '../../billing/list-billing-keys.ts';
import { loadBillingKey } from '../../billing/load-billing-key.ts';
import { payWithBillingKey } from '../../billing/pay-with-billing-key.ts';
import { presentBillingKey } from '../../billing/present.ts';
import { assertWebhookUrls } from '../../webhooks/outbox.ts';
import { confirmBillingKey, confirmBillingKeyIssueAndPay } from '../../billing/confirm-billing-key.ts';
import { BillingKeyPaymentBody, ConfirmBillingKeyBody, ConfirmBillingKeyIssueAndPayBody, GetBillingKeyInfosBody, IssueBillingKeyBody } from './billing-schemas.ts';

/** PortOne V2 billing-key operations (SDK `PaymentClient(...).billingKey` and payWithBillingKey). */
export function billingKeyRoutes() {
  const app = new Hono<AppEnv>();

  // issueBillingKey
  app.post('/billing-keys', async (c) => {
    const body = await readBody(c, IssueBillingKeyBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    if (!body.channelKey) throw invalidRequest('channelKey: required (channel groups are not simulated)');
    if (!body.method.card) throw invalidRequest('method.card: required (the API issues billing keys from card credentials)');
    if (body.noticeUrls) assertWebhookUrls(body.noticeUrls, 'noticeUrls', { allowLoopback: c.var.services.allowLoopbackWebhooks });
    const key = await issueBillingKey(c.var.services, {
      storeId,
      channelKey: body.channelKey,
      card: body.method.card.credential,
      customer: body.customer,
      customData: body.customData,
      noticeUrls: body.noticeUrls,
      skipWebhook: body.skipWebhook,
      platformType: 'API',
    });
    return c.json({ billingKeyInfo: { billingKey: key.billingKey, channels: [key.channel], issuedAt: key.issuedAt } });
  });

  // confirmBillingKey / confirmBillingKeyIssueAndPay: manual confirm (수동 승인) of a browser issuance
  app.post('/billing-keys/confirm', async (c) => {
    const body = await readBody(c, ConfirmBillingKeyBody);
    return c.json(await confirmBillingKey(c.var.services, ownStoreId(c.var.storeId, body.storeId), body));
  });
  app.post('/billing-keys/confirm-issue-and-pay', async (c) => {
    const body = await readBody(c, ConfirmBillingKeyIssueAndPayBody);
    return c.json(await confirmBillingKeyIssueAndPay(c.var.services, ownStoreId(c.var.storeId, body.storeId), body));
  });

  // getBillingKeyInfos
  app.get('/billing-keys', async (c) => {
    const body = await readQueryOrBody(c, GetBillingKeyInfosBody);
    const storeId = ownStoreId(c.var.storeId, body.filter?.storeId);
    const result = await listBillingKeys(c.var.services, storeId, body);
    return c.json({ items: result.items.map(presentBillingKey), page: result.page });
  });

  // getBillingKeyInfo
  app.get('/billing-keys/:billingKey', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    return c.json(presentBillingKey(await loadBillingKey(c.var.services, storeId, idParam(c, 'billingKey'))));
  });

  // deleteBillingKey: reason, requester and skipWebhook come as query parameters (OAS)
  app.delete('/billing-keys/:billingKey', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    const requester = c.req.query('requester');
    if (requester !== undefined && requester !== 'CUSTOMER' && requester !== 'ADMIN') throw invalidRequest('requester: CUSTOMER or ADMIN');
    const skip = c.req.query('skipWebhook');
    if (skip !== undefined && skip !== 'true' && skip !== 'false') throw invalidRequest('skipWebhook: true or false');
    const key = await deleteBillingKey(c.var.services, storeId, idParam(c, 'billingKey'), {
      reason: c.req.query('reason'),
      requester,
      skipWebhook: skip === 'true',
    });
    return c.json({ deletedAt: key.deletedAt });
  });

  // payWithBillingKey
  app.post('/payments/:paymentId/billing-key', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, BillingKeyPaymentBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    if (body.noticeUrls) assertWebhookUrls(body.noticeUrls, 'noticeUrls', { allowLoopback: c.var.services.allowLoopbackWebhooks });
    const payment = await payWithBillingKey(c.var.services, {
      ...orderDetailsOf(body),
      storeId,
      paymentId,
      billingKey: body.billingKey,
      channelKey: body.channelKey,
      orderName: body.orderName,
      amount: body.amount,
      currency: body.currency,
      installmentMonth: body.installmentMonth,
      promotionId: body.promotionId,
      origin: { platformType: 'API', ipAddress: c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || '127.0.0.1' },
    });
    return c.json({ payment: { pgTxId: payment.pgTxId, paidAt: payment.paidAt } });
  });

  return app;
}
