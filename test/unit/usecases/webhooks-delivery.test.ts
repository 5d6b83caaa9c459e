import { Webhook } from '@portone/server-sdk';
import { describe, expect, it, vi } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { loadPaymentWithWebhooks } from '../../../functions/payments/get-payment.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { advanceClock, readClock } from '../../../functions/timers/test-clock.ts';
import { listDeliveries } from '../../../functions/webhooks/deliveries.ts';
import { dispatchEvent } from '../../../functions/webhooks/dispatch.ts';
import { scheduleRedrive } from '../../../functions/webhooks/redrive.ts';
import { RETRY_DELAYS_MINUTES } from '../../../functions/webhooks/retry-policy.ts';
import { setWebhookChaos, setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { RECEIVER_URL, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

/** A store with a webhook URL and one card payment whose Transaction.Paid is queued, not yet sent. */
async function paidWithWebhook(w: UnitWorld, paymentId = 'pay-1') {
  const { secrets } = await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
  await payByCard(w, paymentId);
  const key = w.committed.at(-1)!;
  return { key, secret: secrets[0]!.secret };
}
const dispatchAll = async (w: UnitWorld) => {
  for (const key of w.committed.splice(0)) await dispatchEvent(w.services, key);
};
/** The merchant's server verifying with the official SDK; its clock agrees with the wall clock (±5 min is allowed). */
async function verifyAsReceiver(w: UnitWorld, secret: string, sent: { body: string; headers: Record<string, string> }) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(w.clock.now());
  try {
    return await Webhook.verify(secret, sent.body, sent.headers);
  } finally {
    vi.useRealTimers();
  }
}
const outbox = (w: UnitWorld, paymentId = 'pay-1') => w.repo.listOutbox(w.storeId, paymentId);

describe('dispatchEvent: one signed attempt, logged', () => {
  it('delivers PortOne’s body signed with the store secret (the SDK verifies it) and records DELIVERED', async () => {
    const w = await unitWorld();
    const { key, secret } = await paidWithWebhook(w);
    const event = await dispatchEvent(w.services, key);
    expect(event).toMatchObject({ status: 'DELIVERED', attempts: [{ attempt: 1, ok: true, status: 200, url: RECEIVER_URL, requestedAt: w.clock.iso() }] });
    expect(w.receiver.received).toHaveLength(1);
    const [sent] = w.receiver.received;
    expect(sent!.url).toBe(RECEIVER_URL);
    expect(sent!.headers['webhook-id']).toBe(key.eventId);
    const verified = await verifyAsReceiver(w, secret, sent!);
    expect(verified).toMatchObject({ type: 'Transaction.Paid', data: { paymentId: 'pay-1', storeId: w.storeId } });
    expect(await outbox(w)).toEqual([event]);
  });

  it('is a no-op for a delivered event (a duplicate stream record, a late timer)', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    await dispatchEvent(w.services, key);
    await dispatchEvent(w.services, key);
    expect(w.receiver.received).toHaveLength(1);
    expect((await outbox(w))[0]!.attempts).toHaveLength(1);
  });

  it('two racing dispatchers may both send, but exactly one attempt is recorded', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    await Promise.all([dispatchEvent(w.services, key), dispatchEvent(w.services, key)]);
    const [event] = await outbox(w);
    expect(event).toMatchObject({ status: 'DELIVERED', version: 2 });
    expect(event!.attempts).toHaveLength(1);
  });

  it('a store without secrets gets one before the first delivery: never sent unsigned', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { noticeUrls: [RECEIVER_URL] });
    expect((await w.repo.getStore(w.storeId))!.webhook.secrets).toEqual([]);
    await dispatchAll(w);
    const [secret] = (await w.repo.getStore(w.storeId))!.webhook.secrets;
    await expect(verifyAsReceiver(w, secret!.secret, w.receiver.received[0]!)).resolves.toBeDefined();
  });

  it('shows in getPayment’s webhooks[] as PortOne’s PaymentWebhook', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    await dispatchEvent(w.services, key);
    const shown = await loadPaymentWithWebhooks(w.services, w.storeId, 'pay-1');
    expect(shown.webhooks).toEqual([
      expect.objectContaining({ id: key.eventId, status: 'SUCCEEDED', paymentStatus: 'PAID', url: RECEIVER_URL, currentExecutionCount: 1, maxExecutionCount: 6, isAsync: true }),
    ]);
    expect(shown.webhooks[0]!.response).toMatchObject({ code: '200' });
  });
});

