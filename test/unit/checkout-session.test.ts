import { describe, expect, it } from 'vitest';
import { openSession, sealSession, SESSION_TTL_SECONDS, type CheckoutSession } from '../../functions/checkout/session.ts';
import { signToken, verifyToken } from '../../functions/checkout/signed-token.ts';
import { csrfTokenFor, csrfTokenValid, readConsoleSession } from '../../functions/console/console-session.ts';
import type { Services } from '../../functions/services.ts';

const KEY = 'unit-test-signing-key-0123456789';
let wall = Date.parse('2025-06-01T00:00:00Z');
const services = { sessionSigningKey: KEY, wallNow: () => wall } as unknown as Services;

const session = (over: Partial<CheckoutSession> = {}): CheckoutSession => ({
  v: 1,
  sessionId: 's-1',
  storeId: 'store-1',
  paymentId: 'pay-1',
  channelKey: 'ck',
  txId: 'tx-1',
  orderName: 'order',
  amount: { total: 15_000 },
  currency: 'KRW',
  payMethod: 'CARD',
  windowType: 'IFRAME',
  platform: 'PC',
  merchantOrigin: 'https://shop.example',
  lang: 'ko',
  exp: Math.floor(wall / 1000) + SESSION_TTL_SECONDS,
  ...over,
});

describe('signed tokens', () => {
  it('round-trips a payload and refuses any change to it', () => {
    const token = signToken(KEY, 'checkout', { amount: 15_000 });
    expect(verifyToken(KEY, 'checkout', token)).toEqual({ amount: 15_000 });
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ amount: 1 })).toString('base64url');
    expect(verifyToken(KEY, 'checkout', `${forged}.${mac}`)).toBeUndefined();
    expect(verifyToken(KEY, 'checkout', `${body}.${mac.slice(0, -2)}xx`)).toBeUndefined();
    expect(verifyToken('another-key-0123456789abcdef', 'checkout', token)).toBeUndefined();
    expect(verifyToken(KEY, 'checkout', undefined)).toBeUndefined();
    expect(verifyToken(KEY, 'checkout', 'no-dot')).toBeUndefined();
  });

  it('binds the purpose: a checkout token is not a console session', async () => {
    const token = signToken(KEY, 'checkout', { v: 1, sid: 'x', storeId: 'store-1', exp: 9_999_999_999 });
    expect(verifyToken(KEY, 'console', token)).toBeUndefined();
    expect(await readConsoleSession(services, token)).toBeUndefined();
  });
});

describe('checkout sessions', () => {
  it('opens a sealed session until it expires, then reports it expired but readable', () => {
    const token = sealSession(services, session());
    expect(openSession(services, token)).toEqual({ ok: true, session: session() });
    wall += SESSION_TTL_SECONDS * 1000;
    const expired = openSession(services, token);
    expect(expired).toMatchObject({ ok: false, reason: 'expired', session: { paymentId: 'pay-1' } });
    wall -= SESSION_TTL_SECONDS * 1000;
    expect(openSession(services, `${token}x`)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('console CSRF tokens', () => {
  it('are per sign-in and verified in constant time', () => {
    const a = { v: 1 as const, sid: 'a', storeId: 's', sv: 0, exp: 9_999_999_999 };
    const b = { ...a, sid: 'b' };
    expect(csrfTokenValid(services, a, csrfTokenFor(services, a))).toBe(true);
    expect(csrfTokenValid(services, a, csrfTokenFor(services, b))).toBe(false);
    expect(csrfTokenValid(services, a, undefined)).toBe(false);
  });
});
