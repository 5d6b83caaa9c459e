/**
 * The browser checkout answers every refusal in the browser SDK's error shape `{code, message}`
 * (PaymentError), and a window always ends with an answer to the merchant's promise: never a 503
 * for the caller's own input, never a 500 page that leaves the promise pending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { cardMethod, declineCard } from '../support/cards.ts';

let sandbox: TestSandbox;
let portone: ReturnType<typeof PaymentClient>;
let seq = 0;
const newId = () => `co-err-${Date.now()}-${++seq}`;
const MERCHANT = 'http://127.0.0.1:5999';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(() => sandbox?.close());

async function openSession(paymentId: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${sandbox.url}/checkout/sessions`, {
    method: 'POST',
    headers: { origin: MERCHANT },
    body: JSON.stringify({
      request: {
        storeId: sandbox.store.storeId,
        channelKey: sandbox.channelKey('INICIS_V2'),
        paymentId,
        orderName: '주문',
        totalAmount: 1_000,
        currency: 'KRW',
        payMethod: 'CARD',
        ...extra,
      },
      windowType: 'IFRAME',
    }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string; message?: string; token?: string } };
}

/** The answer a result page posts to the merchant (`data-response`). */
async function windowAnswer(res: Response): Promise<{ code?: string; message?: string }> {
  const html = await res.text();
  const match = /data-response="([^"]*)"/.exec(html);
  if (!match) throw new Error(`no result in the window (HTTP ${res.status}): ${html.slice(0, 300)}`);
  return JSON.parse(match[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>')) as { code?: string };
}

describe('POST /checkout/sessions', () => {
  it('a blocked noticeUrl is a 400 BadRequest naming the field, not a 503; nothing is written', async () => {
    const id = newId();
    const res = await openSession(id, { noticeUrls: ['http://169.254.169.254/latest/meta-data'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BadRequest');
    expect(res.body.message).toMatch(/^noticeUrls/);
    expect(await sandbox.services.repo.getPayment(sandbox.store.storeId, id)).toBeUndefined();
  });

  it.each([
    ['a currency the PG does not take', { currency: 'USD' }, /^currency/],
    ['a bank code that is not PortOne’s', { payMethod: 'VIRTUAL_ACCOUNT', virtualAccount: { bankCode: 'NOPE' } }, /^virtualAccount\.bankCode/],
    ['a 0-won payment', { totalAmount: 0 }, /^totalAmount/],
    ['a paymentId over the key budget', { paymentId: 'p'.repeat(1_000) }, /^paymentId/],
    ['a request nested too deep', { customData: JSON.parse('['.repeat(3_000) + ']'.repeat(3_000)) as unknown }, /nested deeper/],
  ])('%s is a 400 BadRequest', async (_name, extra, message) => {
    const res = await openSession(newId(), extra);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BadRequest');
    expect(res.body.message).toMatch(message);
  });

  it('after 10 failed attempts the 11th window is refused up front, in the SDK shape; the payment stays FAILED', async () => {
    const id = newId();
    for (let i = 0; i < 10; i++) {
      await portone
        .payInstantly({
          paymentId: id,
          channelKey: sandbox.channelKey('INICIS_V2'),
          orderName: '주문',
          amount: { total: 1_000 },
          currency: 'KRW',
          method: cardMethod(declineCard('INSUFFICIENT_BALANCE')),
        })
        .catch((e: unknown) => e);
    }
    const res = await openSession(id);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FailedPrecondition');
    expect(res.body.message).toContain('결제 시도 횟수가 최대');
    expect((await portone.getPayment({ paymentId: id })).status).toBe('FAILED');
  });
});

describe('POST /checkout/pay', () => {
  it('a dependency failure while paying still answers the merchant’s promise (Unavailable), not a 500 page', async () => {
    const id = newId();
    const opened = await openSession(id);
    expect(opened.status).toBe(201);
    const repo = sandbox.services.repo;
    const real = repo.getPayment.bind(repo);
    repo.getPayment = () => Promise.reject(new Error('DynamoDB is down'));
    try {
      const res = await fetch(`${sandbox.url}/checkout/pay`, {
        method: 'POST',
        body: new URLSearchParams({ s: opened.body.token!, testCard: '4518014000000008', expiryMonth: '12', expiryYear: '30' }),
      });
      expect(res.status).toBe(200);
      expect(await windowAnswer(res)).toMatchObject({ code: 'Unavailable' });
    } finally {
      repo.getPayment = real;
    }
  });
});
