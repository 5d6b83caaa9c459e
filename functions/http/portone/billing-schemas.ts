import * as z from 'zod';
import type { BillingKeyFilter, BillingKeySort } from '../../billing/list-billing-keys.ts';
import type { ScheduleFilter, ScheduleSort } from '../../schedules/list-schedules.ts';
import { Currency, CustomData, DateTime, Id, NoticeUrls, OrderName } from '../../payments/request-fields.ts';
import { CardCredential, CustomerInput, PaymentAmountInput, orderExtraFields } from './schemas.ts';

/** Request bodies of PortOne's billing-key and payment-schedule operations, field names as in the OAS. */
const int = z.number().int().safe();
const Page = z.object({ number: int.nonnegative().optional(), size: int.min(1).max(1000).optional() }).optional();
const SortOrder = z.enum(['DESC', 'ASC']).optional();

export const IssueBillingKeyBody = z.object({
  storeId: z.string().optional(),
  method: z.object({ card: z.object({ credential: CardCredential }).optional() }),
  channelKey: Id.optional(),
  channelGroupId: z.string().optional(),
  customer: CustomerInput.optional(),
  customData: CustomData.optional(),
  bypass: z.unknown().optional(),
  noticeUrls: NoticeUrls.optional(),
  skipWebhook: z.boolean().optional(),
});

const TIME_FIELDS = ['REQUESTED_AT', 'ISSUED_AT', 'DELETED_AT', 'STATUS_TIMESTAMP'] as const;

export const GetBillingKeyInfosBody = z.object({
  page: Page,
  sort: z.object({ by: z.enum(TIME_FIELDS).optional(), order: SortOrder }).optional() satisfies z.ZodType<BillingKeySort | undefined>,
  filter: z
    .object({
      storeId: z.string().optional(),
      timeRangeField: z.enum(TIME_FIELDS).optional(),
      from: DateTime.optional(),
      until: DateTime.optional(),
      status: z.array(z.enum(['ISSUED', 'DELETED'])).optional(),
      customerId: z.string().optional(),
      platformType: z.string().optional(),
      pgProviders: z.array(z.string()).optional(),
      pgCompanies: z.array(z.string()).optional(),
      methods: z.array(z.enum(['CARD', 'MOBILE', 'EASY_PAY', 'TRANSFER'])).optional(),
      channelGroupIds: z.array(z.string()).optional(),
      version: z.enum(['V1', 'V2']).optional(),
      textSearch: z.object({ field: z.string(), value: z.string() }).optional(),
    })
    .loose()
    .optional() satisfies z.ZodType<BillingKeyFilter | undefined>,
});

/** PortOne's `BillingKeyPaymentInput`: payWithBillingKey's body and a schedule's `payment`. */
export const BillingKeyPaymentBody = z.object({
  storeId: z.string().optional(),
  billingKey: Id,
  channelKey: Id.optional(),
  orderName: OrderName,
  customer: CustomerInput.optional(),
  customData: CustomData.optional(),
  amount: PaymentAmountInput,
  currency: Currency,
  installmentMonth: int.min(0).max(36).optional(),
  useFreeInterestFromMerchant: z.boolean().optional(),
  useCardPoint: z.boolean().optional(),
  cashReceipt: z.unknown().optional(),
  ...orderExtraFields,
  locale: z.string().optional(),
  bypass: z.unknown().optional(),
  skipWebhook: z.boolean().optional(),
});

/** confirmBillingKey: the window's `billingIssueToken`; `isTest` is a check (every sandbox key is a test one). */
export const ConfirmBillingKeyBody = z.object({
  storeId: z.string().optional(),
  billingIssueToken: z.string().min(1).max(500),
  isTest: z.boolean().optional(),
  skipWebhook: z.boolean().optional(),
});

/** confirmBillingKeyIssueAndPay: the token and check parameters the first payment must match. */
export const ConfirmBillingKeyIssueAndPayBody = ConfirmBillingKeyBody.extend({
  paymentId: z.string().optional(),
  currency: Currency.optional(),
  totalAmount: int.nonnegative().optional(),
  taxFreeAmount: int.nonnegative().optional(),
});

export const CreatePaymentScheduleBody = z.object({ payment: BillingKeyPaymentBody, timeToPay: DateTime });

export const GetPaymentSchedulesBody = z.object({
  page: Page,
  sort: z.object({ by: z.enum(['CREATED_AT', 'TIME_TO_PAY', 'COMPLETED_AT', 'STATUS_TIMESTAMP']).optional(), order: SortOrder }).optional() satisfies z.ZodType<
    ScheduleSort | undefined
  >,
  filter: z
    .object({
      storeId: z.string().optional(),
      billingKey: z.string().optional(),
      from: DateTime.optional(),
      until: DateTime.optional(),
      status: z.array(z.enum(['SCHEDULED', 'STARTED', 'SUCCEEDED', 'FAILED', 'REVOKED', 'PENDING'])).optional(),
      isForTest: z.boolean().optional(),
    })
    .loose()
    .optional() satisfies z.ZodType<ScheduleFilter | undefined>,
});

export const RevokePaymentSchedulesBody = z.object({
  storeId: z.string().optional(),
  billingKey: z.string().optional(),
  scheduleIds: z.array(Id).max(1000).optional(),
});

