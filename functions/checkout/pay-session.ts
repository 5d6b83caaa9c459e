import { CHECKOUT_METHOD_ROUTES, type CheckoutPaymentMethod } from '../domain/checkout-profile.ts';
import { PortOneError } from '../domain/errors.ts';
import type { PaymentSessionRecord } from '../domain/payment-session.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { Services } from '../services.ts';
import { openCheckoutSession, type OpenCheckoutResult } from './open-session.ts';
import type { SdkPaymentRequest } from './payment-request.ts';
import { loadOpenSession, sessionMethods } from './payment-sessions.ts';

/**
 * The hosted checkout page of a payment session: the order, the methods its profile offers, and
 * what became of its payment. The payment itself is made by the sandbox's ordinary checkout window
 * (a REDIRECTION window, as a phone would open it), so it is a normal payment: `Transaction.Ready`
 * when the window opens, PortOne's webhooks, `getPayment(paymentId)`.
 */
export type HostedPage =
  | { state: 'OPEN'; session: PaymentSessionRecord; methods: { paymentMethod: CheckoutPaymentMethod; channelKey: string }[]; payment?: PaymentRecord }
  | { state: 'NOT_FOUND' | 'EXPIRED'; message: string };

/** A payment that is done with (paid, or a virtual account issued): the page shows its result, not the form again. */
export const isSettled = (payment: PaymentRecord | undefined): payment is PaymentRecord => payment !== undefined && payment.status !== 'READY' && payment.status !== 'FAILED';

export async function hostedPage(services: Services, sessionId: string): Promise<HostedPage> {
  try {
    const { session } = await loadOpenSession(services, sessionId);
    const [methods, payment] = await Promise.all([sessionMethods(services, session), services.repo.getPayment(session.storeId, session.paymentId)]);
    return { state: 'OPEN', session, methods, ...(payment && { payment }) };
  } catch (err) {
    if (err instanceof PortOneError && (err.type === 'SESSION_NOT_FOUND' || err.type === 'SESSION_EXPIRED')) {
      return { state: err.type === 'SESSION_NOT_FOUND' ? 'NOT_FOUND' : 'EXPIRED', message: err.message };
    }
    throw err;
  }
}

/** The browser SDK request the page's choice amounts to: the session's order, the method's channel. */
export function sessionPaymentRequest(session: PaymentSessionRecord, method: { paymentMethod: CheckoutPaymentMethod; channelKey: string }, redirectUrl: string, lang: 'ko' | 'en'): SdkPaymentRequest {
  const route = CHECKOUT_METHOD_ROUTES[method.paymentMethod]!;
  const customer = { ...(session.customerName !== undefined && { fullName: session.customerName }), ...(session.customerEmail !== undefined && { email: session.customerEmail }) };
  return {
    storeId: session.storeId,
    paymentId: session.paymentId,
    orderName: session.orderName,
    totalAmount: session.totalAmount,
    currency: session.currency,
    payMethod: route.payMethod,
    channelKey: method.channelKey,
    redirectUrl,
    locale: lang === 'en' ? 'EN_US' : 'KO_KR',
    ...(Object.keys(customer).length > 0 && { customer }),
    ...(session.customData !== undefined && { customData: session.customData }),
    // PortOne's PaymentProduct needs an id; a session product may have none (assumed: its code, else its position).
    ...(session.products && {
      products: session.products.map((p, i) => ({
        id: p.id ?? p.code ?? `product-${i + 1}`,
        name: p.name,
        ...(p.code !== undefined && { code: p.code }),
        amount: p.unitPrice,
        quantity: p.quantity,
        ...(p.url !== undefined && { link: p.url }),
      })),
    }),
    ...(route.payMethod === 'EASY_PAY' && { easyPay: { easyPayProvider: route.provider } }),
    ...(route.payMethod === 'ALIPAY_PLUS' && { alipayPlus: { easyPayProvider: route.provider } }),
  };
}

export type PayWithSession = OpenCheckoutResult | { ok: false; code: 'SessionClosed' | 'MethodNotOffered' | 'AgreementsRequired'; message: string; status: 400 | 404 | 410 };

/**
 * The customer chose a method (and agreed to every agreement): open the checkout window for it.
 * It returns to the merchant's `redirectUrl`, or to the page's own result page without one
 * ("지정하지 않으면 기본 결과 페이지가 표시됩니다").
 */
export async function payWithSession(
  services: Services,
  input: { sessionId: string; paymentMethod: string; agreed: boolean; resultUrl: string; lang: 'ko' | 'en'; ipAddress: string; userAgent?: string },
): Promise<PayWithSession> {
  const page = await hostedPage(services, input.sessionId);
  if (page.state !== 'OPEN') return { ok: false, code: 'SessionClosed', message: page.message, status: page.state === 'NOT_FOUND' ? 404 : 410 };
  const method = page.methods.find((m) => m.paymentMethod === input.paymentMethod);
  if (!method) return { ok: false, code: 'MethodNotOffered', message: `이 주문에 제공되지 않는 결제 수단입니다. (${input.paymentMethod})`, status: 400 };
  if (!input.agreed) return { ok: false, code: 'AgreementsRequired', message: '모든 약관에 동의해야 결제할 수 있습니다.', status: 400 };
  return openCheckoutSession(services, {
    request: sessionPaymentRequest(page.session, method, page.session.redirectUrl ?? input.resultUrl, input.lang),
    windowType: 'REDIRECTION',
    // The page is one the customer navigates (no overlay to return to): the window redirects back, on a phone or a PC.
    platform: /Mobi|Android|iPhone/i.test(input.userAgent ?? '') ? 'MOBILE' : 'PC',
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
  });
}
