/**
 * The seed, line by line (shared facts §1, "테스트 연동의 특징"), reproduced through the official SDK
 * and the sandbox API on the local runtime with the local Scheduler endpoint. Test names start
 * with the seed line they prove.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { card, cardMethod, declineCard } from '../support/cards.ts';
import { nextKst, sameKstDay, kstTimeOf, sandboxAdmin, type Json } from '../support/admin.ts';
import { generateWebhookSecret } from '../../functions/webhooks/signing.ts';
import { startReceiver } from '../support/receiver.ts';
import { runTimer } from '../../functions/timers/run-timer.ts';

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

let seq = 0;
const newId = (tag: string) => `${tag}-${Date.now()}-${++seq}`;

/** A fresh store (own clock, own data) with its clock set to 14:00 KST on a coming day. */
async function storeAt(hhmm = '14:00') {
  const seeded = await sandbox.newStore();
  const admin = sandboxAdmin(sandbox.url, seeded.apiSecret);
  const now = (await admin.clock()).now as string;
  const clock = await admin.advanceTo(nextKst(now, hhmm));
  const sdk = PaymentClient({ secret: seeded.apiSecret, baseUrl: sandbox.url });
  const channel = (pg: string) => seeded.channels.find((c) => c.pgProvider === pg)!.channelKey;
  const getPayment = async (paymentId: string): Promise<Json> => sdk.getPayment({ paymentId });
  const failure = async (p: Promise<unknown>): Promise<Json> =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: { data: Json }) => e.data,
    );
  const payCard = (paymentId: string, pg: string, c = card('SHINHAN_CARD'), total = 10_000) =>
    sdk.payInstantly({ paymentId, channelKey: channel(pg), orderName: '테스트 주문', amount: { total }, currency: 'KRW', method: cardMethod(c) });
  const outbox = (paymentId: string) => sandbox.services.repo.listOutbox(seeded.storeId, paymentId);
  return { seeded, admin, sdk, channel, getPayment, failure, payCard, outbox, startedAt: clock.now as string };
}

/** Gives a store a webhook URL (a receiver answering 200) so "no webhook" can be told apart from "nowhere to send". */
async function withWebhookUrl(storeId: string) {
  const store = (await sandbox.services.repo.getStore(storeId))!;
  store.webhook = { url: receiver.url, secrets: [{ id: 'whs-1', secret: generateWebhookSecret(), createdAt: new Date().toISOString() }] };
  await sandbox.services.repo.saveStore(store, store.version);
}

/** The PG's auto-refund timers of a payment (webhook retries, if any, are other timers). */
const voidTimers = async (admin: ReturnType<typeof sandboxAdmin>, paymentId: string): Promise<Json[]> =>
  (await admin.timers(paymentId)).items.filter((t: Json) => t.kind === 'pg-void');