describe('dispatchEvent: retries on PortOne’s schedule, driven by the test clock', () => {
  it(`retries after ${RETRY_DELAYS_MINUTES.join(', ')} minutes, then FAILED after 6 executions; the body never changes`, async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    w.receiver.status = 500;
    let event = (await dispatchEvent(w.services, key))!;
    for (const minutes of RETRY_DELAYS_MINUTES) {
      expect(event.status).toBe('RETRYING');
      const now = Date.parse((await readClock(w.services, w.storeId)).now);
      expect(Date.parse(event.nextAttemptAt!)).toBe(now + minutes * 60_000);
      // One retry pending, with its schedule (the retries the clock ran leave theirs to ring as no-ops).
      const [pending, ...more] = (await w.repo.listPendingTimers(w.storeId, { limit: 10 })).items;
      expect(more).toEqual([]);
      expect(w.scheduler.live.has(pending!.scheduleName)).toBe(true);
      const fired = (await advanceClock(w.services, w.storeId, { by: `PT${minutes}M` })).fired;
      expect(fired).toEqual([expect.objectContaining({ paymentId: 'pay-1', result: 'fired' })]);
      event = (await w.repo.getOutbox(w.storeId, 'pay-1', key.eventId))!;
    }
    expect(event).toMatchObject({ status: 'FAILED', maxAttempts: 6 });
    expect(event.attempts).toHaveLength(6);
    expect(event.nextAttemptAt).toBeUndefined();
    expect(new Set(w.receiver.received.map((r) => r.body)).size).toBe(1);
    expect(new Set(w.receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect((await w.repo.listPendingTimers(w.storeId, { limit: 10 })).items).toEqual([]);
    for (const left of w.scheduler.live.values()) expect((await w.repo.getTimer(w.storeId, left.timerId))!.state).toBe('FIRED');
    expect((await loadPaymentWithWebhooks(w.services, w.storeId, 'pay-1')).webhooks[0]).toMatchObject({ status: 'FAILED_NOT_OK_RESPONSE', currentExecutionCount: 6 });
  });

  it('a receiver that comes back is delivered to by the next retry', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    w.receiver.status = 'network';
    expect(await dispatchEvent(w.services, key)).toMatchObject({ status: 'RETRYING', attempts: [{ ok: false, error: expect.stringContaining('NETWORK') }] });
    expect((await loadPaymentWithWebhooks(w.services, w.storeId, 'pay-1')).webhooks[0]).toMatchObject({ status: 'FAILED_UNEXPECTED_ERROR' });
    w.receiver.status = 200;
    await advanceClock(w.services, w.storeId, { by: 'PT1M' });
    expect((await outbox(w))[0]).toMatchObject({ status: 'DELIVERED', attempts: [{ ok: false }, { ok: true }] });
  });

  it('the retry is scheduled in wall time before its timer is committed; a failed schedule records nothing', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    await advanceClock(w.services, w.storeId, { by: 'PT1H' });
    w.receiver.status = 500;
    w.scheduler.failNext('schedule');
    await expect(dispatchEvent(w.services, key)).rejects.toThrow(/unavailable/);
    expect((await outbox(w))[0]).toMatchObject({ status: 'PENDING', attempts: [], version: 1 });
    const event = (await dispatchEvent(w.services, key))!;
    const [timer] = (await w.repo.listPaymentTimers(w.storeId, 'pay-1')).filter((t) => t.kind !== 'pg-void');
    expect(timer).toMatchObject({ state: 'PENDING', dueAt: event.nextAttemptAt });
    expect(w.scheduler.live.get(timer!.scheduleName)!.wallDueAt).toBe(new Date(Date.parse(event.nextAttemptAt!) - 3600_000).toISOString());
  });

  it('a retry timer delivered twice sends once', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    w.receiver.status = 500;
    await dispatchEvent(w.services, key);
    w.receiver.status = 200;
    const [timer] = await w.repo.listPaymentTimers(w.storeId, 'pay-1');
    const input = { storeId: w.storeId, timerId: timer!.timerId };
    await runTimer(w.services, input);
    expect(await runTimer(w.services, input)).toMatchObject({ result: 'skipped' });
    expect(w.receiver.received).toHaveLength(2);
  });

  it('a redrive (a schedule with no timer record) delivers the named event; a failing Scheduler is only logged', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    await scheduleRedrive(w.services, key);
    const [redrive] = [...w.scheduler.live.values()];
    expect(await w.repo.getTimer(w.storeId, redrive!.timerId)).toBeUndefined();
    const outcome = await runTimer(w.services, { storeId: w.storeId, timerId: redrive!.timerId, paymentId: key.paymentId, eventId: key.eventId });
    expect(outcome).toMatchObject({ result: 'fired', detail: expect.stringContaining('DELIVERED') });
    expect(w.receiver.received).toHaveLength(1);
    w.scheduler.failNext('schedule');
    await expect(scheduleRedrive(w.services, key)).resolves.toBeUndefined();
  });
});

