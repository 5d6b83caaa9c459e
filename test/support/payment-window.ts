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
export async function payInWindow(baseUrl: string, request: Record<string, unknown>, cardNumber: string): Promise<PaymentWindowAnswer> {
  const opened = await fetch(`${baseUrl}/checkout/sessions`, {
    method: 'POST',
    headers: { origin: MERCHANT_ORIGIN, 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ request: { currency: 'KRW', payMethod: 'CARD', ...request }, windowType: 'IFRAME', platform: 'PC' }),
  });
  const session = (await opened.json()) as { token?: string; code?: string; message?: string };
  if (opened.status !== 201 || !session.token) throw new Error(`payment window refused: ${opened.status} ${session.code} ${session.message}`);
  const paid = await fetch(`${baseUrl}/checkout/pay`, {
    method: 'POST',
    body: new URLSearchParams({ s: session.token, testCard: cardNumber, expiryMonth: '12', expiryYear: '30' }),
  });
  return answerOf(await paid.text()) as unknown as PaymentWindowAnswer;
}