describe('seed 1: the PG voids test payments in its own batch; PortOne is not told', () => {
  it('1. INICIS: paid at 14:00 KST, voided between 23:00 and 23:50 KST, still PAID, cancel fails with 기 취소 거래, no webhook', async () => {
    const s = await storeAt('14:00');
    await withWebhookUrl(s.seeded.storeId);
    const id = newId('inicis');
    await s.payCard(id, 'INICIS_V2');
    const before = await s.getPayment(id);
    expect(before.status).toBe('PAID');

    // The unreachable webhook URL gets its own webhook-delivery timers now that webhooks are dispatched.
    const timers = (await voidTimers(s.admin, id)).filter((t: Json) => t.kind === 'pg-void');
    expect(timers).toHaveLength(1);
    expect(timers[0]).toMatchObject({ kind: 'pg-void', state: 'PENDING' });
    expect(kstTimeOf(timers[0].dueAt) >= '23:00' && kstTimeOf(timers[0].dueAt) < '23:50').toBe(true);
    expect(timers[0].dueAt.slice(0, 10)).toBe(sameKstDay(s.startedAt, '23:00').slice(0, 10));
    const eventsAfterPay = (await s.outbox(id)).length;

    const advanced = await s.admin.advanceTo(sameKstDay(s.startedAt, '23:50'));
    expect(advanced.fired.filter((f: Json) => f.kind === 'pg-void')).toEqual([
      expect.objectContaining({ timerId: timers[0].timerId, paymentId: id, result: 'fired' }),
    ]);

    const after = await s.getPayment(id);
    expect(after.status).toBe('PAID');
    expect(after.updatedAt).toBe(before.updatedAt); // PortOne did not even notice
    const view = await s.admin.view(id);
    expect(view.pg.status).toBe('VOIDED_BY_BATCH');
    expect(view.inSync).toBe(false);
    expect(view.differences.join(' ')).toContain('기 취소 거래');
    expect(view.timers[0]).toMatchObject({ state: 'fired' });

    const err = await s.failure(s.sdk.cancelPayment({ paymentId: id, reason: '고객 요청' }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('기 취소 거래') });
    expect(err.pgCode).toBeTruthy();
    expect((await s.getPayment(id)).status).toBe('PAID');
    expect((await s.outbox(id)).length).toBe(eventsAfterPay); // no webhook for the PG's void
  });

  it('1. a payment made after the batch window (23:55 KST) is voided the next night', async () => {
    const s = await storeAt('23:55');
    const id = newId('late');
    await s.payCard(id, 'INICIS_V2');
    const [timer] = (await voidTimers(s.admin, id));
    const nextNight = sameKstDay(nextKst(s.startedAt, '00:00'), '23:00');
    expect(timer.dueAt >= sameKstDay(s.startedAt, '23:59')).toBe(true);
    expect(timer.dueAt.slice(0, 10)).toBe(nextNight.slice(0, 10));
    expect((await s.admin.advance('PT1H')).fired).toEqual([]);
  });

  it('1. the schedule arrives at the Scheduler as one one-shot at() schedule per payment; after the clock fired its timer it rings as a no-op', async () => {
    const s = await storeAt('10:00');
    const id = newId('sched');
    await s.payCard(id, 'SETTLE');
    const [timer] = (await voidTimers(s.admin, id));
    await sandbox.schedules.idle(); // schedule calls run after the answer (local/deferred-schedules.ts)
    const schedule = sandbox.scheduler.list().find((x) => x.name === timer.scheduleName);
    expect(schedule).toBeDefined();
    expect(schedule).toMatchObject({
      groupName: 'pg-sandbox-local',
      scheduleExpressionTimezone: 'Asia/Seoul',
      actionAfterCompletion: 'DELETE',
      flexibleTimeWindow: { Mode: 'OFF' },
    });
    expect(schedule!.scheduleExpression).toMatch(/^at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\)$/);
    expect(schedule!.target.RoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(JSON.parse(schedule!.target.Input!)).toEqual({ storeId: s.seeded.storeId, timerId: timer.timerId });
    expect(schedule!.target.DeadLetterConfig?.Arn).toMatch(/^arn:aws:sqs:/);
    expect(schedule!.target.RetryPolicy?.MaximumRetryAttempts).toBeGreaterThan(0);
    // Scheduled in wall time: the store's clock runs ahead, the schedule's instant does not.
    await s.admin.advanceTo(sameKstDay(s.startedAt, '23:59'));
    // The advance leaves the schedule to ring at its wall time (deleting 10,000 would outlast the
    // call): the timers function it invokes then finds the timer FIRED and changes nothing.
    const voided = await s.admin.view(id);
    expect(voided.pg.status).toBe('VOIDED_BY_BATCH');
    expect(sandbox.scheduler.list().find((x) => x.name === timer.scheduleName)).toBeDefined();
    expect(await runTimer(sandbox.services, JSON.parse(schedule!.target.Input!))).toMatchObject({ result: 'skipped', detail: 'already FIRED' });
    expect(await s.admin.view(id)).toEqual(voided);
  });

  it('1. KG파이낸셜 (interval PG): paid at 10:10 KST, voided on the next hour boundary, 11:00 KST', async () => {
    const s = await storeAt('10:10');
    const id = newId('interval');
    await s.payCard(id, 'MOBILIANS', card('SAMSUNG_CARD'));
    const [timer] = await voidTimers(s.admin, id);
    expect(timer.dueAt).toBe(sameKstDay(s.startedAt, '11:00'));
    expect((await s.admin.advance('PT49M')).fired).toEqual([]);
    expect((await s.admin.advance('PT1M')).fired).toEqual([expect.objectContaining({ kind: 'pg-void', paymentId: id, result: 'fired' })]);
    expect((await s.getPayment(id)).status).toBe('PAID');
    expect(await s.failure(s.sdk.cancelPayment({ paymentId: id, reason: 'x' }))).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('기 취소 거래') });
  });

  it("1. clocks are per store: advancing one store's clock leaves another store's payment alone", async () => {
    const a = await storeAt('12:00');
    const b = await storeAt('12:00');
    const ida = newId('a');
    const idb = newId('b');
    await a.payCard(ida, 'DAOU');
    await b.payCard(idb, 'DAOU');
    await a.admin.advance('PT12H');
    expect((await a.admin.view(ida)).pg.status).toBe('VOIDED_BY_BATCH');
    expect((await b.admin.view(idb)).pg.status).toBe('APPROVED');
    expect((await voidTimers(b.admin, idb))[0].state).toBe('PENDING');
  });

  it('1. a timer delivered twice changes nothing the second time', async () => {
    const s = await storeAt('09:00');
    const id = newId('dup');
    await s.payCard(id, 'INICIS_V2');
    const [timer] = (await voidTimers(s.admin, id));
    const [first, second] = await Promise.all([
      s.admin.post(`/sandbox/timers/${timer.timerId}/fire`),
      s.admin.post(`/sandbox/timers/${timer.timerId}/fire`),
    ]);
    expect([first.result, second.result].sort()).toEqual(['fired', 'skipped']);
    const third = await s.admin.post(`/sandbox/timers/${timer.timerId}/fire`);
    expect(third.result).toBe('skipped');
    const record = (await sandbox.services.repo.getPayment(s.seeded.storeId, id))!;
    expect(record.version).toBe(2); // approved once, voided once
  });

  it('1. a manual cancel racing the batch void ends with exactly one winner and consistent views', async () => {
    const s = await storeAt('09:00');
    for (let i = 0; i < 6; i++) {
      const id = newId('race');
      await s.payCard(id, 'NICE_V2');
      const [timer] = (await voidTimers(s.admin, id));
      const [cancel] = await Promise.allSettled([
        s.sdk.cancelPayment({ paymentId: id, reason: 'race' }),
        s.admin.post(`/sandbox/timers/${timer.timerId}/fire`),
      ]);
      const view = await s.admin.view(id);
      if (cancel.status === 'fulfilled') {
        expect(view.portone.status).toBe('CANCELLED');
        expect(view.pg.status).toBe('CANCELLED');
        expect(view.timers[0].state).toBe('cancelled');
        expect(view.pg.heldAmount).toBe(0);
      } else {
        expect((cancel.reason as Json).data.pgMessage).toContain('기 취소 거래');
        expect(view.portone.status).toBe('PAID');
        expect(view.pg.status).toBe('VOIDED_BY_BATCH');
        expect(view.timers[0].state).toBe('fired');
        expect(view.pg.heldAmount).toBe(0);
      }
    }
  });
});

