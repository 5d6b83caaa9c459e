import * as z from 'zod';
import type { PaymentFilter as PaymentFilterInput } from '../../payments/list-payments.ts';
import { Bank, CancelReason, Currency, CUSTOMER_SIZE_MESSAGE, CustomData, DateTime, Id, NoticeUrls, OrderName, PaymentTotal, Products, ShortText, ValidHours, customerSizeOk } from '../../payments/request-fields.ts';

/**
 * Request bodies of the PortOne operations we implement, field names exactly as PortOne's OAS.
 * Unknown fields are ignored (PortOne adds fields over time); wrong types are 400s naming the field.
 */
const int = z.number().int().safe();
const nonNegative = int.nonnegative();

export const CustomerInput = z
  .object({
    id: z.string().optional(),
    name: z.object({ full: z.string().optional(), separated: z.object({ first: z.string(), last: z.string() }).optional() }).optional(),
    birthYear: z.string().optional(),
    birthMonth: z.string().optional(),
    birthDay: z.string().optional(),
    country: z.string().optional(),
    gender: z.enum(['MALE', 'FEMALE', 'OTHER']).optional(),
    email: z.string().optional(),
    phoneNumber: z.string().optional(),
    address: z.unknown().optional(),
    zipcode: z.string().optional(),
    businessRegistrationNumber: z.string().optional(),
  })
  .loose()
  .refine(customerSizeOk, CUSTOMER_SIZE_MESSAGE);

export const CardCredential = z.object({
  number: z.string().min(1),
  expiryYear: z.string().regex(/^\d{2}$/, 'two digits (YY)'),
  expiryMonth: z.string().regex(/^(0[1-9]|1[0-2])$/, 'two digits 01-12 (MM)'),
  birthOrBusinessRegistrationNumber: z.string().optional(),
  passwordTwoDigits: z.string().optional(),
});

/** PortOne's `PaymentAmountInput`, shared by every operation that charges. */
export const PaymentAmountInput = z.object({ total: PaymentTotal, taxFree: nonNegative.optional(), vat: nonNegative.optional() });

/** Order fields PortOne's charging inputs (instant and billing-key payments) have in common. */
export const orderExtraFields = {
  country: z.string().optional(),
  noticeUrls: NoticeUrls.optional(),
  products: Products.optional(),
  productCount: int.positive().optional(),
  productType: z.string().optional(),
  shippingAddress: z.unknown().optional(),
  promotionId: z.string().optional(),
};

export const InstantPaymentBody = z.object({
  storeId: z.string().optional(),
  channelKey: Id.optional(),
  channelGroupId: z.string().optional(),
  method: z
    .object({
      card: z
        .object({
          credential: CardCredential,
          installmentMonth: int.min(0).max(36).optional(),
          useFreeInstallmentPlan: z.boolean().optional(),
          useFreeInterestFromMerchant: z.boolean().optional(),
          useCardPoint: z.boolean().optional(),
        })
        .optional(),
      virtualAccount: z
        .object({
          bank: Bank,
          expiry: z.object({ validHours: ValidHours.optional(), dueDate: z.iso.datetime({ offset: true }).optional() }),
          option: z.object({ type: z.enum(['NORMAL', 'FIXED']), fixed: z.unknown().optional() }),
          cashReceipt: z.object({ type: z.enum(['PERSONAL', 'CORPORATE', 'NO_RECEIPT']), customerIdentityNumber: ShortText.min(1) }).optional(),
          remitteeName: ShortText.optional(),
        })
        .optional(),
    })
    .refine((m) => (m.card ? 1 : 0) + (m.virtualAccount ? 1 : 0) === 1, 'exactly one of card or virtualAccount'),
  orderName: OrderName,
  isCulturalExpense: z.boolean().optional(),
  isEscrow: z.boolean().optional(),
  customer: CustomerInput.optional(),
  customData: CustomData.optional(),
  amount: PaymentAmountInput,
  currency: Currency,
  ...orderExtraFields,
});
export type InstantPaymentBody = z.infer<typeof InstantPaymentBody>;

