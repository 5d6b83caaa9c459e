import { describe, expect, it } from 'vitest';
import { CHECKOUT_PAYMENT_METHODS, evaluateProfile, routeProblem, SIMULATED_CHECKOUT_METHODS, type ChannelCapability } from '../../functions/domain/checkout-profile.ts';
import { MAX_SESSION_TTL_SECONDS, closingTime, sessionState, ttlProblem } from '../../functions/domain/payment-session.ts';
import { channelCapability } from '../../functions/checkout/checkout-profiles.ts';
import { readFileSync } from 'node:fs';

const kcp = channelCapability({ pgProvider: 'KCP_V2' })!;
const kakao = channelCapability({ pgProvider: 'KAKAOPAY' })!;
const eximbay = channelCapability({ pgProvider: 'EXIMBAY_V2' })!;
const channels: Record<string, ChannelCapability> = { kcp, kakao, eximbay };

describe('checkout profiles: which channel pays a hosted-checkout method', () => {
  it('is the OAS CheckoutPaymentMethod list, exactly', () => {
    const oas = JSON.parse(readFileSync(new URL('../fixtures/portone-v2-openapi.json', import.meta.url), 'utf8')) as { components: { schemas: Record<string, { enum: string[] }> } };
    expect([...CHECKOUT_PAYMENT_METHODS]).toEqual(oas.components.schemas.CheckoutPaymentMethod!.enum);
  });

  it('a domestic card needs a domestic PG, an international card an overseas one, an easy pay its own company or a PG that offers easy pay', () => {
    expect(routeProblem('CARD_KR', kcp)).toBeUndefined();
    expect(routeProblem('CARD_KR', eximbay)).toMatch(/domestic/);
    expect(routeProblem('CARD_INTERNATIONAL', eximbay)).toBeUndefined();
    expect(routeProblem('CARD_INTERNATIONAL', kcp)).toMatch(/overseas/);
    expect(routeProblem('KAKAO_PAY', kakao)).toBeUndefined();
    expect(routeProblem('KAKAO_PAY', kcp)).toBeUndefined();
    expect(routeProblem('N_PAY', kakao)).toMatch(/KAKAOPAY's own/);
    expect(routeProblem('CARD_KR', kakao)).toMatch(/no CARD/);
    expect(routeProblem('WE_CHAT_PAY', kcp)).toMatch(/no PG in the sandbox/);
    expect(SIMULATED_CHECKOUT_METHODS).not.toContain('WE_CHAT_PAY');
  });

  it("a live-like channel routes by its live methods: KICC's test channel has no Alipay+, its live contract does", () => {
    expect(routeProblem('ALIPAY_HK', channelCapability({ pgProvider: 'KICC_V2' })!)).toMatch(/no ALIPAY_PLUS/);
    expect(routeProblem('ALIPAY_HK', channelCapability({ pgProvider: 'KICC_V2', mode: 'LIVE_LIKE' })!)).toBeUndefined();
  });

  it('offers the first entry of each method whose conditions hold and whose channel can pay in the currency', () => {
    const profile = {
      methods: [
        { paymentMethod: 'CARD_KR' as const, channelKey: 'kcp', minAmount: 1_000 },
        { paymentMethod: 'KAKAO_PAY' as const, channelKey: 'gone' },
        { paymentMethod: 'KAKAO_PAY' as const, channelKey: 'kakao', countries: ['KR'] },
        { paymentMethod: 'KAKAO_PAY' as const, channelKey: 'kcp' },
        { paymentMethod: 'CARD_INTERNATIONAL' as const, channelKey: 'eximbay', currencies: ['USD'] },
      ],
    };
    const at = (country: string, currency: string, amount: number) => evaluateProfile(profile, { country, currency, amount }, (k) => channels[k]);
    expect(at('KR', 'KRW', 5_000)).toEqual([
      { paymentMethod: 'CARD_KR', channelKey: 'kcp' },
      { paymentMethod: 'KAKAO_PAY', channelKey: 'kakao' },
    ]);
    expect(at('JP', 'KRW', 500)).toEqual([{ paymentMethod: 'KAKAO_PAY', channelKey: 'kcp' }]);
    // KCP and KakaoPay take KRW only: in dollars only the overseas card is left.
    expect(at('US', 'USD', 5_000)).toEqual([{ paymentMethod: 'CARD_INTERNATIONAL', channelKey: 'eximbay' }]);
  });
});

describe('payment sessions: TTL and state by the store clock', () => {
  const session = { expiresAt: '2026-01-01T01:00:00.000Z' };
  it('is open until expiresAt, expired from it, closed once closed', () => {
    expect(sessionState(session, new Date('2026-01-01T00:59:59.999Z'))).toBe('OPEN');
    expect(sessionState(session, new Date('2026-01-01T01:00:00.000Z'))).toBe('EXPIRED');
    expect(sessionState({ ...session, closedAt: '2026-01-01T00:10:00.000Z' }, new Date('2026-01-01T00:20:00.000Z'))).toBe('CLOSED');
  });

  it('refuses a TTL under a second as a bad request and one over the bound as MAX_TTL_EXCEEDED', () => {
    expect(ttlProblem(0)?.type).toBe('INVALID_REQUEST');
    expect(ttlProblem(1)).toBeUndefined();
    expect(ttlProblem(MAX_SESSION_TTL_SECONDS)).toBeUndefined();
    expect(ttlProblem(MAX_SESSION_TTL_SECONDS + 1)?.type).toBe('MAX_TTL_EXCEEDED');
  });

  it('closes at now, keeps the first close, and an expired session counts as closed at its expiry', () => {
    expect(closingTime(session, new Date('2026-01-01T00:10:00.000Z'))).toBe('2026-01-01T00:10:00.000Z');
    expect(closingTime({ ...session, closedAt: '2026-01-01T00:05:00.000Z' }, new Date('2026-01-01T00:10:00.000Z'))).toBe('2026-01-01T00:05:00.000Z');
    expect(closingTime(session, new Date('2026-01-02T00:00:00.000Z'))).toBe(session.expiresAt);
  });
});
