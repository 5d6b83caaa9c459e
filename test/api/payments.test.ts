import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { card, cardMethod } from '../support/cards.ts';

let sandbox: TestSandbox;
let client: ReturnType<typeof PaymentClient>;
let seq = 0;
const newId = () => `pay-${Date.now()}-${++seq}`;
// The SDK types a payment as a union with an "unrecognized" arm; tests read the JSON as it came.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const getPayment = async (paymentId: string, c = client): Promise<Json> => c.getPayment({ paymentId });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(() => sandbox?.close());

const payCard = (paymentId: string, pg = 'KCP_V2', total = 10_000, extra: Record<string, unknown> = {}) =>
  client.payInstantly({
    paymentId,
    channelKey: sandbox.channelKey(pg),
    orderName: '테스트 주문',
    amount: { total },
    currency: 'KRW',
    method: cardMethod(card('SHINHAN_CARD')),
    ...extra,
  });

const errorOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected the call to fail');
  return (err as { data: Record<string, unknown> }).data;
};

describe('payInstantly and getPayment', () => {
  it('approves a card payment and shows it PAID with the card, channel and amounts', async () => {
    const id = newId();
    const res = await payCard(id, 'KCP_V2', 11_000);
    expect(res.payment.pgTxId).toBeTruthy();
    const p = await getPayment(id);
    expect(p.status).toBe('PAID');
    if (p.status !== 'PAID') return;
    expect(p.paidAt).toBe(res.payment.paidAt);
    expect(p.disputes).toEqual([]);
    expect(p.channel).toMatchObject({ type: 'TEST', pgProvider: 'KCP_V2', key: sandbox.channelKey('KCP_V2') });
    expect(p.amount).toEqual({ total: 11_000, taxFree: 0, vat: 1_000, supply: 10_000, discount: 0, paid: 11_000, cancelled: 0, cancelledTaxFree: 0 });
    expect(p.method).toMatchObject({ type: 'PaymentMethodCard', card: { issuer: 'SHINHAN_CARD', type: 'CREDIT' } });
    const method = p.method as { card: { number: string }; approvalNumber: string };
    expect(method.card.number).toContain('*');
    expect(method.approvalNumber).toMatch(/^\d{8}$/);
  });

  it('refuses to pay a paymentId twice with ALREADY_PAID', async () => {
    const id = newId();
    await payCard(id);
    expect(await errorOf(payCard(id))).toMatchObject({ type: 'ALREADY_PAID' });
  });

  it('pays a paymentId once when 10 requests race: one PAID, nine ALREADY_PAID, one schedule', async () => {
    const id = newId();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => payCard(id, 'INICIS_V2')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { data: { type: string } }).data.type).toBe('ALREADY_PAID');
    expect((await getPayment(id)).status).toBe('PAID');
    const timers = await sandbox.services.repo.listPaymentTimers(sandbox.store.storeId, id);
    expect(timers).toHaveLength(1);
  });

  it('refuses an invalid card number with INVALID_REQUEST naming the field', async () => {
    const err = await errorOf(
      client.payInstantly({
        paymentId: newId(),
        channelKey: sandbox.channelKey('KCP_V2'),
        orderName: 'x',
        amount: { total: 1000 },
        currency: 'KRW',
        method: { card: { credential: { number: '4111111111111112', expiryYear: '30', expiryMonth: '12' } } },
      }),
    );
    expect(err).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('method.card.credential.number') });
  });

  it('names a wrongly typed field', async () => {
    const res = await fetch(`${sandbox.url}/payments/${newId()}/instant`, {
      method: 'POST',
      headers: { authorization: `PortOne ${sandbox.store.apiSecret}` },
      body: JSON.stringify({ channelKey: sandbox.channelKey('KCP_V2'), orderName: 'x', amount: { total: '1000' }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('amount.total') });
  });

  it('answers CHANNEL_NOT_FOUND for an unknown channel key', async () => {
    const err = await errorOf(
      client.payInstantly({ paymentId: newId(), channelKey: 'nope', orderName: 'x', amount: { total: 1000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) }),
    );
    expect(err).toMatchObject({ type: 'CHANNEL_NOT_FOUND' });
  });

  it('issues a virtual account (VIRTUAL_ACCOUNT_ISSUED, bank and account number)', async () => {
    const id = newId();
    await client.payInstantly({
      paymentId: id,
      channelKey: sandbox.channelKey('INICIS_V2'),
      orderName: '가상계좌 주문',
      amount: { total: 30_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' } } },
    });
    const p = await getPayment(id);
    expect(p.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect(p.method).toMatchObject({ type: 'PaymentMethodVirtualAccount', bank: 'SHINHAN', accountNumber: expect.stringMatching(/^\d+$/) });
  });
});

describe('preRegisterPayment', () => {
  it('refuses a later payment with a different amount, accepts the registered one', async () => {
    const id = newId();
    await client.preRegisterPayment({ paymentId: id, totalAmount: 5_000, currency: 'KRW' });
    expect(await errorOf(payCard(id, 'KCP_V2', 4_000))).toMatchObject({ type: 'INVALID_REQUEST' });
    await payCard(id, 'KCP_V2', 5_000);
    expect((await getPayment(id)).status).toBe('PAID');
    expect(await errorOf(client.preRegisterPayment({ paymentId: id, totalAmount: 5_000 }))).toMatchObject({ type: 'ALREADY_PAID' });
  });
});

describe('cancelPayment', () => {
  it('cancels partially then fully, keeping cancelled + cancellable = paid', async () => {
    const id = newId();
    await payCard(id, 'KCP_V2', 10_000);
    const first = await client.cancelPayment({ paymentId: id, amount: 3_000, reason: '부분 취소', currentCancellableAmount: 10_000 });
    expect(first.cancellation).toMatchObject({ status: 'SUCCEEDED', totalAmount: 3_000, vatAmount: 273 });
    let p = await getPayment(id);
    expect(p.status).toBe('PARTIAL_CANCELLED');
    expect(p.amount.cancelled).toBe(3_000);

    expect(await errorOf(client.cancelPayment({ paymentId: id, amount: 1_000, reason: 'x', currentCancellableAmount: 10_000 }))).toMatchObject({
      type: 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN',
    });
    expect(await errorOf(client.cancelPayment({ paymentId: id, amount: 8_000, reason: 'x' }))).toMatchObject({
      type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT',
    });

    const rest = await client.cancelPayment({ paymentId: id, reason: '전체 취소', requester: 'ADMIN' });
    expect(rest.cancellation).toMatchObject({ totalAmount: 7_000 });
    p = await getPayment(id);
    expect(p.status).toBe('CANCELLED');
    if (p.status !== 'CANCELLED') return;
    expect(p.cancellations.map((c: Json) => c.totalAmount)).toEqual([3_000, 7_000]);
    // The VAT of all cancellations adds up to the payment's VAT.
    expect(p.cancellations.reduce((s: number, c: Json) => s + c.vatAmount, 0)).toBe(p.amount.vat);
    expect(await errorOf(client.cancelPayment({ paymentId: id, reason: 'again' }))).toMatchObject({ type: 'PAYMENT_ALREADY_CANCELLED' });
  });

  it('splits tax-free amounts', async () => {
    const id = newId();
    await client.payInstantly({
      paymentId: id,
      channelKey: sandbox.channelKey('KCP_V2'),
      orderName: '면세 포함',
      amount: { total: 21_000, taxFree: 10_000 },
      currency: 'KRW',
      method: cardMethod(card('SAMSUNG_CARD')),
    });
    const p = await getPayment(id);
    expect(p.amount).toMatchObject({ total: 21_000, taxFree: 10_000, vat: 1_000, supply: 10_000 });
    expect(await errorOf(client.cancelPayment({ paymentId: id, amount: 5_000, taxFreeAmount: 11_000, reason: 'x' }))).toMatchObject({
      type: 'INVALID_REQUEST',
    });
    const c = await client.cancelPayment({ paymentId: id, amount: 5_000, taxFreeAmount: 5_000, reason: '면세 취소' });
    expect(c.cancellation).toMatchObject({ totalAmount: 5_000, taxFreeAmount: 5_000, vatAmount: 0 });
    expect((await getPayment(id)).amount.cancelledTaxFree).toBe(5_000);
  });

  it('answers PAYMENT_NOT_FOUND and PAYMENT_NOT_PAID', async () => {
    expect(await errorOf(client.cancelPayment({ paymentId: 'missing', reason: 'x' }))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
    const id = newId();
    await client.preRegisterPayment({ paymentId: id, totalAmount: 1_000 });
    expect(await errorOf(client.cancelPayment({ paymentId: id, reason: 'x' }))).toMatchObject({ type: 'PAYMENT_NOT_PAID' });
  });

  it('never over-refunds under 20 concurrent partial cancels', async () => {
    for (let run = 0; run < 3; run++) {
      const id = newId();
      await payCard(id, 'KCP_V2', 10_000);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => client.cancelPayment({ paymentId: id, amount: 700, reason: '동시 부분 취소' })),
      );
      const succeeded = results.filter((r) => r.status === 'fulfilled').length;
      const p = await getPayment(id);
      if (p.status !== 'PARTIAL_CANCELLED' && p.status !== 'CANCELLED') throw new Error(p.status);
      expect(succeeded).toBe(14); // 14 × 700 = 9,800 ≤ 10,000 < 15 × 700
      expect(p.amount.cancelled).toBe(succeeded * 700);
      expect(p.cancellations).toHaveLength(succeeded);
      for (const r of results) {
        if (r.status === 'rejected') expect((r.reason as { data: { type: string } }).data.type).toBe('CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT');
      }
    }
  });
});

describe('getPayments and getAllPaymentsByCursor', () => {
  it('pages, filters by status and finds every payment by cursor', async () => {
    const other = await sandbox.newStore();
    const c2 = PaymentClient({ secret: other.apiSecret, baseUrl: sandbox.url });
    const ids = [newId(), newId(), newId()];
    for (const id of ids) {
      await c2.payInstantly({ paymentId: id, channelKey: other.channels[0]!.channelKey, orderName: id, amount: { total: 1_000 }, currency: 'KRW', method: cardMethod(card('HYUNDAI_CARD')) });
    }
    await c2.cancelPayment({ paymentId: ids[0]!, reason: 'x' });
    const page = await c2.getPayments({ page: { number: 0, size: 2 } });
    expect(page.page).toEqual({ number: 0, size: 2, totalCount: 3 });
    expect(page.items).toHaveLength(2);
    const paid: Json = await c2.getPayments({ filter: { status: ['PAID'] } });
    expect(paid.items.map((p: Json) => p.id).sort()).toEqual([ids[1], ids[2]].sort());

    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const res: Json = await c2.getAllPaymentsByCursor({ size: 2, ...(cursor ? { cursor } : {}) });
      if (res.items.length === 0) break;
      seen.push(...res.items.map((i: Json) => i.payment.id));
      cursor = res.items.at(-1)!.cursor;
    }
    expect(seen).toEqual(ids);
  });

  it("never shows one store's payments to another store's secret", async () => {
    const id = newId();
    await payCard(id);
    const other = await sandbox.newStore();
    const c2 = PaymentClient({ secret: other.apiSecret, baseUrl: sandbox.url });
    expect(await errorOf(c2.getPayment({ paymentId: id }))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
    expect(await errorOf(c2.getPayment({ paymentId: id, storeId: sandbox.store.storeId }))).toMatchObject({ type: 'FORBIDDEN' });
    expect(((await c2.getPayments({})) as Json).items.map((p: Json) => p.id)).not.toContain(id);
  });
});

describe('closeVirtualAccount', () => {
  it('closes an issued account and refuses a card payment', async () => {
    const id = newId();
    await client.payInstantly({
      paymentId: id,
      channelKey: sandbox.channelKey('INICIS_V2'),
      orderName: 'va',
      amount: { total: 1_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank: 'HANA', expiry: { validHours: 1 }, option: { type: 'NORMAL' } } },
    });
    const closed = await client.closeVirtualAccount({ paymentId: id });
    expect(Date.parse(closed.closedAt)).not.toBeNaN();
    expect((await getPayment(id)).status).toBe('CANCELLED');
    const paid = newId();
    await payCard(paid);
    expect(await errorOf(client.closeVirtualAccount({ paymentId: paid }))).toMatchObject({ type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' });
  });
});

describe('tokens', () => {
  it('logs in with the API secret, uses the access token as Bearer, refreshes once', async () => {
    const login = await fetch(`${sandbox.url}/login/api-secret`, { method: 'POST', body: JSON.stringify({ apiSecret: sandbox.store.apiSecret }) });
    const tokens = (await login.json()) as { accessToken: string; refreshToken: string };
    const get = await fetch(`${sandbox.url}/payments/none`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect((await get.json()).type).toBe('PAYMENT_NOT_FOUND');
    const refreshed = await fetch(`${sandbox.url}/token/refresh`, { method: 'POST', body: JSON.stringify({ refreshToken: tokens.refreshToken }) });
    expect(refreshed.status).toBe(200);
    const again = await fetch(`${sandbox.url}/token/refresh`, { method: 'POST', body: JSON.stringify({ refreshToken: tokens.refreshToken }) });
    expect(again.status).toBe(401);
    const bad = await fetch(`${sandbox.url}/login/api-secret`, { method: 'POST', body: JSON.stringify({ apiSecret: 'wrong' }) });
    expect(bad.status).toBe(401);
  });
});
