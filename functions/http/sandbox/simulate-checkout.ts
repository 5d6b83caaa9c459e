import { Hono } from 'hono';
import * as z from '../../zod.ts';
import type { AppEnv } from '../env.ts';
import { readBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { Bank, Currency, CUSTOMER_SIZE_MESSAGE, CustomData, Id, NoticeUrls, OrderName, PaymentTotal, ValidHours, customerSizeOk } from '../../payments/request-fields.ts';
import { PortOneError } from '../../domain/errors.ts';
import { approvePayment, type ApproveMethod } from '../../payments/approve.ts';

const Body = z.object({
  channelKey: Id,
  orderName: OrderName,
  totalAmount: PaymentTotal,
  taxFreeAmount: z.optional(z.number().check(z.int(), z.nonnegative())),
  currency: z._default(Currency, 'KRW'),
  payMethod: z.enum(['CARD', 'VIRTUAL_ACCOUNT', 'EASY_PAY']),
  card: z.optional(z.object({ number: z.string().check(z.minLength(1)), expiryYear: z._default(z.string(), '30'), expiryMonth: z._default(z.string(), '12') })),
  easyPayProvider: z.optional(z.string().check(z.maxLength(40))),
  bank: z.optional(Bank),
  validHours: z.optional(ValidHours),
  noticeUrls: z.optional(NoticeUrls),
  customData: z.optional(CustomData),
  customer: z.optional(z.record(z.string(), z.unknown()).check(z.refine(customerSizeOk, CUSTOMER_SIZE_MESSAGE))),
});

/**
 * Completes a checkout without a browser, as if the customer had chosen this in the PG's window:
 * the way a merchant's test suite reaches what payInstantly cannot (easy pay through a general
 * PG, 허브형). Answers like the browser SDK: 200 with `code`/`pgCode` on failure, not an HTTP error.
 */
export function simulateCheckoutRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/payments/:paymentId/checkout', async (c) => {
    const paymentId = idParam(c, 'paymentId');
    const body = await readBody(c, Body);
    let method: ApproveMethod;
    if (body.payMethod === 'CARD') {
      if (!body.card) throw new PortOneError('INVALID_REQUEST', 'card: required when payMethod is CARD');
      method = { kind: 'CARD', credential: body.card };
    } else if (body.payMethod === 'EASY_PAY') {
      if (!body.easyPayProvider) throw new PortOneError('INVALID_REQUEST', 'easyPayProvider: required when payMethod is EASY_PAY');
      method = { kind: 'EASY_PAY', provider: body.easyPayProvider };
    } else {
      if (!body.bank) throw new PortOneError('INVALID_REQUEST', 'bank: required when payMethod is VIRTUAL_ACCOUNT');
      method = { kind: 'VIRTUAL_ACCOUNT', bank: body.bank, validHours: body.validHours };
    }
    try {
      const payment = await approvePayment(c.var.services, {
        storeId: c.var.storeId,
        paymentId,
        channelKey: body.channelKey,
        orderName: body.orderName,
        amount: { total: body.totalAmount, taxFree: body.taxFreeAmount },
        currency: body.currency,
        method,
        customer: body.customer,
        customData: body.customData,
        noticeUrls: body.noticeUrls,
        origin: { platformType: 'PC', ipAddress: '127.0.0.1', userAgent: c.req.header('user-agent') },
      });
      return c.json({ transactionType: 'PAYMENT', paymentId, txId: payment.transactionId });
    } catch (err) {
      if (err instanceof PortOneError && err.type === 'PG_PROVIDER') {
        const failed = await c.var.services.repo.getPayment(c.var.storeId, paymentId);
        return c.json({
          transactionType: 'PAYMENT',
          paymentId,
          txId: failed?.transactionId,
          code: 'FAILURE_TYPE_PG',
          message: `[${err.pgCode}] ${err.pgMessage}`,
          pgCode: err.pgCode,
          pgMessage: err.pgMessage,
        });
      }
      throw err;
    }
  });
  return app;
}
