import * as z from '../zod.ts';
import { Id, OrderName, PaymentTotal, Products } from '../payments/request-fields.ts';
import { SdkCurrency, SdkPaymentRequest } from './payment-request.ts';

/**
 * The parts of the browser SDK's `IssueBillingKeyRequest` (PortOne.requestIssueBillingKey) and
 * `IssueBillingKeyAndPayRequest` (requestIssueBillingKeyAndPay) the sandbox's billing window
 * understands. Unknown fields are ignored, as for requestPayment, so a merchant's request works unchanged.
 */
const shared = z.pick(SdkPaymentRequest, { storeId: true, channelKey: true, channelGroupId: true, customer: true, windowType: true, redirectUrl: true, forceRedirect: true, noticeUrls: true, customData: true, locale: true });

/**
 * Billing key methods the window simulates: a card (any general PG), an easy-pay wallet (the
 * easy-pay companies' own windows) and PAYPAL (PayPal's reference transactions, which the SDK
 * offers through loadIssueBillingKeyUI, uiType PAYPAL_RT). MOBILE (휴대폰 빌링) is not simulated.
 */
export const BILLING_WINDOW_METHODS = ['CARD', 'EASY_PAY', 'PAYPAL'] as const;
export type BillingWindowMethod = (typeof BILLING_WINDOW_METHODS)[number];

export const SdkIssueBillingKeyRequest = z.catchall(z.extend(shared, {
    billingKeyMethod: z.pipe(z.string(), z.transform((m) => m.toUpperCase())),
    issueId: z.optional(z.string().check(z.maxLength(200))),
    issueName: z.optional(z.string().check(z.maxLength(200))),
    displayAmount: z.optional(z.number().check(z.int(), z.nonnegative())),
    currency: z.optional(SdkCurrency),
  }), z.unknown());
export type SdkIssueBillingKeyRequest = z.infer<typeof SdkIssueBillingKeyRequest>;

/**
 * PortOne's SDK lists only MOBILE for `billingKeyAndPayMethod`; the PGs with issue-and-pay bypasses
 * (Eximbay, Welcome, Payletter) issue card keys with a first payment, so the sandbox simulates CARD.
 */
export const SdkIssueBillingKeyAndPayRequest = z.catchall(z.extend(shared, {
    paymentId: Id,
    orderName: OrderName,
    totalAmount: PaymentTotal.check(z.maximum(10_000_000_000)),
    taxFreeAmount: z.optional(z.number().check(z.int(), z.nonnegative())),
    vatAmount: z.optional(z.number().check(z.int(), z.nonnegative())),
    currency: SdkCurrency,
    billingKeyAndPayMethod: z.pipe(z.string(), z.transform((m) => m.toUpperCase())),
    products: z.optional(Products),
    isCulturalExpense: z.optional(z.boolean()),
  }), z.unknown());
export type SdkIssueBillingKeyAndPayRequest = z.infer<typeof SdkIssueBillingKeyAndPayRequest>;
