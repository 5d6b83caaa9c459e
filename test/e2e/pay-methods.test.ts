import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PaymentClient } from '@portone/server-sdk';
import { expectResponseMatches } from '../support/openapi.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startMerchantFor, type Merchant } from './support/merchant.ts';
import { sandboxAdmin } from '../support/admin.ts';

/**
 * The browser SDK's other pay methods in the checkout window, in a real Chromium: 실시간 계좌이체
 * (overlay), 휴대폰 소액결제 with an 알뜰폰 carrier (popup) and 상품권 (mobile redirect). The payment
 * each leaves behind is read with the official server SDK and validated against PortOne's OAS.
 */
let sandbox: TestSandbox;
let merchant: Merchant;
let browser: Browser;
let context: BrowserContext;
let portone: ReturnType<typeof PaymentClient>;

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

/** The payment as PortOne's API shows it, checked against the OAS `Payment` schema. */
async function paymentOf(paymentId: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.url}/payments/${encodeURIComponent(paymentId)}`, { headers: { authorization: `PortOne ${sandbox.store.apiSecret}` } });
  const body = (await res.json()) as Record<string, unknown>;
  expectResponseMatches('get', '/payments/{paymentId}', res.status, body, { rejectUnknownProperties: true });
  expect(await portone.getPayment({ paymentId })).toMatchObject({ status: body.status });
  return body;
}

async function openShop(query: string, payMethod: string, ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${merchant.url}/${query}`);
  await page.selectOption('#payMethod', payMethod);
  return page;
}

const paymentIdOf = async (page: Page) => (await page.locator('#result').getAttribute('data-payment-id'))!;

