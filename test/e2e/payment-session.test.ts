import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { PaymentClient } from '@portone/server-sdk';
import { createSandboxClient } from '../../functions/client/index.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startMerchantFor, type Merchant } from './support/merchant.ts';

/**
 * PortOne's hosted checkout in a real Chromium: the merchant's server creates a payment session
 * (plain fetch: server SDK 0.19.0 has no client for it), the customer opens the session's URL,
 * agrees, chooses a method from the checkout profile, pays in the sandbox's checkout window, and
 * comes back to the merchant's redirectUrl, whose server verifies the payment with the official SDK.
 */
let sandbox: TestSandbox;
let merchant: Merchant;
let browser: Browser;
let context: BrowserContext;
let portone: ReturnType<typeof PaymentClient>;
const profileKey = `checkout-profile-e2e-${Date.now()}`;

const api = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `PortOne ${sandbox.store.apiSecret}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
};
const createSession = async (paymentId: string, extra: Record<string, unknown> = {}) => {
  const res = await api('POST', '/payment-sessions', {
    storeId: sandbox.store.storeId,
    paymentId,
    profileKey,
    country: 'KR',
    currency: 'KRW',
    totalAmount: 15_000,
    orderName: '호스티드 체크아웃 티셔츠',
    products: [{ id: 'tee', name: '티셔츠', unitPrice: 7_500, quantity: 2 }],
    customerName: '홍길동',
    storeName: '예제 상점',
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body as { sessionId: string; url: string; expiresAt: string };
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  [merchant, browser] = await Promise.all([startMerchantFor(sandbox), launchBrowser()]);
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
  const client = createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret });
  await client.webhook.setUrl(`${merchant.url}/webhook`);
  await client.checkoutProfiles.create({
    profileKey,
    name: '국내',
    methods: [
      { paymentMethod: 'CARD_KR', channelKey: sandbox.channelKey('INICIS_V2') },
      { paymentMethod: 'KAKAO_PAY', channelKey: sandbox.channelKey('KAKAOPAY') },
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await merchant?.close();
  await sandbox?.close();
});

describe('hosted checkout page', () => {
  it('pays a session by card after the agreements; back at redirectUrl the payment is PAID, linked to the session, with its webhook; the page then shows the result', async () => {
    const paymentId = `session-card-${Date.now()}`;
    const { url } = await createSession(paymentId, {
      redirectUrl: `${merchant.url}/return`,
      agreements: [{ name: '구매 약관', url: `${merchant.url}/terms` }],
      customData: '{"orderNo":1001}',
      colors: { primary: '#0f766e' },
    });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('[data-testid="store-name"]').textContent()).resolves.toBe('예제 상점');
    await expect(page.locator('[data-testid="amount"]').textContent()).resolves.toBe('15,000원');
    await expect(page.locator('input[name="paymentMethod"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).resolves.toEqual(['CARD_KR', 'KAKAO_PAY']);
    // The session's colour reaches the page through its own style sheet (no inline styles under the CSP).
    await expect(page.locator('[data-testid="pay"]').evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(15, 118, 110)');
    await screenshot(page, 'hosted-checkout-order');

    // The agreement is a required checkbox: the browser does not submit without it.
    await page.click('[data-testid="pay"]');
    expect(page.url()).toBe(url);
    await page.check('input[name="agree-0"]');
    await page.click('[data-testid="pay"]');
    await page.locator('#testCard').waitFor();
    await expect(page.locator('.pg-name').textContent()).resolves.toBe('KG이니시스');
    await page.locator('#testCard').selectOption('4518014000000008'); // 신한카드, approved by INICIS
    await page.click('[data-testid="pay"]');
    await page.waitForURL(`${merchant.url}/return?**`);
    await expect(page.locator('#result').getAttribute('data-state')).resolves.toBe('paid');

    const payment = await portone.getPayment({ paymentId });
    expect(payment).toMatchObject({ status: 'PAID', orderName: '호스티드 체크아웃 티셔츠', amount: { total: 15_000 }, customData: '{"orderNo":1001}', customer: { name: '홍길동' }, products: [{ id: 'tee', name: '티셔츠', amount: 7_500, quantity: 2 }] });
    await sandbox.webhooks.idle();
    const delivered = merchant.webhooks.filter((w) => w.path === '/webhook').map((w) => JSON.parse(w.body) as { type: string; data: { paymentId: string } });
    expect(delivered.filter((w) => w.data.paymentId === paymentId).map((w) => w.type)).toContain('Transaction.Paid');

    // The session page now shows the payment, not the form again.
    await page.goto(url);
    await expect(page.locator('[data-testid="payment-status"]').textContent()).resolves.toBe('PAID');
    await page.close();
  });

  it('with paymentMethod and no agreements goes straight to the window; without redirectUrl the default result page shows the payment', async () => {
    const paymentId = `session-direct-${Date.now()}`;
    const { url } = await createSession(paymentId, { paymentMethod: 'KAKAO_PAY' });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('.pg-name').textContent()).resolves.toBe('카카오페이');
    await page.click('[data-testid="pay"]');
    await page.locator('[data-testid="result"]').waitFor();
    await expect(page.locator('[data-testid="payment-status"]').textContent()).resolves.toBe('PAID');
    await screenshot(page, 'hosted-checkout-result');
    expect(await portone.getPayment({ paymentId })).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodEasyPay', provider: 'KAKAOPAY' } });
    await page.close();
  });

  it('a closed session, and one the store clock moved past, show an expired page (410) and open no window', async () => {
    const closed = await createSession(`session-closed-${Date.now()}`);
    expect((await api('POST', `/payment-sessions/${closed.sessionId}/close`)).status).toBe(200);
    const page = await context.newPage();
    const response = await page.goto(closed.url);
    expect(response?.status()).toBe(410);
    await expect(page.locator('[data-testid="gone"]').textContent()).resolves.toContain('만료된 결제 세션');

    const other = await sandbox.newStore();
    const otherApi = createSandboxClient({ baseUrl: sandbox.url, apiSecret: other.apiSecret });
    const otherProfile = await otherApi.checkoutProfiles.create({ name: '카드', methods: [{ paymentMethod: 'CARD_KR', channelKey: sandbox.channelKey('KCP_V2') }] });
    const res = await fetch(`${sandbox.url}/payment-sessions`, {
      method: 'POST',
      headers: { authorization: `PortOne ${other.apiSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ storeId: other.storeId, paymentId: 'late', profileKey: otherProfile.profileKey, country: 'KR', currency: 'KRW', totalAmount: 1_000, orderName: '늦은 주문', ttlSeconds: 600 }),
    });
    const late = (await res.json()) as { url: string; sessionId: string };
    expect((await page.goto(late.url))?.status()).toBe(200);
    await otherApi.clock.advance({ by: 'PT10M' });
    expect((await page.goto(late.url))?.status()).toBe(410);
    expect((await fetch(`${sandbox.url}/payment-sessions/${late.sessionId}`)).status).toBe(410);
    await page.close();
  });
});
