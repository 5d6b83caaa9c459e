import type { Services } from '../services.ts';
import type { BillingWindowMethod } from './billing-request.ts';
import { openSealed, type Opened } from './session.ts';
import { signToken } from './signed-token.ts';

/**
 * One opened billing-key window (requestIssueBillingKey / requestIssueBillingKeyAndPay), signed by
 * the sandbox and carried by the window like a payment window's session (checkout/session.ts). Its
 * own token purpose, so a payment window's token never opens a billing window or the other way round.
 */
export interface BillingCheckoutSession {
  v: 1;
  kind: 'ISSUE_BILLING_KEY' | 'ISSUE_BILLING_KEY_AND_PAY';
  sessionId: string;
  storeId: string;
  channelKey: string;
  /** The key this window issues (READY until the window ends). */
  billingKey: string;
  method: BillingWindowMethod;
  /** Manual confirm (수동 승인): the window ends with a billingIssueToken instead of the key. */
  manualConfirm: boolean;
  issueName?: string;
  displayAmount?: { amount: number; currency: string };
  /** requestIssueBillingKeyAndPay: the first payment, charged from the session, never from the form. */
  payment?: { paymentId: string; orderName: string; amount: { total: number; taxFree?: number; vat?: number }; currency: string };
  windowType: 'IFRAME' | 'POPUP' | 'REDIRECTION';
  platform: 'PC' | 'MOBILE';
  merchantOrigin?: string;
  redirectUrl?: string;
  lang: 'ko' | 'en';
  /** Expiry, epoch seconds of the wall clock. */
  exp: number;
}

export const sealBillingSession = (services: Services, session: BillingCheckoutSession) => signToken(services.sessionSigningKey, 'billing-checkout', session);

export const openBillingSession = (services: Services, token: string | undefined): Opened<BillingCheckoutSession> =>
  openSealed<BillingCheckoutSession>(services, 'billing-checkout', token);
