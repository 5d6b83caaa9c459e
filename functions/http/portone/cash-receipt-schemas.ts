import * as z from '../../zod.ts';
import type { CashReceiptFilter as CashReceiptFilterInput, CashReceiptSort } from '../../cash-receipts/list-cash-receipts.ts';
import { Currency, Id, OrderName, ShortText } from '../../payments/request-fields.ts';
import { PaymentAmountInput } from './schemas.ts';

/** Request bodies of PortOne's cash receipt operations, field names exactly as its OAS. */
const CashReceiptType = z.enum(['PERSONAL', 'CORPORATE']);
const TimeField = z.enum(['ISSUED_AT', 'CANCELLED_AT', 'STATUS_UPDATED_AT']);
const DateTime = z.pipe(z.iso.datetime({ offset: true }), z.transform((v) => new Date(v).toISOString()));
const int = z.number().check(z.int());

export const IssueCashReceiptBody = z.object({
  storeId: z.optional(z.string()),
  paymentId: Id,
  channelKey: Id,
  type: CashReceiptType,
  orderName: OrderName,
  currency: Currency,
  amount: PaymentAmountInput,
  productType: z.optional(z.enum(['PHYSICAL', 'DIGITAL'])),
  customer: z.object({
    identityNumber: ShortText.check(z.minLength(1)),
    identityNumberType: z.optional(z.string()),
    name: z.optional(ShortText),
    email: z.optional(ShortText),
    phoneNumber: z.optional(ShortText),
  }),
  paidAt: z.optional(DateTime),
  businessRegistrationNumber: z.optional(ShortText),
  paymentMethod: z.optional(z.string()),
});

export const GetCashReceiptsBody = z.object({
  page: z.optional(z.object({ number: z.optional(int.check(z.nonnegative())), size: z.optional(int.check(z.minimum(1), z.maximum(1000))) })),
  sort: z.optional(z.object({ by: z.optional(TimeField), order: z.optional(z.enum(['ASC', 'DESC'])) })) satisfies z.ZodMiniType<CashReceiptSort | undefined>,
  filter: z.optional(z.object({
      storeId: z.optional(z.string()),
      timeRangeField: z.optional(TimeField),
      from: z.optional(DateTime),
      until: z.optional(DateTime),
      paymentId: z.optional(z.string()),
      isTest: z.optional(z.boolean()),
      orderName: z.optional(z.string()),
      statuses: z.optional(z.array(z.enum(['ISSUED', 'CANCELLED', 'FAILED']))),
      isManual: z.optional(z.boolean()),
      pgReceiptId: z.optional(z.string()),
      pgMerchantId: z.optional(z.string()),
      pgProviders: z.optional(z.array(z.string())),
      pgCompanies: z.optional(z.array(z.string())),
      version: z.optional(z.enum(['V1', 'V2'])),
      types: z.optional(z.array(CashReceiptType)),
    })) satisfies z.ZodMiniType<CashReceiptFilterInput | undefined>,
});
