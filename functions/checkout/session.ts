import type { Services } from '../services.ts';
import type { CashReceiptWindow } from './cash-receipt-window.ts';
import type { CheckoutPayMethod } from './payment-request.ts';
import { signToken, verifyToken, type TokenPurpose } from './signed-token.ts';

/**
 * A checkout session: what one opened payment window may do. It is signed by the sandbox and
 * carried by the window itself (URL query and form field), so the page never sends an amount of
 * its own: whatever the browser submits, the payment is charged `amount` from here.
 */
export interface CheckoutSession {
  v: 1;
  /** Random id; the SDK shim matches the window's result message to its call with it. */
  sessionId: string;
  storeId: string;
  paymentId: string;
  channelKey: string;
  /** The transaction (결제 시도) this window started: PortOne's `txId`. */
  txId: string;
  orderName: string;
  amount: { total: number; taxFree?: number; vat?: number };
  currency: string;
  payMethod: CheckoutPayMethod;
  /** EASY_PAY: the provider asked for; ALIPAY_PLUS: the wallet inside Alipay+ (OAS spelling). */
  easyPayProvider?: string;
  bankCode?: string;
  /** MOBILE: the carrier the shop asked the window to open on (browser SDK `Carrier`). */
  carrier?: string;
  /** GIFT_CERTIFICATE: the gift card the shop asked for (browser SDK `GiftCertificateType`). */
  giftCertificateType?: string;
  validHours?: number;
  dueDate?: string;
  installmentMonth?: number;
  /** The confirm process (컨펌 프로세스): the merchant URL asked before the PG approves (domain/confirm-process.ts). */
  confirmUrl?: string;
  /** TRANSFER, VIRTUAL_ACCOUNT: the window's 현금영수증 choice (absent: none shown, no receipt). */
  cashReceipt?: CashReceiptWindow;
  /** The channel confirms manually (수동 승인): the window authenticates and hands out a paymentToken instead of paying. */
  manualConfirm?: true;
  /** How the window was opened; REDIRECTION answers with a redirect, the others with postMessage. */
  windowType: 'IFRAME' | 'POPUP' | 'REDIRECTION';
  platform: 'PC' | 'MOBILE';
  /** The merchant page's origin: the only origin allowed to frame the window and to receive its result. */
  merchantOrigin?: string;
  redirectUrl?: string;
  lang: 'ko' | 'en';
  /** Expiry, epoch seconds of the wall clock (a security bound, so not the store's test clock). */
  exp: number;
}

/** How long an opened window stays usable. PG windows time out too; 30 minutes is the sandbox's choice. */
export const SESSION_TTL_SECONDS = 30 * 60;

export function sealSession(services: Services, session: CheckoutSession): string {
  return signToken(services.sessionSigningKey, 'checkout', session);
}

export type Opened<T> =
  | { ok: true; session: T }
  | { ok: false; reason: 'invalid' }
  /** Signed by us but too old: the session is still readable, so the window can report where it came from. */
  | { ok: false; reason: 'expired'; session: T };
export type OpenedSession = Opened<CheckoutSession>;

/** A window's session from its token, for `purpose` (payment or billing-key window). */
export function openSealed<T extends { v: 1; exp: number }>(services: Services, purpose: TokenPurpose, token: string | undefined): Opened<T> {
  const payload = verifyToken(services.sessionSigningKey, purpose, token) as T | undefined;
  if (!payload || payload.v !== 1 || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (payload.exp * 1000 <= services.wallNow()) return { ok: false, reason: 'expired', session: payload };
  return { ok: true, session: payload };
}

export const openSession = (services: Services, token: string | undefined): OpenedSession => openSealed<CheckoutSession>(services, 'checkout', token);