describe('pay methods beyond cards', () => {
  it('실시간 계좌이체 in the overlay: a bank, real withdrawal at INICIS; KSNET cannot test transfers', async () => {
    const page = await openShop('?pg=INICIS_V2', 'TRANSFER');
    await page.click('#pay');
    const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
    await frame.locator('#bank').selectOption('WOORI');
    await expect(frame.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('실제 출금');
    await screenshot(page, 'checkout-transfer');
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="paid"]').waitFor();
    expect(await paymentOf(await paymentIdOf(page))).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodTransfer', bank: 'WOORI' } });

    const ksnet = await openShop('?pg=KSNET', 'TRANSFER');
    await ksnet.click('#pay');
    await ksnet.frameLocator('iframe[name="pg-sandbox-checkout"]').locator('[data-testid="pay"]').click();
    await ksnet.locator('#result[data-state="failed"]').waitFor();
    await expect(ksnet.locator('#result').textContent()).resolves.toContain('지원하지 않는 결제수단입니다(계좌이체)');
    await page.close();
    await ksnet.close();
  });

  it('현금영수증 in the transfer window: the buyer picks 소득공제 and types the number; the payment carries the ISSUED receipt', async () => {
    const page = await openShop('?pg=KCP_V2', 'TRANSFER');
    await page.click('#pay');
    const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
    const receipt = frame.locator('[data-testid="cash-receipt"]');
    // NHN KCP does not read the SDK's cashReceiptType: its window asks, starting on 미발행.
    await expect(receipt.locator('input[value="NONE"]').isChecked()).resolves.toBe(true);
    await receipt.locator('input[value="PERSONAL"]').check();
    await frame.locator('#cashReceiptNumber').fill('12');
    await frame.locator('[data-testid="pay"]').click();
    // The pay button posts the form and the window comes back rendered with the field marked: wait
    // for that page (reading the attribute at once could still read the page before the post).
    await frame.locator('#cashReceiptNumber[aria-invalid="true"]').waitFor();
    await frame.locator('#cashReceiptNumber').fill('010-1234-5678');
    await screenshot(page, 'checkout-transfer-cash-receipt');
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="paid"]').waitFor();
    const paymentId = await paymentIdOf(page);
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'PAID', cashReceipt: { status: 'ISSUED', type: 'PERSONAL', totalAmount: expect.any(Number) } });
    expect(await portone.cashReceipt.getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'ISSUED', isManual: false });
    await page.close();
  });

  it('휴대폰 소액결제 in a popup: the carrier the shop asked for (알뜰폰) is preselected; NICE refuses KT in test', async () => {
    const page = await openShop('?pg=DANAL&window=POPUP&carrier=HELLO', 'MOBILE');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#pay')]);
    await expect(popup.locator('input[name="carrier"][value="HELLO"]').isChecked()).resolves.toBe(true);
    await screenshot(popup, 'checkout-mobile-carrier');
    await Promise.all([popup.waitForEvent('close'), popup.locator('[data-testid="pay"]').click()]);
    await page.locator('#result[data-state="paid"]').waitFor();
    expect(await paymentOf(await paymentIdOf(page))).toMatchObject({ method: { type: 'PaymentMethodMobile', phoneNumber: '01012345678' } });

    const nice = await openShop('?pg=NICE_V2', 'MOBILE');
    await nice.click('#pay');
    const frame = nice.frameLocator('iframe[name="pg-sandbox-checkout"]');
    await expect(frame.locator('input[name="carrier"][value="KT"] + span').textContent()).resolves.toContain('거절');
    await frame.locator('input[name="carrier"][value="KT"]').check();
    await frame.locator('[data-testid="pay"]').click();
    await nice.locator('#result[data-state="failed"]').waitFor();
    await expect(nice.locator('#result').getAttribute('data-pg-code')).resolves.toBe('NICE054');
    await page.close();
    await nice.close();
  });

  it('상품권 on mobile: to the window and back to redirectUrl; the payment shows the gift card type in the OAS spelling', async () => {
    const mobile = await browser.newContext({ ...devices['Pixel 7'], locale: 'ko-KR' });
    const page = await openShop('?pg=KCP_V2&gift=CULTURE_GIFT', 'GIFT_CERTIFICATE', mobile);
    await Promise.all([page.waitForURL(`${sandbox.url}/checkout/window?**`), page.click('#pay')]);
    await expect(page.locator('input[name="giftCertificateType"][value="CULTURE_GIFT"]').isChecked()).resolves.toBe(true);
    await Promise.all([page.waitForURL(`${merchant.url}/return?**`), page.locator('[data-testid="pay"]').click()]);
    await page.locator('#result[data-state="paid"]').waitFor();
    const paymentId = new URL(page.url()).searchParams.get('paymentId')!;
    expect(await paymentOf(paymentId)).toMatchObject({ method: { type: 'PaymentMethodGiftCertificate', giftCertificateType: 'CULTUREGIFT' } });
    await mobile.close();
  });

  it('overseas methods at Korean PGs: 알리페이 플러스 needs KICC\'s 해외결제 signup, 편의점 결제 is not simulated; both refused by the PG', async () => {
    const page = await openShop('?pg=KICC_V2', 'ALIPAY_PLUS');
    await page.click('#pay');
    const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
    await expect(frame.locator('input[name="option"][value="G_CASH"] + span').textContent()).resolves.toContain('거절');
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(page.locator('#result').textContent()).resolves.toContain('알리페이 플러스');
    expect(await paymentOf(await paymentIdOf(page))).toMatchObject({ status: 'FAILED', method: { type: 'PaymentMethodEasyPay', provider: 'ALIPAY' } });

    await page.goto(`${merchant.url}/?pg=EXIMBAY_V2`);
    await page.selectOption('#payMethod', 'CONVENIENCE_STORE');
    await page.click('#pay');
    await frame.locator('input[name="option"][value="LAWSON"]').check();
    await frame.locator('[data-testid="pay"]').click();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(page.locator('#result').textContent()).resolves.toContain('편의점 결제');
    await page.close();
  });
});