describe('seed 2: exceptions that really take money and are never auto-refunded', () => {
  it('2. easy pay through a general PG (허브형, KakaoPay on INICIS) withdraws, gets no timer, stays taken until cancelled by hand', async () => {
    const s = await storeAt('10:00');
    const id = newId('hub');
    const res = await s.admin.post(`/sandbox/payments/${id}/checkout`, {
      channelKey: s.channel('INICIS_V2'),
      orderName: '허브형 간편결제',
      totalAmount: 15_000,
      payMethod: 'EASY_PAY',
      easyPayProvider: 'KAKAOPAY',
    });
    expect(res.code).toBeUndefined();
    const p = await s.getPayment(id);
    expect(p.status).toBe('PAID');
    expect(p.method).toMatchObject({ type: 'PaymentMethodEasyPay', provider: 'KAKAOPAY' });
    expect((await voidTimers(s.admin, id))).toEqual([]);
    await s.admin.advance('P3D');
    const view = await s.admin.view(id);
    expect(view.pg).toMatchObject({ status: 'APPROVED', withdrawn: true, heldAmount: 15_000 });
    expect(view.differences.join(' ')).toContain('cancel it by hand');
    await s.sdk.cancelPayment({ paymentId: id, reason: '환불' });
    expect((await s.admin.view(id)).pg.heldAmount).toBe(0);
  });

  it('2. NICE: a partial cancel removes the pending auto-refund; the rest stays withdrawn until a full cancel', async () => {
    const s = await storeAt('10:00');
    const id = newId('nice');
    await s.payCard(id, 'NICE_V2', card('SHINHAN_CARD'), 10_000);
    const [timer] = (await voidTimers(s.admin, id));
    await sandbox.schedules.idle(); // schedule calls run after the answer (local/deferred-schedules.ts)
    expect(sandbox.scheduler.list().some((x) => x.name === timer.scheduleName)).toBe(true);

    await s.sdk.cancelPayment({ paymentId: id, amount: 3_000, reason: '부분 취소' });
    const afterPartial = await s.admin.view(id);
    expect(afterPartial.timers[0].state).toBe('cancelled');
    await sandbox.schedules.idle();
    expect(sandbox.scheduler.list().some((x) => x.name === timer.scheduleName)).toBe(false);

    const advanced = await s.admin.advance('P2D');
    expect(advanced.fired).toEqual([]);
    expect((await s.admin.view(id)).pg).toMatchObject({ status: 'PARTIALLY_CANCELLED', heldAmount: 7_000 });
    await s.sdk.cancelPayment({ paymentId: id, reason: '전체 취소' });
    expect((await s.admin.view(id)).pg).toMatchObject({ status: 'CANCELLED', heldAmount: 0 });
  });

  it('2. NICE: a check card (체크카드) refuses partial cancels with the PG message; a full cancel works', async () => {
    const s = await storeAt('10:00');
    const id = newId('nice-debit');
    await s.payCard(id, 'NICE_V2', card('SHINHAN_CARD', 'DEBIT'));
    const err = await s.failure(s.sdk.cancelPayment({ paymentId: id, amount: 1_000, reason: '부분' }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('부분취소 불가능') });
    await s.sdk.cancelPayment({ paymentId: id, reason: '전체' });
    expect((await s.getPayment(id)).status).toBe('CANCELLED');
  });

  it('2. Paymentwall (after signup): real withdrawal, never auto-refunded', async () => {
    const s = await storeAt('10:00');
    const refused = await s.admin.call('POST', '/sandbox/channels', { pgProvider: 'PAYMENTWALL' });
    expect(refused.status).toBe(409);
    await s.admin.post('/sandbox/signups', { pgProvider: 'PAYMENTWALL' });
    const channel = await s.admin.post('/sandbox/channels', { pgProvider: 'PAYMENTWALL' });
    const id = newId('pw');
    await s.sdk.payInstantly({ paymentId: id, channelKey: channel.channelKey, orderName: 'pw', amount: { total: 5_000 }, currency: 'KRW', method: cardMethod(card('HYUNDAI_CARD')) });
    expect((await voidTimers(s.admin, id))).toEqual([]);
    await s.admin.advance('P7D');
    expect((await s.admin.view(id)).pg).toMatchObject({ withdrawn: true, heldAmount: 5_000, autoRefund: { kind: 'never' } });
  });
});

