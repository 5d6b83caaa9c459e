import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { IdentityVerificationClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startMerchantFor, type Merchant } from './support/merchant.ts';

/**
 * 본인인증 in a real Chromium: the sample shop calls `PortOne.requestIdentityVerification`, the
 * sandbox's identity window opens (overlay, popup, mobile redirect), the tester picks a carrier
 * (알뜰폰 included) and types the OTP the window shows; the shop's server reads the verified
 * customer with the official IdentityVerificationClient.
 */
let sandbox: TestSandbox;
let merchant: Merchant;
let browser: Browser;
let context: BrowserContext;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
let identity: ReturnType<typeof IdentityVerificationClient>;
const getVerification = (identityVerificationId: string): Promise<Json> => identity.getIdentityVerification({ identityVerificationId });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  [merchant, browser] = await Promise.all([startMerchantFor(sandbox), launchBrowser()]);
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  identity = IdentityVerificationClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(async () => {
  await browser?.close();
  await merchant?.close();
  await sandbox?.close();
});

const result = (page: Page) => page.locator('#result');
const verificationIdOf = async (page: Page) => (await result(page).getAttribute('data-identity-verification-id'))!;

async function openShop(query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${merchant.url}/${query}`);
  return page;
}

async function openOverlay(page: Page): Promise<FrameLocator> {
  await page.click('#verify');
  const frame = page.frameLocator('iframe[name="pg-sandbox-checkout"]');
  await frame.locator('[data-testid="verify"]').waitFor();
  return frame;
}

describe('identity verification window', () => {
  it('overlay: carrier 알뜰폰, prefilled customer, the shown test OTP; a wrong OTP is refused with attempts left; the shop server reads the verified customer', async () => {
    const page = await openShop('?pg=DANAL');
    const frame = await openOverlay(page);
    await expect(frame.locator('[data-testid="test-otp"]').textContent()).resolves.toBe('123456');
    await expect(frame.locator('[data-testid="test-mode-notes"]').textContent()).resolves.toContain('공용 테스트 계정이 없어');
    await expect(frame.locator('#name').inputValue()).resolves.toBe('홍길동');
    await expect(frame.locator('#birthDate').inputValue()).resolves.toBe('1990-01-01');
    await frame.locator('input[name="operator"][value="KT_MVNO"]').check();
    await frame.locator('#otp').fill('000000');
    await frame.locator('[data-testid="verify"]').click();
    await expect(frame.locator('#form-error').textContent()).resolves.toContain('인증번호가 일치하지 않습니다 (남은 입력 횟수 4회)');
    // The refused form keeps what the tester chose.
    await expect(frame.locator('input[name="operator"][value="KT_MVNO"]').isChecked()).resolves.toBe(true);
    await frame.locator('#otp').fill('123456');
    await screenshot(page, 'identity-overlay');
    await frame.locator('[data-testid="verify"]').click();
    await page.locator('#result[data-state="verified"]').waitFor();
    await expect(page.locator('iframe[name="pg-sandbox-checkout"]').count()).resolves.toBe(0);
    await expect(result(page).textContent()).resolves.toContain('홍길동 · KT_MVNO');

    const verification = await getVerification(await verificationIdOf(page));
    expect(verification).toMatchObject({
      status: 'VERIFIED',
      channel: { pgProvider: 'DANAL' },
      customData: '{"signup":true}',
      verifiedCustomer: { id: 'member-1', name: '홍길동', operator: 'KT_MVNO', phoneNumber: '01012345678', birthDate: '1990-01-01', gender: 'MALE', isForeigner: false },
    });
    await page.close();
  });

  it('popup: closing it is the customer cancelling (PG code, FAILED); a verified id cannot be verified again; a payment channel is refused before any window', async () => {
    const page = await openShop('?pg=KCP_V2&window=POPUP');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#verify')]);
    await popup.locator('[data-testid="verify"]').waitFor();
    await popup.close();
    await page.locator('#result[data-state="failed"]').waitFor();
    await expect(result(page).getAttribute('data-pg-code')).resolves.toBe('KCP084');
    await expect(result(page).textContent()).resolves.toContain('사용자가 본인인증을 취소하였습니다');
    expect(await getVerification(await verificationIdOf(page))).toMatchObject({ status: 'FAILED', failure: { pgCode: 'KCP084' } });

    // The same id again, in a popup that finishes: verified, and the popup closes itself.
    const id = await verificationIdOf(page);
    const again = await openShop(`?pg=KCP_V2&window=POPUP&identityVerificationId=${id}`);
    const [second] = await Promise.all([again.waitForEvent('popup'), again.click('#verify')]);
    await second.locator('#otp').fill('123456');
    await Promise.all([second.waitForEvent('close'), second.locator('[data-testid="verify"]').click()]);
    await again.locator('#result[data-state="verified"]').waitFor();

    const third = await openShop(`?pg=KCP_V2&identityVerificationId=${id}`);
    await third.click('#verify');
    await third.locator('#result[data-state="error"]').waitFor();
    await expect(result(third).getAttribute('data-code')).resolves.toBe('IdentityVerificationAlreadyVerified');
    await expect(result(third).getAttribute('data-error-type')).resolves.toBe('IdentityVerificationError');

    const payOnly = await openShop('?pg=INICIS_V2');
    await payOnly.click('#verify');
    await payOnly.locator('#result[data-state="error"]').waitFor();
    await expect(result(payOnly).getAttribute('data-code')).resolves.toBe('BadRequest');
    await expect(result(payOnly).textContent()).resolves.toContain('본인인증을 지원하지 않습니다');
    for (const p of [page, again, third, payOnly]) await p.close();
  });

  it('mobile: goes to the window and back to redirectUrl with identityVerificationId and txId', async () => {
    const mobile = await browser.newContext({ ...devices['Pixel 7'], locale: 'ko-KR' });
    const page = await mobile.newPage();
    await page.goto(`${merchant.url}/?pg=DANAL`);
    await Promise.all([page.waitForURL(`${sandbox.url}/checkout/identity-verification/window?**`), page.click('#verify')]);
    await page.locator('input[name="operator"][value="LGU_MVNO"]').check();
    await page.locator('#otp').fill('123456');
    await screenshot(page, 'identity-mobile');
    await Promise.all([page.waitForURL(`${merchant.url}/identity-return?**`), page.locator('[data-testid="verify"]').click()]);
    await page.locator('#result[data-state="verified"]').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('transactionType')).toBe('IDENTITY_VERIFICATION');
    const verification = await getVerification(url.searchParams.get('identityVerificationId')!);
    expect(verification).toMatchObject({ status: 'VERIFIED', verifiedCustomer: { operator: 'LGU_MVNO' } });
    const stored = await sandbox.services.repo.getIdentityVerification(sandbox.store.storeId, verification.id);
    expect(stored).toMatchObject({ txId: url.searchParams.get('identityVerificationTxId'), platformType: 'MOBILE' });
    await mobile.close();
  });
});
