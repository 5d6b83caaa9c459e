import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PaymentClient } from '@portone/server-sdk';
import { setWebhookUrl } from '../../functions/webhooks/settings.ts';
import { createChannel, recordSignup } from '../../functions/stores/channels.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { card, cardMethod } from '../support/cards.ts';
import { ARTIFACTS, launchBrowser, measurePageWeight, screenshot, type PageWeight } from './support/browser.ts';
import { startMerchantFor, type Merchant } from './support/merchant.ts';
import { correctReceiver } from '../../examples/webhook-receivers/correct.ts';

/**
 * The sandbox console in a real Chromium: sign in with the API secret, find the payment the shop
 * just took, watch PortOne's view and the PG's view part ways on the timeline once the store clock
 * passes the PG's batch window, and use the test buttons. Also records each key screen and the
 * pages' weight.
 */
let sandbox: TestSandbox;
let merchant: Merchant;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let portone: ReturnType<typeof PaymentClient>;
let inicisPaymentId = '';
const vaPaymentId = `va-${Date.now()}`;
const failedPaymentId = `refused-${Date.now()}`;
const weights: Record<string, PageWeight> = {};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  [merchant, browser] = await Promise.all([startMerchantFor(sandbox), launchBrowser()]);
  await setWebhookUrl(sandbox.services, sandbox.store.storeId, `${merchant.url}/webhook`);
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });

  // A card payment through the shop and the checkout window, its webhooks also sent to a broken
  // receiver (so one delivery fails and waits for a retry).
  const shop = await context.newPage();
  await shop.goto(`${merchant.url}/?pg=INICIS_V2&notice=1`);
  await shop.click('#pay');
  const frame = shop.frameLocator('iframe[name="pg-sandbox-checkout"]');
  await frame.locator('#testCard').selectOption('4518014000000008');
  await frame.locator('[data-testid="pay"]').click();
  await shop.locator('#result[data-state="paid"]').waitFor();
  inicisPaymentId = (await shop.locator('#result').getAttribute('data-payment-id'))!;
  await shop.close();

  // Two more through the API: a virtual account and a refused card.
  await portone.payInstantly({
    paymentId: vaPaymentId,
    channelKey: sandbox.channelKey('KCP_V2'),
    orderName: '가상계좌 주문',
    amount: { total: 30_000 },
    currency: 'KRW',
    method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' } } },
  });
  await portone
    .payInstantly({
      paymentId: failedPaymentId,
      channelKey: sandbox.channelKey('INICIS_V2'),
      orderName: '거절될 주문',
      amount: { total: 5_000 },
      currency: 'KRW',
      method: cardMethod(card('KOOKMIN_CARD')),
    })
    .catch(() => undefined);
  await sandbox.webhooks.idle();
  page = await context.newPage();
});

afterAll(async () => {
  if (Object.keys(weights).length > 0) {
    writeFileSync(join(ARTIFACTS, 'page-weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
    console.log('page weights (bytes transferred, cold cache):', Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, `${w.bytes} B in ${w.requests} requests`])));
  }
  await browser?.close();
  await merchant?.close();
  await sandbox?.close();
});

const detailUrl = (id: string) => `${sandbox.url}/console/payments/${encodeURIComponent(id)}`;

