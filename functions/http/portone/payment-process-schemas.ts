import * as z from '../../zod.ts';
import type { ConfirmPaymentInput } from '../../payments/confirm-payment.ts';
import type { EscrowShipment } from '../../domain/escrow.ts';
import { Currency, Products, ShortText } from '../../payments/request-fields.ts';

const int = z.number().check(z.int());
const DateTime = z.pipe(z.iso.datetime({ offset: true }), z.transform((v) => new Date(v).toISOString()));

/** confirmPayment (인증 결제 수동 승인): the window's `paymentToken` and PortOne's 검증용 check fields. */
export const ConfirmPaymentBody = z.object({
  storeId: z.optional(z.string()),
  paymentToken: z.string().check(z.minLength(1), z.maxLength(500)),
  txId: z.optional(z.string().check(z.maxLength(200))),
  currency: z.optional(Currency),
  totalAmount: z.optional(int.check(z.nonnegative())),
  taxFreeAmount: z.optional(int.check(z.nonnegative())),
  isTest: z.optional(z.boolean()),
  skipWebhook: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<ConfirmPaymentInput & { storeId?: string }>;

/** capturePayment (수동 매입): nothing but the store. */
export const CapturePaymentBody = z.object({ storeId: z.optional(z.string()) });

/** PortOne's `PaymentLogisticsCompany` (택배사). */
const LOGISTICS_COMPANIES = [
  'LOTTE', 'LOGEN', 'DONGWON', 'POST', 'CJ', 'HANJIN', 'DAESIN', 'ILYANG', 'KYUNGDONG', 'CHUNIL', 'POST_REGISTERED', 'GS', 'WOORI', 'HAPDONG', 'FEDEX',
  'UPS', 'GSM_NTON', 'SUNGWON', 'LX_PANTOS', 'ACI', 'CJ_INTL', 'USPS', 'EMS', 'DHL', 'KGL', 'GOODSTOLUCK', 'KUNYOUNG', 'SLX', 'SF', 'ETC',
] as const;

/** PortOne's `SeparatedAddressInput`. */
const Address = z.object({
  addressLine1: ShortText,
  addressLine2: ShortText,
  city: z.optional(ShortText),
  province: z.optional(ShortText),
  country: z.optional(ShortText),
});

const Party = { name: z.optional(ShortText), phoneNumber: z.optional(ShortText), zipcode: z.optional(ShortText), address: z.optional(Address) };

/** applyEscrowLogistics and modifyEscrowLogistics take the same body (RegisterEscrowLogisticsBody, ModifyEscrowLogisticsBody). */
export const EscrowLogisticsBody = z.object({
  storeId: z.optional(z.string()),
  sender: z.optional(z.object({ ...Party, relationship: z.optional(ShortText) })),
  receiver: z.optional(z.object(Party)),
  logistics: z.object({
    company: z.enum(LOGISTICS_COMPANIES),
    invoiceNumber: z.pipe(ShortText, z.string().check(z.minLength(1))),
    sentAt: DateTime,
    receivedAt: z.optional(DateTime),
    address: z.optional(Address),
  }),
  sendEmail: z.optional(z.boolean()),
  products: z.optional(Products),
});

/** The shipment a logistics body registers, as the use case keeps it. */
export const shipmentOf = (body: z.infer<typeof EscrowLogisticsBody>): EscrowShipment => ({
  ...body.logistics,
  ...(body.sender ? { sender: body.sender } : {}),
  ...(body.receiver ? { receiver: body.receiver } : {}),
  ...(body.products ? { products: body.products } : {}),
});

/** confirmEscrow (구매 확정); `fromStore`: the merchant confirms on the buyer's behalf. */
export const ConfirmEscrowBody = z.object({ storeId: z.optional(z.string()), fromStore: z.optional(z.boolean()) });
