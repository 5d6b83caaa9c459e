import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { PaymentClient } from '@portone/server-sdk';
import { createSandboxClient } from '../../functions/client/index.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { PRODUCT, startMerchantFor, type Merchant } from './support/merchant.ts';

/**
 * The browser SDK shim and the hosted checkout, in a real Chromium: a merchant page on its own
 * origin loads /sdk.js, the PG window opens (overlay, popup or full-page redirect), the tester
 * chooses, and the merchant's server verifies the result with the official server SDK.
 */
let sandbox: TestSandbox;
let merchant: Merchant;
let browser: Browser;
let context: BrowserContext;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
let portone: ReturnType<typeof PaymentClient>;
const getPayment = (paymentId: string): Promise<Json> => portone.getPayment({ paymentId });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  [merchant, browser] = await Promise.all([startMerchantFor(sandbox), launchBrowser()]);
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(async () => {
  await browser?.close();
  await merchant?.close();
  await sandbox?.close();
});

async function openShop(query = '', payMethod = 'CARD'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${merchant.url}/${query}`);
  await page.selectOption('#payMethod', payMethod);
  return page;
}

/** Clicks the shop's pay button and returns the overlay's PG window. */
async function openOverlay(page: Page): Promise<FrameLocator> {
  await page.click('#pay');
  const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
  await frame.locator('[data-testid="pay"]').waitFor();
  return frame;
}

const result = (page: Page) => page.locator('#result');
const paymentIdOf = async (page: Page) => (await result(page).getAttribute('data-payment-id'))!;

describe('PC overlay (IFRAME)', () => {
  it('pays by card; the merchant server verifies PAID with the official SDK; a tampered form cannot change the amount', async () => {
    const page = await openShop('?pg=INICIS_V2');
    const frame = await openOverlay(page);
    await expect(frame.locator('.pg-name').textContent()).resolves.toBe('KG이니시스');
    const notes = await frame.locator('[data-testid="test-mode-notes"]').textContent();
    expect(notes).toContain('실제 출금');
    expect(notes).toContain('23:00–23:50');
    await expect(frame.locator('[data-testid="amount"]').textContent()).resolves.toBe('15,000원');
    await frame.locator('#testCard').selectOption('4518014000000008'); // 신한카드, approved by INICIS
    await screenshot(page, 'checkout-overlay-card');

    // A tester (or an attacker) edits the form: the amount still comes from the signed session.
    await frame.locator('#pay-form').evaluate((form) => {
      for (const name of ['totalAmount', 'amount', 'amount.total']) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = '100';
        form.appendChild(input);
      }
    });
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="paid"]').waitFor();
    await expect(page.locator('iframe[name="pg-sandbox-checkout"]').count()).resolves.toBe(0);
    await screenshot(page, 'merchant-paid');

    const payment = await getPayment(await paymentIdOf(page));
    expect(payment.status).toBe('PAID');
    expect(payment.amount.total).toBe(PRODUCT.amount);
    expect(payment.amount.paid).toBe(PRODUCT.amount);
    expect(payment.method).toMatchObject({ type: 'PaymentMethodCard', card: { issuer: 'SHINHAN_CARD' } });
    expect(payment.origin).toMatchObject({ platformType: 'PC' });
    expect(payment.customer).toMatchObject({ name: '홍길동', email: 'buyer@example.com' });
    expect(payment.customData).toBe('{"cartId":"cart-1"}');
    await page.close();
  });

  it('fails with the PG message when the tester picks an issuer this PG refuses in test', async () => {
    const page = await openShop('?pg=INICIS_V2');
    const frame = await openOverlay(page);
    const kb = frame.locator('#testCard option[value="4519011000000003"]');
    await expect(kb.textContent()).resolves.toContain('거절');
    await frame.locator('#testCard').selectOption('4519011000000003'); // KB국민카드
    await screenshot(page, 'checkout-overlay-refused-choice');
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(result(page).getAttribute('data-code')).resolves.toBe('FAILURE_TYPE_PG');
    await expect(result(page).getAttribute('data-pg-code')).resolves.toBe('INI051');
    await expect(result(page).textContent()).resolves.toContain('테스트 결제가 불가한 카드사입니다(KB국민카드)');
    await screenshot(page, 'merchant-refused-issuer');
    const payment = await getPayment(await paymentIdOf(page));
    expect(payment.status).toBe('FAILED');
    expect(payment.failure).toMatchObject({ pgCode: 'INI051' });
    await page.close();
  });

  it('on a live-like channel the window says what differs from the test channel, and a decline card fails as live', async () => {
    const admin = createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret });
    const live = await admin.channels.create({ pgProvider: 'INICIS_V2', name: 'KG이니시스 라이브형', mode: 'LIVE_LIKE' });
    const page = await openShop(`?channelKey=${live.channelKey}`);
    const frame = await openOverlay(page);
    const notes = (await frame.locator('[data-testid="test-mode-notes"]').textContent())!;
    expect(notes).toContain('라이브형 채널 (LIVE_LIKE)');
    expect(notes).toContain('PG 일괄취소 없음');
    expect(notes).toContain('KOOKMIN_CARD');
    // None of the test channel's notes: no batch void, no refused card companies.
    expect(notes).not.toContain('23:00–23:50');
    expect(notes).not.toContain('테스트 결제가 거절되는 카드사');
    await screenshot(page, 'checkout-overlay-live-like');
    await frame.locator('#cardNumber').fill('9411014000000518'); // 잔액부족
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="failed"]').waitFor();
    const payment = await getPayment(await paymentIdOf(page));
    expect(payment).toMatchObject({ status: 'FAILED', failure: { pgMessage: expect.stringContaining('잔액') } });
    await page.close();
  });

  it('issues a virtual account (채번 only)', async () => {
    const page = await openShop('?pg=KCP_V2', 'VIRTUAL_ACCOUNT');
    const frame = await openOverlay(page);
    await expect(frame.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('채번');
    await frame.locator('#bank').selectOption('SHINHAN');
    await screenshot(page, 'checkout-overlay-virtual-account');
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="va-issued"]').waitFor();
    const payment = await getPayment(await paymentIdOf(page));
    expect(payment.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect(payment.method).toMatchObject({ type: 'PaymentMethodVirtualAccount', bank: 'SHINHAN' });
    await page.close();
  });

  it('pays by easy pay through a general PG: real withdrawal, refund by hand', async () => {
    const page = await openShop('?pg=INICIS_V2&provider=NAVERPAY', 'EASY_PAY');
    const frame = await openOverlay(page);
    await expect(frame.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('자동 환불되지 않습니다');
    await expect(frame.locator('input[name="provider"][value="NAVERPAY"]').isChecked()).resolves.toBe(true);
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="paid"]').waitFor();
    const id = await paymentIdOf(page);
    expect((await getPayment(id)).method).toEqual({ type: 'PaymentMethodEasyPay', provider: 'NAVERPAY' });
    const dual = await sandbox.services.repo.getPayment(sandbox.store.storeId, id);
    expect(dual?.pg).toMatchObject({ withdrawn: true, autoRefund: { kind: 'never' } });
    await page.close();
  });

  it('returns PortOne\'s user-cancel answer when the customer closes the window', async () => {
    const page = await openShop('?pg=INICIS_V2');
    const frame = await openOverlay(page);
    await frame.locator('[data-testid="close-window"]').click();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(result(page).getAttribute('data-code')).resolves.toBe('FAILURE_TYPE_PG');
    await expect(result(page).getAttribute('data-pg-code')).resolves.toBe('USER_CANCEL');
    await expect(result(page).textContent()).resolves.toContain('사용자가 결제를 취소하였습니다');
    const payment = await getPayment(await paymentIdOf(page));
    expect(payment.status).toBe('FAILED');
    expect(payment.failure).toMatchObject({ pgCode: 'USER_CANCEL' });
    await page.close();
  });

  it('closes on Escape too, and rejects an unknown channel before any window opens', async () => {
    const page = await openShop('?pg=INICIS_V2');
    const frame = await openOverlay(page);
    await frame.locator('#testCard').focus();
    await frame.locator('#testCard').press('Escape');
    await page.locator('#result[data-state="failed"]').waitFor();

    const unknown = await openShop('?channelKey=channel-key-that-does-not-exist');
    await unknown.click('#pay');
    await unknown.locator('#result[data-state="error"]').waitFor();
    await expect(result(unknown).getAttribute('data-code')).resolves.toBe('ChannelNotFound');
    await page.close();
    await unknown.close();
  });
});

describe('PC popup (POPUP)', () => {
  it('pays in a popup that reports back and closes itself; closing a popup is a user cancel', async () => {
    const page = await openShop('?pg=KCP_V2&window=POPUP');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#pay')]);
    await popup.locator('[data-testid="pay"]').waitFor();
    await expect(popup.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('출금 없음');
    await Promise.all([popup.waitForEvent('close'), popup.locator('[data-testid="pay"]').click()]);
    await page.locator('#result[data-state="paid"]').waitFor();

    const [second] = await Promise.all([page.waitForEvent('popup'), page.click('#pay')]);
    await second.locator('[data-testid="pay"]').waitFor();
    await second.close();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(result(page).getAttribute('data-pg-code')).resolves.toBe('USER_CANCEL');
    await page.close();
  });
});

describe('mobile (REDIRECTION)', () => {
  it('goes to the PG window and back to redirectUrl with the result in the query string', async () => {
    const mobile = await browser.newContext({ ...devices['Pixel 7'], locale: 'ko-KR' });
    const page = await mobile.newPage();
    await page.goto(`${merchant.url}/?pg=TOSSPAYMENTS`);
    await Promise.all([page.waitForURL(`${sandbox.url}/checkout/window?**`), page.click('#pay')]);
    await expect(page.locator('.pg-name').textContent()).resolves.toBe('토스페이먼츠');
    await screenshot(page, 'checkout-mobile');
    await Promise.all([page.waitForURL(`${merchant.url}/return?**`), page.locator('[data-testid="pay"]').click()]);
    await page.locator('#result[data-state="paid"]').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('transactionType')).toBe('PAYMENT');
    expect(url.searchParams.get('code')).toBeNull();
    const payment = await getPayment(url.searchParams.get('paymentId')!);
    expect(payment).toMatchObject({ status: 'PAID', transactionId: url.searchParams.get('txId'), origin: { platformType: 'MOBILE' } });
    await screenshot(page, 'merchant-mobile-return');

    // Closing the window on mobile also goes back, with the PG's user-cancel code.
    await page.goto(`${merchant.url}/?pg=TOSSPAYMENTS`);
    await Promise.all([page.waitForURL(`${sandbox.url}/checkout/window?**`), page.click('#pay')]);
    await Promise.all([page.waitForURL(`${merchant.url}/return?**`), page.locator('[data-testid="close-window"]').click()]);
    const back = new URL(page.url());
    expect(back.searchParams.get('code')).toBe('FAILURE_TYPE_PG');
    expect(back.searchParams.get('pgCode')).toBe('PAY_PROCESS_CANCELED');
    await mobile.close();
  });
});

describe('the demo shop (GET /demo)', () => {
  it('lets a newcomer pay without code and links the payment in the console', async () => {
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/demo?storeId=${sandbox.store.storeId}`);
    await page.selectOption('#channelKey', sandbox.channelKey('INICIS_V2'));
    await screenshot(page, 'demo-shop');
    const paymentId = await page.inputValue('#paymentId');
    await page.click('#demo-form button[type="submit"]');
    const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#demo-links a').waitFor();
    const output = JSON.parse((await page.locator('#demo-output').textContent())!) as Record<string, unknown>;
    expect(output).toMatchObject({ transactionType: 'PAYMENT', paymentId });
    expect(output.code).toBeUndefined();
    await expect(page.locator('#demo-links a').getAttribute('href')).resolves.toBe(`/console/payments/${paymentId}`);
    expect((await getPayment(paymentId)).status).toBe('PAID');

    // The shop's link → sign-in → straight back to that payment's page.
    await Promise.all([page.waitForURL(`${sandbox.url}/console/login?**`), page.click('#demo-links a')]);
    await page.fill('#apiSecret', sandbox.store.apiSecret);
    await Promise.all([page.waitForURL(`${sandbox.url}/console/payments/${paymentId}`), page.click('button[type="submit"]')]);
    await page.locator('[data-testid="timeline"]').waitFor();

    const csp = (await page.request.get(`${sandbox.url}/demo`)).headers()['content-security-policy'];
    expect(csp).toContain("frame-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.close();
  });
});

