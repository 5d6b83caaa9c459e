/**
 * Live-like channels through the use cases on the in-memory repository: the channel's mode reaches
 * the payment, the clock never voids it, a virtual-account deposit pays and its refund goes to the
 * refundAccount, and a mode change leaves payments already made under their own rules.
 */
import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { dualView } from '../../../functions/payments/dual-view.ts';
import { notifyTestDeposit, simulateRealDeposit } from '../../../functions/payments/virtual-account.ts';
import { createChannel, setChannelMode } from '../../../functions/stores/channels.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { card, declineCard } from '../../support/cards.ts';
import { issueVirtualAccount, payByCard } from '../../support/unit-requests.ts';
import { outboxInOrder, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const refundAccount = { bank: 'SHINHAN', number: '110123456789', holderName: '홍길동' };

async function liveWorld() {
  const w = await unitWorld();
  const live = await createChannel(w.services, w.storeId, { pgProvider: 'INICIS_V2', channelKey: 'inicis-live', mode: 'LIVE_LIKE' });
  return { w, channelKey: live.channelKey };
}
const pgVoidTimers = async (w: UnitWorld, paymentId: string) => (await w.repo.listPaymentTimers(w.storeId, paymentId)).filter((t) => t.kind === 'pg-void');

describe('live-like channels', () => {
  it('creates a LIVE_LIKE channel that PortOne still calls TEST; refuses an auto-refund override on it', async () => {
    const { w, channelKey } = await liveWorld();
    expect(await w.repo.getChannel(w.storeId, channelKey)).toMatchObject({ mode: 'LIVE_LIKE', type: 'TEST' });
    expect(
      await rejection(createChannel(w.services, w.storeId, { pgProvider: 'INICIS_V2', mode: 'LIVE_LIKE', autoRefundOverride: { kind: 'delay', seconds: 60 } })),
    ).toMatchObject({ type: 'INVALID_REQUEST' });
  });

  it('INICIS live-like: no void timer, nothing happens at 23:00, the cancel succeeds and both ledgers agree', async () => {
    const { w, channelKey } = await liveWorld();
    await payByCard(w, 'live-1', { channelKey });
    await payByCard(w, 'test-1', { pg: 'INICIS_V2' });
    expect(await pgVoidTimers(w, 'live-1')).toEqual([]);
    expect(await pgVoidTimers(w, 'test-1')).toHaveLength(1);

    await advanceClock(w.services, w.storeId, { by: 'PT11H' });
    expect((await dualView(w.services, w.storeId, 'test-1')).pg.status).toBe('VOIDED_BY_BATCH');
    const before = await dualView(w.services, w.storeId, 'live-1');
    expect(before).toMatchObject({ inSync: true, pg: { status: 'APPROVED', channelMode: 'LIVE_LIKE', heldAmount: 10_000 } });

    await cancelPayment(w.services, w.storeId, 'live-1', { reason: '고객 요청' });
    expect(await dualView(w.services, w.storeId, 'live-1')).toMatchObject({
      inSync: true,
      portone: { status: 'CANCELLED' },
      pg: { status: 'CANCELLED', heldAmount: 0, refundedAmount: 10_000 },
    });
  });

  it('declines 잔액부족 with a FAILED payment carrying the PG code; approves a KB card', async () => {
    const { w, channelKey } = await liveWorld();
    expect(await rejection(payByCard(w, 'declined', { channelKey, card: declineCard('INSUFFICIENT_BALANCE') }))).toMatchObject({
      type: 'PG_PROVIDER',
      pgCode: '51',
      pgMessage: '잔액부족',
    });
    expect((await w.repo.getPayment(w.storeId, 'declined'))?.failure).toMatchObject({ pgCode: '51', pgMessage: '잔액부족' });
    expect((await payByCard(w, 'kb', { channelKey, card: card('KOOKMIN_CARD') })).status).toBe('PAID');
  });

  it('a virtual-account deposit makes it PAID with Transaction.Paid; the refund needs and records the refundAccount', async () => {
    const { w, channelKey } = await liveWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await issueVirtualAccount(w, 'va-1', { channelKey });
    expect(await rejection(notifyTestDeposit(w.services, w.storeId, 'va-1'))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(simulateRealDeposit(w.services, w.storeId, 'va-1', { amount: 1 }))).toMatchObject({ type: 'INVALID_REQUEST' });
    // The outbox is ordered by store time: a second apart, the issue and the deposit cannot tie.
    w.clock.advance(1_000);

    const paid = await simulateRealDeposit(w.services, w.storeId, 'va-1', { depositorName: '홍길동' });
    expect(paid).toMatchObject({ status: 'PAID', amount: { paid: 20_000 } });
    const events = await outboxInOrder(w, 'va-1');
    expect(events.map((e) => e.type)).toEqual(['Transaction.VirtualAccountIssued', 'Transaction.Paid']);

    expect(await rejection(cancelPayment(w.services, w.storeId, 'va-1', { reason: '환불' }))).toMatchObject({ type: 'INVALID_REQUEST' });
    const part = await cancelPayment(w.services, w.storeId, 'va-1', { reason: '부분 환불', amount: 5_000, refundAccount });
    await cancelPayment(w.services, w.storeId, 'va-1', { reason: '환불', refundAccount });
    const view = await dualView(w.services, w.storeId, 'va-1');
    expect(view).toMatchObject({ inSync: true, portone: { status: 'CANCELLED' }, pg: { status: 'CANCELLED', heldAmount: 0, refundedAmount: 20_000 } });
    expect(view.pg.accountRefunds).toEqual([
      expect.objectContaining({ cancellationId: part.id, amount: 5_000, refundAccount }),
      expect.objectContaining({ amount: 15_000, refundAccount }),
    ]);
  });

  it('a test channel keeps its test behaviour: the deposit is not reflected and nothing is sent', async () => {
    const w = await unitWorld();
    await issueVirtualAccount(w, 'va-test');
    const after = await simulateRealDeposit(w.services, w.storeId, 'va-test', {});
    expect(after.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect((await dualView(w.services, w.storeId, 'va-test')).inSync).toBe(false);
  });

  it('a mode change applies to new payments only', async () => {
    const w = await unitWorld();
    const key = w.channelKey('INICIS_V2');
    await payByCard(w, 'before', { channelKey: key });
    expect((await setChannelMode(w.services, w.storeId, key, 'LIVE_LIKE')).mode).toBe('LIVE_LIKE');
    await payByCard(w, 'after', { channelKey: key });
    expect(await pgVoidTimers(w, 'before')).toHaveLength(1);
    expect(await pgVoidTimers(w, 'after')).toEqual([]);
    expect(await rejection(setChannelMode(w.services, w.storeId, 'no-such-channel', 'TEST'))).toMatchObject({ type: 'CHANNEL_NOT_FOUND' });
  });
});
