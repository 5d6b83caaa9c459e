// Webhook chaos (beyond PortOne, off by default, per store): the deliveries a merchant's receiver
// must survive. The receiver here plays that merchant: it verifies with the official SDK and
// answers 400 to what does not verify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT_OF_ORDER_HOLD_MS } from '../../functions/webhooks/chaos.ts';
import type { Json } from '../support/admin.ts';
import { validateSchema } from '../support/openapi.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { newPaymentId, startWebhookSandbox, storeKit, type StoreKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startWebhookSandbox({ webhooks: { dispatch: { random: () => 1 } } }), startWebhookReceiver()]);
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

const typeOf = (body: string) => (JSON.parse(body) as { type: string }).type;

async function chaosKit(name: string, chaos: Record<string, unknown>): Promise<StoreKit> {
  const kit = await storeKit(sandbox, receiver, name);
  const settings = await kit.admin.put('/sandbox/webhook/chaos', chaos);
  expect(settings.chaos).toEqual(chaos);
  return kit;
}

describe('chaos is off by default and per store', () => {
  it('a new store has no chaos; another store’s chaos does not leak; {} turns it off', async () => {
    const calm = await storeKit(sandbox, receiver, 'calm');
    expect((await calm.admin.get('/sandbox/webhook')).chaos).toEqual({});
    const wild = await chaosKit('wild', { invalidSignature: true, duplicate: true });
    await calm.payCard(newPaymentId());
    await wild.payCard(newPaymentId());
    const [calmGot] = await receiver.waitFor(calm.path, 1);
    await receiver.waitFor(wild.path, 2);
    await sandbox.webhooks.idle();
    expect(receiver.at(calm.path)).toHaveLength(1);
    expect(calmGot!.rejections).toEqual([]);

    expect((await wild.admin.put('/sandbox/webhook/chaos', {})).chaos).toEqual({});
    await wild.payCard(newPaymentId());
    const got = await receiver.waitFor(wild.path, 3);
    await sandbox.webhooks.idle();
    expect(receiver.at(wild.path)).toHaveLength(3);
    expect(got[2]!.rejections).toEqual([]);
  });

  it('validates the settings', async () => {
    const kit = await storeKit(sandbox, receiver, 'chaosbad');
    for (const body of [{ delayMs: 10_001 }, { delayMs: -1 }, { duplicate: 'yes' }, { explode: true }]) {
      const res = await kit.admin.call('PUT', '/sandbox/webhook/chaos', body);
      expect(res).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
    }
  });
});

describe('duplicate deliveries', () => {
  it('sends every delivery twice at once: same webhook-id, same body, both valid; logged as one attempt', async () => {
    const kit = await chaosKit('dup', { duplicate: true });
    const id = newPaymentId();
    await kit.payCard(id);
    await kit.sdk.cancelPayment({ paymentId: id, reason: '취소' });
    const got = await receiver.waitFor(kit.path, 4);
    await sandbox.webhooks.idle();
    for (const d of got) expect(d.rejections).toEqual([]);
    const byId = new Map<string, typeof got>();
    for (const d of got) byId.set(d.webhookId, [...(byId.get(d.webhookId) ?? []), d]);
    expect([...byId.values()].map((copies) => copies.length)).toEqual([2, 2]);
    for (const copies of byId.values()) expect(copies[0]!.body).toBe(copies[1]!.body);
    const events = await kit.outbox(id);
    expect(events.map((e) => [e.status, e.attempts.length, e.attempts[0]!.chaos])).toEqual([
      ['DELIVERED', 1, ['duplicate']],
      ['DELIVERED', 1, ['duplicate']],
    ]);
  });
});

