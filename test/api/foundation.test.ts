import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient, Payment } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { DECLINES } from '../../functions/domain/cards.ts';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

describe('foundation: the first slice through real engines', () => {
  it('answers /health without credentials', async () => {
    const res = await fetch(`${sandbox.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('gives the official SDK PAYMENT_NOT_FOUND for an unknown payment', async () => {
    const client = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
    const error = await client.getPayment({ paymentId: 'no-such-payment' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Payment.GetPaymentError);
    expect((error as Payment.GetPaymentError).data).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });

  it('refuses a wrong secret with 401 UNAUTHORIZED through the SDK', async () => {
    const client = PaymentClient({ secret: 'not-a-secret', baseUrl: sandbox.url });
    const error = (await client.getPayment({ paymentId: 'x' }).catch((e: unknown) => e)) as Payment.GetPaymentError;
    expect(error.data).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('answers unknown routes and malformed JSON with PortOne-style JSON errors', async () => {
    const auth = { authorization: `PortOne ${sandbox.store.apiSecret}` };
    const unknown = await fetch(`${sandbox.url}/nope`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'NOT_FOUND' });

    const malformed = await fetch(`${sandbox.url}/payments/p1/cancel`, { method: 'POST', headers: auth, body: '{"reason": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('JSON') });
  });

  it('serves the PG profiles and the test-card table without credentials', async () => {
    const profiles = (await (await fetch(`${sandbox.url}/sandbox/profiles`)).json()) as { items: { pgProvider: string }[] };
    expect(profiles.items.map((p) => p.pgProvider)).toContain('INICIS_V2');
    const cards = (await (await fetch(`${sandbox.url}/sandbox/test-cards`)).json()) as { items: { number: string; issuer: string }[]; declines: unknown[] };
    expect(cards.items.some((c) => c.issuer === 'KOOKMIN_CARD')).toBe(true);
    expect(cards.declines).toEqual(Object.values(DECLINES));
  });

  it('refuses a body over the size limit with 413 and no write', async () => {
    const res = await fetch(`${sandbox.url}/payments/big/pre-register`, {
      method: 'POST',
      headers: { authorization: `PortOne ${sandbox.store.apiSecret}` },
      body: JSON.stringify({ totalAmount: 1000, pad: 'x'.repeat(300_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).type).toBe('INVALID_REQUEST');
    expect(await sandbox.services.repo.getPayment(sandbox.store.storeId, 'big')).toBeUndefined();
  });
});