describe('PayPal subscriptions (PortOne.loadIssueBillingKeyUI, PAYPAL_RT)', () => {
  it('renders a button in the paypal-rt container; a click issues a PayPal billing key in a popup and calls onIssueBillingKeySuccess; the key pays as PayPal; closing the popup after updateLoadIssueBillingKeyUIRequest calls onIssueBillingKeyFail', async () => {
    const admin = sandboxAdmin(sandbox.url, sandbox.store.apiSecret);
    await admin.post('/sandbox/signups', { pgProvider: 'PAYPAL_V2' });
    const channel = (await admin.post('/sandbox/channels', { pgProvider: 'PAYPAL_V2' })) as { channelKey: string };
    const page = await context.newPage();
    await page.goto(`${merchant.url}/paypal-rt?channelKey=${channel.channelKey}`);
    await page.locator('#result[data-state="rendered"]').waitFor();
    const button = page.locator('.portone-ui-container [data-pg-sandbox="paypal-rt-button"]');
    await screenshot(page, 'paypal-rt-button');

    const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await Promise.all([popup.waitForEvent('close'), popup.locator('[data-testid="pay"]').click()]);
    await page.locator('#result[data-state="issued"]').waitFor();
    const billingKey = (await page.locator('#result').getAttribute('data-billing-key'))!;
    await expect(page.locator('#result').getAttribute('data-transaction-type')).resolves.toBe('ISSUE_BILLING_KEY');
    const res = await fetch(`${sandbox.url}/billing-keys/${encodeURIComponent(billingKey)}`, { headers: { authorization: `PortOne ${sandbox.store.apiSecret}` } });
    const info = (await res.json()) as Record<string, unknown>;
    expectResponseMatches('get', '/billing-keys/{billingKey}', res.status, info, { rejectUnknownProperties: true });
    expect(info).toMatchObject({ status: 'ISSUED', methods: [{ type: 'BillingKeyPaymentMethodPaypal' }] });
    const paymentId = `paypal-rt-${Date.now()}`;
    await PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url }).payWithBillingKey({ paymentId, billingKey, orderName: '월간 구독 1회차', amount: { total: 12 }, currency: 'USD' });
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'PAID', billingKey, method: { type: 'PaymentMethodEasyPay', provider: 'PAYPAL' } });

    await page.click('#again');
    await page.locator('#result[data-state="updated"]').waitFor();
    const [second] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await second.locator('[data-testid="pay"]').waitFor();
    await second.close();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(page.locator('#result').getAttribute('data-error-type')).resolves.toBe('IssueBillingKeyError');
    await expect(page.locator('#result').getAttribute('data-code')).resolves.toBe('FAILURE_TYPE_PG');
    await page.close();
  });
});

describe('PayPal buttons (PortOne.loadPaymentUI, PAYPAL_SPB)', () => {
  it('renders a button in the shop\'s container; a click pays in a popup and calls onPaymentSuccess; updateLoadPaymentUIRequest changes what the next click pays; closing the popup calls onPaymentFail', async () => {
    const admin = sandboxAdmin(sandbox.url, sandbox.store.apiSecret);
    await admin.post('/sandbox/signups', { pgProvider: 'PAYPAL_V2' });
    const channel = (await admin.post('/sandbox/channels', { pgProvider: 'PAYPAL_V2' })) as { channelKey: string };
    const page = await context.newPage();
    await page.goto(`${merchant.url}/paypal?channelKey=${channel.channelKey}`);
    await page.locator('#result[data-state="rendered"]').waitFor();
    const button = page.locator('.portone-ui-container [data-pg-sandbox="paypal-button"]');
    await screenshot(page, 'paypal-buttons');

    const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await Promise.all([popup.waitForEvent('close'), popup.locator('[data-testid="pay"]').click()]);
    await page.locator('#result[data-state="paid"]').waitFor();
    const paymentId = (await page.locator('#result').getAttribute('data-response-payment-id'))!;
    expect(paymentId).toBe(await paymentIdOf(page));
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'PAID', currency: 'USD', amount: { total: 10 }, method: { type: 'PaymentMethodEasyPay', provider: 'PAYPAL' } });

    await page.click('#more');
    await page.locator('#result[data-state="updated"]').waitFor();
    const [second] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await second.locator('[data-testid="pay"]').waitFor();
    await second.close();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(page.locator('#result').getAttribute('data-error-type')).resolves.toBe('PaymentError');
    expect(await page.locator('#result').getAttribute('data-response-payment-id')).toBe(`${paymentId}-2`);
    expect(await paymentOf(`${paymentId}-2`)).toMatchObject({ status: 'FAILED', amount: { total: 25 } });
    await page.close();
  });
});
