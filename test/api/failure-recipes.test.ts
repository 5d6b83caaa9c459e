/**
 * The recipes of docs/testing-failure-paths.md, run as a merchant's test suite would run them: the
 * merchant code in examples/failure-recipes/ against the sandbox through the official
 * @portone/server-sdk over real HTTP, each failure set up with the sandbox's own API (fault rules,
 * live-like channels). If a recipe stops working, this file fails.
 */
import { PaymentClient, RestError } from '@portone/server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { payAndReconcile } from '../../examples/failure-recipes/pay-and-reconcile.ts';
import { retryTransient } from '../../examples/failure-recipes/transient.ts';
import { createSandboxClient } from '../../functions/client/index.ts';
import { card, cardMethod, declineCard } from '../support/cards.ts';
import { startReceiver } from '../support/receiver.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

let seq = 0;
const newId = (tag: string) => `recipe-${tag}-${Date.now()}-${++seq}`;

/** A store of its own (its own fault rules and clock), the admin client and the merchant's SDK client. */
async function shop() {
  const store = await sandbox.newStore();
  const admin = createSandboxClient({ baseUrl: sandbox.url, apiSecret: store.apiSecret });
  const portone = PaymentClient({ secret: store.apiSecret, baseUrl: sandbox.url });
  const order = (paymentId: string, channelKey = sandbox.channelKey('TOSSPAYMENTS'), c = card('SHINHAN_CARD')) => ({
    paymentId,
    channelKey,
    orderName: '레시피 주문',
    amount: { total: 12_000 },
    currency: 'KRW' as const,
    method: cardMethod(c),
  });
  return { store, admin, portone, order };
}

/** A `wait` that records the backoff instead of sleeping, so the test is as fast as the sandbox. */
function recordedWaits() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

describe('recipe: retry a 429 storm and 5xx, never a final answer', () => {
  it('three 429s, then the payment goes through on the fourth try with growing backoff', async () => {
    const { admin, portone, order } = await shop();
    await admin.faults.set({ rules: [{ id: 'storm', operation: 'pay', times: 3, effect: { kind: 'rate-limit', retryAfterSeconds: 1 } }] });
    const { waits, wait } = recordedWaits();
    const id = newId('storm');
    const paid = await retryTransient(() => portone.payInstantly(order(id)), { wait });
    expect(paid.payment.paidAt).toEqual(expect.any(String));
    expect(waits).toEqual([200, 400, 800]);
    expect((await admin.faults.log({ paymentId: id })).items).toHaveLength(3);
  });

  it('a PG refusal is final: one try, no retry, the PG code reaches the caller', async () => {
    const { portone, order } = await shop();
    const { waits, wait } = recordedWaits();
    // KB국민카드 is refused by INICIS's shared test MID (docs/profiles.md).
    const refused = retryTransient(() => portone.payInstantly(order(newId('kb'), sandbox.channelKey('INICIS_V2'), card('KOOKMIN_CARD'))), { wait });
    await expect(refused).rejects.toBeInstanceOf(RestError);
    await expect(refused).rejects.toMatchObject({ data: { type: 'PG_PROVIDER' } });
    expect(waits).toEqual([]);
  });

  it('a seeded 30% 503 on getPayment: retries always recover, and the same tries fail on every run', async () => {
    const { admin, portone, order } = await shop();
    const ids = Array.from({ length: 10 }, (_, i) => newId(`flaky-${i}`));
    for (const id of ids) await portone.payInstantly(order(id));
    const run = async () => {
      await admin.faults.set({ seed: 7, rules: [{ id: 'flaky', operation: 'get', rate: 0.3, effect: { kind: 'error', status: 503 } }] });
      const retries: number[] = [];
      for (const id of ids) {
        const { waits, wait } = recordedWaits();
        expect(await retryTransient(() => portone.getPayment({ paymentId: id }), { wait, attempts: 10 })).toMatchObject({ status: 'PAID' });
        retries.push(waits.length);
      }
      return retries;
    };
    const first = await run();
    expect(first.some((n) => n > 0)).toBe(true);
    expect(await run()).toEqual(first);
  });
});

