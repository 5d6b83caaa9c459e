/**
 * Caller-fault input is a 400 INVALID_REQUEST naming the field, decided before anything is written,
 * never a 503 (which tells clients to retry): oversized ids, strings, counts, nesting and numbers,
 * and what a PG would refuse. A payment at every limit stays storable for its whole life.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PaymentClient } from '@portone/server-sdk';
import { LIMITS } from '../../functions/domain/limits.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { card, cardMethod } from '../support/cards.ts';
import { startReceiver } from '../support/receiver.ts';
import { seededChannelKey } from '../../functions/stores/seed.ts';

let sandbox: TestSandbox;
let client: ReturnType<typeof PaymentClient>;
let seq = 0;
const newId = () => `limits-${Date.now()}-${++seq}`;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(() => sandbox?.close());

interface Answer {
  status: number;
  body: { type?: string; message?: string };
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `PortOne ${sandbox.store.apiSecret}` },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const cardPayment = (extra: Record<string, unknown> = {}) => ({
  channelKey: seededChannelKey('KCP_V2'),
  orderName: '테스트 주문',
  amount: { total: 10_000 },
  currency: 'KRW',
  method: cardMethod(card('SHINHAN_CARD')),
  ...extra,
});

const vaPayment = (virtualAccount: Record<string, unknown>) =>
  cardPayment({
    method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' }, ...virtualAccount } },
  });

/** `{a: {a: … {a: 1}}}` `depth` levels deep. */
const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

function expectRefused(answer: Answer, field: string) {
  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe('INVALID_REQUEST');
  expect(answer.body.message?.startsWith(field), `${answer.body.message} names ${field}`).toBe(true);
}

async function expectNothingWritten(paymentId: string) {
  expect(await sandbox.services.repo.getPayment(sandbox.store.storeId, paymentId)).toBeUndefined();
}

describe('ids over the key budget', () => {
  const longId = 'p'.repeat(1_100);
  const justOver = '가'.repeat(Math.floor(LIMITS.idBytes / 3) + 1); // 3 bytes each in UTF-8

  it.each([
    ['GET', `/payments/${longId}`],
    ['POST', `/payments/${longId}/instant`],
    ['POST', `/payments/${encodeURIComponent(justOver)}/instant`],
    ['POST', `/payments/${longId}/cancel`],
    ['POST', `/payments/${longId}/pre-register`],
    ['POST', `/payments/${longId}/virtual-account/close`],
    ['POST', `/payments/${longId}/resend-webhook`],
    ['GET', `/sandbox/payments/${longId}`],
    ['POST', `/sandbox/payments/${longId}/checkout`],
  ])('%s %#: an over-long paymentId is a 400 naming it', async (method, path) => {
    const body = path.endsWith('/instant') ? cardPayment() : path.endsWith('/cancel') ? { reason: 'x' } : method === 'POST' ? {} : undefined;
    expectRefused(await call(method, path, body), 'paymentId:');
  });

  it('a timer id over the budget is a 400 naming timerId', async () => {
    expectRefused(await call('POST', `/sandbox/timers/${longId}/fire`), 'timerId:');
  });

  it('an id at the budget works', async () => {
    const id = 'p'.repeat(LIMITS.idBytes - 20) + Date.now();
    await client.payInstantly({ paymentId: id, ...cardPayment() } as Parameters<typeof client.payInstantly>[0]);
    expect((await call('GET', `/payments/${id}`)).status).toBe(200);
  });

  it('a 5,000-character channelKey is a 400 naming channelKey', async () => {
    const id = newId();
    expectRefused(await call('POST', `/payments/${id}/instant`, cardPayment({ channelKey: 'k'.repeat(5_000) })), 'channelKey:');
    await expectNothingWritten(id);
  });
});

describe('sizes, counts, nesting and numbers', () => {
  it.each([
    ['method.virtualAccount.expiry.validHours:', vaPayment({ expiry: { validHours: Number.MAX_SAFE_INTEGER } })],
    ['noticeUrls:', cardPayment({ noticeUrls: Array.from({ length: 1_000 }, (_, i) => `http://127.0.0.1:9/${i}`) })],
    ['products', cardPayment({ products: [nested(33)] })],
    ['customer.address', cardPayment({ customer: { address: nested(3_000) } })],
    ['customData:', cardPayment({ customData: 'x'.repeat(200 * 1024) })],
    ['orderName:', cardPayment({ orderName: 'x'.repeat(LIMITS.orderNameChars + 1) })],
    ['customer:', cardPayment({ customer: { name: { full: 'x'.repeat(LIMITS.customerJsonChars) } } })],
    ['products:', cardPayment({ products: Array.from({ length: LIMITS.products + 1 }, (_, i) => ({ id: `${i}`, name: 'p', amount: 1, quantity: 1 })) })],
  ])('%s refused with a 400 naming it, nothing written', async (field, body) => {
    const id = newId();
    expectRefused(await call('POST', `/payments/${id}/instant`, body), field);
    await expectNothingWritten(id);
  });

  it('a cancel reason over the limit (220 KB, or 20 KB) is a 400 naming reason, nothing cancelled', async () => {
    const id = newId();
    await client.payInstantly({ paymentId: id, ...cardPayment() } as Parameters<typeof client.payInstantly>[0]);
    expectRefused(await call('POST', `/payments/${id}/cancel`, { reason: 'r'.repeat(220 * 1024), amount: 100 }), 'reason:');
    for (let i = 0; i < 21; i++) {
      expectRefused(await call('POST', `/payments/${id}/cancel`, { reason: 'r'.repeat(20 * 1024), amount: 100 }), 'reason:');
    }
    const payment = await sandbox.services.repo.getPayment(sandbox.store.storeId, id);
    expect(payment?.cancellations).toHaveLength(0);
  });
});

