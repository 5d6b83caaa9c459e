// Fault injection (issue 14 item 2): a store's rules make the PortOne API fail the way production
// does, through the official SDK over real HTTP: a 429 storm that ends, an approval whose answer
// is lost (reconciled by getPayment and the webhook), 5xx, dropped connections, latency, and the
// same decisions on every run when the store has a seed. Each injected fault is logged.
import { PaymentClient } from '@portone/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxClient, type SandboxClient } from '../../functions/client/index.ts';
import type { FaultRule } from '../../functions/domain/faults.ts';
import { card, cardMethod } from '../support/cards.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
let admin: SandboxClient;
let portone: ReturnType<typeof PaymentClient>;
let seq = 0;
const newId = (prefix: string) => `${prefix}-${Date.now()}-${++seq}`;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret });
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(async () => {
  await sandbox?.close();
});

const rules = (...list: FaultRule[]) => admin.faults.set({ rules: list });
const pay = (paymentId: string, amount = 1000) =>
  portone.payInstantly({
    paymentId,
    channelKey: sandbox.channelKey('TOSSPAYMENTS'),
    orderName: 'fault test',
    amount: { total: amount },
    currency: 'KRW',
    method: cardMethod(card('SHINHAN_CARD')),
  });
/** The raw answer of a pay request, for status and headers the SDK does not expose. */
const rawPay = (paymentId: string) =>
  fetch(`${sandbox.url}/payments/${encodeURIComponent(paymentId)}/instant`, {
    method: 'POST',
    headers: { authorization: `PortOne ${sandbox.store.apiSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channelKey: sandbox.channelKey('TOSSPAYMENTS'),
      orderName: 'fault test',
      amount: { total: 1000 },
      currency: 'KRW',
      method: cardMethod(card('SHINHAN_CARD')),
    }),
  });

describe('refusals: nothing is done', () => {
  it('a 429 storm: the first 3 tries of each payment get 429 with Retry-After, the 4th pays, and the log says so', async () => {
    await rules({ id: 'storm', operation: 'pay', times: 3, effect: { kind: 'rate-limit', retryAfterSeconds: 2 } });
    const id = newId('storm');
    for (let i = 0; i < 3; i++) {
      const res = await rawPay(id);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(await res.json()).toMatchObject({ type: 'TOO_MANY_REQUESTS' });
    }
    await expect(portone.getPayment({ paymentId: id })).rejects.toMatchObject({ data: { type: 'PAYMENT_NOT_FOUND' } });
    expect((await rawPay(id)).status).toBe(200);
    expect(await portone.getPayment({ paymentId: id })).toMatchObject({ status: 'PAID' });
    const log = await admin.faults.log({ paymentId: id });
    expect(log.items.map((f) => f.description)).toEqual(Array(3).fill('429 (Retry-After 2 s)'));
    expect(log.items[0]).toMatchObject({ operation: 'pay', ruleId: 'storm', method: 'POST' });
  });

  it('a 503 in PortOne\'s error shape, and a dropped connection, only for the magic amount', async () => {
    await rules(
      { id: 'down', operation: 'pay', amount: 503, effect: { kind: 'error', status: 503 } },
      { id: 'cut', operation: 'pay', amount: 999, effect: { kind: 'drop' } },
    );
    const down = newId('down');
    await expect(pay(down, 503)).rejects.toMatchObject({ data: { type: 'UNAVAILABLE' } });
    const cut = newId('cut');
    await expect(pay(cut, 999)).rejects.toThrow();
    for (const id of [down, cut]) await expect(portone.getPayment({ paymentId: id })).rejects.toMatchObject({ data: { type: 'PAYMENT_NOT_FOUND' } });
    expect(await pay(newId('fine'), 1000)).toMatchObject({ payment: { paidAt: expect.any(String) } });
  });
});

describe('ambiguous outcomes: done, but the answer is lost', () => {
  it('the PG approved, the merchant\'s call failed: getPayment says PAID and Transaction.Paid is on its way', async () => {
    // Nothing listens there: the webhook is committed and its delivery retried, which is all this checks.
    await admin.webhook.setUrl('http://127.0.0.1:9/webhook');
    await rules({ id: 'lost', operation: 'pay', paymentIdPrefix: 'lost-', effect: { kind: 'ambiguous', then: 'error' } });
    const id = newId('lost');
    await expect(pay(id)).rejects.toMatchObject({ data: { type: 'UNAVAILABLE' } });
    const payment = await portone.getPayment({ paymentId: id });
    expect(payment).toMatchObject({ status: 'PAID' });
    const deliveries = await admin.webhook.deliveries({ paymentId: id });
    expect(deliveries.items.map((d) => d.type)).toEqual(['Transaction.Paid']);
    // A retry finds it paid, as PortOne would answer.
    await expect(pay(id)).rejects.toMatchObject({ data: { type: 'ALREADY_PAID' } });
    expect((await admin.faults.log({ paymentId: id })).items).toHaveLength(1);
    await admin.webhook.setUrl(null);
  });

  it('a refused payment is not made ambiguous: the real refusal is answered and nothing is logged', async () => {
    await rules({ id: 'lost', operation: 'pay', effect: { kind: 'ambiguous', then: 'drop' } });
    const id = newId('refused');
    await expect(
      portone.payInstantly({
        paymentId: id,
        channelKey: sandbox.channelKey('INICIS_V2'),
        orderName: 'refused',
        amount: { total: 1000 },
        currency: 'KRW',
        method: cardMethod(card('KOOKMIN_CARD')),
      }),
    ).rejects.toMatchObject({ data: { type: 'PG_PROVIDER' } });
    expect((await admin.faults.log({ paymentId: id })).items).toEqual([]);
  });
});

describe('matching and determinism', () => {
  it('matches by PG: a cancel of a TOSSPAYMENTS payment is delayed, a get is not', async () => {
    await rules();
    const id = newId('slow');
    await pay(id);
    await rules({ id: 'slow-cancel', operation: 'cancel', pgProvider: 'TOSSPAYMENTS', effect: { kind: 'latency', ms: 300 } });
    await portone.getPayment({ paymentId: id });
    const started = performance.now();
    await portone.cancelPayment({ paymentId: id, reason: 'slow' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect((await admin.faults.log({ paymentId: id })).items.map((f) => f.description)).toEqual(['latency 300 ms']);
  });

  it('with a seed, a 50% rule hits the same tries on every run', async () => {
    const outcomes = async (prefix: string) => {
      const hit: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${sandbox.url}/payments/${prefix}-${i}`, { headers: { authorization: `PortOne ${sandbox.store.apiSecret}` } });
        hit.push(res.status === 503);
      }
      return hit;
    };
    const half: FaultRule = { id: 'coin', operation: 'get', rate: 0.5, effect: { kind: 'error', status: 503 } };
    await admin.faults.set({ rules: [half], seed: 42 });
    const first = await outcomes('seeded');
    // Setting the same rules again replays the sequence, for the same requests.
    await admin.faults.set({ rules: [half], seed: 42 });
    const second = await outcomes('seeded');
    expect(second).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(0);
    expect(first.filter(Boolean).length).toBeLessThan(12);
  });

  it('refuses bad rules with a 400 naming the field, and turns off with an empty list', async () => {
    const refused = (body: unknown) => admin.faults.set(body as never).then(() => undefined, (e: { status: number; message: string }) => e);
    expect(await refused({ rules: [{ id: 'a', operation: 'pay', effect: { kind: 'latency', ms: 999_999 } }] })).toMatchObject({ status: 400 });
    expect(await refused({ rules: [{ id: 'a', operation: 'fly', effect: { kind: 'drop' } }] })).toMatchObject({ status: 400 });
    expect(await refused({ rules: [{ id: 'a', operation: 'pay', effect: { kind: 'drop' } }, { id: 'a', operation: 'get', effect: { kind: 'drop' } }] })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/unique/),
    });
    await rules();
    expect(await admin.faults.get()).toEqual({ rules: [], setAt: expect.any(String) });
  });
});