describe('the outbox: one entry per URL, one log per entry', () => {
  it('each noticeUrl gets its own entry, attempts and retries', async () => {
    const w = await unitWorld();
    const good = 'https://203.0.113.8/ok';
    const down = 'https://203.0.113.9/down';
    await payByCard(w, 'pay-1', { noticeUrls: [good, down] });
    const answer = w.receiver.fetch;
    (w.services.webhookDispatch as { fetchImpl: typeof fetch }).fetchImpl = (input, init) =>
      String(input).startsWith(down) ? Promise.resolve(new Response('', { status: 503 })) : answer(input, init);
    await dispatchAll(w);
    const byUrl = Object.fromEntries((await outbox(w)).map((e) => [e.url, e.status]));
    expect(byUrl).toEqual({ [good]: 'DELIVERED', [down]: 'RETRYING' });
  });
});

describe('the send-time URL guard', () => {
  it('where loopback is not allowed (Lambda), a loopback noticeUrl is refused at send time: nothing sent, BLOCKED_URL logged and retried', async () => {
    const w = await unitWorld({ allowLoopbackWebhooks: false });
    await payByCard(w, 'pay-1', { noticeUrls: ['http://127.0.0.1:9000/hook'] });
    const event = await dispatchEvent(w.services, w.committed[0]!);
    expect(event).toMatchObject({ status: 'RETRYING', attempts: [{ ok: false, error: expect.stringContaining('BLOCKED_URL') }] });
    expect(w.receiver.received).toEqual([]);
  });
});

describe('out-of-order chaos', () => {
  it('holds Transaction.Paid until the next event of the payment is delivered, then releases it: Cancelled arrives first', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await setWebhookChaos(w.services, w.storeId, { outOfOrder: true });
    await payByCard(w, 'pay-1');
    await dispatchAll(w);
    expect(w.receiver.received).toEqual([]);
    const [held] = await outbox(w);
    expect(held).toMatchObject({ status: 'PENDING', heldAt: expect.any(String) });
    const holdTimers = () => w.repo.listPaymentTimers(w.storeId, 'pay-1');
    expect(await holdTimers()).toEqual([expect.objectContaining({ state: 'PENDING' })]);

    w.clock.advance(1_000);
    await cancelPayment(w.services, w.storeId, 'pay-1', { reason: 'x' });
    await dispatchAll(w);
    expect(w.receiver.types()).toEqual(['Transaction.Cancelled', 'Transaction.Paid']);
    expect((await outbox(w)).map((e) => e.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(await holdTimers()).toEqual([expect.objectContaining({ state: 'CANCELLED' })]);
    expect(w.scheduler.live.size).toBe(0);
  });

  it('an event with no successor is released by its hold timer on the test clock', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await setWebhookChaos(w.services, w.storeId, { outOfOrder: true });
    await payByCard(w, 'pay-1');
    await dispatchAll(w);
    expect((await advanceClock(w.services, w.storeId, { by: 'PT59S' })).fired).toEqual([]);
    await advanceClock(w.services, w.storeId, { by: 'PT1S' });
    expect(w.receiver.types()).toEqual(['Transaction.Paid']);
    expect((await outbox(w))[0]).toMatchObject({ status: 'DELIVERED' });
  });
});

