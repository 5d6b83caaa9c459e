/**
 * JSON the table cannot hold is the caller's fault, refused as a 400 naming where it is, before
 * anything is written: numbers DynamoDB (or its marshaller) refuses, and empty object keys
 * ("Empty attribute name"). The fields a payment keeps as given (`products[]`, `customer`) used
 * to carry them to the write, which failed as a 503 UNAVAILABLE telling the client to retry.
 * Found by the soak's fuzzer (soak/fuzz.ts, seed 20261201).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededChannelKey } from '../../functions/stores/seed.ts';
import { card, cardMethod } from '../support/cards.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

let seq = 0;
async function pay(extraJson: string): Promise<{ status: number; body: { type?: string; message?: string } }> {
  const base = JSON.stringify({ channelKey: seededChannelKey('INICIS_V2'), orderName: '주문', amount: { total: 1000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
  const res = await fetch(`${sandbox.url}/payments/unstorable-${++seq}/instant`, {
    method: 'POST',
    headers: { authorization: `PortOne ${sandbox.store.apiSecret}` },
    // Spliced as text: JSON.stringify cannot write 1e999, and the point is what the wire carries.
    body: `${base.slice(0, -1)},${extraJson}}`,
  });
  return { status: res.status, body: (await res.json()) as { type?: string; message?: string } };
}

describe('values the table cannot store', () => {
  it.each([
    ['a number beyond ±2^53 in a product', '"products":[{"id":"p","name":"n","amount":1000,"quantity":1,"weight":-1.5e262}]', 'products.0.weight'],
    ['a number too small for DynamoDB in the customer', '"customer":{"name":{"full":"홍길동"},"score":1e-200}', 'customer.score'],
    ['a number JSON reads as Infinity', '"customer":{"name":{"full":"홍길동"},"score":1e999}', 'customer.score'],
    ['an empty key in a product', '"products":[{"id":"p","name":"n","amount":1000,"quantity":1,"extra":{"":true}}]', 'products.0.extra'],
  ])('%s is a 400 naming it, and nothing is written', async (_what, extra, field) => {
    const answer = await pay(extra);
    expect(answer).toEqual({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining(field) } });
    const stored = await fetch(`${sandbox.url}/payments/unstorable-${seq}`, { headers: { authorization: `PortOne ${sandbox.store.apiSecret}` } });
    expect(stored.status).toBe(404);
  });
});
