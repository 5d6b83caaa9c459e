import * as z from '../../zod.ts';
import type { PaymentFilter as PaymentFilterInput } from '../../payments/list-payments.ts';
import { Bank, CancelReason, Currency, CUSTOMER_SIZE_MESSAGE, CustomData, DateTime, Id, NoticeUrls, OrderName, PaymentTotal, Products, ShortText, ValidHours, customerSizeOk } from '../../payments/request-fields.ts';

/**
 * Request bodies of the PortOne operations we implement, field names exactly as PortOne's OAS.
 * Unknown fields are ignored (PortOne adds fields over time); wrong types are 400s naming the field.
 */
const int = z.number().check(z.int());
const nonNegative = int.check(z.nonnegative());

export const CustomerInput = z.looseObject({
    id: z.optional(z.string()),
    name: z.optional(z.object({ full: z.optional(z.string()), separated: z.optional(z.object({ first: z.string(), last: z.string() })) })),
    birthYear: z.optional(z.string()),
    birthMonth: z.optional(z.string()),
    birthDay: z.optional(z.string()),
    country: z.optional(z.string()),
    gender: z.optional(z.enum(['MALE', 'FEMALE', 'OTHER'])),
    email: z.optional(z.string()),
    phoneNumber: z.optional(z.string()),
    address: z.optional(z.unknown()),
    zipcode: z.optional(z.string()),
    businessRegistrationNumber: z.optional(z.string()),
  }).check(z.refine(customerSizeOk, CUSTOMER_SIZE_MESSAGE));

export const CardCredential = z.object({
  number: z.string().check(z.minLength(1)),
  expiryYear: z.string().check(z.regex(/^\d{2}$/, 'two digits (YY)')),
  expiryMonth: z.string().check(z.regex(/^(0[1-9]|1[0-2])$/, 'two digits 01-12 (MM)')),
  birthOrBusinessRegistrationNumber: z.optional(z.string()),
  passwordTwoDigits: z.optional(z.string()),
});

/** PortOne's `PaymentAmountInput`, shared by every operation that charges. */
export const PaymentAmountInput = z.object({ total: PaymentTotal, taxFree: z.optional(nonNegative), vat: z.optional(nonNegative) });

/** Order fields PortOne's charging inputs (instant and billing-key payments) have in common. */
export const orderExtraFields = {
  country: z.optional(z.string()),
  noticeUrls: z.optional(NoticeUrls),
  products: z.optional(Products),
  productCount: z.optional(int.check(z.positive())),
  productType: z.optional(z.string()),
  shippingAddress: z.optional(z.unknown()),
  promotionId: z.optional(z.string()),
};

export const InstantPaymentBody = z.object({
  storeId: z.optional(z.string()),
  channelKey: z.optional(Id),
  channelGroupId: z.optional(z.string()),
  method: z.object({
      card: z.optional(z.object({
          credential: CardCredential,
          installmentMonth: z.optional(int.check(z.minimum(0), z.maximum(36))),
          useFreeInstallmentPlan: z.optional(z.boolean()),
          useFreeInterestFromMerchant: z.optional(z.boolean()),
          useCardPoint: z.optional(z.boolean()),
        })),
      virtualAccount: z.optional(z.object({
          bank: Bank,
          expiry: z.object({ validHours: z.optional(ValidHours), dueDate: z.optional(z.iso.datetime({ offset: true })) }),
          option: z.object({ type: z.enum(['NORMAL', 'FIXED']), fixed: z.optional(z.unknown()) }),
          cashReceipt: z.optional(z.object({ type: z.enum(['PERSONAL', 'CORPORATE', 'NO_RECEIPT']), customerIdentityNumber: ShortText.check(z.minLength(1)) })),
          remitteeName: z.optional(ShortText),
        })),
    }).check(z.refine((m) => (m.card ? 1 : 0) + (m.virtualAccount ? 1 : 0) === 1, 'exactly one of card or virtualAccount')),
  orderName: OrderName,
  isCulturalExpense: z.optional(z.boolean()),
  isEscrow: z.optional(z.boolean()),
  customer: z.optional(CustomerInput),
  customData: z.optional(CustomData),
  amount: PaymentAmountInput,
  currency: Currency,
  ...orderExtraFields,
});
export type InstantPaymentBody = z.infer<typeof InstantPaymentBody>;

