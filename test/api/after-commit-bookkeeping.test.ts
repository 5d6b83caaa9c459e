// The local runtime writes a payment's count and events right after its commit, not in it
// (functions/local/after-commit.ts). What a user relies on: getPayments' totalCount and
// getAllPaymentEventsByCursor are right as soon as pay and cancel answered, and a process killed
// between a commit and its step loses nothing (the start-up sweep) and counts nothing twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime.ts';
import { seedStore, seededChannelKey, type SeededStore } from '../../functions/stores/seed.ts';
import { card, cardMethod } from '../support/cards.ts';

const tableName = `t-${randomUUID()}`;
const start = (opts: { run?: boolean } = {}) =>
  startLocalRuntime({ dynamoEndpoint: inject('dynamoEndpoint'), tableName, port: 0, autoFire: false, afterCommit: opts });

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await start();
});
afterAll(() => runtime?.close());

const from = new Date(Date.now() - 3_600_000).toISOString();
const until = new Date(Date.now() + 3_600_000).toISOString();
const sdkOf = (r: LocalRuntime, store: SeededStore) => PaymentClient({ secret: store.apiSecret, baseUrl: r.url });
const pay = (sdk: ReturnType<typeof PaymentClient>, paymentId: string) =>
  sdk.payInstantly({ paymentId, channelKey: seededChannelKey('KCP_V2'), orderName: '테스트 주문', amount: { total: 10_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
const eventsOf = async (sdk: ReturnType<typeof PaymentClient>) =>
  (await sdk.getAllPaymentEventsByCursor({ from, until, size: 100 })).items.map((i) => {
    const e = i.paymentEvent as { paymentId: string; type: string };
    return `${e.paymentId} ${e.type}`;
  });

describe('count and payment events written after the commit', () => {
  it('are listed right after pay and cancel answered, with no wait', async () => {
    const store = await seedStore(runtime.services);
    const sdk = sdkOf(runtime, store);
    await pay(sdk, 'a');
    await pay(sdk, 'b');
    await sdk.cancelPayment({ paymentId: 'a', reason: 'test' });
    expect((await sdk.getPayments({ page: { number: 0, size: 10 } })).page.totalCount).toBe(2);
    expect((await eventsOf(sdk)).sort()).toEqual(['a CANCELLED', 'a PAID', 'b PAID']);
  });

  it('are written by the start-up sweep when the process died before the step, once however often it starts', async () => {
    const crashed = await start({ run: false });
    const store = await seedStore(crashed.services);
    const sdk = sdkOf(crashed, store);
    await pay(sdk, 'c');
    await pay(sdk, 'd');
    await sdk.cancelPayment({ paymentId: 'c', reason: 'test' });
    // Committed: the payments are there; their count and PAID events are not (a cancel's event is
    // written in the cancel's own transaction).
    expect((await sdk.getPayment({ paymentId: 'd' })).status).toBe('PAID');
    expect(await crashed.services.repo.countPayments(store.storeId)).toBe(0);
    expect(await eventsOf(sdk)).toEqual(['c CANCELLED']);
    await crashed.close();

    const restarted = await start();
    try {
      expect(restarted.afterCommit.recovered).toBe(2);
      const again = sdkOf(restarted, store);
      expect((await again.getPayments({ page: { number: 0, size: 10 } })).page.totalCount).toBe(2);
      expect((await eventsOf(again)).sort()).toEqual(['c CANCELLED', 'c PAID', 'd PAID']);
    } finally {
      await restarted.close();
    }
    // Nothing is left to sweep, and the count does not move.
    const third = await start();
    try {
      expect(third.afterCommit.recovered).toBe(0);
      expect(await third.services.repo.countPayments(store.storeId)).toBe(2);
    } finally {
      await third.close();
    }
  });
});
