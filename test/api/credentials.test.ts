import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient, Payment } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

const sandboxApi = (secret: string, path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.url}/sandbox${path}`, { ...init, headers: { authorization: `PortOne ${secret}`, ...init.headers } });

async function paymentErrorType(secret: string): Promise<string | undefined> {
  const client = PaymentClient({ secret, baseUrl: sandbox.url });
  const error = await client.getPayment({ paymentId: 'no-such-payment' }).catch((e: unknown) => e);
  return String((error as Payment.GetPaymentError).data?.type);
}

describe('API secrets can be revoked', () => {
  it('answers 401 for a revoked secret at once, and never revokes the last one', async () => {
    const store = await sandbox.newStore();
    const added = (await (await sandboxApi(store.apiSecret, '/store/api-secrets', { method: 'POST' })).json()) as { apiSecret: string; secretId: string };
    // The new secret works (and is now cached by this process).
    expect(await paymentErrorType(added.apiSecret)).toBe('PAYMENT_NOT_FOUND');

    const listed = (await (await sandboxApi(store.apiSecret, '/store/api-secrets')).json()) as { items: { secretId: string }[] };
    expect(listed.items.map((s) => s.secretId)).toContain(added.secretId);
    expect(JSON.stringify(listed)).not.toContain(added.apiSecret);

    const revoked = await sandboxApi(store.apiSecret, `/store/api-secrets/${added.secretId}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    expect(await paymentErrorType(added.apiSecret)).toBe('UNAUTHORIZED');
    const login = await fetch(`${sandbox.url}/login/api-secret`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiSecret: added.apiSecret }) });
    expect(login.status).toBe(401);
    // The other secret is untouched.
    expect(await paymentErrorType(store.apiSecret)).toBe('PAYMENT_NOT_FOUND');

    const again = await sandboxApi(store.apiSecret, `/store/api-secrets/${added.secretId}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    const [last] = ((await (await sandboxApi(store.apiSecret, '/store/api-secrets')).json()) as { items: { secretId: string }[] }).items;
    const refused = await sandboxApi(store.apiSecret, `/store/api-secrets/${last!.secretId}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ type: 'CONFLICT' });
    expect(await paymentErrorType(store.apiSecret)).toBe('PAYMENT_NOT_FOUND');
  });
});

describe('console sign-out', () => {
  it('ends the session on the server: the old cookie no longer opens the console', async () => {
    const store = await sandbox.newStore();
    const origin = { origin: sandbox.url };
    const signIn = await fetch(`${sandbox.url}/console/login`, {
      method: 'POST',
      headers: origin,
      body: new URLSearchParams({ apiSecret: store.apiSecret, next: '/console/payments' }),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('pgs_console='))!.split(';')[0]!;

    const page = await fetch(`${sandbox.url}/console/payments`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;

    const signOut = await fetch(`${sandbox.url}/console/logout`, {
      method: 'POST',
      headers: { ...origin, cookie },
      body: new URLSearchParams({ _csrf: csrf }),
      redirect: 'manual',
    });
    expect(signOut.status).toBe(303);

    // A copy of the cookie kept from before sign-out (a stolen one) is worthless now.
    const after = await fetch(`${sandbox.url}/console/payments`, { headers: { cookie }, redirect: 'manual' });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toContain('/console/login');
  });
});
