import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PaymentClient } from '@portone/server-sdk';
import { createSandboxClient } from '../../functions/client/index.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startMerchantFor, type Merchant } from './support/merchant.ts';

/**
 * The confirm process (컨펌 프로세스) in a real Chromium: the shop's page passes `confirmUrl` to
 * PortOne.requestPayment, the customer pays in the overlay, and the sandbox asks the shop's own
 * server before the PG. The shop's server approves (PAID) or answers "sold out", which reaches the
 * page's promise as `ConfirmProcessFailed` with the shop's message.
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
  await createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret }).webhook.setConfirmProcess(true);
});
afterAll(async () => {
  await browser?.close();
  await merchant?.close();
  await sandbox?.close();
});

async function payInOverlay(query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${merchant.url}/${query}`);
  await page.click('#pay');
  const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
  await frame.locator('#testCard').selectOption('4518014000000008'); // 신한카드, approved by INICIS
  await frame.locator('[data-testid="pay"]').click();
  return page;
}

const result = (page: Page) => page.locator('#result');

describe('confirm process in the browser', () => {
  it("the shop's server approves the Transaction.Confirm: the overlay pays and the server verifies PAID", async () => {
    const page = await payInOverlay('?pg=INICIS_V2&confirm=approve');
    await page.locator('#result[data-state="paid"]').waitFor();
    const paymentId = (await result(page).getAttribute('data-payment-id'))!;
    const asked = merchant.webhooks.filter((w) => w.path === '/confirm/approve').map((w) => JSON.parse(w.body) as { type: string; data: { paymentId: string } });
    expect(asked).toEqual([expect.objectContaining({ type: 'Transaction.Confirm', data: expect.objectContaining({ paymentId }) })]);
    await page.close();
  });

  it("the shop's server answers sold out: the promise resolves with ConfirmProcessFailed and the shop's message; FAILED, nothing charged", async () => {
    const page = await payInOverlay('?pg=INICIS_V2&confirm=soldout');
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(result(page).getAttribute('data-code')).resolves.toBe('ConfirmProcessFailed');
    await expect(result(page).textContent()).resolves.toBe('결제 실패: 재고가 모두 소진되었습니다. 관리자에게 문의하세요.');
    await expect(page.locator('iframe[name="pg-sandbox-checkout"]').count()).resolves.toBe(0);
    await screenshot(page, 'confirm-process-refused');
    const payment = (await portone.getPayment({ paymentId: (await result(page).getAttribute('data-payment-id'))! })) as { status: string; failure?: { reason?: string; pgCode?: string } };
    expect(payment).toMatchObject({ status: 'FAILED', failure: { reason: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' } });
    expect(payment.failure?.pgCode).toBeUndefined();
    await page.close();
  });

  it('a page that leaves out confirmUrl is refused before the window opens: the promise rejects with ConfirmUrlRequired', async () => {
    const page = await context.newPage();
    await page.goto(`${merchant.url}/?pg=INICIS_V2`);
    await page.click('#pay');
    await page.locator('#result[data-state="error"]').waitFor();
    await expect(result(page).getAttribute('data-code')).resolves.toBe('ConfirmUrlRequired');
    await expect(page.locator('iframe[name="pg-sandbox-checkout"]').count()).resolves.toBe(0);
    await page.close();
  });
});
