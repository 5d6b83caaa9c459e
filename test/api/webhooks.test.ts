// Webhooks as PortOne sends them, end to end on the real local runtime: payment → outbox →
// in-process dispatcher → signed POST → a loopback receiver that verifies every delivery with the
// official SDK. Plus the admin API, the SSRF guard, silence where PortOne is silent, and
// resendWebhook. Synchronisation is the dispatcher's idle() or the receiver's nth delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from '@portone/server-sdk';
import { createApp } from '../../functions/http/app.ts';
import { MAX_MANUAL_RESENDS } from '../../functions/webhooks/resend.ts';
import { seedStore } from '../../functions/stores/seed.ts';
import { sandboxAdmin, nextKst, type Json } from '../support/admin.ts';
import { expectResponseMatches, validateSchema } from '../support/openapi.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { errorOf, newPaymentId, startWebhookSandbox, storeKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startWebhookSandbox(), startWebhookReceiver()]);
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

const parse = (body: string) => JSON.parse(body) as { type: string; timestamp: string; data: Record<string, string> };

/** The one delivery of an event type among those received (their arrival order is not theirs to keep). */
function ofType<T extends { body: string }>(deliveries: readonly T[], type: string): T {
  const found = deliveries.filter((d) => parse(d.body).type === type);
  expect(found, `exactly one ${type} delivery`).toHaveLength(1);
  return found[0]!;
}

/** Every delivery so far to `path` verified with the official SDK (with the secrets the receiver trusts). */
function expectAllVerified(path: string) {
  const got = receiver.at(path);
  expect(got.length).toBeGreaterThan(0);
  for (const d of got) expect(d.rejections, `delivery ${d.webhookId} to ${path}`).toEqual([]);
}

/** The payment as getPayment returns it, checked against PortOne's schema, webhooks[] included. */
async function paymentChecked(kit: Awaited<ReturnType<typeof storeKit>>, paymentId: string): Promise<Json> {
  const payment = await kit.getPayment(paymentId);
  expectResponseMatches('get', '/payments/{paymentId}', 200, payment);
  for (const w of payment.webhooks) validateSchema('PaymentWebhook', w);
  return payment;
}