describe('recipe: reconcile an approval whose answer was lost', () => {
  it.each([
    ['a 500 after the PG approved', { kind: 'ambiguous', then: 'error' }],
    ['a dropped connection after the PG approved', { kind: 'ambiguous', then: 'drop' }],
    ['no answer within the client timeout after the PG approved', { kind: 'ambiguous', then: 'timeout', holdMs: 3000 }],
  ] as const)('%s: the shop learns PAID from getPayment, pays once, and Transaction.Paid arrives', async (_, effect) => {
    const { admin, portone, order } = await shop();
    await admin.webhook.setUrl(receiver.url);
    await admin.faults.set({ rules: [{ id: 'lost', operation: 'pay', effect }] });
    const id = newId('lost');
    const outcome = await payAndReconcile(portone, order(id), { timeoutMs: 500, wait: async () => {} });
    expect(outcome).toEqual({ outcome: 'PAID', reconciled: true });
    const payment = await portone.getPayment({ paymentId: id });
    expect(payment).toMatchObject({ status: 'PAID', amount: { total: 12_000, paid: 12_000 } });
    // One approval: the history holds a single paid transaction for the id.
    const paid = (await portone.getPaymentTransactions({ paymentId: id })).items.filter((t) => t.status === 'PAID');
    expect(paid).toHaveLength(1);
    await vi.waitFor(() => {
      const types = receiver.deliveries
        .map((d) => JSON.parse(d.body) as { type: string; data?: { paymentId?: string } })
        .filter((w) => w.data?.paymentId === id)
        .map((w) => w.type);
      expect(types).toContain('Transaction.Paid');
    });
  });

  it('a timeout before the PG was reached: getPayment says PAYMENT_NOT_FOUND, the same request again pays', async () => {
    const { admin, portone, order } = await shop();
    await admin.faults.set({ rules: [{ id: 'slow-gateway', operation: 'pay', times: 1, effect: { kind: 'timeout', holdMs: 3000 } }] });
    const id = newId('never-reached');
    expect(await payAndReconcile(portone, order(id), { timeoutMs: 500, wait: async () => {} })).toEqual({ outcome: 'PAID', reconciled: true });
    expect(await portone.getPayment({ paymentId: id })).toMatchObject({ status: 'PAID' });
    expect((await admin.faults.log({ paymentId: id })).items.map((f) => f.ruleId)).toEqual(['slow-gateway']);
  });
});

describe('recipe: declines on a production-like channel', () => {
  it('잔액부족 on INICIS: a DECLINED outcome with the PG’s code, on its test channel and on a LIVE_LIKE one', async () => {
    const { admin, portone, order } = await shop();
    const live = await admin.channels.create({ pgProvider: 'INICIS_V2', name: 'KG이니시스 라이브형', mode: 'LIVE_LIKE' });
    const insufficient = declineCard('INSUFFICIENT_BALANCE');
    for (const channelKey of [sandbox.channelKey('INICIS_V2'), live.channelKey]) {
      expect(await payAndReconcile(portone, order(newId('inicis-decline'), channelKey, insufficient))).toEqual({
        outcome: 'DECLINED',
        pgCode: '51',
        pgMessage: '잔액부족',
      });
    }
  });

  it('Toss Payments’ test channel approves the 잔액부족 card; only its LIVE_LIKE channel lets the shop build the decline path', async () => {
    const { admin, portone, order } = await shop();
    const live = await admin.channels.create({ pgProvider: 'TOSSPAYMENTS', name: '토스페이먼츠 라이브형', mode: 'LIVE_LIKE' });
    const insufficient = declineCard('INSUFFICIENT_BALANCE');
    // Test mode answers success without withdrawing ("잔액부족 등 … 테스트가 불가"), so no decline reaches the shop.
    expect(await payAndReconcile(portone, order(newId('toss-test'), sandbox.channelKey('TOSSPAYMENTS'), insufficient))).toEqual({
      outcome: 'PAID',
      reconciled: false,
    });
    expect(await payAndReconcile(portone, order(newId('toss-live'), live.channelKey, insufficient))).toEqual({
      outcome: 'DECLINED',
      pgCode: 'REJECT_CARD_PAYMENT',
      pgMessage: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
    });
  });
});
