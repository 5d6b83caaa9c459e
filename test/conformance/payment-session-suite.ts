/**
 * Conformance of hosted checkout: createPaymentSession, getPaymentSession, closePaymentSession and
 * evaluateCheckoutProfile, success and every error the OAS lists, over fetch (server SDK 0.19.0 has
 * no client for them), every answer validated by the suite's recorder. The checkout profile is
 * made through the sandbox API (not recorded: PortOne's console defines profiles).
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';

export function definePaymentSessionConformance({ target, id }: ConformanceContext): void {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, secret: string | null = target().apiSecret) => {
    const res = await fetch(`${target().baseUrl}${path}`, {
      method,
      headers: { ...(secret !== null && { authorization: `PortOne ${secret}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const createProfile = async () => {
    const profileKey = id('profile');
    const res = await call('POST', '/sandbox/checkout-profiles', {
      profileKey,
      name: '국내 결제',
      methods: [
        { paymentMethod: 'CARD_KR', channelKey: target().channelKey('KCP_V2'), currencies: ['KRW'] },
        { paymentMethod: 'KAKAO_PAY', channelKey: target().channelKey('KAKAOPAY'), maxAmount: 1_000_000 },
      ],
    });
    expect(res.status).toBe(201);
    return profileKey;
  };
  const sessionBody = (profileKey: string, extra: Record<string, unknown> = {}) => ({
    storeId: target().storeId,
    paymentId: id('session-pay'),
    profileKey,
    country: 'KR',
    currency: 'KRW',
    totalAmount: 15_000,
    orderName: '호스티드 체크아웃 주문',
    products: [{ id: 'p1', name: '티셔츠', unitPrice: 15_000, quantity: 1 }],
    customerName: '홍길동',
    customerEmail: 'buyer@example.com',
    agreements: [{ name: '구매 약관', url: 'https://shop.example/terms' }],
    colors: { primary: '#3b5bdb' },
    customData: '{"orderNo":1}',
    ...extra,
  });

  describe('evaluateCheckoutProfile', () => {
    it('200 (methods for the country, currency and amount, no auth); 404 PROFILE_SETTINGS_NOT_FOUND; 400 INVALID_REQUEST', async () => {
      const profileKey = await createProfile();
      const evaluate = (q: Record<string, string>) => call('GET', `/checkout-profiles/evaluate?${new URLSearchParams(q)}`, undefined, null);
      expect(await evaluate({ profileKey, country: 'KR', currency: 'KRW', amount: '15000' })).toEqual({
        status: 200,
        body: { methods: [{ paymentMethod: 'CARD_KR', channelKey: target().channelKey('KCP_V2') }, { paymentMethod: 'KAKAO_PAY', channelKey: target().channelKey('KAKAOPAY') }] },
      });
      expect(await evaluate({ profileKey, country: 'KR', currency: 'KRW', amount: '2000000' })).toMatchObject({ status: 200, body: { methods: [{ paymentMethod: 'CARD_KR' }] } });
      expect(await evaluate({ profileKey, country: 'US', currency: 'USD', amount: '100' })).toEqual({ status: 200, body: { methods: [] } });
      expect((await evaluate({ profileKey: id('none'), country: 'KR', currency: 'KRW', amount: '1' })).body.type).toBe('PROFILE_SETTINGS_NOT_FOUND');
      expect((await evaluate({ profileKey, country: 'XX', currency: 'KRW', amount: '1' })).body.type).toBe('INVALID_REQUEST');
      expect((await evaluate({ profileKey, country: 'KR', currency: 'KRW', amount: '-1' })).body.type).toBe('INVALID_REQUEST');
      expect((await evaluate({ profileKey, country: 'KR', currency: 'KRW', amount: '9999999999999999' })).body.type).toBe('INVALID_REQUEST');
    });
  });

  describe('payment sessions', () => {
    it('createPaymentSession 200; 400 INVALID_REQUEST and MAX_TTL_EXCEEDED; 401 UNAUTHORIZED; 403 FORBIDDEN', async () => {
      const profileKey = await createProfile();
      const created = await call('POST', '/payment-sessions', sessionBody(profileKey, { ttlSeconds: 600 }));
      expect(created.status).toBe(200);
      // The page is on the sandbox's own host (https behind a Function URL).
      expect(created.body).toMatchObject({ sessionId: expect.stringMatching(/^payment-session-/) });
      expect(String(created.body.url)).toMatch(new RegExp(`^https?://[^/]+/checkout/payment-sessions/${String(created.body.sessionId)}$`));
      expect((await call('POST', '/payment-sessions', { ...sessionBody(profileKey), orderName: undefined })).body.type).toBe('INVALID_REQUEST');
      expect((await call('POST', '/payment-sessions', sessionBody(id('no-profile')))).body.type).toBe('INVALID_REQUEST');
      expect((await call('POST', '/payment-sessions', sessionBody(profileKey, { paymentMethod: 'PAY_PAL' }))).body.type).toBe('INVALID_REQUEST');
      expect(await call('POST', '/payment-sessions', sessionBody(profileKey, { ttlSeconds: 86_401 }))).toMatchObject({ status: 400, body: { type: 'MAX_TTL_EXCEEDED' } });
      expect(await call('POST', '/payment-sessions', sessionBody(profileKey), 'not-a-secret')).toMatchObject({ status: 401, body: { type: 'UNAUTHORIZED' } });
      expect(await call('POST', '/payment-sessions', sessionBody(profileKey), null)).toMatchObject({ status: 401, body: { type: 'UNAUTHORIZED' } });
      expect(await call('POST', '/payment-sessions', { ...sessionBody(profileKey), storeId: 'store-someone-else' })).toMatchObject({ status: 403, body: { type: 'FORBIDDEN' } });
    });

    it('getPaymentSession 200 without auth, 404 SESSION_NOT_FOUND, 410 SESSION_EXPIRED once closed; closePaymentSession 200 (twice, same time), 401, 404, 400', async () => {
      const profileKey = await createProfile();
      const body = sessionBody(profileKey, { paymentMethod: 'CARD_KR', redirectUrl: 'https://shop.example/done', orderImageUrl: 'https://shop.example/order.png', storeName: '예제 상점' });
      const created = await call('POST', '/payment-sessions', body);
      const sessionId = String(created.body.sessionId);
      const got = await call('GET', `/payment-sessions/${sessionId}`, undefined, null);
      const { ttlSeconds: _ttl, ...expected } = { ...body, ttlSeconds: undefined };
      expect(got).toMatchObject({ status: 200, body: { ...expected, id: sessionId, expiresAt: created.body.expiresAt } });
      expect((await call('GET', `/payment-sessions/${id('none')}`, undefined, null)).body.type).toBe('SESSION_NOT_FOUND');
      expect((await call('GET', `/payment-sessions/${'x'.repeat(300)}`, undefined, null)).body.type).toBe('INVALID_REQUEST');

      expect(await call('POST', `/payment-sessions/${sessionId}/close`, undefined, null)).toMatchObject({ status: 401, body: { type: 'UNAUTHORIZED' } });
      const closed = await call('POST', `/payment-sessions/${sessionId}/close`);
      expect(closed).toMatchObject({ status: 200, body: { closedAt: expect.any(String) } });
      expect(await call('POST', `/payment-sessions/${sessionId}/close`)).toEqual(closed);
      expect(await call('GET', `/payment-sessions/${sessionId}`, undefined, null)).toMatchObject({ status: 410, body: { type: 'SESSION_EXPIRED' } });
      expect((await call('POST', `/payment-sessions/${id('none')}/close`)).body.type).toBe('SESSION_NOT_FOUND');
      expect((await call('POST', `/payment-sessions/${'x'.repeat(300)}/close`)).body.type).toBe('INVALID_REQUEST');
    });
  });
}
