/**
 * Payment sessions (결제 세션) of PortOne's hosted checkout: the merchant's server creates one
 * (`createPaymentSession`: the order, the profile, a TTL), sends the customer to the page URL it
 * returns, and reads (`getPaymentSession`, no auth: "웹 페이지에서도 접근 가능") or ends it
 * (`closePaymentSession`: "즉시 만료"). Shapes: the OAS `PaymentSession`. Times are the store's
 * test clock, so moving the clock past `expiresAt` expires a session (410 SESSION_EXPIRED).
 */
import type { CheckoutPaymentMethod } from './checkout-profile.ts';

/** The TTL when `ttlSeconds` is absent, and its upper bound (MaxTtlExceeded). The OAS gives neither: assumed. */
export const DEFAULT_SESSION_TTL_SECONDS = 60 * 60;
export const MAX_SESSION_TTL_SECONDS = 24 * 60 * 60;

export interface PaymentSessionProduct {
  id?: string;
  name: string;
  code?: string;
  unitPrice: number;
  quantity: number;
  startDate?: string;
  endDate?: string;
  url?: string;
  nPayCategoryType?: string;
  nPayCategoryId?: string;
  nPayUid?: string;
}

/** The OAS `PaymentSession` fields, as stored; `closedAt` is the sandbox's own (never shown). */
export interface PaymentSessionRecord {
  id: string;
  storeId: string;
  paymentId: string;
  profileKey: string;
  paymentMethod?: CheckoutPaymentMethod;
  country: string;
  currency: string;
  totalAmount: number;
  orderName: string;
  redirectUrl?: string;
  products?: PaymentSessionProduct[];
  customerName?: string;
  customerEmail?: string;
  storeName?: string;
  agreements?: { name: string; url: string }[];
  orderImageUrl?: string;
  customData?: string;
  colors?: { primary?: string; primaryHover?: string; primaryLight?: string };
  createdAt: string;
  expiresAt: string;
  /** closePaymentSession's time: from then on the session answers as expired. */
  closedAt?: string;
}

/** A session is usable until it is closed or its TTL runs out (store time). */
export type PaymentSessionState = 'OPEN' | 'CLOSED' | 'EXPIRED';

export function sessionState(s: Pick<PaymentSessionRecord, 'expiresAt' | 'closedAt'>, now: Date): PaymentSessionState {
  if (s.closedAt !== undefined) return 'CLOSED';
  return now.getTime() >= Date.parse(s.expiresAt) ? 'EXPIRED' : 'OPEN';
}

/** Why `ttlSeconds` is refused: below one second is a bad request, above the bound MAX_TTL_EXCEEDED. */
export function ttlProblem(ttlSeconds: number): { type: 'INVALID_REQUEST' | 'MAX_TTL_EXCEEDED'; message: string } | undefined {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) return { type: 'INVALID_REQUEST', message: 'ttlSeconds: must be a positive integer' };
  if (ttlSeconds > MAX_SESSION_TTL_SECONDS) {
    return { type: 'MAX_TTL_EXCEEDED', message: `요청된 TTL(${ttlSeconds}초)이 정책 상한(${MAX_SESSION_TTL_SECONDS}초)을 초과합니다.` };
  }
  return undefined;
}

/**
 * The `closedAt` closePaymentSession answers: a closed session keeps its first time (closing twice
 * is harmless); an expired one ended at `expiresAt` (assumed: it was already unusable).
 */
export function closingTime(s: Pick<PaymentSessionRecord, 'expiresAt' | 'closedAt'>, now: Date): string {
  if (s.closedAt !== undefined) return s.closedAt;
  return sessionState(s, now) === 'EXPIRED' ? s.expiresAt : now.toISOString();
}
