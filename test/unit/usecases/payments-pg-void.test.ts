import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { dualView } from '../../../functions/payments/dual-view.ts';
import { runPgVoid } from '../../../functions/payments/pg-batch-void.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { card } from '../../support/cards.ts';
import { issueVirtualAccount, payByCard, payByEasyPay } from '../../support/unit-requests.ts';
import { beforeNext, RECEIVER_URL, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const stored = async (w: UnitWorld, paymentId: string) => (await w.repo.getPayment(w.storeId, paymentId))!;
const voidTimer = async (w: UnitWorld, paymentId: string) => (await w.repo.listPaymentTimers(w.storeId, paymentId)).find((t) => t.kind === 'pg-void')!;

describe('runPgVoid (the PG batch void, 매입 전 일괄취소)', () => {
  it('changes only the PG view: PortOne still PAID, not even updatedAt moves, no webhook; the timer FIRED in the same write', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const before = await stored(w, 'pay-1');
    const timer = await voidTimer(w, 'pay-1');
    const detail = await runPgVoid(w.services, timer);
    expect(detail).toContain('PortOne still says PAID');
    const after = await stored(w, 'pay-1');
    expect(after).toMatchObject({ status: 'PAID', updatedAt: before.updatedAt, statusChangedAt: before.statusChangedAt, version: before.version + 1 });
    expect(after.pg).toMatchObject({ voidedAt: timer.dueAt, refunded: 10_000 });
    expect(await voidTimer(w, 'pay-1')).toMatchObject({ state: 'FIRED' });
    expect((await w.repo.listOutbox(w.storeId, 'pay-1')).map((e) => e.type)).toEqual(['Transaction.Paid']);
  });

  it('gives back only what a partial cancel left', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    await cancelPayment(w.services, w.storeId, 'pay-1', { amount: 3_000, reason: 'x' });
    await runPgVoid(w.services, await voidTimer(w, 'pay-1'));
    expect((await stored(w, 'pay-1')).pg).toMatchObject({ refunded: 10_000 });
    expect((await dualView(w.services, w.storeId, 'pay-1')).pg.heldAmount).toBe(0);
  });

  it('a second run of the same timer changes nothing', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = await voidTimer(w, 'pay-1');
    await runPgVoid(w.services, timer);
    const once = await stored(w, 'pay-1');
    expect(await runPgVoid(w.services, timer)).toBe('skipped');
    expect(await stored(w, 'pay-1')).toEqual(once);
  });

  it('a timer whose payment was cancelled in full settles without touching the payment', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = await voidTimer(w, 'pay-1');
    // Cancelled after the timer was read, as when the schedule and a cancel cross.
    beforeNext(w.repo, 'getPayment', () => cancelPayment(w.services, w.storeId, 'pay-1', { reason: 'x' }));
    expect(await runPgVoid(w.services, timer)).toBe('skipped');
    const p = await stored(w, 'pay-1');
    expect(p.status).toBe('CANCELLED');
    expect(p.pg!.voidedAt).toBeUndefined();
    expect(p.pg!.refunded).toBe(10_000);
  });

  it('a payment changed between read and write is re-read and voided (a concurrent partial cancel)', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = await voidTimer(w, 'pay-1');
    beforeNext(w.repo, 'commitPayment', () => cancelPayment(w.services, w.storeId, 'pay-1', { amount: 4_000, reason: 'x' }));
    await runPgVoid(w.services, timer);
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'PARTIAL_CANCELLED', amount: { cancelled: 4_000 } });
    expect(p.pg).toMatchObject({ voidedAt: timer.dueAt, refunded: 10_000 });
  });
});

describe('dualView (GET /sandbox/payments/{id}/view)', () => {
  it('in sync after approval: APPROVED, the money held, the rule and the pending timer in KST', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const view = await dualView(w.services, w.storeId, 'pay-1');
    expect(view).toMatchObject({
      paymentId: 'pay-1',
      inSync: true,
      portone: { status: 'PAID', id: 'pay-1' },
      pg: { status: 'APPROVED', pgProvider: 'INICIS_V2', withdrawn: true, heldAmount: 10_000, refundedAmount: 0, autoRefund: { kind: 'daily-batch' } },
    });
    expect(view.portone).not.toHaveProperty('pg');
    expect(view.timers).toEqual([expect.objectContaining({ kind: 'pg-void', state: 'pending', dueAtKst: expect.stringMatching(/T23:[0-4]\d:\d\d\+09:00$/) })]);
    expect(view.differences.join(' ')).toMatch(/holds 10,?000/); // the amount the PG still holds
  });

  it('after the batch void: out of sync, VOIDED_BY_BATCH, and the difference says a cancel fails with 기 취소 거래', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    await advanceClock(w.services, w.storeId, { by: 'PT10H' });
    const view = await dualView(w.services, w.storeId, 'pay-1');
    expect(view).toMatchObject({ inSync: false, portone: { status: 'PAID' }, pg: { status: 'VOIDED_BY_BATCH', heldAmount: 0 } });
    expect(view.timers[0]).toMatchObject({ state: 'fired' });
    expect(view.differences.join(' ')).toContain('기 취소 거래');
  });

  it('a PG that takes no money says so; a full cancel leaves both views CANCELLED with nothing held', async () => {
    const w = await unitWorld();
    await payByCard(w, 'kcp', { pg: 'KCP_V2' });
    const kcp = await dualView(w.services, w.storeId, 'kcp');
    expect(kcp).toMatchObject({ inSync: true, pg: { withdrawn: false, heldAmount: 0 } });
    expect(kcp.differences.join(' ')).toContain('does not withdraw');
    await payByCard(w, 'nice', { pg: 'NICE_V2', card: card('HYUNDAI_CARD') });
    await cancelPayment(w.services, w.storeId, 'nice', { reason: 'x' });
    expect(await dualView(w.services, w.storeId, 'nice')).toMatchObject({ inSync: true, portone: { status: 'CANCELLED' }, pg: { status: 'CANCELLED', heldAmount: 0 }, timers: [{ state: 'cancelled' }] });
  });

  it('easy pay through a general PG: held, and nobody refunds it automatically', async () => {
    const w = await unitWorld();
    await payByEasyPay(w, 'hub', 'KAKAOPAY', { pg: 'INICIS_V2' });
    await advanceClock(w.services, w.storeId, { by: 'P3D' });
    const view = await dualView(w.services, w.storeId, 'hub');
    expect(view.pg).toMatchObject({ status: 'APPROVED', heldAmount: 10_000 });
    expect(view.differences.join(' ')).toContain('cancel it by hand');
  });

  it('a virtual account awaiting its deposit is in sync; a failed payment is DECLINED', async () => {
    const w = await unitWorld();
    await issueVirtualAccount(w, 'va');
    expect(await dualView(w.services, w.storeId, 'va')).toMatchObject({ inSync: true, pg: { status: 'AWAITING_DEPOSIT' }, differences: [] });
    await payByCard(w, 'failed', { pg: 'INICIS_V2', card: card('KOOKMIN_CARD') }).catch(() => undefined);
    expect(await dualView(w.services, w.storeId, 'failed')).toMatchObject({ pg: { status: 'DECLINED', withdrawn: false }, timers: [] });
  });
});