describe('seed 3: PGs that never withdraw in test only answer success', () => {
  const NO_WITHDRAWAL = ['KCP_V2', 'KAKAOPAY', 'KPN', 'KICC_V2', 'PAYCO', 'TOSSPAY_V2', 'TOSSPAYMENTS', 'WELCOME'];

  it.each(NO_WITHDRAWAL)('3. %s: no timer, nothing withdrawn, and a cancel succeeds', async (pg) => {
    const s = await storeAt('10:00');
    const id = newId(pg);
    const method = pg === 'KAKAOPAY' || pg === 'PAYCO' || pg === 'TOSSPAY_V2' ? 'EASY_PAY' : 'CARD';
    if (method === 'CARD') {
      await s.payCard(id, pg, card('SAMSUNG_CARD'), 9_000);
    } else {
      const res = await s.admin.post(`/sandbox/payments/${id}/checkout`, {
        channelKey: s.channel(pg),
        orderName: 'direct easy pay',
        totalAmount: 9_000,
        payMethod: 'EASY_PAY',
        easyPayProvider: pg === 'TOSSPAY_V2' ? 'TOSSPAY' : pg,
      });
      expect(res.code).toBeUndefined();
    }
    expect((await voidTimers(s.admin, id))).toEqual([]);
    expect((await s.admin.view(id)).pg).toMatchObject({ withdrawn: false, heldAmount: 0 });
    await s.sdk.cancelPayment({ paymentId: id, reason: 'x' });
    expect((await s.getPayment(id)).status).toBe('CANCELLED');
  });

  it('3. a decline test card (잔액부족) succeeds on KCP but fails on INICIS, where money really moves', async () => {
    const s = await storeAt('10:00');
    const poor = declineCard('INSUFFICIENT_BALANCE');
    const onKcp = newId('kcp-poor');
    await s.payCard(onKcp, 'KCP_V2', poor);
    expect((await s.getPayment(onKcp)).status).toBe('PAID');
    const onInicis = newId('inicis-poor');
    const err = await s.failure(s.payCard(onInicis, 'INICIS_V2', poor));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgMessage: '잔액부족' });
    expect((await s.getPayment(onInicis)).status).toBe('FAILED');
  });
});

