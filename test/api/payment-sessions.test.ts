import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { createSandboxClient, type SandboxClient } from '../../functions/client/index.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { card, cardMethod } from '../support/cards.ts';

/**
 * Hosted checkout over real HTTP (fetch: server SDK 0.19.0 has no client for these operations):
 * expiry on the store's test clock, closing (idempotent, racing), which store may do what, and how a
 * session meets the payment of its paymentId.
 */
let sandbox: TestSandbox;
let client: SandboxClient;
let profileKey: string;

const call = async (method: 'GET' | 'POST', path: string, body?: unknown, secret: string | null = sandbox.store.apiSecret) => {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { ...(secret !== null && { authorization: `PortOne ${secret}` }), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Record<string, string> };
};
let seq = 0;
const create = (extra: Record<string, unknown> = {}) =>
  call('POST', '/payment-sessions', { storeId: sandbox.store.storeId, paymentId: `ps-${Date.now()}-${++seq}`, profileKey, country: 'KR', currency: 'KRW', totalAmount: 10_000, orderName: '주문', ...extra });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret });
  ({ profileKey } = await client.checkoutProfiles.create({ name: '카드', methods: [{ paymentMethod: 'CARD_KR', channelKey: sandbox.channelKey('KCP_V2') }] }));
});
afterAll(async () => {
  await sandbox?.close();
});

describe('payment sessions over HTTP', () => {
  it('expire when the store clock reaches expiresAt (default TTL one hour), not a moment before', async () => {
    const created = await create();
    const { createdAt, expiresAt } = (await call('GET', `/payment-sessions/${created.body.sessionId}`, undefined, null)).body;
    expect(Date.parse(expiresAt!) - Date.parse(createdAt!)).toBe(3_600_000);
    await client.clock.advance({ by: 'PT59M' });
    expect((await call('GET', `/payment-sessions/${created.body.sessionId}`, undefined, null)).status).toBe(200);
    await client.clock.advance({ by: 'PT1M' });
    expect(await call('GET', `/payment-sessions/${created.body.sessionId}`, undefined, null)).toMatchObject({ status: 410, body: { type: 'SESSION_EXPIRED' } });
    // Closing an expired session is harmless: it ended at its expiry.
    expect(await call('POST', `/payment-sessions/${created.body.sessionId}/close`)).toEqual({ status: 200, body: { closedAt: expiresAt } });
  });

  it('closes once: racing closes all answer the same closedAt', async () => {
    const { sessionId } = (await create()).body;
    const closes = await Promise.all(Array.from({ length: 5 }, () => call('POST', `/payment-sessions/${sessionId}/close`)));
    expect(new Set(closes.map((c) => `${c.status} ${c.body.closedAt}`)).size).toBe(1);
    expect(closes[0]!.status).toBe(200);
  });

  it("another store reads any session by id (no auth, per the OAS) but cannot close it, nor create one with this store's profile", async () => {
    const { sessionId } = (await create()).body;
    const other = await sandbox.newStore();
    expect((await call('GET', `/payment-sessions/${sessionId}`, undefined, other.apiSecret)).status).toBe(200);
    expect(await call('POST', `/payment-sessions/${sessionId}/close`, undefined, other.apiSecret)).toMatchObject({ status: 404, body: { type: 'SESSION_NOT_FOUND' } });
    const res = await call('POST', '/payment-sessions', { storeId: other.storeId, paymentId: 'x', profileKey, country: 'KR', currency: 'KRW', totalAmount: 1_000, orderName: 'x' }, other.apiSecret);
    expect(res).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
  });

  it('a paymentId already paid gets no session; the hosted page of a session whose profile was deleted offers no method', async () => {
    const portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
    const paymentId = `ps-paid-${Date.now()}`;
    await portone.payInstantly({ paymentId, channelKey: sandbox.channelKey('KCP_V2'), orderName: '먼저 결제', amount: { total: 10_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
    expect((await create({ paymentId })).body).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('이미 결제') });

    const { profileKey: doomed } = await client.checkoutProfiles.create({ name: '삭제될 프로필', methods: [{ paymentMethod: 'CARD_KR', channelKey: sandbox.channelKey('KCP_V2') }] });
    const { url } = (await create({ profileKey: doomed })).body;
    await client.checkoutProfiles.delete(doomed);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="no-methods"');
    expect((await call('GET', `/checkout-profiles/evaluate?${new URLSearchParams({ profileKey: doomed, country: 'KR', currency: 'KRW', amount: '1' })}`, undefined, null)).status).toBe(404);
  });
});
