import { describe, expect, it } from 'vitest';
import { deleteBillingKey } from '../../../functions/billing/delete-billing-key.ts';
import { issueBillingKey } from '../../../functions/billing/issue-billing-key.ts';
import { listBillingKeys } from '../../../functions/billing/list-billing-keys.ts';
import { payWithBillingKey } from '../../../functions/billing/pay-with-billing-key.ts';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { listPayments } from '../../../functions/payments/list-payments.ts';
import { createPaymentSchedule } from '../../../functions/schedules/create-schedule.ts';
import { revokeSchedules } from '../../../functions/schedules/revoke-schedules.ts';
import { advanceClock, fireTimerNow } from '../../../functions/timers/test-clock.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { card } from '../../support/cards.ts';
import { RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const DAY = 24 * 3600 * 1000;
const credential = (issuer: string) => ({ number: card(issuer).number, expiryYear: '30', expiryMonth: '12' });

async function key(w: UnitWorld, pg = 'KCP_V2', issuer = 'SHINHAN_CARD') {
  return issueBillingKey(w.services, { storeId: w.storeId, channelKey: w.channelKey(pg), card: credential(issuer), platformType: 'API', noticeUrls: [RECEIVER_URL] });
}

/** A schedule `days` after the world's start (store clock), webhooks to the fake receiver. */
async function schedule(w: UnitWorld, billingKey: string, paymentId: string, days: number) {
  return createPaymentSchedule(w.services, {
    storeId: w.storeId,
    paymentId,
    billingKey,
    orderName: '월 구독',
    amount: { total: 9_900 },
    currency: 'KRW',
    noticeUrls: [RECEIVER_URL],
    timeToPay: new Date(w.clock.now() + days * DAY).toISOString(),
  });
}

const paymentOf = (w: UnitWorld, paymentId: string) => w.repo.getPayment(w.storeId, paymentId);
const scheduleOf = (w: UnitWorld, id: string) => w.repo.getPaymentSchedule(w.storeId, id);
const outboxTypes = async (w: UnitWorld, id: string) => (await w.repo.listOutbox(w.storeId, id)).map((e) => e.type);

describe('payment schedules on the test clock', () => {
  it('a 3-month subscription is one clock call: 3 payments with scheduleId and billingKey, 3 Transaction.Paid, found by isScheduled', async () => {
    const w = await unitWorld();
    const k = await key(w);
    const ids = [];
    for (const month of [1, 2, 3]) ids.push((await schedule(w, k.billingKey, `sub-${month}`, 30 * month)).scheduleId);
    await payWithBillingKey(w.services, { storeId: w.storeId, paymentId: 'one-off', billingKey: k.billingKey, orderName: 'x', amount: { total: 1_000 }, currency: 'KRW', origin: { platformType: 'API', ipAddress: '127.0.0.1' } });

    const advanced = await advanceClock(w.services, w.storeId, { by: 'P91D' });
    expect(advanced.fired.filter((f) => f.kind === 'payment-schedule').map((f) => f.paymentId)).toEqual(['sub-1', 'sub-2', 'sub-3']);
    for (const [i, id] of ids.entries()) {
      expect(await scheduleOf(w, id)).toMatchObject({ status: 'SUCCEEDED', paymentId: `sub-${i + 1}` });
      expect(await paymentOf(w, `sub-${i + 1}`)).toMatchObject({ status: 'PAID', scheduleId: id, billingKey: k.billingKey });
      expect(await outboxTypes(w, `sub-${i + 1}`)).toEqual(['Transaction.Paid']);
    }
    const scheduled = await listPayments(w.services, w.storeId, {}, { isScheduled: true });
    expect(scheduled.items.map((p) => p.paymentId).sort()).toEqual(['sub-1', 'sub-2', 'sub-3']);
    expect((await listPayments(w.services, w.storeId, {}, { isScheduled: false })).items.map((p) => p.paymentId)).toEqual(['one-off']);
  });

  it('a key deleted before the second month: refused while schedules remain (409 PAYMENT_SCHEDULE_ALREADY_EXISTS), deleted after revoking them, nothing more is charged', async () => {
    const w = await unitWorld();
    const k = await key(w);
    const first = await schedule(w, k.billingKey, 'm-1', 30);
    const second = await schedule(w, k.billingKey, 'm-2', 60);
    await advanceClock(w.services, w.storeId, { by: 'P31D' });
    expect((await scheduleOf(w, first.scheduleId))?.status).toBe('SUCCEEDED');

    expect(await rejection(deleteBillingKey(w.services, w.storeId, k.billingKey, {}))).toMatchObject({ type: 'PAYMENT_SCHEDULE_ALREADY_EXISTS' });
    expect((await revokeSchedules(w.services, w.storeId, { billingKey: k.billingKey })).revokedScheduleIds).toEqual([second.scheduleId]);
    await deleteBillingKey(w.services, w.storeId, k.billingKey, { reason: '구독 해지' });
    expect(await outboxTypes(w, k.billingKey)).toEqual(['BillingKey.Issued', 'BillingKey.Deleted']);

    await advanceClock(w.services, w.storeId, { by: 'P60D' });
    expect((await scheduleOf(w, second.scheduleId))?.status).toBe('REVOKED');
    expect(await paymentOf(w, 'm-2')).toBeUndefined();
    expect((await w.repo.getTimer(w.storeId, second.timerId))?.state).toBe('CANCELLED');
    expect(w.scheduler.unscheduled).toContain(second.timerId);
  });

  it('a schedule delivered twice, or by the clock while EventBridge fires it, charges once', async () => {
    const w = await unitWorld();
    const k = await key(w);
    const s = await schedule(w, k.billingKey, 'dup', 1);
    w.clock.advance(2 * DAY);
    const runs = await Promise.all([
      runTimer(w.services, { storeId: w.storeId, timerId: s.timerId }),
      runTimer(w.services, { storeId: w.storeId, timerId: s.timerId }),
      advanceClock(w.services, w.storeId, { by: 'PT0S' }),
    ]);
    expect(runs.length).toBe(3);
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: s.timerId })).toMatchObject({ result: 'skipped' });
    expect(await paymentOf(w, 'dup')).toMatchObject({ status: 'PAID', scheduleId: s.scheduleId });
    expect(await outboxTypes(w, 'dup')).toEqual(['Transaction.Paid']);
    expect((await scheduleOf(w, s.scheduleId))?.status).toBe('SUCCEEDED');
  });

  it('revoke racing fire has exactly one winner, every time (×20)', async () => {
    const w = await unitWorld();
    const k = await key(w);
    let fired = 0;
    let revoked = 0;
    for (let i = 0; i < 20; i++) {
      const s = await schedule(w, k.billingKey, `race-${i}`, 0);
      const [fire, revoke] = await Promise.allSettled([fireTimerNow(w.services, w.storeId, s.timerId), revokeSchedules(w.services, w.storeId, { scheduleIds: [s.scheduleId] })]);
      const final = await scheduleOf(w, s.scheduleId);
      const payment = await paymentOf(w, `race-${i}`);
      if (final?.status === 'REVOKED') {
        revoked++;
        expect(revoke.status).toBe('fulfilled');
        expect(payment).toBeUndefined();
      } else {
        fired++;
        expect(final?.status).toBe('SUCCEEDED');
        expect(revoke).toMatchObject({ status: 'rejected', reason: { type: 'PAYMENT_SCHEDULE_ALREADY_PROCESSED' } });
        expect(payment?.status).toBe('PAID');
      }
      expect(fire.status).toBe('fulfilled');
    }
    expect(fired + revoked).toBe(20);
  });
});

