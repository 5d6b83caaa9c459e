import { Hono } from 'hono';
import * as z from '../../zod.ts';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { parseWith, readBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { pgCardPromotions, registerStoreReceipt, type StoreReceiptItem } from '../../payments/pg-specific.ts';
import { Currency, DateTime, Id, ShortText, Url } from '../../payments/request-fields.ts';
import { kakaopayOrder } from '../../payments/kakaopay-order.ts';
import { confirmPaymentwallDelivery } from '../../payments/paymentwall-delivery.ts';
import type { PaymentwallDelivery } from '../../domain/paymentwall-delivery.ts';

const won = z.number().check(z.int(), z.nonnegative());
const CardPromotionsQuery = z.object({
  channelKey: Id,
  amount: z.coerce.number().check(z.int(), z.positive()),
  cardCompany: z.optional(z.string().check(z.maxLength(50))),
});
const RegisterStoreReceiptBody = z.object({
  storeId: z.optional(z.string()),
  items: z.array(
      z.object({
        storeBusinessRegistrationNumber: z.string().check(z.regex(/^\d{10}$/, 'must be a 10-digit 사업자등록번호')),
        storeName: ShortText.check(z.minLength(1)),
        totalAmount: won.check(z.positive()),
        taxFreeAmount: z.optional(won),
        vatAmount: z.optional(won),
        supplyAmount: z.optional(won),
        currency: Currency,
      }) satisfies z.ZodMiniType<StoreReceiptItem>,
    ).check(z.minLength(1), z.maxLength(100)),
});

const KakaopayOrderQuery = z.object({ pgTxId: Id, channelKey: Id });
/** Paymentwall's delivery details; the sizes are the sandbox's bounds (the OAS gives none). */
const ConfirmPaymentwallDeliveryBody = z.object({
  transactionId: Id,
  deliveryType: z.enum(['DIGITAL', 'PHYSICAL']),
  deliveryStatus: z.enum(['ORDER_PLACED', 'ORDER_SHIPPED', 'DELIVERED']),
  estimatedDeliveryDatetime: DateTime,
  estimatedUpdateDatetime: DateTime,
  reason: z.optional(ShortText),
  refundable: z.boolean(),
  details: ShortText,
  shippingAddressEmail: ShortText,
  carrierTrackingId: z.optional(ShortText),
  carrierType: z.optional(ShortText),
  shippingAddressCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a PortOne Country code (ISO 3166-1 alpha-2) such as KR'))),
  shippingAddressCity: z.optional(ShortText),
  shippingAddressZip: z.optional(ShortText),
  shippingAddressState: z.optional(ShortText),
  shippingAddressStreet: z.optional(ShortText),
  shippingAddressPhone: z.optional(ShortText),
  shippingAddressFirstname: z.optional(ShortText),
  shippingAddressLastname: z.optional(ShortText),
  attachments: z.optional(z.array(Url).check(z.maxLength(10))),
}) satisfies z.ZodMiniType<PaymentwallDelivery>;

/**
 * PortOne V2 operations tied to one PG's own features (KCP card promotions, KG이니시스 sub-store
 * receipts, KakaoPay's order inquiry, Paymentwall's delivery registration).
 */
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

  // getKakaopayPaymentOrder
  app.get('/kakaopay/payment/order', async (c) => c.json(await kakaopayOrder(c.var.services, c.var.storeId, parseWith(KakaopayOrderQuery, c.req.query()))));

  // confirmPaymentwallDelivery
  app.post('/paymentwall/delivery/confirm', async (c) => c.json(await confirmPaymentwallDelivery(c.var.services, c.var.storeId, await readBody(c, ConfirmPaymentwallDeliveryBody))));

  return app;
}