describe('security of the window', () => {
  it('lets only the opening merchant origin frame it, allows no inline script, and refuses altered links', async () => {
    const res = await fetch(`${sandbox.url}/checkout/sessions`, {
      method: 'POST',
      headers: { origin: merchant.url },
      body: JSON.stringify({
        request: { storeId: sandbox.store.storeId, channelKey: sandbox.channelKey('INICIS_V2'), paymentId: `sec-${Date.now()}`, orderName: 'x', totalAmount: 1000, currency: 'KRW', payMethod: 'CARD' },
        windowType: 'IFRAME',
      }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const session = (await res.json()) as { checkoutUrl: string; token: string };
    const window = await fetch(session.checkoutUrl);
    const csp = window.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors ${merchant.url}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(window.headers.get('x-frame-options')).toBeNull();
    expect(window.headers.get('cache-control')).toBe('no-store');

    const altered = session.token.replace(/^.{10}/, 'eyJ2IjoyLC');
    const bad = await fetch(`${sandbox.url}/checkout/window?s=${encodeURIComponent(altered)}`);
    expect(bad.status).toBe(400);

    // 31 minutes later the window is expired: paying answers DeadlineExceeded, nothing is charged.
    const realNow = sandbox.services.wallNow;
    sandbox.services.wallNow = () => realNow() + 31 * 60 * 1000;
    try {
      const late = await fetch(`${sandbox.url}/checkout/pay`, { method: 'POST', body: new URLSearchParams({ s: session.token, testCard: '4518014000000008', expiryMonth: '12', expiryYear: '30' }) });
      expect(late.status).toBe(200);
      expect(await late.text()).toContain('DeadlineExceeded');
    } finally {
      sandbox.services.wallNow = realNow;
    }

    const sdk = await fetch(`${sandbox.url}/sdk.js`);
    expect(sdk.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(sdk.headers.get('content-type')).toContain('javascript');
  });
});
