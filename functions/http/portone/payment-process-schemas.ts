import * as z from 'zod';
import type { ConfirmPaymentInput } from '../../payments/confirm-payment.ts';
import type { EscrowShipment } from '../../domain/escrow.ts';
import { Currency, Products, ShortText } from '../../payments/request-fields.ts';

const int = z.number().int().safe();
const DateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

/** confirmPayment (인증 결제 수동 승인): the window's `paymentToken` and PortOne's 검증용 check fields. */
export const ConfirmPaymentBody = z.object({
  storeId: z.string().optional(),
  paymentToken: z.string().min(1).max(500),
  txId: z.string().max(200).optional(),
  currency: Currency.optional(),
  totalAmount: int.nonnegative().optional(),
  taxFreeAmount: int.nonnegative().optional(),
  isTest: z.boolean().optional(),
  skipWebhook: z.boolean().optional(),
}) satisfies z.ZodType<ConfirmPaymentInput & { storeId?: string }>;

/** capturePayment (수동 매입): nothing but the store. */
export const CapturePaymentBody = z.object({ storeId: z.string().optional() });

/** PortOne's `PaymentLogisticsCompany` (택배사). */
const LOGISTICS_COMPANIES = [
  'LOTTE', 'LOGEN', 'DONGWON', 'POST', 'CJ', 'HANJIN', 'DAESIN', 'ILYANG', 'KYUNGDONG', 'CHUNIL', 'POST_REGISTERED', 'GS', 'WOORI', 'HAPDONG', 'FEDEX',
  'UPS', 'GSM_NTON', 'SUNGWON', 'LX_PANTOS', 'ACI', 'CJ_INTL', 'USPS', 'EMS', 'DHL', 'KGL', 'GOODSTOLUCK', 'KUNYOUNG', 'SLX', 'SF', 'ETC',
] as const;

/** PortOne's `SeparatedAddressInput`. */
const Address = z.object({
  addressLine1: ShortText,
  addressLine2: ShortText,
  city: ShortText.optional(),
  province: ShortText.optional(),
  country: ShortText.optional(),
});

const Party = { name: ShortText.optional(), phoneNumber: ShortText.optional(), zipcode: ShortText.optional(), address: Address.optional() };

/** applyEscrowLogistics and modifyEscrowLogistics take the same body (RegisterEscrowLogisticsBody, ModifyEscrowLogisticsBody). */
export const EscrowLogisticsBody = z.object({
  storeId: z.string().optional(),
  sender: z.object({ ...Party, relationship: ShortText.optional() }).optional(),
  receiver: z.object(Party).optional(),
  logistics: z.object({
    company: z.enum(LOGISTICS_COMPANIES),
    invoiceNumber: ShortText.pipe(z.string().min(1)),
    sentAt: DateTime,
    receivedAt: DateTime.optional(),
    address: Address.optional(),
  }),
  sendEmail: z.boolean().optional(),
  products: Products.optional(),
});

/** The shipment a logistics body registers, as the use case keeps it. */
export const shipmentOf = (body: z.infer<typeof EscrowLogisticsBody>): EscrowShipment => ({
  ...body.logistics,
  ...(body.sender ? { sender: body.sender } : {}),
  ...(body.receiver ? { receiver: body.receiver } : {}),
  ...(body.products ? { products: body.products } : {}),
});

/** confirmEscrow (구매 확정); `fromStore`: the merchant confirms on the buyer's behalf. */
export const ConfirmEscrowBody = z.object({ storeId: z.string().optional(), fromStore: z.boolean().optional() });
