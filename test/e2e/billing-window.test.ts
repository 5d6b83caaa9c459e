import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { PaymentClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startBillingShop, type BillingShop } from './support/billing-merchant.ts';

/**
 * PortOne.requestIssueBillingKey / requestIssueBillingKeyAndPay in a real Chromium: a subscription
 * shop on its own origin loads /sdk.js, the PG's billing window opens (overlay, popup, redirect), the
 * tester picks a card, and the shop's server checks the key with the official server SDK.
 */
let sandbox: TestSandbox;
let shop: BillingShop;
let browser: Browser;
let context: BrowserContext;
let portone: ReturnType<typeof PaymentClient>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const channels = Object.fromEntries(sandbox.store.channels.map((c) => [c.pgProvider, c.channelKey]));
  [shop, browser] = await Promise.all([startBillingShop({ sandboxUrl: sandbox.url, storeId: sandbox.store.storeId, channels }), launchBrowser()]);
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await sandbox?.close();
});

async function openOverlay(query: string): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await context.newPage();
  await page.goto(`${shop.url}/${query}`);
  await page.click('#issue');
  const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
  await frame.locator('[data-testid="pay"]').waitFor();
  return { page, frame };
}

async function outcome(page: Page, state = 'resolved'): Promise<Json> {
  await page.locator(`#result[data-state="${state}"]`).waitFor();
  return JSON.parse((await page.locator('#result').getAttribute('data-json'))!);
}

