/**
 * The browser's payment window driven over plain HTTP (no Chromium), as /sdk.js and the window's
 * form would: open a session, submit a test card, read the answer the result page hands the
 * merchant. For API-level tests that need a payment authenticated in the browser (manual confirm).
 */
import { answerOf } from './billing-window.ts';

export interface PaymentWindowAnswer {
  transactionType: 'PAYMENT';
  paymentId: string;
  txId: string;
  paymentToken?: string;
  code?: string;
  pgCode?: string;
}

const MERCHANT_ORIGIN = 'https://merchant.example';

/** Opens a payment window for `request` (the SDK's requestPayment fields) and pays with `cardNumber`. */
export const payInWindow = (baseUrl: string, request: Record<string, unknown>, cardNumber: string): Promise<PaymentWindowAnswer> =>
  submitWindow(baseUrl, request, { testCard: cardNumber, expiryMonth: '12', expiryYear: '30' });

/** Opens a payment window for `request` (payMethod CARD unless given) and submits the window's form `fields`. */
export async function submitWindow(baseUrl: string, request: Record<string, unknown>, fields: Record<string, string>): Promise<PaymentWindowAnswer> {
  const { token } = await openWindow(baseUrl, request);
  const paid = await fetch(`${baseUrl}/checkout/pay`, { method: 'POST', body: new URLSearchParams({ s: token, ...fields }) });
  return answerOf(await paid.text()) as unknown as PaymentWindowAnswer;
}

/** Opens a payment window as /sdk.js does: its session token, and the window page's HTML. */
export async function openWindow(baseUrl: string, request: Record<string, unknown>): Promise<{ token: string; html: string }> {
  const opened = await fetch(`${baseUrl}/checkout/sessions`, {
    method: 'POST',
    headers: { origin: MERCHANT_ORIGIN, 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ request: { currency: 'KRW', payMethod: 'CARD', ...request }, windowType: 'IFRAME', platform: 'PC' }),
  });
  const session = (await opened.json()) as { token?: string; code?: string; message?: string };
  if (opened.status !== 201 || !session.token) throw new Error(`payment window refused: ${opened.status} ${session.code} ${session.message}`);
  const page = await fetch(`${baseUrl}/checkout/window?s=${encodeURIComponent(session.token)}`);
  return { token: session.token, html: await page.text() };
}
