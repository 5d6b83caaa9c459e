import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckoutProfileRecord } from '../../functions/domain/checkout-profile.ts';
import type { PaymentSessionRecord } from '../../functions/domain/payment-session.ts';
import type { Repository } from '../../functions/ports/repository.ts';

/**
 * The hosted-checkout part of the Repository contract (ports/checkout-repository.ts), run on the
 * in-memory double and on DynamoDB Local by the same two files as repository.contract.ts.
 */
export function checkoutRepositoryContract(name: string, repository: () => Repository) {
  describe(`Checkout repository contract: ${name}`, () => {
    const repo = () => repository();

    it('a profile key is taken once across stores, lists under its store newest first, and only its store deletes it', async () => {
      const storeId = `store-${randomUUID()}`;
      const other = `store-${randomUUID()}`;
      const a = profile(storeId, `cp-a-${randomUUID()}`, '2026-01-01T00:00:00.000Z');
      const b = profile(storeId, `cp#b-${randomUUID()}`, '2026-01-02T00:00:00.000Z');
      expect(await repo().createCheckoutProfile(a)).toBe(true);
      expect(await repo().createCheckoutProfile(b)).toBe(true);
      expect(await repo().createCheckoutProfile({ ...a, storeId: other, name: 'taken' })).toBe(false);
      expect(await repo().getCheckoutProfile(a.profileKey)).toEqual(a);
      expect((await repo().listCheckoutProfiles(storeId)).map((p) => p.profileKey)).toEqual([b.profileKey, a.profileKey]);
      expect(await repo().listCheckoutProfiles(other)).toEqual([]);
      expect(await repo().deleteCheckoutProfile(other, a.profileKey)).toBe(false);
      expect(await repo().deleteCheckoutProfile(storeId, a.profileKey)).toBe(true);
      expect(await repo().deleteCheckoutProfile(storeId, a.profileKey)).toBe(false);
      expect(await repo().getCheckoutProfile(a.profileKey)).toBeUndefined();
    });

    it('stores a session once and closes it once, even when two closes race', async () => {
      const s = session(`store-${randomUUID()}`, `payment-session-${randomUUID()}`);
      expect(await repo().createPaymentSession(s)).toBe(true);
      expect(await repo().createPaymentSession({ ...s, orderName: 'again' })).toBe(false);
      expect(await repo().getPaymentSession(s.id)).toEqual(s);
      const raced = await Promise.all([repo().closePaymentSession(s.id, '2026-01-01T00:10:00.000Z'), repo().closePaymentSession(s.id, '2026-01-01T00:10:01.000Z')]);
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect((await repo().getPaymentSession(s.id))?.closedAt).toMatch(/^2026-01-01T00:10:0[01]/);
      expect(await repo().closePaymentSession(`payment-session-${randomUUID()}`, '2026-01-01T00:10:00.000Z')).toBe(false);
      expect(await repo().getPaymentSession(`payment-session-${randomUUID()}`)).toBeUndefined();
    });
  });
}

function profile(storeId: string, profileKey: string, createdAt: string): CheckoutProfileRecord {
  return { profileKey, storeId, name: '기본 프로필', methods: [{ paymentMethod: 'CARD_KR', channelKey: 'channel-key-test-kcp-v2', currencies: ['KRW'], minAmount: 100 }], createdAt };
}

function session(storeId: string, id: string): PaymentSessionRecord {
  return {
    id,
    storeId,
    paymentId: `pay-${id}`,
    profileKey: 'cp',
    country: 'KR',
    currency: 'KRW',
    totalAmount: 12_000,
    orderName: '주문',
    products: [{ name: '티셔츠', unitPrice: 12_000, quantity: 1 }],
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-01T01:00:00.000Z',
  };
}
