import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { dispatchEvent } from '../../../functions/webhooks/dispatch.ts';
import { MAX_MANUAL_RESENDS, resendWebhook } from '../../../functions/webhooks/resend.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { beforeNext, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

async function delivered(w: UnitWorld) {
  await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
  await payByCard(w, 'pay-1');
  for (const key of w.committed.splice(0)) await dispatchEvent(w.services, key);
  return (await w.repo.listOutbox(w.storeId, 'pay-1'))[0]!;
}

describe('resendWebhook (POST /payments/{id}/resend-webhook)', () => {
  it('queues a new MANUAL log entry with the same body and webhook-id, one execution, no retries', async () => {
    const w = await unitWorld();
    const original = await delivered(w);
    w.clock.advance(60_000);
    const entry = await resendWebhook(w.services, w.storeId, 'pay-1');
    expect(entry).toMatchObject({ trigger: 'MANUAL', resendOf: original.eventId, msgId: original.eventId, body: original.body, timestamp: original.timestamp, maxAttempts: 1, status: 'PENDING', createdAt: w.clock.iso() });
    expect(entry.eventId).not.toBe(original.eventId);
    expect(w.committed).toEqual([{ storeId: w.storeId, paymentId: 'pay-1', eventId: entry.eventId }]);

    w.receiver.status = 500;
    const sent = await dispatchEvent(w.services, w.committed[0]!);
    expect(sent).toMatchObject({ status: 'FAILED', attempts: [{ ok: false }] });
    expect(w.scheduler.live.size).toBe(0);
    const [first, resent] = w.receiver.received;
    expect(resent!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(resent!.body).toBe(first!.body);
  });

  it("re-sends the payment's latest event by default (not an earlier resend), or the one named", async () => {
    const w = await unitWorld();
    const paid = await delivered(w);
    w.clock.advance(1_000);
    await cancelPayment(w.services, w.storeId, 'pay-1', { reason: 'x' });
    const cancelledId = w.committed.at(-1)!.eventId;
    expect((await resendWebhook(w.services, w.storeId, 'pay-1')).resendOf).toBe(cancelledId);
    expect((await resendWebhook(w.services, w.storeId, 'pay-1')).resendOf).toBe(cancelledId);
    expect((await resendWebhook(w.services, w.storeId, 'pay-1', paid.eventId)).resendOf).toBe(paid.eventId);
  });

  it('goes to the store URL as configured now (the merchant just fixed it)', async () => {
    const w = await unitWorld();
    await delivered(w);
    await setWebhookUrl(w.services, w.storeId, 'https://203.0.113.8/fixed');
    expect((await resendWebhook(w.services, w.storeId, 'pay-1')).url).toBe('https://203.0.113.8/fixed');
  });

  it(`allows ${MAX_MANUAL_RESENDS} resends per message, then MAX_WEBHOOK_RETRY_COUNT_REACHED`, async () => {
    const w = await unitWorld();
    await delivered(w);
    for (let i = 0; i < MAX_MANUAL_RESENDS; i++) await resendWebhook(w.services, w.storeId, 'pay-1');
    expect(await rejection(resendWebhook(w.services, w.storeId, 'pay-1'))).toMatchObject({ type: 'MAX_WEBHOOK_RETRY_COUNT_REACHED', status: 400 });
  });

  it('two racing resends get two distinct entries (the loser takes the next number)', async () => {
    const w = await unitWorld();
    await delivered(w);
    beforeNext(w.repo, 'insertOutbox', () => resendWebhook(w.services, w.storeId, 'pay-1'));
    const loser = await resendWebhook(w.services, w.storeId, 'pay-1');
    const manual = (await w.repo.listOutbox(w.storeId, 'pay-1')).filter((e) => e.trigger === 'MANUAL');
    expect(manual).toHaveLength(2);
    expect(new Set(manual.map((e) => e.eventId)).size).toBe(2);
    expect(manual.map((e) => e.eventId)).toContain(loser.eventId);
  });

  it('answers WEBHOOK_NOT_FOUND without webhooks or for an unknown id, PAYMENT_NOT_FOUND for an unknown payment', async () => {
    const w = await unitWorld();
    await payByCard(w, 'quiet');
    expect(await rejection(resendWebhook(w.services, w.storeId, 'quiet'))).toMatchObject({ type: 'WEBHOOK_NOT_FOUND', status: 404 });
    await delivered(w);
    expect(await rejection(resendWebhook(w.services, w.storeId, 'pay-1', 'msg_nope'))).toMatchObject({ type: 'WEBHOOK_NOT_FOUND' });
    expect(await rejection(resendWebhook(w.services, w.storeId, 'nope'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });
});