describe('what a PG would refuse', () => {
  it.each([
    ['currency:', cardPayment({ currency: 'XXX' })],
    ['currency:', cardPayment({ currency: 'USD' })],
    ['currency:', cardPayment({ currency: 'WON' })],
    ['method.virtualAccount.bank:', vaPayment({ bank: 'NOT_A_BANK' })],
    ['amount.total:', cardPayment({ amount: { total: 0 } })],
  ])('%s refused with a 400, nothing written', async (field, body) => {
    const id = newId();
    expectRefused(await call('POST', `/payments/${id}/instant`, body), field);
    await expectNothingWritten(id);
  });

  it('an overseas PG takes a foreign currency', async () => {
    const id = newId();
    const res = await call('POST', `/payments/${id}/instant`, {
      ...cardPayment({ channelKey: sandbox.channelKey('EXIMBAY_V2'), currency: 'USD', amount: { total: 1_000 } }),
      method: { card: { credential: { number: '4111111111111111', expiryYear: '33', expiryMonth: '12' } } },
    });
    expect(res.status).toBe(200);
  });

  it('pre-registering a currency that is not PortOne’s is refused', async () => {
    expectRefused(await call('POST', `/payments/${newId()}/pre-register`, { totalAmount: 1_000, currency: 'ABC' }), 'currency:');
  });
});

describe('a payment at every limit', () => {
  it(`stays storable through ${LIMITS.cancellations} cancellations with the longest reasons, then MAX_CANCEL_COUNT_REACHED`, async () => {
    const receiver = await startReceiver();
    try {
      const wide = (n: number) => '가'.repeat(n); // 3 UTF-8 bytes per character: the worst case
      const productName = wide(150);
      const products = Array.from({ length: LIMITS.products }, (_, i) => ({ id: `${i}`, name: productName, amount: 1, quantity: 1 }));
      while (JSON.stringify(products).length > LIMITS.productsJsonChars) products.pop();
      const url = `${receiver.url}/${wide(LIMITS.urlChars - receiver.url.length - 1)}`;
      const id = newId();
      const answer = await call('POST', `/payments/${id}/instant`, {
        ...cardPayment({ amount: { total: 100_000 } }),
        orderName: wide(LIMITS.orderNameChars),
        customData: wide(LIMITS.customDataChars),
        customer: { name: { full: wide(LIMITS.customerJsonChars - 30) } },
        products,
        noticeUrls: Array.from({ length: LIMITS.noticeUrls }, () => url),
      });
      expect(answer.status, answer.body.message).toBe(200);
      for (let i = 0; i < LIMITS.cancellations; i++) {
        const cancel = await call('POST', `/payments/${id}/cancel`, { reason: wide(LIMITS.cancelReasonChars), amount: 100, skipWebhook: true });
        expect(cancel.status, cancel.body.message).toBe(200);
      }
      const over = await call('POST', `/payments/${id}/cancel`, { reason: wide(LIMITS.cancelReasonChars), amount: 100 });
      expect(over.body.type).toBe('MAX_CANCEL_COUNT_REACHED');
      expect((await call('GET', `/payments/${id}`)).status).toBe(200);
    } finally {
      await receiver.close();
    }
  });
});

describe('random oversized and deep input', () => {
  const huge = fc.oneof(
    fc.constantFrom(1_000, 5_000, 300 * 1024).map((n) => 'x'.repeat(n)),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e300, -1, 0),
    fc.integer({ min: 17, max: 1_000 }).map((depth) => nested(depth)),
    fc.integer({ min: 6, max: 2_000 }).map((n) => Array.from({ length: n }, (_, i) => `http://127.0.0.1:9/${i}`)),
  );
  const fields = ['channelKey', 'orderName', 'customData', 'currency', 'noticeUrls', 'products', 'customer', 'amount', 'method'];

  it('never gets a 5xx: every answer is a client error naming the field, or a success', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), huge, fc.constantFrom('instant', 'cancel', 'pre-register'), async (field, value, op) => {
        const body = op === 'instant' ? cardPayment({ [field]: value }) : { reason: 'r', amount: 100, [field === 'channelKey' ? 'reason' : field]: value };
        const res = await call('POST', `/payments/${newId()}/${op}`, body);
        expect(res.status, `${res.status} ${res.body.type}: ${res.body.message}`).toBeLessThan(500);
        if (res.status >= 400) expect(typeof res.body.type).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});
