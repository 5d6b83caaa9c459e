import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { storeKit, type StoreKit } from '../support/webhook-sandbox.ts';
import { card, cardMethod } from '../support/cards.ts';
import type { Json } from '../support/admin.ts';

/**
 * A merchant's subscription code against the real local runtime (DynamoDB Local, real HTTP, the
 * official @portone/server-sdk): keys, schedules on the store's test clock, webhooks received and
 * verified, and the per-PG billing behaviour of test mode. One runtime for the file.
 */
let sandbox: TestSandbox;
let receiver: WebhookReceiver;
let kit: StoreKit;
const DAY = 24 * 3600 * 1000;
let seq = 0;
const id = (tag: string) => `${tag}-${Date.now()}-${++seq}`;

beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startTestSandbox(), startWebhookReceiver()]);
  kit = await storeKit(sandbox, receiver, 'subscriptions');
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});

const issue = async (pg: string, issuer = 'SHINHAN_CARD'): Promise<string> =>
  (await kit.sdk.billingKey.issueBillingKey({ channelKey: kit.seeded.channels.find((c) => c.pgProvider === pg)!.channelKey, method: cardMethod(card(issuer)), customer: { id: 'subscriber' } })).billingKeyInfo.billingKey;
const order = (billingKey: string, total = 9_900) => ({ billingKey, orderName: '월간 구독', amount: { total }, currency: 'KRW' as const });
const storeNow = async () => Date.parse(((await kit.admin.clock()) as { now: string }).now);
/** Advances the store's clock, continuing while one call could not run every due timer. */
async function advance(by: string) {
  let r: Json = await kit.admin.advance(by);
  while (r.complete === false) r = await kit.admin.advance('PT0S');
}
const webhooksOf = (type: string, field: string, value: string) =>
  receiver.at(kit.path).filter((d) => {
    const body = JSON.parse(d.body) as { type: string; data: Record<string, string> };
    return body.type === type && body.data[field] === value;
  });

describe('subscriptions on the store clock', () => {
  it('3 months are one clock call: 3 payments with scheduleId and billingKey, 3 Transaction.Paid received, found by isScheduled', async () => {
    const key = await issue('KCP_V2');
    const start = await storeNow();
    const paymentIds = [1, 2, 3].map((m) => id(`month-${m}`));
    const scheduleIds: string[] = [];
    for (const [i, paymentId] of paymentIds.entries()) {
      const { schedule } = await kit.sdk.paymentSchedule.createPaymentSchedule({ paymentId, payment: order(key), timeToPay: new Date(start + 30 * (i + 1) * DAY).toISOString() });
      scheduleIds.push(schedule.id);
    }
    await advance('P91D');
    for (const [i, paymentId] of paymentIds.entries()) {
      expect(await kit.sdk.paymentSchedule.getPaymentSchedule({ paymentScheduleId: scheduleIds[i]! })).toMatchObject({ status: 'SUCCEEDED' });
      expect(await kit.sdk.getPayment({ paymentId })).toMatchObject({ status: 'PAID', scheduleId: scheduleIds[i], billingKey: key, amount: { total: 9_900 } });
    }
    for (const paymentId of paymentIds) {
      await expect.poll(() => webhooksOf('Transaction.Paid', 'paymentId', paymentId).length, { timeout: 15_000 }).toBe(1);
    }
    const scheduled = (await kit.sdk.getPayments({ filter: { isScheduled: true } })).items.map((p: Json) => p.id);
    expect(scheduled).toEqual(expect.arrayContaining(paymentIds));
  });

  it('a key deleted before month 2: refused while its schedules remain, deleted once they are revoked; month 2 is never charged', async () => {
    const key = await issue('KCP_V2');
    const start = await storeNow();
    const [m1, m2] = [id('del-1'), id('del-2')];
    await kit.sdk.paymentSchedule.createPaymentSchedule({ paymentId: m1, payment: order(key), timeToPay: new Date(start + 30 * DAY).toISOString() });
    const { schedule: second } = await kit.sdk.paymentSchedule.createPaymentSchedule({ paymentId: m2, payment: order(key), timeToPay: new Date(start + 60 * DAY).toISOString() });
    await advance('P31D');
    expect((await kit.sdk.getPayment({ paymentId: m1 })).status).toBe('PAID');
    await expect(kit.sdk.billingKey.deleteBillingKey({ billingKey: key })).rejects.toMatchObject({ data: { type: 'PAYMENT_SCHEDULE_ALREADY_EXISTS' } });
    expect((await kit.sdk.paymentSchedule.revokePaymentSchedules({ billingKey: key })).revokedScheduleIds).toEqual([second.id]);
    await kit.sdk.billingKey.deleteBillingKey({ billingKey: key, reason: '구독 해지' });
    await advance('P31D');
    expect(await kit.sdk.paymentSchedule.getPaymentSchedule({ paymentScheduleId: second.id })).toMatchObject({ status: 'REVOKED' });
    await expect(kit.sdk.getPayment({ paymentId: m2 })).rejects.toMatchObject({ data: { type: 'PAYMENT_NOT_FOUND' } });
    await expect.poll(() => webhooksOf('BillingKey.Deleted', 'billingKey', key).length, { timeout: 15_000 }).toBe(1);
  });

  it('revoke racing fire has exactly one winner, every time (×10)', async () => {
    const key = await issue('KCP_V2');
    for (let i = 0; i < 10; i++) {
      const paymentId = id('race');
      const { schedule } = await kit.sdk.paymentSchedule.createPaymentSchedule({ paymentId, payment: order(key), timeToPay: new Date(await storeNow()).toISOString() });
      const timer = ((await kit.admin.timers(paymentId)) as { items: { timerId: string; kind: string }[] }).items.find((t) => t.kind === 'payment-schedule')!;
      const [fire, revoke] = await Promise.allSettled([kit.admin.post(`/sandbox/timers/${encodeURIComponent(timer.timerId)}/fire`), kit.sdk.paymentSchedule.revokePaymentSchedules({ scheduleIds: [schedule.id] })]);
      expect(fire.status).toBe('fulfilled');
      const final: Json = await kit.sdk.paymentSchedule.getPaymentSchedule({ paymentScheduleId: schedule.id });
      if (final.status === 'REVOKED') {
        expect(revoke.status).toBe('fulfilled');
        await expect(kit.sdk.getPayment({ paymentId })).rejects.toMatchObject({ data: { type: 'PAYMENT_NOT_FOUND' } });
      } else {
        expect(final.status).toBe('SUCCEEDED');
        expect(revoke).toMatchObject({ status: 'rejected', reason: { data: { type: 'PAYMENT_SCHEDULE_ALREADY_PROCESSED' } } });
        expect((await kit.sdk.getPayment({ paymentId })).status).toBe('PAID');
      }
    }
  });
});