describe('seed 4: KB국민, NH농협 and 카카오뱅크 cards usually fail in test', () => {
  it.each([
    ['INICIS_V2', 'KOOKMIN_CARD'],
    ['INICIS_V2', 'KAKAO_BANK'],
    ['NICE_V2', 'NH_CARD'],
    ['NICE_V2', 'KOOKMIN_CARD'],
  ])('4. %s refuses %s: FAILED with the PG code and message, Transaction.Failed queued', async (pg, issuer) => {
    const s = await storeAt('10:00');
    await withWebhookUrl(s.seeded.storeId);
    const id = newId('refused');
    const err = await s.failure(s.payCard(id, pg, card(issuer)));
    expect(err.type).toBe('PG_PROVIDER');
    expect(err.pgCode).toBeTruthy();
    const p = await s.getPayment(id);
    expect(p.status).toBe('FAILED');
    expect(p.failure).toMatchObject({ pgCode: err.pgCode, pgMessage: err.pgMessage });
    expect(Date.parse(p.failedAt)).not.toBeNaN();
    expect((await s.outbox(id)).map((e) => e.type)).toEqual(['Transaction.Failed']);
    // A card of another issuer then pays the same paymentId.
    await s.payCard(id, pg, card('SHINHAN_CARD'));
    expect((await s.getPayment(id)).status).toBe('PAID');
  });
});