describe('forgeries a receiver must reject', () => {
  it('invalidSignature: well-formed headers signed with a key nobody knows; the SDK says NO_MATCHING_SIGNATURE', async () => {
    const kit = await chaosKit('forged', { invalidSignature: true });
    const id = newPaymentId();
    await kit.payCard(id);
    const [d] = await receiver.waitFor(kit.path, 1);
    await sandbox.webhooks.idle();
    expect(d!.verifiedWith).toEqual([]);
    expect(d!.rejections).toEqual(['NO_MATCHING_SIGNATURE']);
    expect(String(d!.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    // The receiver said 400, so the sandbox treats it as a failed delivery and retries, like PortOne would.
    const [event] = await kit.outbox(id);
    expect(event).toMatchObject({ status: 'RETRYING', attempts: [expect.objectContaining({ status: 400, chaos: ['invalidSignature'] })] });
    const payment = await kit.getPayment(id);
    validateSchema('PaymentWebhook', payment.webhooks[0]);
    expect(payment.webhooks[0]).toMatchObject({ status: 'FAILED_NOT_OK_RESPONSE' });
  });

  it('staleTimestamp: a correct signature over a timestamp 10 minutes old; the SDK says TIMESTAMP_TOO_OLD', async () => {
    const kit = await chaosKit('stale', { staleTimestamp: true });
    await kit.payCard(newPaymentId());
    const [d] = await receiver.waitFor(kit.path, 1);
    await sandbox.webhooks.idle();
    expect(d!.rejections).toEqual(['TIMESTAMP_TOO_OLD']);
    const age = Date.now() / 1000 - Number(d!.headers['webhook-timestamp']);
    expect(age).toBeGreaterThan(590);
    expect(age).toBeLessThan(660);
  });
});

describe('delays and out-of-order delivery', () => {
  it('delayMs holds each delivery back that long after the commit', async () => {
    const kit = await chaosKit('slow', { delayMs: 300 });
    const started = performance.timeOrigin + performance.now();
    await kit.payCard(newPaymentId());
    const [d] = await receiver.waitFor(kit.path, 1);
    expect(d!.arrivedAt - started).toBeGreaterThanOrEqual(300);
    expect(d!.rejections).toEqual([]);
    await sandbox.webhooks.idle();
  });

  it('outOfOrder: Transaction.Cancelled arrives before the Transaction.Paid that preceded it', async () => {
    const kit = await chaosKit('shuffle', { outOfOrder: true });
    const id = newPaymentId();
    await kit.payCard(id);
    await sandbox.webhooks.idle();
    expect(receiver.at(kit.path)).toEqual([]);
    const [held] = await kit.outbox(id);
    expect(held).toMatchObject({ status: 'PENDING', heldAt: expect.any(String), attempts: [] });

    await kit.sdk.cancelPayment({ paymentId: id, reason: '취소' });
    const got = await receiver.waitFor(kit.path, 2);
    await sandbox.webhooks.idle();
    expect(got.map((d) => typeOf(d.body))).toEqual(['Transaction.Cancelled', 'Transaction.Paid']);
    for (const d of got) expect(d.rejections).toEqual([]);
    // The hold timer was retired; nothing else will be sent.
    const timers = (await kit.admin.timers(id)).items as Json[];
    expect(timers.filter((t) => t.kind === 'webhook-delivery').map((t) => t.state)).toEqual(['CANCELLED']);
    await kit.admin.advance('PT10M');
    expect(receiver.at(kit.path)).toHaveLength(2);
    // getPayment still lists them in event order, with the Paid one delivered last.
    const webhooks = (await kit.getPayment(id)).webhooks as Json[];
    expect(webhooks.map((w) => [w.paymentStatus, w.status])).toEqual([
      ['PAID', 'SUCCEEDED'],
      ['CANCELLED', 'SUCCEEDED'],
    ]);
    expect(Date.parse(webhooks[0].request.requestedAt)).toBeGreaterThanOrEqual(Date.parse(webhooks[1].request.requestedAt));
  });

  it('outOfOrder: an event with no successor is released by its hold timer on the test clock', async () => {
    const kit = await chaosKit('alone', { outOfOrder: true });
    const id = newPaymentId();
    await kit.payCard(id);
    await sandbox.webhooks.idle();
    await kit.admin.advance(`PT${OUT_OF_ORDER_HOLD_MS / 1000 - 2}S`);
    expect(receiver.at(kit.path)).toEqual([]);
    await kit.admin.advance('PT2S');
    const [d] = await receiver.waitFor(kit.path, 1);
    expect(typeOf(d!.body)).toBe('Transaction.Paid');
    expect(d!.rejections).toEqual([]);
    expect((await kit.outbox(id))[0]).toMatchObject({ status: 'DELIVERED' });
  });
});
