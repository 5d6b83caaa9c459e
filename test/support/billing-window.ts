/**
 * The browser's billing-key window driven over plain HTTP (no Chromium), as /sdk.js and the window's
 * form would: open a session, submit a card, read the answer the result page hands the merchant.
 * For API-level tests that need a key issued in the browser (manual confirm, webhooks).
 */
export interface WindowAnswer {
  transactionType: string;
  billingKey: string;
  billingIssueToken?: string;
  paymentId?: string;
  txId?: string;
  code?: string;
  pgCode?: string;
  pgMessage?: string;
}

const MERCHANT_PAGE = 'https://merchant.example/subscribe';

export async function openBillingWindow(
  baseUrl: string,
  request: Record<string, unknown>,
  kind: 'ISSUE_BILLING_KEY' | 'ISSUE_BILLING_KEY_AND_PAY' = 'ISSUE_BILLING_KEY',
): Promise<{ token: string; billingKey: string }> {
  const res = await fetch(`${baseUrl}/checkout/billing-sessions`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ kind, request, windowType: 'IFRAME', platform: 'PC', pageUrl: MERCHANT_PAGE }),
  });
  const body = (await res.json()) as { token?: string; billingKey?: string; code?: string; message?: string };
  if (res.status !== 201 || !body.token) throw new Error(`billing window refused: ${res.status} ${body.code} ${body.message}`);
  return { token: body.token, billingKey: body.billingKey! };
}

/** The window's answer from its result page (the JSON it posts to the merchant page). */
export function answerOf(html: string): WindowAnswer {
  const match = /data-response="([^"]*)"/.exec(html);
  if (!match) throw new Error(`no result in the window's page: ${html.slice(0, 300)}`);
  const json = match[1]!.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return JSON.parse(json) as WindowAnswer;
}

export async function submitBillingWindow(baseUrl: string, token: string, cardNumber: string): Promise<WindowAnswer> {
  const res = await fetch(`${baseUrl}/checkout/billing-issue`, {
    method: 'POST',
    body: new URLSearchParams({ s: token, testCard: cardNumber, expiryMonth: '12', expiryYear: '30' }),
  });
  return answerOf(await res.text());
}

export async function closeBillingWindow(baseUrl: string, token: string): Promise<WindowAnswer> {
  const res = await fetch(`${baseUrl}/checkout/billing-cancel`, { method: 'POST', headers: { accept: 'application/json' }, body: new URLSearchParams({ s: token }) });
  return (await res.json()) as WindowAnswer;
}

/** Opens a window and submits `cardNumber`: what PortOne.requestIssueBillingKey would resolve with. */
export async function issueInWindow(baseUrl: string, request: Record<string, unknown>, cardNumber: string, kind?: 'ISSUE_BILLING_KEY' | 'ISSUE_BILLING_KEY_AND_PAY'): Promise<WindowAnswer> {
  const { token } = await openBillingWindow(baseUrl, request, kind);
  return submitBillingWindow(baseUrl, token, cardNumber);
}

/** A test channel of the caller's store with manual confirm (수동 승인) on, through the sandbox API (billing keys and payments alike). */
export const manualConfirmChannel = (baseUrl: string, apiSecret: string, pgProvider: string): Promise<string> =>
  sandboxChannel(baseUrl, apiSecret, { pgProvider, manualConfirm: true });

/** A test channel of the caller's store with the given settings (`POST /sandbox/channels`); answers its key. */
export async function sandboxChannel(baseUrl: string, apiSecret: string, settings: { pgProvider: string; manualConfirm?: boolean; manualCapture?: boolean }): Promise<string> {
  const res = await fetch(`${baseUrl}/sandbox/channels`, {
    method: 'POST',
    headers: { authorization: `PortOne ${apiSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (res.status !== 201) throw new Error(`could not create the channel ${JSON.stringify(settings)}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { channelKey: string }).channelKey;
}