export const CancelPaymentBody = z.object({
  storeId: z.string().optional(),
  amount: int.positive().optional(),
  taxFreeAmount: nonNegative.optional(),
  vatAmount: nonNegative.optional(),
  reason: CancelReason,
  requester: z.enum(['CUSTOMER', 'ADMIN']).optional(),
  promotionDiscountRetainOption: z.enum(['RETAIN', 'RELEASE']).optional(),
  currentCancellableAmount: nonNegative.optional(),
  refundAccount: z
    .object({ bank: z.string(), number: z.string(), holderName: z.string(), holderPhoneNumber: z.string().optional() })
    .optional(),
  skipWebhook: z.boolean().optional(),
});
export type CancelPaymentBody = z.infer<typeof CancelPaymentBody>;

export const PreRegisterBody = z.object({
  storeId: z.string().optional(),
  totalAmount: PaymentTotal.optional(),
  taxFreeAmount: nonNegative.optional(),
  currency: Currency.optional(),
});

export const CloseVirtualAccountBody = z.object({ storeId: z.string().optional() }).loose();

export const StopPaymentCancellationBody = z.object({ storeId: z.string().optional() });

const DateTimeRange = z.object({ from: DateTime, until: DateTime });
const PAYMENT_STATUSES = ['READY', 'PENDING', 'VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'FAILED', 'PARTIAL_CANCELLED', 'CANCELLED'] as const;

export const PaymentFilter = z
  .object({
    merchantId: z.string().optional(),
    storeId: z.string().optional(),
    timestampType: z.enum(['CREATED_AT', 'STATUS_CHANGED_AT']).optional(),
    from: DateTime.optional(),
    until: DateTime.optional(),
    status: z.array(z.enum(PAYMENT_STATUSES)).optional(),
    methods: z.array(z.string()).optional(),
    pgProvider: z.array(z.string()).optional(),
    isTest: z.boolean().optional(),
    isScheduled: z.boolean().optional(),
    sortBy: z.enum(['REQUESTED_AT', 'STATUS_CHANGED_AT']).optional(),
    sortOrder: z.enum(['DESC', 'ASC']).optional(),
    currency: z.string().optional(),
    version: z.enum(['V1', 'V2']).optional(),
    webhookStatus: z.enum(['SUCCEEDED', 'FAILED_NOT_OK_RESPONSE', 'FAILED_UNEXPECTED_ERROR']).optional(),
    platformType: z.enum(['SDK_MOBILE', 'SDK_PC', 'API']).optional(),
    isEscrow: z.boolean().optional(),
    escrowStatus: z.enum(['REGISTERED', 'DELIVERED', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'REJECT_CONFIRMED']).optional(),
    cardBrand: z.enum(['LOCAL', 'MASTER', 'UNIONPAY', 'VISA', 'JCB', 'AMEX', 'DINERS']).optional(),
    cardType: z.enum(['CREDIT', 'DEBIT', 'GIFT']).optional(),
    cardOwnerType: z.enum(['PERSONAL', 'CORPORATE']).optional(),
    giftCertificateType: z.enum(['BOOKNLIFE', 'SMART_MUNSANG', 'CULTURELAND', 'HAPPYMONEY', 'CULTUREGIFT']).optional(),
    cashReceiptType: z.enum(['PERSONAL', 'CORPORATE', 'NO_RECEIPT']).optional(),
    cashReceiptStatus: z.enum(['ISSUED', 'CANCELLED']).optional(),
    cashReceiptIssuedAtRange: DateTimeRange.optional(),
    cashReceiptCancelledAtRange: DateTimeRange.optional(),
    textSearch: z.array(z.object({ field: z.string(), value: z.string() })).optional(),
  })
  // The use case defines what a filter is; a field it does not understand fails to compile here.
  .loose() satisfies z.ZodType<PaymentFilterInput>;

export const GetPaymentsBody = z.object({
  page: z.object({ number: nonNegative.optional(), size: int.min(1).max(1000).optional() }).optional(),
  filter: PaymentFilter.optional(),
});

export const GetPaymentsByCursorBody = z.object({
  storeId: z.string().optional(),
  from: DateTime.optional(),
  until: DateTime.optional(),
  cursor: z.string().optional(),
  size: int.min(1).max(1000).optional(),
});

/** GetAllPaymentEventsByCursorBody has exactly the fields of the payments' cursor body. */
export const GetPaymentEventsByCursorBody = GetPaymentsByCursorBody;
