import * as z from '../../zod.ts';
import type { BillingKeyFilter, BillingKeySort } from '../../billing/list-billing-keys.ts';
import type { ScheduleFilter, ScheduleSort } from '../../schedules/list-schedules.ts';
import { Currency, CustomData, DateTime, Id, NoticeUrls, OrderName } from '../../payments/request-fields.ts';
import { CardCredential, CustomerInput, PaymentAmountInput, orderExtraFields } from './schemas.ts';

/** Request bodies of PortOne's billing-key and payment-schedule operations, field names as in the OAS. */
const int = z.number().check(z.int());
const Page = z.optional(z.object({ number: z.optional(int.check(z.nonnegative())), size: z.optional(int.check(z.minimum(1), z.maximum(1000))) }));
const SortOrder = z.optional(z.enum(['DESC', 'ASC']));

export const IssueBillingKeyBody = z.object({
  storeId: z.optional(z.string()),
  method: z.object({ card: z.optional(z.object({ credential: CardCredential })) }),
  channelKey: z.optional(Id),
  channelGroupId: z.optional(z.string()),
  customer: z.optional(CustomerInput),
  customData: z.optional(CustomData),
  bypass: z.optional(z.unknown()),
  noticeUrls: z.optional(NoticeUrls),
  skipWebhook: z.optional(z.boolean()),
});

const TIME_FIELDS = ['REQUESTED_AT', 'ISSUED_AT', 'DELETED_AT', 'STATUS_TIMESTAMP'] as const;

export const GetBillingKeyInfosBody = z.object({
  page: Page,
  sort: z.optional(z.object({ by: z.optional(z.enum(TIME_FIELDS)), order: SortOrder })) satisfies z.ZodMiniType<BillingKeySort | undefined>,
  filter: z.optional(z.looseObject({
      storeId: z.optional(z.string()),
      timeRangeField: z.optional(z.enum(TIME_FIELDS)),
      from: z.optional(DateTime),
      until: z.optional(DateTime),
      status: z.optional(z.array(z.enum(['ISSUED', 'DELETED']))),
      customerId: z.optional(z.string()),
      platformType: z.optional(z.string()),
      pgProviders: z.optional(z.array(z.string())),
      pgCompanies: z.optional(z.array(z.string())),
      methods: z.optional(z.array(z.enum(['CARD', 'MOBILE', 'EASY_PAY', 'TRANSFER']))),
      channelGroupIds: z.optional(z.array(z.string())),
      version: z.optional(z.enum(['V1', 'V2'])),
      textSearch: z.optional(z.object({ field: z.string(), value: z.string() })),
    })) satisfies z.ZodMiniType<BillingKeyFilter | undefined>,
});

/** PortOne's `BillingKeyPaymentInput`: payWithBillingKey's body and a schedule's `payment`. */
export const BillingKeyPaymentBody = z.object({
  storeId: z.optional(z.string()),
  billingKey: Id,
  channelKey: z.optional(Id),
  orderName: OrderName,
  customer: z.optional(CustomerInput),
  customData: z.optional(CustomData),
  amount: PaymentAmountInput,
  currency: Currency,
  installmentMonth: z.optional(int.check(z.minimum(0), z.maximum(36))),
  useFreeInterestFromMerchant: z.optional(z.boolean()),
  useCardPoint: z.optional(z.boolean()),
  cashReceipt: z.optional(z.unknown()),
  ...orderExtraFields,
  locale: z.optional(z.string()),
  bypass: z.optional(z.unknown()),
  skipWebhook: z.optional(z.boolean()),
});

/** confirmBillingKey: the window's `billingIssueToken`; `isTest` is a check (every sandbox key is a test one). */
export const ConfirmBillingKeyBody = z.object({
  storeId: z.optional(z.string()),
  billingIssueToken: z.string().check(z.minLength(1), z.maxLength(500)),
  isTest: z.optional(z.boolean()),
  skipWebhook: z.optional(z.boolean()),
});

/** confirmBillingKeyIssueAndPay: the token and check parameters the first payment must match. */
export const ConfirmBillingKeyIssueAndPayBody = z.extend(ConfirmBillingKeyBody, {
  paymentId: z.optional(z.string()),
  currency: z.optional(Currency),
  totalAmount: z.optional(int.check(z.nonnegative())),
  taxFreeAmount: z.optional(int.check(z.nonnegative())),
});

export const CreatePaymentScheduleBody = z.object({ payment: BillingKeyPaymentBody, timeToPay: DateTime });

export const GetPaymentSchedulesBody = z.object({
  page: Page,
  sort: z.optional(z.object({ by: z.optional(z.enum(['CREATED_AT', 'TIME_TO_PAY', 'COMPLETED_AT', 'STATUS_TIMESTAMP'])), order: SortOrder })) satisfies z.ZodMiniType<
    ScheduleSort | undefined
  >,
  filter: z.optional(z.looseObject({
      storeId: z.optional(z.string()),
      billingKey: z.optional(z.string()),
      from: z.optional(DateTime),
      until: z.optional(DateTime),
      status: z.optional(z.array(z.enum(['SCHEDULED', 'STARTED', 'SUCCEEDED', 'FAILED', 'REVOKED', 'PENDING']))),
      isForTest: z.optional(z.boolean()),
    })) satisfies z.ZodMiniType<ScheduleFilter | undefined>,
});

export const RevokePaymentSchedulesBody = z.object({
  storeId: z.optional(z.string()),
  billingKey: z.optional(z.string()),
  scheduleIds: z.optional(z.array(Id).check(z.maxLength(1000))),
});