describe('events: PortOne’s body, signed per Standard Webhooks, accepted by the SDK', () => {
  it('Transaction.Paid, then PartialCancelled and Cancelled with their cancellationId', async () => {
    const kit = await storeKit(sandbox, receiver, 'paid');
    const id = newPaymentId();
    await kit.payCard(id);
    await kit.sdk.cancelPayment({ paymentId: id, reason: '부분 취소', amount: 3_000 });
    await kit.sdk.cancelPayment({ paymentId: id, reason: '나머지 취소' });
    const got = await receiver.waitFor(kit.path, 3);
    await sandbox.webhooks.idle();
    expectAllVerified(kit.path);

    const payment = await paymentChecked(kit, id);
    const bodies = got.map((d) => parse(d.body));
    expect(bodies.map((b) => b.type)).toEqual(['Transaction.Paid', 'Transaction.PartialCancelled', 'Transaction.Cancelled']);
    // Exactly PortOne's keys, in PortOne's order.
    expect(Object.keys(bodies[0]!)).toEqual(['type', 'timestamp', 'data']);
    expect(bodies[0]!.data).toEqual({ storeId: kit.storeId, paymentId: id, transactionId: payment.transactionId });
    expect(bodies[0]!.timestamp).toBe(payment.paidAt);
    for (const [i, cancellation] of payment.cancellations.entries()) {
      const body = bodies[i + 1]!;
      expect(body.data).toEqual({ storeId: kit.storeId, paymentId: id, transactionId: payment.transactionId, cancellationId: cancellation.id });
      expect(body.timestamp).toBe(cancellation.cancelledAt);
    }
    // The SDK's own parse of the verified body.
    const verified = await Webhook.verify(kit.secrets[0]!, got[2]!.body, got[2]!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: 'Transaction.Cancelled', data: { paymentId: id } });

    // Headers: webhook-id = the log entry's id; unix-seconds timestamp near now; one v1 signature per secret.
    const d = got[0]!;
    expect(d.headers['content-type']).toBe('application/json');
    expect(d.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(d.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(String(d.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(payment.webhooks.map((w: Json) => w.id)).toEqual(got.map((x) => x.webhookId));
    expect(payment.webhooks.every((w: Json) => w.status === 'SUCCEEDED' && w.currentExecutionCount === 1 && w.maxExecutionCount === 6)).toBe(true);
    expect(payment.webhooks.map((w: Json) => w.paymentStatus)).toEqual(['PAID', 'PARTIAL_CANCELLED', 'CANCELLED']);
    expect(payment.webhooks[0]).toMatchObject({
      url: receiver.url(kit.path),
      isAsync: true,
      request: { body: got[0]!.body, header: expect.stringContaining(`webhook-id: ${got[0]!.webhookId}`) },
      response: { code: '200', body: expect.stringContaining(got[0]!.webhookId) },
    });
  });

  it('Transaction.Failed for a card the PG refuses (KB국민카드 at KG이니시스)', async () => {
    const kit = await storeKit(sandbox, receiver, 'failed');
    const id = newPaymentId();
    expect(await errorOf(kit.payCard(id, 'INICIS_V2', 'KOOKMIN_CARD'))).toMatchObject({ type: 'PG_PROVIDER' });
    const [d] = await receiver.waitFor(kit.path, 1);
    await sandbox.webhooks.idle();
    expectAllVerified(kit.path);
    const payment = await paymentChecked(kit, id);
    expect(parse(d!.body)).toEqual({
      type: 'Transaction.Failed',
      timestamp: payment.failedAt,
      data: { storeId: kit.storeId, paymentId: id, transactionId: payment.transactionId },
    });
    expect(payment.webhooks).toEqual([expect.objectContaining({ paymentStatus: 'FAILED', status: 'SUCCEEDED' })]);
  });

  it('Transaction.VirtualAccountIssued, no webhook for a real deposit, Transaction.Paid for the test-deposit button', async () => {
    const kit = await storeKit(sandbox, receiver, 'va');
    const id = newPaymentId();
    await kit.issueVirtualAccount(id);
    await receiver.waitFor(kit.path, 1);
    // A real deposit reaches the PG; PortOne never hears of it.
    await kit.admin.post(`/sandbox/payments/${id}/virtual-account/deposit`, { amount: 30_000 });
    await sandbox.webhooks.idle();
    expect(receiver.at(kit.path)).toHaveLength(1);
    expect((await kit.outbox(id)).map((e) => e.type)).toEqual(['Transaction.VirtualAccountIssued']);

    await kit.admin.post(`/sandbox/payments/${id}/virtual-account/test-deposit-notification`);
    const got = await receiver.waitFor(kit.path, 2);
    await sandbox.webhooks.idle();
    expectAllVerified(kit.path);
    const payment = await paymentChecked(kit, id);
    expect(got.map((d) => parse(d.body).type)).toEqual(['Transaction.VirtualAccountIssued', 'Transaction.Paid']);
    expect(parse(got[1]!.body).timestamp).toBe(payment.paidAt);
    expect(payment.webhooks.map((w: Json) => [w.paymentStatus, w.trigger])).toEqual([
      ['VIRTUAL_ACCOUNT_ISSUED', undefined],
      ['PAID', 'VIRTUAL_ACCOUNT_DEPOSIT'],
    ]);
  });
});

describe('silence where PortOne is silent', () => {
  it('no webhook when the PG voids a test payment in its nightly batch (KG이니시스)', async () => {
    const kit = await storeKit(sandbox, receiver, 'batch');
    const id = newPaymentId();
    await kit.payCard(id, 'INICIS_V2');
    await receiver.waitFor(kit.path, 1);
    const clock = await kit.admin.clock();
    const advanced = await kit.admin.advanceTo(nextKst(clock.now, '23:55'));
    expect(advanced.fired.filter((f: Json) => f.kind === 'pg-void')).toEqual([expect.objectContaining({ paymentId: id, result: 'fired' })]);
    await sandbox.webhooks.idle();
    expect((await kit.admin.view(id)).pg.status).toBe('VOIDED_BY_BATCH');
    expect(receiver.at(kit.path).map((d) => parse(d.body).type)).toEqual(['Transaction.Paid']);
    expect((await kit.outbox(id)).map((e) => e.type)).toEqual(['Transaction.Paid']);
  });

  it('skipWebhook on a cancel is honoured; a cancel without it is not silent', async () => {
    const kit = await storeKit(sandbox, receiver, 'skip');
    const id = newPaymentId();
    await kit.payCard(id);
    await kit.sdk.cancelPayment({ paymentId: id, reason: '조용히', amount: 1_000, skipWebhook: true });
    await kit.sdk.cancelPayment({ paymentId: id, reason: '알림' });
    await receiver.waitFor(kit.path, 2);
    await sandbox.webhooks.idle();
    expect(receiver.at(kit.path).map((d) => parse(d.body).type)).toEqual(['Transaction.Paid', 'Transaction.Cancelled']);
  });

  it('nowhere to send (no store URL, no noticeUrls) means no outbox entry at all', async () => {
    const kit = await storeKit(sandbox, receiver, 'nourl');
    await kit.admin.put('/sandbox/webhook', { url: null });
    const id = newPaymentId();
    await kit.payCard(id);
    await sandbox.webhooks.idle();
    expect(await kit.outbox(id)).toEqual([]);
    expect((await kit.getPayment(id)).webhooks).toEqual([]);
  });
});

describe('per-request noticeUrls', () => {
  it('override the store URL: one message per URL, each with its own webhook-id, all signed', async () => {
    const kit = await storeKit(sandbox, receiver, 'notice');
    const [a, b] = [`${kit.path}-a`, `${kit.path}-b`];
    receiver.trust(a, kit.secrets);
    receiver.trust(b, kit.secrets);
    const id = newPaymentId();
    await kit.payCard(id, 'KCP_V2', 'SHINHAN_CARD', { noticeUrls: [receiver.url(a), receiver.url(b)] });
    await kit.sdk.cancelPayment({ paymentId: id, reason: '취소' });
    const [gotA, gotB] = await Promise.all([receiver.waitFor(a, 2), receiver.waitFor(b, 2)]);
    await sandbox.webhooks.idle();
    expect(receiver.at(kit.path)).toEqual([]);
    expectAllVerified(a);
    expectAllVerified(b);
    expect(gotA.map((d) => d.body)).toEqual(gotB.map((d) => d.body));
    expect(new Set([...gotA, ...gotB].map((d) => d.webhookId)).size).toBe(4);
    expect((await paymentChecked(kit, id)).webhooks).toHaveLength(4);
  });

  it('an empty list sends nothing', async () => {
    const kit = await storeKit(sandbox, receiver, 'noticeempty');
    const id = newPaymentId();
    await kit.payCard(id, 'KCP_V2', 'SHINHAN_CARD', { noticeUrls: [] });
    await sandbox.webhooks.idle();
    expect(await kit.outbox(id)).toEqual([]);
  });
});

describe('secret rotation: up to two active secrets, every delivery signed with each', () => {
  it('both secrets verify during rotation; after the old one is deleted only the new one does', async () => {
    const kit = await storeKit(sandbox, receiver, 'rotate');
    const [oldSecret] = kit.secrets;
    const added = await kit.admin.post('/sandbox/webhook/secrets');
    expect(added).toMatchObject({ id: expect.any(String), secret: expect.stringMatching(/^whsec_/), createdAt: expect.any(String) });
    receiver.trust(kit.path, [oldSecret!, added.secret]);

    await kit.payCard(newPaymentId());
    const [during] = await receiver.waitFor(kit.path, 1);
    expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(during!.verifiedWith).toEqual([oldSecret, added.secret]);

    const settings = await kit.admin.get('/sandbox/webhook');
    const oldId = settings.secrets.find((s: Json) => s.secret === oldSecret).id;
    await kit.admin.call('DELETE', `/sandbox/webhook/secrets/${oldId}`);
    await kit.payCard(newPaymentId());
    const [, after] = await receiver.waitFor(kit.path, 2);
    expect(String(after!.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(after!.verifiedWith).toEqual([added.secret]);
    expect(after!.rejections).toEqual(['NO_MATCHING_SIGNATURE']);
  });
});

describe('admin API: /sandbox/webhook', () => {
  it('shows, sets and clears the URL; creates the first secret with it', async () => {
    const { storeId, apiSecret } = await seedStore(sandbox.services);
    const admin = sandboxAdmin(sandbox.url, apiSecret);
    expect(await admin.get('/sandbox/webhook')).toEqual({ url: null, secrets: [], maxSecrets: 2, chaos: {}, noticeUrlHosts: [], confirmProcess: false });
    const set = await admin.put('/sandbox/webhook', { url: 'https://merchant.example/webhooks/portone' });
    expect(set).toMatchObject({ url: 'https://merchant.example/webhooks/portone', secrets: [{ id: expect.any(String), secret: expect.stringMatching(/^whsec_/) }] });
    // Changing the URL keeps the secret.
    const again = await admin.put('/sandbox/webhook', { url: 'https://merchant.example/v2' });
    expect(again.secrets).toEqual(set.secrets);
    expect((await admin.put('/sandbox/webhook', { url: null })).url).toBeNull();
    expect((await sandbox.services.repo.getStore(storeId))!.webhook.url).toBeUndefined();
    // The API secret is required.
    const anonymous = await fetch(`${sandbox.url}/sandbox/webhook`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a third secret, the last secret and unknown ids with clear errors; accepts an imported secret', async () => {
    const kit = await storeKit(sandbox, receiver, 'secrets');
    const imported = 'whsec_' + Buffer.from('a fixed secret from the merchant .env!').toString('base64');
    expect(await kit.admin.post('/sandbox/webhook/secrets', { secret: imported })).toMatchObject({ secret: imported });
    const third = await kit.admin.call('POST', '/sandbox/webhook/secrets', {});
    expect(third.status).toBe(400);
    expect(third.body).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('at most 2 active webhook secrets') });
    expect(third.body.message).toContain('DELETE /sandbox/webhook/secrets/');
    const invalid = await kit.admin.call('POST', '/sandbox/webhook/secrets', { secret: 'not base64!' });
    expect(invalid).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('secret') } });
    const unknown = await kit.admin.call('DELETE', '/sandbox/webhook/secrets/nope');
    expect(unknown).toMatchObject({ status: 404, body: { type: 'WEBHOOK_SECRET_NOT_FOUND' } });

    const { secrets } = await kit.admin.get('/sandbox/webhook');
    const afterDelete = await kit.admin.call('DELETE', `/sandbox/webhook/secrets/${secrets[0].id}`);
    expect(afterDelete.status).toBe(200);
    expect(afterDelete.body.secrets.map((s: Json) => s.secret)).toEqual([imported]);
    const last = await kit.admin.call('DELETE', `/sandbox/webhook/secrets/${secrets[1].id}`);
    expect(last).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('only webhook secret') } });

    // Deliveries verify with the imported secret.
    receiver.trust(kit.path, [imported]);
    await kit.payCard(newPaymentId());
    await receiver.waitFor(kit.path, 1);
    expectAllVerified(kit.path);
  });

  it('never ends with three secrets under concurrent adds (optimistic concurrency)', async () => {
    const kit = await storeKit(sandbox, receiver, 'race');
    const results = await Promise.all(Array.from({ length: 6 }, () => kit.admin.call('POST', '/sandbox/webhook/secrets', {})));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
    expect((await kit.admin.get('/sandbox/webhook')).secrets).toHaveLength(2);
  });

  it('gives every attempt of every delivery in the delivery log', async () => {
    const kit = await storeKit(sandbox, receiver, 'log');
    const id = newPaymentId();
    await kit.payCard(id);
    await receiver.waitFor(kit.path, 1);
    await sandbox.webhooks.idle();
    const { items } = await kit.admin.get(`/sandbox/webhook/deliveries?paymentId=${id}`);
    expect(items).toEqual([
      expect.objectContaining({
        paymentId: id,
        type: 'Transaction.Paid',
        status: 'DELIVERED',
        executionCount: 1,
        maxExecutionCount: 6,
        url: receiver.url(kit.path),
        attempts: [
          expect.objectContaining({
            attempt: 1,
            ok: true,
            status: 200,
            requestHeaders: expect.objectContaining({ 'webhook-id': items[0].webhookId }),
            durationMs: expect.any(Number),
          }),
        ],
      }),
    ]);
    const bad = await kit.admin.call('GET', '/sandbox/webhook/deliveries?limit=0');
    expect(bad).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
  });
});

