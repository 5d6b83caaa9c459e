import * as z from 'zod';
import type { CashReceiptFilter as CashReceiptFilterInput, CashReceiptSort } from '../../cash-receipts/list-cash-receipts.ts';
import { Currency, Id, OrderName, ShortText } from '../../payments/request-fields.ts';
import { PaymentAmountInput } from './schemas.ts';

/** Request bodies of PortOne's cash receipt operations, field names exactly as its OAS. */
const CashReceiptType = z.enum(['PERSONAL', 'CORPORATE']);
const TimeField = z.enum(['ISSUED_AT', 'CANCELLED_AT', 'STATUS_UPDATED_AT']);
const DateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
const int = z.number().int().safe();

export const IssueCashReceiptBody = z.object({
  storeId: z.string().optional(),
  paymentId: Id,
  channelKey: Id,
  type: CashReceiptType,
  orderName: OrderName,
  currency: Currency,
  amount: PaymentAmountInput,
  productType: z.enum(['PHYSICAL', 'DIGITAL']).optional(),
  customer: z.object({
    identityNumber: ShortText.min(1),
    identityNumberType: z.string().optional(),
    name: ShortText.optional(),
    email: ShortText.optional(),
    phoneNumber: ShortText.optional(),
  }),
  paidAt: DateTime.optional(),
  businessRegistrationNumber: ShortText.optional(),
  paymentMethod: z.string().optional(),
});

export const GetCashReceiptsBody = z.object({
  page: z.object({ number: int.nonnegative().optional(), size: int.min(1).max(1000).optional() }).optional(),
  sort: z.object({ by: TimeField.optional(), order: z.enum(['ASC', 'DESC']).optional() }).optional() satisfies z.ZodType<CashReceiptSort | undefined>,
  filter: z
    .object({
      storeId: z.string().optional(),
      timeRangeField: TimeField.optional(),
      from: DateTime.optional(),
      until: DateTime.optional(),
      paymentId: z.string().optional(),
      isTest: z.boolean().optional(),
      orderName: z.string().optional(),
      statuses: z.array(z.enum(['ISSUED', 'CANCELLED', 'FAILED'])).optional(),
      isManual: z.boolean().optional(),
      pgReceiptId: z.string().optional(),
      pgMerchantId: z.string().optional(),
      pgProviders: z.array(z.string()).optional(),
      pgCompanies: z.array(z.string()).optional(),
      version: z.enum(['V1', 'V2']).optional(),
      types: z.array(CashReceiptType).optional(),
    })
    .optional() satisfies z.ZodType<CashReceiptFilterInput | undefined>,
});
