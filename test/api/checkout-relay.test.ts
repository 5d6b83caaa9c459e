/**
 * The public checkout cannot be used as a webhook relay: a browser's `noticeUrls` must point at a
 * host the store allows (its webhook URL's host, its notice-URL host list, loopback only where the
 * runtime allows loopback receivers), and opening sessions is rate-limited per store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_RATE } from '../../functions/checkout/rate-limit.ts';
import type { SeededStore } from '../../functions/stores/seed.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
let seq = 0;
const newId = () => `relay-${Date.now()}-${++seq}`;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

async function openSession(store: SeededStore, paymentId: string, noticeUrls?: string[]) {
  const res = await fetch(`${sandbox.url}/checkout/sessions`, {
    method: 'POST',
    headers: { origin: 'http://127.0.0.1:5999' },
    body: JSON.stringify({
      request: {
        storeId: store.storeId,
        channelKey: sandbox.channelKey('KCP_V2'),
        paymentId,
        orderName: '주문',
        totalAmount: 1_000,
        currency: 'KRW',
        payMethod: 'CARD',
        ...(noticeUrls ? { noticeUrls } : {}),
      },
    }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { code?: string; message?: string } };
}

async function settings(store: SeededStore, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}/sandbox/webhook${path}`, {
    method,
    headers: { authorization: `PortOne ${store.apiSecret}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs `fn` as the sandbox does on AWS, where loopback is never a webhook receiver. */
async function asOnAws<T>(fn: () => Promise<T>): Promise<T> {
  const services = sandbox.services as { allowLoopbackWebhooks: boolean };
  const before = services.allowLoopbackWebhooks;
  services.allowLoopbackWebhooks = false;
  try {
    return await fn();
  } finally {
    services.allowLoopbackWebhooks = before;
  }
}

describe('browser-supplied noticeUrls', () => {
  it('refuses a host the store does not allow, as BadRequest naming the entry; nothing is written', async () => {
    const store = await sandbox.newStore();
    const id = newId();
    const res = await openSession(store, id, ['https://victim.example/anything']);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BadRequest');
    expect(res.body.message).toMatch(/^noticeUrls\[0\]: victim\.example is not a webhook host of this store/);
    expect(await sandbox.services.repo.getPayment(store.storeId, id)).toBeUndefined();
  });

  it('accepts the host of the store’s webhook URL and hosts on its list (set through the webhook settings)', async () => {
    const store = await sandbox.newStore();
    expect((await settings(store, 'PUT', '', { url: 'https://shop.example/webhooks/portone' })).status).toBe(200);
    expect((await openSession(store, newId(), ['https://shop.example/other-path'])).status).toBe(201);
    expect((await openSession(store, newId(), ['https://staging.shop.example/hook'])).status).toBe(400);

    const set = await settings(store, 'PUT', '/notice-url-hosts', { hosts: ['Staging.Shop.example', 'hooks.example'] });
    expect(set.status).toBe(200);
    expect(set.body.noticeUrlHosts).toEqual(['staging.shop.example', 'hooks.example']);
    expect((await settings(store, 'GET', '')).body.noticeUrlHosts).toEqual(['staging.shop.example', 'hooks.example']);
    expect((await openSession(store, newId(), ['https://staging.shop.example/hook', 'http://hooks.example:8080/x'])).status).toBe(201);

    expect((await settings(store, 'PUT', '/notice-url-hosts', { hosts: [] })).body.noticeUrlHosts).toEqual([]);
    expect((await openSession(store, newId(), ['https://hooks.example/x'])).status).toBe(400);
  });

  it('refuses a list entry that is not a host name', async () => {
    const store = await sandbox.newStore();
    for (const host of ['https://hooks.example', 'hooks.example/path', 'hooks.example:8080', '']) {
      const res = await settings(store, 'PUT', '/notice-url-hosts', { hosts: [host] });
      expect(res.status, host).toBe(400);
      expect(res.body.message).toMatch(/^hosts\[0\]/);
    }
  });

  it('allows loopback only where loopback receivers are allowed (npm start), not on AWS', async () => {
    const store = await sandbox.newStore();
    expect((await openSession(store, newId(), ['http://127.0.0.1:5999/webhook'])).status).toBe(201);
    const onAws = await asOnAws(() => openSession(store, newId(), ['http://127.0.0.1:5999/webhook']));
    expect(onAws.status).toBe(400);
    expect(onAws.body.code).toBe('BadRequest');
  });
});

describe('session rate limit per store', () => {
  it(`opens ${SESSION_RATE.burst} sessions at once, then answers 429 ResourceExhausted until the bucket refills; other stores are unaffected`, async () => {
    const [store, other] = await Promise.all([sandbox.newStore(), sandbox.newStore()]);
    const realNow = sandbox.services.wallNow;
    const frozen = realNow();
    sandbox.services.wallNow = () => frozen;
    try {
      for (let i = 0; i < SESSION_RATE.burst; i++) expect((await openSession(store, newId())).status).toBe(201);
      const limited = await openSession(store, newId());
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('ResourceExhausted');
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect((await openSession(other, newId())).status).toBe(201);

      sandbox.services.wallNow = () => frozen + (60_000 / SESSION_RATE.perMinute) * 1.01;
      expect((await openSession(store, newId())).status).toBe(201);
      expect((await openSession(store, newId())).status).toBe(429);
    } finally {
      sandbox.services.wallNow = realNow;
    }
  });
});