describe('SSRF guard: the sender never calls instance metadata or non-HTTP URLs', () => {
  const refused: [string, string][] = [
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://169.254.170.2/v2/credentials', 'link-local'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'EC2 IPv6 instance metadata'],
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://2852039166/', 'link-local'],
    ['file:///etc/passwd', 'http or https'],
    ['gopher://127.0.0.1:6379/_INFO', 'http or https'],
    ['ftp://merchant.example/hook', 'http or https'],
    ['http://user:pw@merchant.example/hook', 'credentials'],
    ['not a url', 'not a valid absolute URL'],
  ];

  it.each(refused)('refuses %s as the store URL (%s)', async (url, reason) => {
    const kit = await storeKit(sandbox, receiver, 'ssrf');
    const res = await kit.admin.call('PUT', '/sandbox/webhook', { url });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining(reason) });
    expect(res.body.message).toMatch(/^url: /);
    expect((await kit.admin.get('/sandbox/webhook')).url).toBe(receiver.url(kit.path));
  });

  it('refuses a metadata address in noticeUrls before the payment happens', async () => {
    const kit = await storeKit(sandbox, receiver, 'ssrfnotice');
    const id = newPaymentId();
    const err = await errorOf(kit.payCard(id, 'KCP_V2', 'SHINHAN_CARD', { noticeUrls: [receiver.url('/ok'), 'http://169.254.169.254/'] }));
    expect(err).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('noticeUrls[1]') });
    expect(err.message).toContain('169.254.0.0/16');
    expect(await errorOf(kit.getPayment(id))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });

  it('refuses loopback where the sandbox runs on Lambda (allowLoopbackWebhooks false)', async () => {
    const kit = await storeKit(sandbox, receiver, 'lambda');
    const app = createApp({ ...sandbox.services, allowLoopbackWebhooks: false });
    const put = (url: string) =>
      app.request('/sandbox/webhook', {
        method: 'PUT',
        headers: { authorization: `PortOne ${kit.seeded.apiSecret}` },
        body: JSON.stringify({ url }),
      });
    for (const url of ['http://127.0.0.1:9001/2018-06-01/runtime/invocation/next', 'http://[::1]/', 'http://0.0.0.0/']) {
      const res = await put(url);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('loopback') });
    }
    expect((await put('https://merchant.example/hook')).status).toBe(200);
  });

  it('re-checks at send time: a forbidden URL that got into the table is logged as blocked, never called', async () => {
    const kit = await storeKit(sandbox, receiver, 'ssrfsend');
    const store = (await sandbox.services.repo.getStore(kit.storeId))!;
    store.webhook.url = 'http://169.254.169.254/latest/meta-data/iam/';
    await sandbox.services.repo.saveStore(store, store.version);
    const id = newPaymentId();
    await kit.payCard(id);
    await sandbox.webhooks.idle();
    const [event] = await kit.outbox(id);
    expect(event).toMatchObject({ status: 'RETRYING', attempts: [expect.objectContaining({ ok: false, error: expect.stringContaining('BLOCKED_URL') })] });
    expect(event!.attempts[0]!.status).toBeUndefined();
    expect((await kit.getPayment(id)).webhooks[0]).toMatchObject({ status: 'FAILED_UNEXPECTED_ERROR', currentExecutionCount: 1 });
  });
});

