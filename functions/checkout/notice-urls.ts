import type { StoreRecord } from '../domain/store.ts';
import { addressRefusal, checkWebhookUrl } from '../webhooks/url-guard.ts';

/**
 * Which `noticeUrls` a browser may name. The checkout is public (storeId and channelKey are not
 * secrets), so without this anyone could make the sandbox POST webhooks, with retries, to any host:
 * a relay. A browser-supplied URL must point at a host the store allows: its own webhook URL's
 * host or one of `webhook.noticeUrlHosts` (set with PUT /sandbox/webhook/notice-url-hosts); and,
 * where the runtime allows loopback receivers (npm start), loopback. The API's `noticeUrls` are
 * not restricted: that caller holds the store's secret.
 */
export function allowedNoticeHosts(store: StoreRecord): string[] {
  const hosts = [...(store.webhook.noticeUrlHosts ?? [])];
  if (store.webhook.url) hosts.push(new URL(store.webhook.url).hostname);
  return hosts.map((h) => h.toLowerCase());
}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  const literal = hostname.replace(/^\[|\]$/g, '');
  return addressRefusal(literal, { allowLoopback: false }) === 'a loopback address';
}

/**
 * Why the store does not accept `urls` from a browser, naming the first refused entry; undefined
 * when it does. The same rule holds for the confirm process's `confirmUrl` (field `confirmUrl`).
 */
export function noticeUrlRefusal(store: StoreRecord, urls: readonly string[], allowLoopback: boolean, field = 'noticeUrls'): string | undefined {
  const allowed = allowedNoticeHosts(store);
  for (const [index, url] of urls.entries()) {
    const name = field === 'noticeUrls' ? `noticeUrls[${index}]` : field;
    const check = checkWebhookUrl(url, { allowLoopback });
    if (!check.ok) return `${name}: ${check.message} (${url})`;
    const host = check.url.hostname.toLowerCase();
    if (allowed.includes(host) || (allowLoopback && isLoopbackHost(host))) continue;
    return (
      `${name}: ${host} is not a webhook host of this store; a browser may only name the host of the store's ` +
      `webhook URL or one listed with PUT /sandbox/webhook/notice-url-hosts`
    );
  }
  return undefined;
}
