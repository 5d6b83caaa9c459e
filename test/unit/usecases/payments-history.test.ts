import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { loadPaymentWithWebhooks } from '../../../functions/payments/get-payment.ts';
import { listPaymentEventsByCursor } from '../../../functions/payments/list-payment-events.ts';
import { presentTransactions } from '../../../functions/payments/present.ts';
import { MAX_FAILED_ATTEMPTS } from '../../../functions/payments/approve.ts';
import { card } from '../../support/cards.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const transactions = async (w: UnitWorld, paymentId: string) => presentTransactions(await loadPaymentWithWebhooks(w.services, w.storeId, paymentId));
const events = (w: UnitWorld, input: Parameters<typeof listPaymentEventsByCursor>[3] = {}) => listPaymentEventsByCursor(w.services, w.storeId, new Date(w.clock.now() + 1), input);

describe('getPaymentTransactions: every attempt on a paymentId', () => {
  it('keeps each refused attempt with its own id, channel, failure and time, then the attempt that paid', async () => {
    const w = await unitWorld();
    await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', card: card('KOOKMIN_CARD') }));
    const firstFailure = (await w.repo.getPayment(w.storeId, 'pay-1'))!;
    w.clock.advance(60_000);
    await rejection(payByCard(w, 'pay-1', { pg: 'NICE_V2', card: card('NH_CARD') }));
    w.clock.advance(60_000);
    const paid = await payByCard(w, 'pay-1', { pg: 'KCP_V2' });

    const shown = await transactions(w, 'pay-1');
    expect(shown.map((t) => [t.status, (t.channel as { pgProvider: string }).pgProvider])).toEqual([
      ['FAILED', 'INICIS_V2'],
      ['FAILED', 'NICE_V2'],
      ['PAID', 'KCP_V2'],
    ]);
    expect(shown[0]).toMatchObject({ id: firstFailure.transactionId, paymentId: 'pay-1', failedAt: firstFailure.failedAt, failure: firstFailure.failure });
    expect(shown[2]).toMatchObject({ id: paid.transactionId, paidAt: paid.paidAt });
    expect(new Set(shown.map((t) => t.id)).size).toBe(3);
  });

  it('keeps at most the attempts PortOne allows, so the payment item stays within its size budget', async () => {
    const w = await unitWorld();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', card: card('KOOKMIN_CARD') }));
    expect(await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2' }))).toMatchObject({ type: 'MAX_TRANSACTION_COUNT_REACHED' });
    expect(await transactions(w, 'pay-1')).toHaveLength(MAX_FAILED_ATTEMPTS);
  });
});

describe('getAllPaymentEventsByCursor: paid and cancelled events', () => {
  it('records one PAID event and one per cancellation (PARTIAL_CANCELLED, then CANCELLED for the rest), each once', async () => {
    const w = await unitWorld();
    await rejection(payByCard(w, 'failed', { pg: 'INICIS_V2', card: card('KOOKMIN_CARD') }));
    const paid = await payByCard(w, 'pay-1', { pg: 'KCP_V2', total: 10_000 });
    w.clock.advance(1_000);
    const part = await cancelPayment(w.services, w.storeId, 'pay-1', { amount: 3_000, reason: '부분' });
    w.clock.advance(1_000);
    const rest = await cancelPayment(w.services, w.storeId, 'pay-1', { reason: '나머지' });

    const listed = await events(w);
    expect(listed.map(({ event }) => [event.paymentId, event.type, event.eventAmount, event.createdAt])).toEqual([
      ['pay-1', 'PAID', 10_000, paid.paidAt],
      ['pay-1', 'PARTIAL_CANCELLED', -3_000, part.cancelledAt],
      ['pay-1', 'CANCELLED', -7_000, rest.cancelledAt],
    ]);
    expect(listed[1]!.event.cancellation?.id).toBe(part.id);
    // Resumes after any event it listed.
    expect((await events(w, { cursor: listed[0]!.cursor })).map(({ event }) => event.type)).toEqual(['PARTIAL_CANCELLED', 'CANCELLED']);
  });

  it('lists events created in [from, until), 90 days back by default', async () => {
    const w = await unitWorld();
    await payByCard(w, 'old');
    w.clock.advance(91 * 24 * 3600_000);
    const recent = await payByCard(w, 'recent');
    expect((await events(w)).map(({ event }) => event.paymentId)).toEqual(['recent']);
    expect((await events(w, { from: new Date(0).toISOString(), until: recent.paidAt })).map(({ event }) => event.paymentId)).toEqual(['old']);
  });
});
