/**
 * Bad input never gets a 500, a hang or a non-JSON answer: arbitrary bodies and query strings are
 * thrown at every write route, and each answer must be a PortOne-style `{type, message}` with a
 * client-error status (or a success, when the random body happens to be valid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

const ROUTES: [string, (id: string) => string][] = [
  ['POST', (id) => `/payments/${id}/instant`],
  ['POST', (id) => `/payments/${id}/cancel`],
  ['POST', (id) => `/payments/${id}/pre-register`],
  ['POST', (id) => `/payments/${id}/virtual-account/close`],
  ['POST', (id) => `/payments/${id}/resend-webhook`],
  ['POST', () => '/login/api-secret'],
  ['POST', () => '/token/refresh'],
  ['POST', () => '/sandbox/clock'],
  ['POST', () => '/sandbox/channels'],
  ['POST', (id) => `/sandbox/payments/${id}/checkout`],
  ['PUT', () => '/sandbox/webhook'],
  ['PUT', () => '/sandbox/webhook/chaos'],
];

const jsonish = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constantFrom('{', '[1,', 'null', '"\\u0000"', '{"amount":{"total":"1"}}', '{"method":{"card":{}}}', '{"reason":123}'),
  fc.record({
    channelKey: fc.oneof(fc.string(), fc.constant('channel-key-test-kcp-v2')),
    orderName: fc.string(),
    amount: fc.record({ total: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
    currency: fc.string(),
    method: fc.anything(),
  }).map((o) => JSON.stringify(o)),
);

describe('bad input', () => {
  it('always answers JSON {type, message} with a client status, never 5xx except PG_PROVIDER', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), jsonish, async ([method, path], id, body) => {
        const res = await fetch(`${sandbox.url}${path(id)}`, {
          method,
          headers: { authorization: `PortOne ${sandbox.store.apiSecret}` },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        const parsed = JSON.parse(text) as { type?: string; message?: string };
        if (res.status >= 400) {
          expect(typeof parsed.type).toBe('string');
          expect(typeof parsed.message).toBe('string');
          if (res.status >= 500) expect(parsed.type).toBe('PG_PROVIDER');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses non-object JSON and unknown payment fields without writing anything', async () => {
    const res = await fetch(`${sandbox.url}/payments/nothing-written/instant`, {
      method: 'POST',
      headers: { authorization: `PortOne ${sandbox.store.apiSecret}` },
      body: '[1,2,3]',
    });
    expect(res.status).toBe(400);
    expect(await sandbox.services.repo.getPayment(sandbox.store.storeId, 'nothing-written')).toBeUndefined();
  });
});
