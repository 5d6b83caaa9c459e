import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody, readQueryOrBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { invalidRequest } from '../../domain/errors.ts';
import { orderDetailsOf } from '../../domain/payment.ts';
import { cashReceiptRequestOf } from '../../domain/cash-receipt.ts';
import { loadPaymentWithWebhooks } from '../../payments/get-payment.ts';
import { noteApiRead } from '../../probe/probe-payments.ts';
import { presentCancellation, presentPayment, presentPaymentEvent, presentTransactions } from '../../payments/present.ts';
import { approvePayment, type ApproveMethod } from '../../payments/approve.ts';
import { cancelPayment } from '../../payments/cancel-payment.ts';
import { stopPaymentCancellation } from '../../payments/stop-cancellation.ts';
import { listPayments, listPaymentsByCursor } from '../../payments/list-payments.ts';
import { listPaymentEventsByCursor } from '../../payments/list-payment-events.ts';
import { preRegisterPayment } from '../../payments/pre-register.ts';
import { closeVirtualAccount } from '../../payments/virtual-account.ts';
import { storeNow } from '../../stores/clock.ts';
import { loadStore } from '../../stores/load-store.ts';
import { assertWebhookUrls } from '../../webhooks/outbox.ts';
import {
  CancelPaymentBody,
  CloseVirtualAccountBody,
  GetPaymentsBody,
  GetPaymentEventsByCursorBody,
  GetPaymentsByCursorBody,
  InstantPaymentBody,
  PreRegisterBody,
  StopPaymentCancellationBody,
} from './schemas.ts';

/** PortOne V2 payment operations (SDK names in comments). */
export function paymentRoutes() {
  const app = new Hono<AppEnv>();

  // getPayment
  app.get('/payments/:paymentId', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    const payment = await loadPaymentWithWebhooks(c.var.services, storeId, idParam(c, 'paymentId'));
    await noteApiRead(c.var.services, storeId, payment.paymentId);
    return c.json(presentPayment(payment));
  });

  // getPayments
  app.get('/payments', async (c) => {
    const body = await readQueryOrBody(c, GetPaymentsBody);
    const storeId = ownStoreId(c.var.storeId, body.filter?.storeId);
    const result = await listPayments(c.var.services, storeId, body.page, body.filter);
    return c.json({ items: result.items.map(presentPayment), page: result.page });
  });

  // getAllPaymentsByCursor
  app.get('/payments-by-cursor', async (c) => {
    const body = await readQueryOrBody(c, GetPaymentsByCursorBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    const store = await loadStore(c.var.services, storeId);
    const items = await listPaymentsByCursor(c.var.services, storeId, storeNow(c.var.services, store), body);
    return c.json({ items: items.map((i) => ({ payment: presentPayment(i.payment), cursor: i.cursor })) });
  });

  // getPaymentTransactions: every attempt on the paymentId
  app.get('/payments/:paymentId/transactions', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    const payment = await loadPaymentWithWebhooks(c.var.services, storeId, idParam(c, 'paymentId'));
    return c.json({ items: presentTransactions(payment) });
  });

  // getAllPaymentEventsByCursor
  app.get('/payment-events-by-cursor', async (c) => {
    const body = await readQueryOrBody(c, GetPaymentEventsByCursorBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    const store = await loadStore(c.var.services, storeId);
    const items = await listPaymentEventsByCursor(c.var.services, storeId, storeNow(c.var.services, store), body);
    return c.json({ items: items.map((i) => ({ paymentEvent: presentPaymentEvent(i.event), cursor: i.cursor })) });
  });

  // payInstantly: card credentials, or virtual-account issuance
  app.post('/payments/:paymentId/instant', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, InstantPaymentBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    if (!body.channelKey) throw invalidRequest('channelKey: required (channel groups are not simulated)');
    if (body.noticeUrls) assertWebhookUrls(body.noticeUrls, 'noticeUrls', { allowLoopback: c.var.services.allowLoopbackWebhooks });
    const m = body.method;
    const method: ApproveMethod = m.card
      ? { kind: 'CARD', credential: m.card.credential, installmentMonth: m.card.installmentMonth, useFreeInstallmentPlan: m.card.useFreeInstallmentPlan }
      : {
          kind: 'VIRTUAL_ACCOUNT',
          bank: m.virtualAccount!.bank,
          validHours: m.virtualAccount!.expiry.validHours,
          dueDate: m.virtualAccount!.expiry.dueDate,
          remitteeName: m.virtualAccount!.remitteeName,
          accountType: m.virtualAccount!.option.type,
          cashReceipt: cashReceiptRequestOf(m.virtualAccount!.cashReceipt?.type, m.virtualAccount!.cashReceipt?.customerIdentityNumber),
        };
    const payment = await approvePayment(c.var.services, {
      ...orderDetailsOf(body),
      storeId,
      paymentId,
      channelKey: body.channelKey,
      orderName: body.orderName,
      amount: body.amount,
      currency: body.currency,
      method,
      promotionId: body.promotionId,
      origin: { platformType: 'API', ipAddress: clientIp(c.req.header('x-forwarded-for')) },
    });
    // OAS: paidAt is the issuance time for virtual accounts.
    return c.json({ payment: { pgTxId: payment.pgTxId, paidAt: payment.paidAt ?? payment.updatedAt } });
  });

  // cancelPayment
  app.post('/payments/:paymentId/cancel', async (c) => {
    const body = await readBody(c, CancelPaymentBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    // A fault rule may have asked for the PG to answer later (http/faults.ts).
    const cancellation = await cancelPayment(c.var.services, storeId, idParam(c, 'paymentId'), { ...body, async: c.var.asyncCancel });
    return c.json({ cancellation: presentCancellation(cancellation) });
  });

  // stopPaymentCancellation: withdraw a cancel the PG has not answered yet
  app.post('/payments/:paymentId/cancellations/:cancellationId/stop', async (c) => {
    const body = await readBody(c, StopPaymentCancellationBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    return c.json(await stopPaymentCancellation(c.var.services, storeId, idParam(c, 'paymentId'), idParam(c, 'cancellationId')));
  });

  // preRegisterPayment
  app.post('/payments/:paymentId/pre-register', async (c) => {
    const body = await readBody(c, PreRegisterBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    await preRegisterPayment(c.var.services, storeId, idParam(c, 'paymentId'), body);
    return c.json({});
  });

  // closeVirtualAccount
  app.post('/payments/:paymentId/virtual-account/close', async (c) => {
    const body = await readBody(c, CloseVirtualAccountBody);
    const storeId = ownStoreId(c.var.storeId, (body.storeId as string | undefined) ?? c.req.query('storeId'));
    return c.json(await closeVirtualAccount(c.var.services, storeId, idParam(c, 'paymentId')));
  });

  return app;
}

const clientIp = (forwarded: string | undefined) => forwarded?.split(',')[0]?.trim() || '127.0.0.1';