describe('seed 5: virtual accounts can be issued (채번) but never paid or refunded', () => {
  const issue = (s: Awaited<ReturnType<typeof storeAt>>, id: string, pg = 'INICIS_V2', bank = 'SHINHAN') =>
    s.sdk.payInstantly({
      paymentId: id,
      channelKey: s.channel(pg),
      orderName: '가상계좌',
      amount: { total: 20_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank, expiry: { validHours: 24 }, option: { type: 'NORMAL' } } },
    });

  it('5. a real deposit changes nothing in the PortOne view and sends no webhook', async () => {
    const s = await storeAt('10:00');
    await withWebhookUrl(s.seeded.storeId);
    const id = newId('va');
    await issue(s, id);
    const events = (await s.outbox(id)).map((e) => e.type);
    expect(events).toEqual(['Transaction.VirtualAccountIssued']);
    const view = await s.admin.post(`/sandbox/payments/${id}/virtual-account/deposit`, { amount: 20_000, depositorName: '홍길동' });
    expect(view.portone.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect(view.pg.status).toBe('DEPOSIT_RECEIVED');
    expect(view.inSync).toBe(false);
    expect((await s.getPayment(id)).status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect((await s.outbox(id)).map((e) => e.type)).toEqual(events);
    expect(await s.failure(s.sdk.cancelPayment({ paymentId: id, reason: '환불' }))).toMatchObject({ type: 'PAYMENT_NOT_PAID' });
  });

  it('5. the test deposit notification (테스트 입금웹훅통지) marks it PAID and queues Transaction.Paid, but a cancel fails: 입금된 내역이 없습니다', async () => {
    const s = await storeAt('10:00');
    await withWebhookUrl(s.seeded.storeId);
    const id = newId('va-test');
    await issue(s, id);
    const view = await s.admin.post(`/sandbox/payments/${id}/virtual-account/test-deposit-notification`);
    expect(view.portone.status).toBe('PAID');
    expect(view.pg.status).toBe('AWAITING_DEPOSIT');
    const events = await s.outbox(id);
    expect(events.map((e) => e.type)).toEqual(['Transaction.VirtualAccountIssued', 'Transaction.Paid']);
    expect(events[1]!.trigger).toBe('VIRTUAL_ACCOUNT_DEPOSIT');
    const err = await s.failure(s.sdk.cancelPayment({ paymentId: id, reason: '환불' }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('입금된 내역이 없습니다') });
  });

  it('5. refunds of a test virtual account with real money are refused', async () => {
    const s = await storeAt('10:00');
    const id = newId('va-refund');
    await issue(s, id);
    await s.admin.post(`/sandbox/payments/${id}/virtual-account/deposit`, {});
    await s.admin.post(`/sandbox/payments/${id}/virtual-account/test-deposit-notification`);
    const err = await s.failure(s.sdk.cancelPayment({ paymentId: id, reason: '환불' }));
    expect(err.type).toBe('PG_PROVIDER');
    expect(err.pgMessage).not.toContain('입금된 내역이 없습니다');
  });

  it('5. Smartro cannot issue test accounts at K뱅크', async () => {
    const s = await storeAt('10:00');
    const id = newId('smartro-kbank');
    const err = await s.failure(issue(s, id, 'SMARTRO_V2', 'K_BANK'));
    expect(err.type).toBe('PG_PROVIDER');
    expect((await s.getPayment(id)).status).toBe('FAILED');
  });
});

describe('seed 6: test channels need no PG signup, except for some PGs', () => {
  it('6. NAVERPAY refuses a test channel until the signup (가입신청) is recorded', async () => {
    const s = await storeAt('10:00');
    const refused = await s.admin.call('POST', '/sandbox/channels', { pgProvider: 'NAVERPAY' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'SIGNUP_REQUIRED', message: expect.stringContaining('가입신청') });
    await s.admin.post('/sandbox/signups', { pgProvider: 'NAVERPAY' });
    const channel = await s.admin.post('/sandbox/channels', { pgProvider: 'NAVERPAY', name: '네이버페이 테스트' });
    expect(channel).toMatchObject({ pgProvider: 'NAVERPAY', type: 'TEST' });
  });

  it('6. INICIS needs no signup: a test channel with the shared test MID', async () => {
    const s = await storeAt('10:00');
    const channel = await s.admin.post('/sandbox/channels', { pgProvider: 'INICIS_V2' });
    expect(channel.pgMerchantId).toBe('INIpayTest');
  });

  it('a channel may override the auto-refund for fast end-to-end runs (void 120 s after approval)', async () => {
    const s = await storeAt('10:00');
    const channel = await s.admin.post('/sandbox/channels', { pgProvider: 'INICIS_V2', autoRefundOverride: { kind: 'delay', seconds: 120 } });
    const id = newId('fast');
    await s.sdk.payInstantly({ paymentId: id, channelKey: channel.channelKey, orderName: 'x', amount: { total: 1_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
    // Exact instants from the approval time: a loaded machine may take over a second per request.
    const paidAt = Date.parse((await s.sdk.getPayment({ paymentId: id }) as { paidAt: string }).paidAt);
    const to = (ms: number) => s.admin.call('POST', '/sandbox/clock', { to: new Date(paidAt + ms).toISOString() });
    expect((await to(119_000)).body.fired).toEqual([]);
    expect((await to(120_000)).body.fired).toHaveLength(1);
    expect((await s.admin.view(id)).pg.status).toBe('VOIDED_BY_BATCH');
  });
});

describe('the test clock', () => {
  it('never goes backwards and validates its input', async () => {
    const s = await storeAt('10:00');
    const back = await s.admin.call('POST', '/sandbox/clock', { to: '2020-01-01T00:00:00Z' });
    expect(back.status).toBe(400);
    expect(back.body.type).toBe('INVALID_REQUEST');
    const bad = await s.admin.call('POST', '/sandbox/clock', { by: 'tomorrow' });
    expect(bad.status).toBe(400);
    const clock = await s.admin.advance('PT90M');
    expect(Date.parse(clock.now) - Date.parse(s.startedAt)).toBeGreaterThanOrEqual(90 * 60_000);
  });

  it('runs due timers in due order across payments', async () => {
    const s = await storeAt('10:00');
    const ids = [newId('o1'), newId('o2'), newId('o3')];
    for (const id of ids) await s.payCard(id, 'INICIS_V2');
    const due = await Promise.all(ids.map(async (id) => (await voidTimers(s.admin, id))[0].dueAt as string));
    const fired = (await s.admin.advance('P1D')).fired.filter((f: Json) => f.kind === 'pg-void');
    expect(fired.map((f: Json) => f.dueAt)).toEqual([...due].sort());
  });
});