describe('requestIssueBillingKey', () => {
  it('issues a key in the overlay; the server sees it ISSUED on the billing MID and can charge it', async () => {
    const { page, frame } = await openOverlay('?pg=KCP_V2');
    await expect(frame.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('A52LD');
    await frame.locator('#testCard').selectOption('4518014000000008'); // 신한카드
    await screenshot(page, 'billing-window-overlay');
    await frame.locator('[data-testid="pay"]').click();
    const response = await outcome(page);
    expect(response.transactionType).toBe('ISSUE_BILLING_KEY');
    expect(response.code).toBeUndefined();
    await expect(page.locator('iframe[name="pg-sandbox-checkout"]').count()).resolves.toBe(0);

    const info: Json = await portone.billingKey.getBillingKeyInfo({ billingKey: response.billingKey });
    expect(info).toMatchObject({ status: 'ISSUED', channels: [{ pgMerchantId: 'A52LD' }], customer: { id: 'subscriber-1' }, customData: '{"plan":"monthly"}' });
    expect(info.methods[0]).toMatchObject({ type: 'BillingKeyPaymentMethodCard', card: { issuer: 'SHINHAN_CARD' } });
    const paymentId = `charge-${Date.now()}`;
    await portone.payWithBillingKey({ paymentId, billingKey: response.billingKey, orderName: '월간 구독', amount: { total: 9_900 }, currency: 'KRW' });
    expect(await portone.getPayment({ paymentId })).toMatchObject({ status: 'PAID', billingKey: response.billingKey });
    await page.close();
  });

  it("resolves with the PG's refusal where the test channel issues no keys; nothing is issued", async () => {
    const { page, frame } = await openOverlay('?pg=DAOU');
    await expect(frame.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('빌링키를 발급하지 않습니다');
    await frame.locator('[data-testid="pay"]').click();
    const response = await outcome(page);
    expect(response).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY', code: 'FAILURE_TYPE_PG' });
    expect(response.pgCode).toBeTruthy();
    await expect(portone.billingKey.getBillingKeyInfo({ billingKey: response.billingKey })).rejects.toMatchObject({ data: { type: 'BILLING_KEY_NOT_FOUND' } });
    await page.close();
  });

  it('closing the window is a user cancel; closing a popup too; an unknown channel rejects before any window', async () => {
    const { page, frame } = await openOverlay('?pg=INICIS_V2');
    await frame.locator('[data-testid="close-window"]').click();
    const closed = await outcome(page);
    expect(closed).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY', code: 'FAILURE_TYPE_PG', pgCode: 'USER_CANCEL' });

    await page.goto(`${shop.url}/?pg=KCP_V2&window=POPUP`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#issue')]);
    await popup.locator('[data-testid="pay"]').waitFor();
    await popup.close();
    expect(await outcome(page)).toMatchObject({ code: 'FAILURE_TYPE_PG', pgCode: 'USER_CANCEL' });

    await page.goto(`${shop.url}/?pg=NOPE`);
    await page.click('#issue');
    expect(await outcome(page, 'rejected')).toMatchObject({ name: 'IssueBillingKeyError', code: 'BadRequest', transactionType: 'ISSUE_BILLING_KEY' });
    await page.close();
  });

  it('in a popup, issues and reports back; on mobile, goes to the window and back to redirectUrl with the key', async () => {
    const page = await context.newPage();
    await page.goto(`${shop.url}/?pg=TOSSPAYMENTS&window=POPUP`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#issue')]);
    await popup.locator('[data-testid="pay"]').waitFor();
    await Promise.all([popup.waitForEvent('close'), popup.locator('[data-testid="pay"]').click()]);
    const viaPopup = await outcome(page);
    expect(viaPopup.code).toBeUndefined();
    expect(await portone.billingKey.getBillingKeyInfo({ billingKey: viaPopup.billingKey })).toMatchObject({ status: 'ISSUED' });
    await page.close();

    const mobile = await browser.newContext({ ...devices['Pixel 7'], locale: 'ko-KR' });
    const phone = await mobile.newPage();
    await phone.goto(`${shop.url}/?pg=TOSSPAYMENTS`);
    await Promise.all([phone.waitForURL(`${sandbox.url}/checkout/billing-window?**`), phone.click('#issue')]);
    await screenshot(phone, 'billing-window-mobile');
    await Promise.all([phone.waitForURL(`${shop.url}/return?**`), phone.locator('[data-testid="pay"]').click()]);
    const back = new URL(phone.url()).searchParams;
    expect(back.get('transactionType')).toBe('ISSUE_BILLING_KEY');
    expect(back.get('code')).toBeNull();
    expect(await portone.billingKey.getBillingKeyInfo({ billingKey: back.get('billingKey')! })).toMatchObject({ status: 'ISSUED', channels: [{ pgProvider: 'TOSSPAYMENTS' }] });
    await mobile.close();
  });
});

describe('requestIssueBillingKeyAndPay', () => {
  it('issues a key and makes the first payment with it; a card the PG refuses for 비인증 payments fails the payment', async () => {
    const { page, frame } = await openOverlay('?pg=INICIS_V2&kind=pay');
    await expect(frame.locator('[data-testid="amount"]').textContent()).resolves.toBe('9,900원');
    await frame.locator('#testCard').selectOption('4518014000000008');
    await frame.locator('[data-testid="pay"]').click();
    const paid = await outcome(page);
    expect(paid).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY' });
    expect(paid.code).toBeUndefined();
    expect(await portone.getPayment({ paymentId: paid.paymentId })).toMatchObject({ status: 'PAID', billingKey: paid.billingKey, transactionId: paid.txId, amount: { total: 9_900 } });

    await page.goto(`${shop.url}/?pg=INICIS_V2&kind=pay`);
    await page.click('#issue');
    const again = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
    const kb = again.locator('#testCard option[value="4519011000000003"]'); // KB국민카드
    await expect(kb.textContent()).resolves.toContain('거절');
    await again.locator('#testCard').selectOption('4519011000000003');
    await again.locator('[data-testid="pay"]').click();
    const refused = await outcome(page);
    expect(refused).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', code: 'FAILURE_TYPE_PG' });
    expect(await portone.getPayment({ paymentId: refused.paymentId })).toMatchObject({ status: 'FAILED' });
    await page.close();
  });
});