describe('billing test mode per PG', () => {
  it('a KB국민카드 billing payment is refused at INICIS (schedule FAILED, Transaction.Failed, the reason kept) and accepted at KCP', async () => {
    const w = await unitWorld();
    const inicis = await schedule(w, (await key(w, 'INICIS_V2', 'KOOKMIN_CARD')).billingKey, 'kb-inicis', 1);
    const kcp = await schedule(w, (await key(w, 'KCP_V2', 'KOOKMIN_CARD')).billingKey, 'kb-kcp', 1);
    await advanceClock(w.services, w.storeId, { by: 'P2D' });
    expect(await scheduleOf(w, inicis.scheduleId)).toMatchObject({ status: 'FAILED', failure: { type: 'PG_PROVIDER', pgMessage: expect.stringContaining('KB국민카드') } });
    expect(await paymentOf(w, 'kb-inicis')).toMatchObject({ status: 'FAILED', scheduleId: inicis.scheduleId });
    expect(await outboxTypes(w, 'kb-inicis')).toEqual(['Transaction.Failed']);
    expect((await scheduleOf(w, kcp.scheduleId))?.status).toBe('SUCCEEDED');
  });

  it('an INICIS billing payment is voided in the night batch: PortOne still PAID, a cancel is refused with 기 취소 거래', async () => {
    const w = await unitWorld();
    const k = await key(w, 'INICIS_V2');
    const paid = await payWithBillingKey(w.services, { storeId: w.storeId, paymentId: 'night', billingKey: k.billingKey, orderName: 'x', amount: { total: 5_000 }, currency: 'KRW', origin: { platformType: 'API', ipAddress: '127.0.0.1' } });
    expect(paid.pg?.withdrawn).toBe(true);
    await advanceClock(w.services, w.storeId, { by: 'P1D' });
    const after = await paymentOf(w, 'night');
    expect(after).toMatchObject({ status: 'PAID', billingKey: k.billingKey });
    expect(after?.pg?.voidedAt).toBeDefined();
    expect(await rejection(cancelPayment(w.services, w.storeId, 'night', { reason: '환불' }))).toMatchObject({ type: 'PG_PROVIDER', pgMessage: '기 취소 거래' });
  });

  it("Danal charges 10원 when it issues a key and gives it back about 30 minutes later (PG side only); KG파이낸셜 V2 keys cannot pay; DAOU issues none", async () => {
    const w = await unitWorld();
    const danal = await key(w, 'DANAL');
    expect(danal.pgIssuanceCharge).toEqual({ amount: 10, chargedAt: danal.issuedAt!, voidsAt: new Date(Date.parse(danal.issuedAt!) + 30 * 60_000).toISOString() });
    const mobilians = await key(w, 'MOBILIANS_V2');
    const refused = await rejection(
      payWithBillingKey(w.services, { storeId: w.storeId, paymentId: 'kgf', billingKey: mobilians.billingKey, orderName: 'x', amount: { total: 1_000 }, currency: 'KRW', origin: { platformType: 'API', ipAddress: '127.0.0.1' } }),
    );
    expect(refused).toMatchObject({ type: 'PG_PROVIDER', pgMessage: '테스트 채널에서 발급한 빌링키로는 결제할 수 없습니다' });
    expect(await rejection(key(w, 'DAOU'))).toMatchObject({ type: 'PG_PROVIDER' });
  });
});

describe('listBillingKeys (getBillingKeyInfos): the rest of PortOne\'s BillingKeyFilterInput', () => {
  it('by PG company, method, channel group and API generation', async () => {
    const w = await unitWorld();
    const kcp = await key(w, 'KCP_V2');
    const inicis = await key(w, 'INICIS_V2');
    const keys = async (filter: Parameters<typeof listBillingKeys>[2]['filter']) =>
      (await listBillingKeys(w.services, w.storeId, { filter })).items.map((k) => k.billingKey).sort();
    expect(await keys({ pgCompanies: ['KCP'] })).toEqual([kcp.billingKey]);
    expect(await keys({ pgCompanies: ['INICIS', 'KCP'] })).toEqual([kcp.billingKey, inicis.billingKey].sort());
    expect(await keys({ methods: ['CARD'] })).toHaveLength(2);
    expect(await keys({ methods: ['EASY_PAY', 'TRANSFER'] })).toEqual([]);
    // The sandbox has no channel groups, and every key is a V2 one.
    expect(await keys({ channelGroupIds: ['group-1'] })).toEqual([]);
    expect(await keys({ version: 'V1' })).toEqual([]);
    expect(await keys({ version: 'V2' })).toHaveLength(2);
  });
});
