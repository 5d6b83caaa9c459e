import { randomUUID } from 'node:crypto';
import { openIssuance } from '../billing/browser-issuance.ts';
import { getProfile } from '../domain/profiles/index.ts';
import type { Services } from '../services.ts';
import { BILLING_WINDOW_METHODS, type BillingWindowMethod, type SdkIssueBillingKeyAndPayRequest, type SdkIssueBillingKeyRequest } from './billing-request.ts';
import { sealBillingSession, type BillingCheckoutSession } from './billing-session.ts';
import { noticeUrlRefusal } from './notice-urls.ts';
import type { OpenCheckoutResult } from './open-session.ts';
import { toApiCustomer, toCustomDataString } from './payment-request.ts';
import { SESSION_TTL_SECONDS } from './session.ts';

export type OpenBillingInput = (
  | { kind: 'ISSUE_BILLING_KEY'; request: SdkIssueBillingKeyRequest }
  | { kind: 'ISSUE_BILLING_KEY_AND_PAY'; request: SdkIssueBillingKeyAndPayRequest }
) & {
  windowType: 'IFRAME' | 'POPUP' | 'REDIRECTION';
  platform: 'PC' | 'MOBILE';
  merchantOrigin?: string;
  pageUrl?: string;
};

export type OpenBillingResult = Exclude<OpenCheckoutResult, { ok: true }> | { ok: true; token: string; session: BillingCheckoutSession };

const fail = (code: string, message: string, status: 400 | 404 | 409 = 400): OpenBillingResult => ({ ok: false, code, message, status });

/**
 * Opening the billing-key window: PortOne creates the issuance (`BillingKey.Ready`, the key READY and
 * invisible to the API until issued) and hands the window a signed session. Errors before the window
 * opens use the SDK's codes and reject the promise, as for requestPayment.
 */
export async function openBillingCheckout(services: Services, input: OpenBillingInput): Promise<OpenBillingResult> {
  const req = input.request;
  const methodName = input.kind === 'ISSUE_BILLING_KEY' ? input.request.billingKeyMethod : input.request.billingKeyAndPayMethod;
  const field = input.kind === 'ISSUE_BILLING_KEY' ? 'billingKeyMethod' : 'billingKeyAndPayMethod';
  if (!(BILLING_WINDOW_METHODS as readonly string[]).includes(methodName) || (input.kind === 'ISSUE_BILLING_KEY_AND_PAY' && methodName !== 'CARD')) {
    return fail('BadRequest', `${field} ${methodName}: the sandbox's billing window simulates ${input.kind === 'ISSUE_BILLING_KEY' ? BILLING_WINDOW_METHODS.join(', ') : 'CARD'}`);
  }
  const method = methodName as BillingWindowMethod;
  if (!req.channelKey) return fail('BadRequest', req.channelGroupId ? 'channelGroupId: channel groups (smart routing) are not simulated; pass channelKey' : 'channelKey: required');
  if (input.windowType === 'REDIRECTION' && !req.redirectUrl) return fail('BadRequest', 'redirectUrl: required for the REDIRECTION window type (mobile)');
  if (input.windowType !== 'REDIRECTION' && !input.merchantOrigin) return fail('BadRequest', 'the merchant page origin is unknown (no Origin header)');

  const store = await services.repo.getStore(req.storeId);
  if (!store) return fail('StoreNotFound', `상점이 존재하지 않습니다. (storeId: ${req.storeId})`, 404);
  const refusedUrl = req.noticeUrls && noticeUrlRefusal(store, req.noticeUrls, services.allowLoopbackWebhooks);
  if (refusedUrl) return fail('BadRequest', refusedUrl);
  const channel = await services.repo.getChannel(req.storeId, req.channelKey);
  if (!channel) return fail('ChannelNotFound', `채널이 존재하지 않습니다. (channelKey: ${req.channelKey})`, 404);
  const profile = getProfile(channel.pgProvider);
  if (!profile) return fail('BadRequest', `channel ${channel.channelKey} uses a PG the sandbox does not simulate (${channel.pgProvider})`);
  // PayPal issues PayPal keys only, and only PayPal does (its reference transactions).
  if ((method === 'PAYPAL') !== (profile.directEasyPayProvider === 'PAYPAL')) {
    return fail('BadRequest', `${field} ${method}: channel ${channel.channelKey} is ${profile.englishName}; ${method === 'PAYPAL' ? 'PayPal keys need a PayPal channel (PAYPAL_V2)' : 'a PayPal channel issues PAYPAL keys only'}`);
  }

  let payment: BillingCheckoutSession['payment'];
  if (input.kind === 'ISSUE_BILLING_KEY_AND_PAY') {
    const r = input.request;
    const taxFree = r.taxFreeAmount ?? 0;
    if (taxFree > r.totalAmount) return fail('BadRequest', 'taxFreeAmount: must not exceed totalAmount');
    const existing = await services.repo.getPayment(r.storeId, r.paymentId);
    if (existing && existing.status !== 'READY' && existing.status !== 'FAILED') {
      return fail('PaymentAlreadyPaid', `이미 결제(또는 발급)된 결제 건입니다. (paymentId: ${r.paymentId}, status: ${existing.status})`, 409);
    }
    payment = {
      paymentId: r.paymentId,
      orderName: r.orderName,
      amount: { total: r.totalAmount, ...(r.taxFreeAmount !== undefined ? { taxFree: r.taxFreeAmount } : {}), ...(r.vatAmount !== undefined ? { vat: r.vatAmount } : {}) },
      currency: r.currency,
    };
  }

  const key = await openIssuance(services, {
    store,
    channel,
    customer: toApiCustomer(req.customer),
    customData: toCustomDataString(req.customData),
    noticeUrls: req.noticeUrls,
    platformType: input.platform,
    ...(input.kind === 'ISSUE_BILLING_KEY' ? { issueId: input.request.issueId, issueName: input.request.issueName } : { firstPayment: payment }),
  });
  const display = input.kind === 'ISSUE_BILLING_KEY' && input.request.displayAmount !== undefined ? { amount: input.request.displayAmount, currency: input.request.currency ?? 'KRW' } : undefined;
  const session: BillingCheckoutSession = {
    v: 1,
    kind: input.kind,
    sessionId: randomUUID(),
    storeId: store.storeId,
    channelKey: channel.channelKey,
    billingKey: key.billingKey,
    method,
    manualConfirm: channel.manualConfirm === true,
    ...(input.kind === 'ISSUE_BILLING_KEY' && input.request.issueName !== undefined ? { issueName: input.request.issueName } : {}),
    ...(display ? { displayAmount: display } : {}),
    ...(payment ? { payment } : {}),
    windowType: input.windowType,
    platform: input.platform,
    merchantOrigin: input.merchantOrigin,
    redirectUrl: req.redirectUrl,
    lang: /^en/i.test(req.locale ?? '') ? 'en' : 'ko',
    exp: Math.floor(services.wallNow() / 1000) + SESSION_TTL_SECONDS,
  };
  return { ok: true, token: sealBillingSession(services, session), session };
}
