import * as z from 'zod';
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

export const httpUrl = Url.refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

export const SdkCustomer = z
  .object({
    customerId: z.string().max(200).optional(),
    fullName: z.string().max(200).optional(),
    firstName: z.string().max(100).optional(),
    lastName: z.string().max(100).optional(),
    phoneNumber: z.string().max(50).optional(),
    email: z.string().max(200).optional(),
    zipcode: z.string().max(20).optional(),
    birthYear: z.union([z.string(), z.number()]).optional(),
    birthMonth: z.union([z.string(), z.number()]).optional(),
    birthDay: z.union([z.string(), z.number()]).optional(),
    gender: z.enum(['MALE', 'FEMALE', 'OTHER']).optional(),
  })
  .loose();

/** The SDK's older spelling `CURRENCY_KRW` is accepted as well as `KRW`. */
export const SdkCurrency = z
  .string()
  .transform((c) => c.replace(/^CURRENCY_/, '').toUpperCase())
  .pipe(Currency);

/** 현금영수증 with a transfer or virtual account: the SDK's `CashReceiptType` (prefixed or not) and the buyer's number. */
const SdkCashReceipt = {
  cashReceiptType: z.string().max(40).optional(),
  customerIdentifier: z.string().max(100).optional(),
};

export const SdkPaymentRequest = z
  .object({
    storeId: Id,
    paymentId: Id,
    orderName: OrderName,
    totalAmount: PaymentTotal.max(10_000_000_000),
    taxFreeAmount: z.number().int().nonnegative().optional(),
    vatAmount: z.number().int().nonnegative().optional(),
    currency: SdkCurrency,
    payMethod: z.string().transform((m) => m.toUpperCase()),
    channelKey: Id.optional(),
    channelGroupId: z.string().optional(),
    customer: SdkCustomer.optional(),
    windowType: z.object({ pc: WindowType.optional(), mobile: WindowType.optional() }).loose().optional(),
    redirectUrl: httpUrl.optional(),
    forceRedirect: z.boolean().optional(),
    noticeUrls: NoticeUrls.pipe(z.array(httpUrl)).optional(),
    /** The confirm process's URL (컨펌 프로세스, domain/confirm-process.ts): asked before the PG approves. */
    confirmUrl: httpUrl.optional(),
    customData: z
      .unknown()
      .refine((v) => (toCustomDataString(v)?.length ?? 0) <= LIMITS.customDataChars, `must be at most ${LIMITS.customDataChars} characters (as JSON)`)
      .optional(),
    locale: z.string().max(10).optional(),
    isCulturalExpense: z.boolean().optional(),
    isEscrow: z.boolean().optional(),
    products: Products.optional(),
    card: z
      .object({
        installment: z.object({ monthOption: z.object({ fixedMonth: z.number().int().min(0).max(36).optional() }).loose().optional() }).loose().optional(),
      })
      .loose()
      .optional(),
    virtualAccount: z
      .object({
        bankCode: Bank.optional(),
        accountExpiry: z.object({ validHours: ValidHours.optional(), dueDate: z.string().max(40).optional() }).loose().optional(),
        ...SdkCashReceipt,
      })
      .loose()
      .optional(),
    transfer: z.object(SdkCashReceipt).loose().optional(),
    easyPay: z.object({ easyPayProvider: z.string().max(40).optional() }).loose().optional(),
    mobile: z.object({ carrier: z.string().max(40).optional() }).loose().optional(),
    giftCertificate: z.object({ giftCertificateType: z.string().max(40).optional() }).loose().optional(),
    alipayPlus: z.object({ easyPayProvider: z.string().max(40).optional() }).loose().optional(),
  })
  .loose();

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
