import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (CI installs it: .ci/run), driven headless by playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Screenshots land in the git-ignored test-artifacts/e2e/, one file per key screen. */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e');

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

export interface PageWeight {
  url: string;
  requests: number;
  /** Bytes on the wire (headers and bodies), as Chromium's network stack counted them. */
  bytes: number;
}

/**
 * Loads `url` in a fresh page with an empty cache and adds up every response's transferred bytes
 * (CDP Network.loadingFinished.encodedDataLength): the page, its stylesheet and scripts.
 */
export async function measurePageWeight(page: Page, url: string): Promise<PageWeight> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes = new Map<string, number>();
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: 'load' });
  // loadingFinished of the last subresource can trail the load event by a tick: wait for it.
  await page.waitForFunction(() => document.readyState === 'complete');
  await cdp.send('Network.disable');
  await cdp.detach();
  return { url: url.replace(/s=[^&]+/, 's=<token>'), requests: sizes.size, bytes: [...sizes.values()].reduce((a, b) => a + b, 0) };
}