describe('resendWebhook (POST /payments/{paymentId}/resend-webhook)', () => {
  it('re-sends the latest webhook: same body and webhook-id, a new MANUAL log entry, OAS-valid answer', async () => {
    const kit = await storeKit(sandbox, receiver, 'resend');
    const id = newPaymentId();
    await kit.payCard(id);
    await kit.sdk.cancelPayment({ paymentId: id, reason: '취소' });
    // Paid and Cancelled are delivered independently: under load either may arrive first.
    const cancelled = ofType(await receiver.waitFor(kit.path, 2), 'Transaction.Cancelled');
    await sandbox.webhooks.idle();

    const res = await fetch(`${sandbox.url}/payments/${id}/resend-webhook`, {
      method: 'POST',
      headers: { authorization: `PortOne ${kit.seeded.apiSecret}` },
      body: '{}',
    });
    const answer = await res.json();
    expect(res.status).toBe(200);
    expectResponseMatches('post', '/payments/{paymentId}/resend-webhook', 200, answer);
    expect(answer.webhook).toMatchObject({ trigger: 'MANUAL', url: receiver.url(kit.path), paymentStatus: 'CANCELLED', currentExecutionCount: 0, maxExecutionCount: 1 });

    const [, , resent] = await receiver.waitFor(kit.path, 3);
    await sandbox.webhooks.idle();
    expectAllVerified(kit.path);
    expect(resent!.body).toBe(cancelled!.body);
    expect(resent!.webhookId).toBe(cancelled!.webhookId);
    const payment = await paymentChecked(kit, id);
    expect(payment.webhooks.at(-1)).toMatchObject({ id: answer.webhook.id, trigger: 'MANUAL', status: 'SUCCEEDED', currentExecutionCount: 1 });
  });

  it('re-sends a chosen webhook through the SDK, to the store’s current URL, up to the limit', async () => {
    const kit = await storeKit(sandbox, receiver, 'resendid');
    const id = newPaymentId();
    await kit.payCard(id);
    await kit.sdk.cancelPayment({ paymentId: id, reason: '취소' });
    const paid = ofType(await receiver.waitFor(kit.path, 2), 'Transaction.Paid');
    await sandbox.webhooks.idle();
    const moved = `${kit.path}-moved`;
    receiver.trust(moved, kit.secrets);
    await kit.admin.put('/sandbox/webhook', { url: receiver.url(moved) });

    const first = await kit.sdk.resendWebhook({ paymentId: id, webhookId: paid!.webhookId });
    validateSchema('PaymentWebhook', first.webhook);
    expect(first.webhook).toMatchObject({ url: receiver.url(moved), trigger: 'MANUAL' });
    const [resent] = await receiver.waitFor(moved, 1);
    expect(resent).toMatchObject({ webhookId: paid!.webhookId, body: paid!.body });
    expectAllVerified(moved);

    // Resending a resend counts against the same message.
    await kit.sdk.resendWebhook({ paymentId: id, webhookId: first.webhook.id });
    for (let i = 2; i < MAX_MANUAL_RESENDS; i++) await kit.sdk.resendWebhook({ paymentId: id, webhookId: paid!.webhookId });
    await receiver.waitFor(moved, MAX_MANUAL_RESENDS);
    const over = await errorOf(kit.sdk.resendWebhook({ paymentId: id, webhookId: paid!.webhookId }));
    expect(over).toMatchObject({ type: 'MAX_WEBHOOK_RETRY_COUNT_REACHED' });
    const raw = await fetch(`${sandbox.url}/payments/${id}/resend-webhook`, {
      method: 'POST',
      headers: { authorization: `PortOne ${kit.seeded.apiSecret}` },
      body: JSON.stringify({ webhookId: paid!.webhookId }),
    });
    expect(raw.status).toBe(400);
    expectResponseMatches('post', '/payments/{paymentId}/resend-webhook', 400, await raw.json());
    // The other message still has its own budget.
    await kit.sdk.resendWebhook({ paymentId: id });
    await sandbox.webhooks.idle();
  });

  it('answers WEBHOOK_NOT_FOUND and PAYMENT_NOT_FOUND like PortOne', async () => {
    const kit = await storeKit(sandbox, receiver, 'resend404');
    const silent = newPaymentId();
    await kit.payCard(silent, 'KCP_V2', 'SHINHAN_CARD', { noticeUrls: [] });
    expect(await errorOf(kit.sdk.resendWebhook({ paymentId: silent }))).toMatchObject({ type: 'WEBHOOK_NOT_FOUND' });
    const id = newPaymentId();
    await kit.payCard(id);
    expect(await errorOf(kit.sdk.resendWebhook({ paymentId: id, webhookId: 'msg_nope' }))).toMatchObject({ type: 'WEBHOOK_NOT_FOUND' });
    expect(await errorOf(kit.sdk.resendWebhook({ paymentId: 'no-such-payment' }))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
    const res = await fetch(`${sandbox.url}/payments/${silent}/resend-webhook`, {
      method: 'POST',
      headers: { authorization: `PortOne ${kit.seeded.apiSecret}` },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expectResponseMatches('post', '/payments/{paymentId}/resend-webhook', 404, await res.json());
    await sandbox.webhooks.idle();
  });
});

describe('retry jitter', () => {
  it('schedules the first retry somewhere within PortOne’s 1 minute (full jitter), as a timer on the test clock', async () => {
    const kit = await storeKit(sandbox, receiver, 'jitter');
    receiver.answer(kit.path, () => 503);
    const ids = [newPaymentId(), newPaymentId(), newPaymentId()];
    for (const id of ids) await kit.payCard(id);
    await receiver.waitFor(kit.path, 3);
    await sandbox.webhooks.idle();
    for (const id of ids) {
      const [event] = await kit.outbox(id);
      const attemptAt = Date.parse(event!.attempts[0]!.requestedAt);
      const due = Date.parse(event!.nextAttemptAt!);
      expect(due - attemptAt).toBeGreaterThanOrEqual(0);
      expect(due - attemptAt).toBeLessThanOrEqual(60_000 + 1_000);
      const timers = (await kit.admin.timers(id)).items.filter((t: Json) => t.kind === 'webhook-delivery');
      expect(timers).toEqual([expect.objectContaining({ state: 'PENDING', dueAt: event!.nextAttemptAt })]);
    }
    expectAllVerified(kit.path);
  });
});