describe('sign-in', () => {
  it('sends a visitor to the login page and signs in with the API secret into an HttpOnly, SameSite=Strict cookie', async () => {
    await page.goto(`${sandbox.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.fill('#apiSecret', 'wrong-secret');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="login-error"]').waitFor();
    await screenshot(page, 'console-login');

    await page.fill('#apiSecret', sandbox.store.apiSecret);
    await Promise.all([page.waitForURL(`${sandbox.url}/console/payments`), page.click('button[type="submit"]')]);
    expect(page.url()).not.toContain(sandbox.store.apiSecret);
    const cookie = (await context.cookies(`${sandbox.url}/console`)).find((c) => c.name === 'pgs_console')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console', secure: false });
    expect(cookie.value).not.toContain(sandbox.store.apiSecret);
  });
});

describe('payments list', () => {
  it('lists the store\'s payments with filters and search', async () => {
    await page.goto(`${sandbox.url}/console/payments`);
    const table = page.locator('[data-testid="payments-table"]');
    await expect(table.locator('tbody tr').count()).resolves.toBe(3);
    await screenshot(page, 'console-payments');

    await page.selectOption('#status', 'FAILED');
    await page.click('form[role="search"] button');
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    await expect(table.locator('tbody tr').first().getAttribute('data-payment-id')).resolves.toBe(failedPaymentId);

    await page.goto(`${sandbox.url}/console/payments?q=${encodeURIComponent(inicisPaymentId)}`);
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
  });
});

describe('payment detail: the dual ledger', () => {
  it('shows PortOne and the PG in sync, with the PG\'s void and a webhook retry pending (dashed)', async () => {
    await page.goto(detailUrl(inicisPaymentId));
    await expect(page.locator('[data-testid="portone-status"]').textContent()).resolves.toBe('결제완료');
    await expect(page.locator('[data-testid="pg-status"]').textContent()).resolves.toBe('승인');
    await expect(page.locator('[data-testid="sync"]').textContent()).resolves.toBe('원장 일치');
    const timeline = page.locator('[data-testid="timeline"]');
    await expect(timeline.locator('g[data-kind="pending"]').count()).resolves.toBeGreaterThanOrEqual(2); // PG void + webhook retry
    await expect(timeline.textContent()).resolves.toContain('PG 일괄취소 예정');
    await expect(timeline.textContent()).resolves.toContain('웹훅 ✗');
    await expect(timeline.textContent()).resolves.toContain('웹훅 ✓');
    await screenshot(page, 'console-payment-before');
  });

  it('diverges after the store clock passes the batch window; a cancel then fails with 기 취소 거래', async () => {
    await page.selectOption('#clock-by', 'P1D');
    await Promise.all([page.waitForURL(detailUrl(inicisPaymentId)), page.click('[data-testid="advance-clock"]')]);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain('실행된 타이머');
    await expect(page.locator('[data-testid="portone-status"]').textContent()).resolves.toBe('결제완료');
    await expect(page.locator('[data-testid="pg-status"]').textContent()).resolves.toBe('PG 일괄취소');
    await expect(page.locator('[data-testid="sync"]').textContent()).resolves.toBe('⚠ 원장 불일치');
    await expect(page.locator('[data-testid="divergence"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="differences"]').textContent()).resolves.toContain('기 취소 거래');
    await screenshot(page, 'console-timeline-diverged');
    await page.locator('.timeline').screenshot({ path: join(ARTIFACTS, 'console-timeline.png') });

    await Promise.all([page.waitForURL(detailUrl(inicisPaymentId)), page.click('[data-testid="cancel-payment"]')]);
    const flash = await page.locator('[data-testid="flash"]').textContent();
    expect(flash).toContain('PG_PROVIDER');
    expect(flash).toContain('기 취소 거래');
    await expect(page.locator('[data-testid="flash"]').getAttribute('role')).resolves.toBe('alert');
  });

  it('switches to English and back', async () => {
    await Promise.all([page.waitForURL(detailUrl(inicisPaymentId)), page.click('header a[lang="en"]')]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('[data-testid="sync"]').textContent()).resolves.toBe('⚠ ledgers diverged');
    await screenshot(page, 'console-payment-en');
    await Promise.all([page.waitForURL(detailUrl(inicisPaymentId)), page.click('header a[lang="ko"]')]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
  });

  it('sends the test deposit notification for a virtual account: PortOne PAID, the PG holds nothing', async () => {
    await page.goto(detailUrl(vaPaymentId));
    await Promise.all([page.waitForURL(detailUrl(vaPaymentId)), page.click('[data-testid="test-deposit"]')]);
    await expect(page.locator('[data-testid="portone-status"]').textContent()).resolves.toBe('결제완료');
    await expect(page.locator('[data-testid="sync"]').textContent()).resolves.toBe('⚠ 원장 불일치');
    expect(((await portone.getPayment({ paymentId: vaPaymentId })) as { status: string }).status).toBe('PAID');
  });

  it('shows the delivery a Paymentwall payment registered in the PG view', async () => {
    await recordSignup(sandbox.services, sandbox.store.storeId, 'PAYMENTWALL');
    const channel = await createChannel(sandbox.services, sandbox.store.storeId, { pgProvider: 'PAYMENTWALL' });
    const paymentId = `pw-${Date.now()}`;
    await portone.payInstantly({ paymentId, channelKey: channel.channelKey, orderName: 'Paymentwall order', amount: { total: 9_000 }, currency: 'KRW', method: cardMethod(card('HYUNDAI_CARD')) });
    const paid = await portone.getPayment({ paymentId });
    const res = await fetch(`${sandbox.url}/paymentwall/delivery/confirm`, {
      method: 'POST',
      headers: { authorization: `PortOne ${sandbox.store.apiSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        transactionId: 'transactionId' in paid ? paid.transactionId : '',
        deliveryType: 'PHYSICAL',
        deliveryStatus: 'ORDER_SHIPPED',
        estimatedDeliveryDatetime: '2026-12-03T10:00:00+09:00',
        estimatedUpdateDatetime: '2026-12-02T10:00:00+09:00',
        refundable: true,
        details: '택배 발송',
        shippingAddressEmail: 'buyer@example.com',
        carrierTrackingId: '6543210',
        carrierType: 'CJ대한통운',
        shippingAddressCountry: 'KR',
        shippingAddressCity: '서울',
        shippingAddressZip: '04524',
        shippingAddressState: '서울특별시',
        shippingAddressStreet: '세종대로 110',
        shippingAddressPhone: '010-1234-5678',
        shippingAddressFirstname: '길동',
        shippingAddressLastname: '홍',
      }),
    });
    expect(res.status).toBe(200);
    await page.goto(detailUrl(paymentId));
    await expect(page.locator('[data-testid="paymentwall-delivery"]').textContent()).resolves.toContain('PHYSICAL · ORDER_SHIPPED');
    await expect(page.locator('[data-testid="paymentwall-delivery"]').textContent()).resolves.toContain('CJ대한통운 6543210');
  });

  it('resends a webhook from the payment page', async () => {
    await page.goto(detailUrl(inicisPaymentId));
    const before = merchant.webhooks.length;
    await Promise.all([page.waitForURL(detailUrl(inicisPaymentId)), page.click('form[action$="/resend-webhook"] button')]);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain('재발송');
    await sandbox.webhooks.idle();
    expect(merchant.webhooks.length).toBeGreaterThan(before);
  });
});

