import * as z from '../zod.ts';
import { LIMITS } from '../domain/limits.ts';
import { METHOD_KINDS } from '../domain/profiles/types.ts';
import { Bank, Currency, Id, NoticeUrls, OrderName, PaymentTotal, Products, Url, ValidHours } from '../payments/request-fields.ts';

/**
 * The part of the browser SDK's `PaymentRequest` (PortOne V2, `PortOne.requestPayment`) the
 * sandbox's checkout understands. Unknown fields are ignored, as PortOne ignores fields a PG does
 * not use, so a merchant's real request object works unchanged.
 */
// The window offers every method the PG profiles model (a PG that lacks one refuses it there).
export const CHECKOUT_PAY_METHODS = METHOD_KINDS;
/** The overseas methods: one choice in the window (wallet, store brand), no Korean account data. */
export type OverseasPayMethod = 'PAYPAL' | 'ALIPAY' | 'ALIPAY_PLUS' | 'CONVENIENCE_STORE';
export const isOverseas = (m: string): m is OverseasPayMethod => m === 'PAYPAL' || m === 'ALIPAY' || m === 'ALIPAY_PLUS' || m === 'CONVENIENCE_STORE';
export type CheckoutPayMethod = (typeof CHECKOUT_PAY_METHODS)[number];

export const WindowType = z.enum(['IFRAME', 'POPUP', 'REDIRECTION', 'UI']);

export const httpUrl = Url.check(z.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL'));

export const SdkCustomer = z.looseObject({
    customerId: z.optional(z.string().check(z.maxLength(200))),
    fullName: z.optional(z.string().check(z.maxLength(200))),
    firstName: z.optional(z.string().check(z.maxLength(100))),
    lastName: z.optional(z.string().check(z.maxLength(100))),
    phoneNumber: z.optional(z.string().check(z.maxLength(50))),
    email: z.optional(z.string().check(z.maxLength(200))),
    zipcode: z.optional(z.string().check(z.maxLength(20))),
    birthYear: z.optional(z.union([z.string(), z.number()])),
    birthMonth: z.optional(z.union([z.string(), z.number()])),
    birthDay: z.optional(z.union([z.string(), z.number()])),
    gender: z.optional(z.enum(['MALE', 'FEMALE', 'OTHER'])),
  });

/** The SDK's older spelling `CURRENCY_KRW` is accepted as well as `KRW`. */
export const SdkCurrency = z.pipe(z.pipe(z.string(), z.transform((c) => c.replace(/^CURRENCY_/, '').toUpperCase())), Currency);

/** 현금영수증 with a transfer or virtual account: the SDK's `CashReceiptType` (prefixed or not) and the buyer's number. */
const SdkCashReceipt = {
  cashReceiptType: z.optional(z.string().check(z.maxLength(40))),
  customerIdentifier: z.optional(z.string().check(z.maxLength(100))),
};

export const SdkPaymentRequest = z.looseObject({
    storeId: Id,
    paymentId: Id,
    orderName: OrderName,
    totalAmount: PaymentTotal.check(z.maximum(10_000_000_000)),
    taxFreeAmount: z.optional(z.number().check(z.int(), z.nonnegative())),
    vatAmount: z.optional(z.number().check(z.int(), z.nonnegative())),
    currency: SdkCurrency,
    payMethod: z.pipe(z.string(), z.transform((m) => m.toUpperCase())),
    channelKey: z.optional(Id),
    channelGroupId: z.optional(z.string()),
    customer: z.optional(SdkCustomer),
    windowType: z.optional(z.looseObject({ pc: z.optional(WindowType), mobile: z.optional(WindowType) })),
    redirectUrl: z.optional(httpUrl),
    forceRedirect: z.optional(z.boolean()),
    noticeUrls: z.optional(z.pipe(NoticeUrls, z.array(httpUrl))),
    /** The confirm process's URL (컨펌 프로세스, domain/confirm-process.ts): asked before the PG approves. */
    confirmUrl: z.optional(httpUrl),
    customData: z.optional(z.unknown().check(z.refine((v) => (toCustomDataString(v)?.length ?? 0) <= LIMITS.customDataChars, `must be at most ${LIMITS.customDataChars} characters (as JSON)`))),
    locale: z.optional(z.string().check(z.maxLength(10))),
    isCulturalExpense: z.optional(z.boolean()),
    isEscrow: z.optional(z.boolean()),
    products: z.optional(Products),
    card: z.optional(z.looseObject({
        installment: z.optional(z.looseObject({ monthOption: z.optional(z.looseObject({ fixedMonth: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(36))) })) })),
      })),
    virtualAccount: z.optional(z.looseObject({
        bankCode: z.optional(Bank),
        accountExpiry: z.optional(z.looseObject({ validHours: z.optional(ValidHours), dueDate: z.optional(z.string().check(z.maxLength(40))) })),
        ...SdkCashReceipt,
      })),
    transfer: z.optional(z.looseObject(SdkCashReceipt)),
    easyPay: z.optional(z.looseObject({ easyPayProvider: z.optional(z.string().check(z.maxLength(40))) })),
    mobile: z.optional(z.looseObject({ carrier: z.optional(z.string().check(z.maxLength(40))) })),
    giftCertificate: z.optional(z.looseObject({ giftCertificateType: z.optional(z.string().check(z.maxLength(40))) })),
    alipayPlus: z.optional(z.looseObject({ easyPayProvider: z.optional(z.string().check(z.maxLength(40))) })),
  });

export type SdkPaymentRequest = z.infer<typeof SdkPaymentRequest>;

/** PortOne's API `Customer` from the SDK's customer input (`fullName`, else `lastName firstName`). */
export function toApiCustomer(customer: SdkPaymentRequest['customer']): Record<string, unknown> {
  if (!customer) return {};
  const name = customer.fullName ?? ([customer.lastName, customer.firstName].filter(Boolean).join(' ') || undefined);
  const out: Record<string, unknown> = {
    id: customer.customerId,
    name,
    email: customer.email,
    phoneNumber: customer.phoneNumber,
    zipcode: customer.zipcode,
    birthYear: customer.birthYear === undefined ? undefined : String(customer.birthYear),
    gender: customer.gender,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** PortOne keeps customData as a string; the SDK accepts any JSON and stringifies it. */
export function toCustomDataString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