export const CancelPaymentBody = z.object({
  storeId: z.optional(z.string()),
  amount: z.optional(int.check(z.positive())),
  taxFreeAmount: z.optional(nonNegative),
  vatAmount: z.optional(nonNegative),
  reason: CancelReason,
  requester: z.optional(z.enum(['CUSTOMER', 'ADMIN'])),
  promotionDiscountRetainOption: z.optional(z.enum(['RETAIN', 'RELEASE'])),
  currentCancellableAmount: z.optional(nonNegative),
  refundAccount: z.optional(z.object({ bank: z.string(), number: z.string(), holderName: z.string(), holderPhoneNumber: z.optional(z.string()) })),
  skipWebhook: z.optional(z.boolean()),
});
export type CancelPaymentBody = z.infer<typeof CancelPaymentBody>;

export const PreRegisterBody = z.object({
  storeId: z.optional(z.string()),
  totalAmount: z.optional(PaymentTotal),
  taxFreeAmount: z.optional(nonNegative),
  currency: z.optional(Currency),
});

export const CloseVirtualAccountBody = z.looseObject({ storeId: z.optional(z.string()) });

export const StopPaymentCancellationBody = z.object({ storeId: z.optional(z.string()) });

const DateTimeRange = z.object({ from: DateTime, until: DateTime });
const PAYMENT_STATUSES = ['READY', 'PENDING', 'VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'FAILED', 'PARTIAL_CANCELLED', 'CANCELLED'] as const;

export const PaymentFilter = z.looseObject({
    merchantId: z.optional(z.string()),
    storeId: z.optional(z.string()),
    timestampType: z.optional(z.enum(['CREATED_AT', 'STATUS_CHANGED_AT'])),
    from: z.optional(DateTime),
    until: z.optional(DateTime),
    status: z.optional(z.array(z.enum(PAYMENT_STATUSES))),
    methods: z.optional(z.array(z.string())),
    pgProvider: z.optional(z.array(z.string())),
    isTest: z.optional(z.boolean()),
    isScheduled: z.optional(z.boolean()),
    sortBy: z.optional(z.enum(['REQUESTED_AT', 'STATUS_CHANGED_AT'])),
    sortOrder: z.optional(z.enum(['DESC', 'ASC'])),
    currency: z.optional(z.string()),
    version: z.optional(z.enum(['V1', 'V2'])),
    webhookStatus: z.optional(z.enum(['SUCCEEDED', 'FAILED_NOT_OK_RESPONSE', 'FAILED_UNEXPECTED_ERROR'])),
    platformType: z.optional(z.enum(['SDK_MOBILE', 'SDK_PC', 'API'])),
    isEscrow: z.optional(z.boolean()),
    escrowStatus: z.optional(z.enum(['REGISTERED', 'DELIVERED', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'REJECT_CONFIRMED'])),
    cardBrand: z.optional(z.enum(['LOCAL', 'MASTER', 'UNIONPAY', 'VISA', 'JCB', 'AMEX', 'DINERS'])),
    cardType: z.optional(z.enum(['CREDIT', 'DEBIT', 'GIFT'])),
    cardOwnerType: z.optional(z.enum(['PERSONAL', 'CORPORATE'])),
    giftCertificateType: z.optional(z.enum(['BOOKNLIFE', 'SMART_MUNSANG', 'CULTURELAND', 'HAPPYMONEY', 'CULTUREGIFT'])),
    cashReceiptType: z.optional(z.enum(['PERSONAL', 'CORPORATE', 'NO_RECEIPT'])),
    cashReceiptStatus: z.optional(z.enum(['ISSUED', 'CANCELLED'])),
    cashReceiptIssuedAtRange: z.optional(DateTimeRange),
    cashReceiptCancelledAtRange: z.optional(DateTimeRange),
    textSearch: z.optional(z.array(z.object({ field: z.string(), value: z.string() }))),
  }) satisfies z.ZodMiniType<PaymentFilterInput>;

export const GetPaymentsBody = z.object({
  page: z.optional(z.object({ number: z.optional(nonNegative), size: z.optional(int.check(z.minimum(1), z.maximum(1000))) })),
  filter: z.optional(PaymentFilter),
});

export const GetPaymentsByCursorBody = z.object({
  storeId: z.optional(z.string()),
  from: z.optional(DateTime),
  until: z.optional(DateTime),
  cursor: z.optional(z.string()),
  size: z.optional(int.check(z.minimum(1), z.maximum(1000))),
});

/** GetAllPaymentEventsByCursorBody has exactly the fields of the payments' cursor body. */
export const GetPaymentEventsByCursorBody = GetPaymentsByCursorBody;