describe('channels, webhooks, store', () => {
  it('lists channels with each PG\'s test-mode notes, and the webhook settings with the delivery log', async () => {
    await page.goto(`${sandbox.url}/console/channels`);
    const channels = await page.locator('[data-testid="channels-table"]').textContent();
    expect(channels).toContain('KG이니시스');
    expect(channels).toContain('실제 출금, 매일 23:00–23:50(KST) PG 일괄 취소');
    expect(channels).toContain('출금 없음');
    await screenshot(page, 'console-channels');

    // Switch the KCP channel to live-like and back: the table says which mode each channel is in.
    const kcp = sandbox.channelKey('KCP_V2');
    await Promise.all([page.waitForURL(`${sandbox.url}/console/channels`), page.click(`[data-testid="mode-${kcp}"]`)]);
    expect((await sandbox.services.repo.getChannel(sandbox.store.storeId, kcp))?.mode).toBe('LIVE_LIKE');
    expect(await page.locator('[data-testid="channels-table"]').textContent()).toContain('라이브형 · LIVE_LIKE');
    await Promise.all([page.waitForURL(`${sandbox.url}/console/channels`), page.click(`[data-testid="mode-${kcp}"]`)]);
    expect((await sandbox.services.repo.getChannel(sandbox.store.storeId, kcp))?.mode).toBe('TEST');

    await page.goto(`${sandbox.url}/console/webhooks`);
    await expect(page.locator('#webhook-url').inputValue()).resolves.toBe(`${merchant.url}/webhook`);
    const log = await page.locator('[data-testid="deliveries-table"]').textContent();
    expect(log).toContain('Transaction.Paid');
    expect(log).toContain('DELIVERED');
    expect(log).toContain('RETRYING');
    expect(log).toContain('HTTP 500');
    await screenshot(page, 'console-webhooks');
  });

  it('probes a webhook receiver from the webhooks page and shows the score per check', async () => {
    const store = await sandbox.services.repo.getStore(sandbox.store.storeId);
    const receiver = await correctReceiver({ secret: store!.webhook.secrets[0]!.secret, baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret });
    try {
      await page.goto(`${sandbox.url}/console/webhooks`);
      await page.locator('#probe-url').fill(receiver.url);
      await page.locator('#probe-timeout').fill('3000');
      await page.getByRole('button', { name: '점검 실행' }).click();
      await expect(page.locator('[data-testid="probe-score"]').textContent()).resolves.toContain('10/10');
      const rows = page.locator('[data-testid="probe-table"] tbody tr');
      await expect(rows.count()).resolves.toBe(10);
      await expect(page.locator('tr[data-check="forged-signature"]').textContent()).resolves.toContain('PASS');
      await screenshot(page, 'console-webhook-probe');
    } finally {
      await receiver.close();
    }
  });

  it('refuses a console POST without the CSRF token or from another origin', async () => {
    const noToken = await page.request.post(`${sandbox.url}/console/clock`, { form: { by: 'PT1H' }, headers: { origin: sandbox.url } });
    expect(noToken.status()).toBe(403);
    const html = await (await page.request.get(`${sandbox.url}/console/store`)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const crossSite = await page.request.post(`${sandbox.url}/console/clock`, {
      form: { by: 'PT1H', _csrf: token },
      headers: { origin: merchant.url, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status()).toBe(403);
  });

  it('is usable by keyboard and readable on a phone', async () => {
    await page.goto(detailUrl(inicisPaymentId));
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('본문으로 건너뛰기');
    await expect(page.locator('svg[role="img"] title').textContent()).resolves.toContain('PG');
    for (const id of await page.locator('input:not([type="hidden"]), select').evaluateAll((els) => els.map((e) => e.id))) {
      await expect(page.locator(`label[for="${id}"]`).count(), `label for #${id}`).resolves.toBeGreaterThan(0);
    }

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.addCookies((await context.cookies(`${sandbox.url}/console`)).filter((c) => c.name === 'pgs_console'));
    const small = await phone.newPage();
    await small.goto(detailUrl(inicisPaymentId));
    await small.locator('[data-testid="timeline"]').waitFor();
    // Nothing but the timeline's own scroller may be wider than the screen.
    await expect(small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await screenshot(small, 'console-mobile', { fullPage: false });
    await small.locator('.timeline').scrollIntoViewIfNeeded();
    await screenshot(small, 'console-mobile-timeline', { fullPage: false });
    await small.goto(`${sandbox.url}/console/payments`);
    await expect(small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await phone.close();
  });

  it('measures page weight (bytes transferred, cold cache)', async () => {
    const session = (await (
      await fetch(`${sandbox.url}/checkout/sessions`, {
        method: 'POST',
        headers: { origin: merchant.url },
        body: JSON.stringify({
          request: { storeId: sandbox.store.storeId, channelKey: sandbox.channelKey('INICIS_V2'), paymentId: `weight-${Date.now()}`, orderName: '무게 측정', totalAmount: 15_000, currency: 'KRW', payMethod: 'CARD' },
          windowType: 'IFRAME',
        }),
      })
    ).json()) as { checkoutUrl: string };
    const fresh = await context.newPage();
    weights.checkoutWindow = await measurePageWeight(fresh, session.checkoutUrl);
    weights.sdkJs = await measurePageWeight(fresh, `${sandbox.url}/sdk.js`);
    weights.consolePayments = await measurePageWeight(fresh, `${sandbox.url}/console/payments`);
    weights.consolePaymentDetail = await measurePageWeight(fresh, detailUrl(inicisPaymentId));
    weights.demoShop = await measurePageWeight(fresh, `${sandbox.url}/demo?storeId=${sandbox.store.storeId}`);
    for (const w of Object.values(weights)) {
      expect(w.bytes).toBeGreaterThan(0);
      expect(w.bytes).toBeLessThan(150_000);
    }
    await fresh.close();
  });

  it('fires a pending timer now from the store page', async () => {
    await page.goto(`${sandbox.url}/console/store`);
    const before = await page.locator('form[action$="/fire"]').count();
    expect(before).toBeGreaterThan(0); // the broken receiver's webhook retries
    await Promise.all([page.waitForURL(`${sandbox.url}/console/store`), page.locator('form[action$="/fire"] button').first().click()]);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain('타이머를 실행했습니다');
  });

  it('sets fault rules on the store page; an injected fault shows in the log and on the payment\'s timeline', async () => {
    await page.goto(`${sandbox.url}/console/store`);
    const rules = { rules: [{ id: 'storm', operation: 'pay', paymentIdPrefix: 'console-storm-', times: 1, effect: { kind: 'rate-limit', retryAfterSeconds: 1 } }] };
    await page.locator('#fault-rules').fill(JSON.stringify(rules));
    await Promise.all([page.waitForURL(`${sandbox.url}/console/store`), page.locator('form[action="/console/faults"] button').click()]);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain('장애 주입 규칙 1개를 저장했습니다');

    const id = `console-storm-${Date.now()}`;
    const pay = () => portone.payInstantly({ paymentId: id, channelKey: sandbox.channelKey('TOSSPAYMENTS'), orderName: '장애 주입', amount: { total: 1_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
    await expect(pay()).rejects.toMatchObject({ data: { type: 'TOO_MANY_REQUESTS' } });
    await pay();
    await page.goto(`${sandbox.url}/console/store`);
    await expect(page.locator('[data-testid="fault-log"]').textContent()).resolves.toContain('429 (Retry-After 1 s)');
    await page.goto(`${sandbox.url}/console/payments/${id}`);
    await expect(page.content()).resolves.toContain('주입된 장애 (pay): 429 (Retry-After 1 s)');

    await page.goto(`${sandbox.url}/console/store`);
    await page.locator('#fault-rules').fill('{"rules": [{"id": "bad"}]}');
    await Promise.all([page.waitForURL(`${sandbox.url}/console/store`), page.locator('form[action="/console/faults"] button').click()]);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain('INVALID_REQUEST');
  });

  it('resets the store\'s data (payments, timers, deliveries) and keeps the channels', async () => {
    await page.goto(`${sandbox.url}/console/store`);
    await screenshot(page, 'console-store');
    await page.check('input[name="confirm"]');
    await Promise.all([page.waitForURL(`${sandbox.url}/console/store`), page.click('[data-testid="reset-store"]')]);
    await expect(page.locator('[data-testid="flash"]').textContent()).resolves.toContain('초기화했습니다');
    expect((await sandbox.services.repo.queryPayments(sandbox.store.storeId, { order: 'REQUESTED_AT', descending: true, limit: 10 })).items).toHaveLength(0);
    expect(await sandbox.services.repo.countPayments(sandbox.store.storeId)).toBe(0);
    expect((await sandbox.services.repo.listPendingTimers(sandbox.store.storeId, { limit: 10 })).items).toHaveLength(0);
    expect((await sandbox.services.repo.listRecentOutbox(sandbox.store.storeId, { limit: 10 })).items).toHaveLength(0);
    expect((await sandbox.services.repo.listChannels(sandbox.store.storeId)).length).toBeGreaterThan(10);
  });
});
