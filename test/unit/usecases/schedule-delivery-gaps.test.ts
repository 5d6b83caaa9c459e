import { describe, expect, it } from 'vitest';
import { issueBillingKey } from '../../../functions/billing/issue-billing-key.ts';
import { payWithBillingKey } from '../../../functions/billing/pay-with-billing-key.ts';
import { createPaymentSchedule } from '../../../functions/schedules/create-schedule.ts';
import { revokeSchedules } from '../../../functions/schedules/revoke-schedules.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { card } from '../../support/cards.ts';
import { RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const DAY = 24 * 3600 * 1000;
const origin = { platformType: 'API' as const, ipAddress: '127.0.0.1' };

async function keyFor(w: UnitWorld, pg: string, issuer: string) {
  const c = card(issuer);
  return issueBillingKey(w.services, { storeId: w.storeId, channelKey: w.channelKey(pg), card: { number: c.number, expiryYear: '30', expiryMonth: '12' }, platformType: 'API', noticeUrls: [RECEIVER_URL] });
}

const scheduleFor = (w: UnitWorld, billingKey: string, paymentId: string) =>
  createPaymentSchedule(w.services, { storeId: w.storeId, paymentId, billingKey, orderName: '월 구독', amount: { total: 9_900 }, currency: 'KRW', noticeUrls: [RECEIVER_URL], timeToPay: new Date(w.clock.now() + DAY).toISOString() });

const outboxTypes = async (w: UnitWorld, id: string) => (await w.repo.listOutbox(w.storeId, id)).map((e) => e.type);

describe('payment schedule deliveries', () => {
  it('a second delivery of a schedule whose charge was refused does not try the card again nor send a second Transaction.Failed', async () => {
    const w = await unitWorld();
    const kb = await keyFor(w, 'INICIS_V2', 'KOOKMIN_CARD'); // INICIS refuses 비인증 payments with KB국민카드
    const s = await scheduleFor(w, kb.billingKey, 'refused');
    w.clock.advance(2 * DAY);
    // The other delivery charges (and is refused) just after this one looked for its payment and
    // found none: this one then meets the FAILED payment, which a FAILED paymentId would let retry.
    const read = w.repo.getPayment.bind(w.repo);
    let reads = 0;
    w.repo.getPayment = async (storeId, paymentId) => {
      const seen = await read(storeId, paymentId);
      if (paymentId === 'refused' && ++reads === 1) {
        await rejection(payWithBillingKey(w.services, { storeId, paymentId, billingKey: kb.billingKey, orderName: '월 구독', amount: { total: 9_900 }, currency: 'KRW', scheduleId: s.scheduleId, noticeUrls: [RECEIVER_URL], origin }));
      }
      return seen;
    };
    await runTimer(w.services, { storeId: w.storeId, timerId: s.timerId });
    w.repo.getPayment = read;

    expect(await w.repo.getPaymentSchedule(w.storeId, s.scheduleId)).toMatchObject({ status: 'FAILED', failure: { type: 'PG_PROVIDER' } });
    expect(await w.repo.getPayment(w.storeId, 'refused')).toMatchObject({ status: 'FAILED', scheduleId: s.scheduleId, failedAttempts: 1 });
    expect(await outboxTypes(w, 'refused')).toEqual(['Transaction.Failed']);
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: s.timerId })).toMatchObject({ result: 'skipped' });
    expect(await outboxTypes(w, 'refused')).toEqual(['Transaction.Failed']);
  });

  it('payWithBillingKey on a paymentId a SCHEDULED schedule owns is refused with PAYMENT_SCHEDULE_ALREADY_EXISTS; once revoked it pays', async () => {
    const w = await unitWorld();
    const k = await keyFor(w, 'KCP_V2', 'SHINHAN_CARD');
    const s = await scheduleFor(w, k.billingKey, 'owned');
    const pay = () => payWithBillingKey(w.services, { storeId: w.storeId, paymentId: 'owned', billingKey: k.billingKey, orderName: '선결제', amount: { total: 9_900 }, currency: 'KRW', origin });
    expect(await rejection(pay())).toMatchObject({ type: 'PAYMENT_SCHEDULE_ALREADY_EXISTS' });
    expect(await w.repo.getPayment(w.storeId, 'owned')).toBeUndefined();
    await revokeSchedules(w.services, w.storeId, { scheduleIds: [s.scheduleId] });
    expect((await pay()).status).toBe('PAID');
  });
});