describe('billing test mode per PG', () => {
  it('a KB국민카드 billing payment is refused at INICIS (PG_PROVIDER) and approved at KCP', async () => {
    const inicis = await issue('INICIS_V2', 'KOOKMIN_CARD');
    const refused = id('kb-inicis');
    await expect(kit.sdk.payWithBillingKey({ paymentId: refused, ...order(inicis) })).rejects.toMatchObject({ data: { type: 'PG_PROVIDER', pgMessage: expect.stringContaining('KB국민카드') } });
    expect((await kit.sdk.getPayment({ paymentId: refused })).status).toBe('FAILED');
    const kcp = await issue('KCP_V2', 'KOOKMIN_CARD');
    const approved = id('kb-kcp');
    await kit.sdk.payWithBillingKey({ paymentId: approved, ...order(kcp) });
    expect((await kit.sdk.getPayment({ paymentId: approved })).status).toBe('PAID');
  });

  it("Danal's 10원 issuance charge is voided by the PG about 30 minutes later (the console's PG side)", async () => {
    const key = await issue('DANAL');
    const login = await fetch(`${sandbox.url}/console/login`, { method: 'POST', headers: { origin: sandbox.url }, body: new URLSearchParams({ apiSecret: kit.seeded.apiSecret, next: '/console/billing' }), redirect: 'manual' });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const pgSide = async () => {
      const html = await (await fetch(`${sandbox.url}/console/billing`, { headers: { cookie } })).text();
      const row = html.slice(html.indexOf(key));
      return row.slice(0, row.indexOf('</tr>'));
    };
    expect(await pgSide()).toContain('10원 출금');
    expect(await pgSide()).toContain('자동취소 예정');
    await advance('PT31M');
    expect(await pgSide()).toContain('자동취소됨');
  });

  it('an INICIS billing payment is voided in the night batch: PortOne still PAID, a cancel fails with 기 취소 거래', async () => {
    const key = await issue('INICIS_V2');
    const paymentId = id('night');
    await kit.sdk.payWithBillingKey({ paymentId, ...order(key, 5_000) });
    await advance('P1D');
    expect((await kit.sdk.getPayment({ paymentId })).status).toBe('PAID');
    const view: Json = await kit.admin.view(paymentId);
    expect(view.pg.voidedAt).toBeTruthy();
    await expect(kit.sdk.cancelPayment({ paymentId, reason: '구독 취소' })).rejects.toMatchObject({ data: { type: 'PG_PROVIDER', pgMessage: expect.stringContaining('기 취소 거래') } });
  });
});