describe('other chaos modes', () => {
  it('invalidSignature: signed with a key the receiver does not know', async () => {
    const w = await unitWorld();
    const { key, secret } = await paidWithWebhook(w);
    await setWebhookChaos(w.services, w.storeId, { invalidSignature: true });
    expect(await dispatchEvent(w.services, key)).toMatchObject({ attempts: [{ chaos: ['invalidSignature'] }] });
    const [sent] = w.receiver.received;
    await expect(verifyAsReceiver(w, secret, sent!)).rejects.toMatchObject({ reason: 'NO_MATCHING_SIGNATURE' });
  });

  it('staleTimestamp: a correct signature over a timestamp older than receivers accept', async () => {
    const w = await unitWorld();
    const { key, secret } = await paidWithWebhook(w);
    await setWebhookChaos(w.services, w.storeId, { staleTimestamp: true });
    expect(await dispatchEvent(w.services, key)).toMatchObject({ attempts: [{ chaos: ['staleTimestamp'] }] });
    const [sent] = w.receiver.received;
    await expect(verifyAsReceiver(w, secret, sent!)).rejects.toMatchObject({ reason: 'TIMESTAMP_TOO_OLD' });
  });

  it('duplicate: two identical requests, one logged attempt', async () => {
    const w = await unitWorld();
    const { key } = await paidWithWebhook(w);
    await setWebhookChaos(w.services, w.storeId, { duplicate: true });
    expect((await dispatchEvent(w.services, key))!.attempts).toHaveLength(1);
    expect(w.receiver.received).toHaveLength(2);
    expect(w.receiver.received[0]).toEqual(w.receiver.received[1]);
  });
});

describe('listDeliveries (GET /sandbox/webhook/deliveries)', () => {
  it('newest first with every attempt, for the store or one payment, limited', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'a');
    w.clock.advance(1_000);
    await payByCard(w, 'b');
    w.clock.advance(1_000);
    await cancelPayment(w.services, w.storeId, 'a', { reason: 'x' });
    await dispatchAll(w);
    const all = await listDeliveries(w.services, w.storeId, {});
    expect(all.items.map((d) => [d.paymentId, d.type])).toEqual([
      ['a', 'Transaction.Cancelled'],
      ['b', 'Transaction.Paid'],
      ['a', 'Transaction.Paid'],
    ]);
    expect(all.items[0]).toMatchObject({ status: 'DELIVERED', executionCount: 1, maxExecutionCount: 6, webhookId: all.items[0]!.id, attempts: [{ ok: true }] });
    expect((await listDeliveries(w.services, w.storeId, { paymentId: 'a' })).items.map((d) => d.type)).toEqual(['Transaction.Cancelled', 'Transaction.Paid']);
    expect((await listDeliveries(w.services, w.storeId, { limit: 1 })).items).toHaveLength(1);
    expect((await listDeliveries(w.services, w.storeId, { paymentId: 'a', limit: 1 })).items.map((d) => d.type)).toEqual(['Transaction.Cancelled']);
    const other = await w.newStore();
    expect((await listDeliveries(w.services, other.storeId, {})).items).toEqual([]);
  });
});
