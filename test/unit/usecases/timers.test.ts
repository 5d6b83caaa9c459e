import { describe, expect, it, vi } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { createChannel } from '../../../functions/stores/channels.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { advanceClock, fireTimerNow, readClock } from '../../../functions/timers/test-clock.ts';
import { dispatchEvent } from '../../../functions/webhooks/dispatch.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { beforeNext, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const timersOf = (w: UnitWorld, paymentId: string) => w.repo.listPaymentTimers(w.storeId, paymentId);
const voidTimer = async (w: UnitWorld, paymentId: string) => (await timersOf(w, paymentId)).find((t) => t.kind === 'pg-void')!;

/** A channel whose PG voids `seconds` after approval (the channel override used for fast runs). */
async function voidAfter(w: UnitWorld, seconds: number): Promise<string> {
  const channel = await createChannel(w.services, w.storeId, { pgProvider: 'INICIS_V2', autoRefundOverride: { kind: 'delay', seconds } });
  return channel.channelKey;
}

describe('runTimer (the timers function)', () => {
  it('runs a timer exactly once when Scheduler delivers it twice at the same time', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = await voidTimer(w, 'pay-1');
    const input = { storeId: w.storeId, timerId: timer.timerId };
    const outcomes = await Promise.all([runTimer(w.services, input), runTimer(w.services, input)]);
    expect(outcomes.map((o) => o.result).sort()).toEqual(['fired', 'skipped']);
    expect(await runTimer(w.services, input)).toMatchObject({ result: 'skipped', detail: 'already FIRED' });
    expect((await w.repo.getPayment(w.storeId, 'pay-1'))!.version).toBe(2); // approved once, voided once
  });

  it('a timer that does not exist (an orphan schedule) is reported missing and changes nothing', async () => {
    const w = await unitWorld();
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: 'pgvoid-nothing' })).toEqual({ timerId: 'pgvoid-nothing', result: 'missing' });
  });
});

describe('advanceClock (POST /sandbox/clock)', () => {
  it('moves only forward and validates by/to', async () => {
    const w = await unitWorld();
    const start = (await readClock(w.services, w.storeId)).now;
    expect(await rejection(advanceClock(w.services, w.storeId, { by: 'tomorrow' }))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('by') });
    expect(await rejection(advanceClock(w.services, w.storeId, { to: '2020-01-01T00:00:00Z' }))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('backwards') });
    expect(await rejection(advanceClock(w.services, w.storeId, { to: 'soon' }))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(advanceClock(w.services, w.storeId, {}))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(advanceClock(w.services, 'store-nope', { by: 'PT1H' }))).toMatchObject({ type: 'STORE_NOT_FOUND' });
    const moved = await advanceClock(w.services, w.storeId, { by: 'PT90M' });
    expect(moved).toMatchObject({ now: new Date(Date.parse(start) + 90 * 60_000).toISOString(), offsetMs: 90 * 60_000, complete: true, fired: [] });
    const to = await advanceClock(w.services, w.storeId, { to: '2026-03-03T00:00:00+09:00' });
    expect(to).toMatchObject({ now: '2026-03-02T15:00:00.000Z', nowKst: '2026-03-03T00:00:00+09:00' });
    // The wall clock keeps running under the offset.
    w.clock.advance(5_000);
    expect((await readClock(w.services, w.storeId)).now).toBe('2026-03-02T15:00:05.000Z');
  });

  it('refuses with CONFLICT when a concurrent request moved the clock further', async () => {
    const w = await unitWorld();
    beforeNext(w.repo, 'advanceClock', () => advanceClock(w.services, w.storeId, { by: 'P2D' }));
    expect(await rejection(advanceClock(w.services, w.storeId, { by: 'P1D' }))).toMatchObject({ type: 'CONFLICT' });
    expect((await readClock(w.services, w.storeId)).offsetMs).toBe(2 * 86_400_000);
  });

  it('runs the due timers only and leaves later ones pending; a fired timer\'s schedule, firing later, changes nothing', async () => {
    const w = await unitWorld();
    await payByCard(w, 'soon', { channelKey: await voidAfter(w, 60) });
    await payByCard(w, 'tonight', { pg: 'INICIS_V2' });
    await payByCard(w, 'later', { channelKey: await voidAfter(w, 3 * 86_400) });
    const [soon, tonight, later] = [await voidTimer(w, 'soon'), await voidTimer(w, 'tonight'), await voidTimer(w, 'later')];

    const result = await advanceClock(w.services, w.storeId, { by: 'P1D' });
    expect(result.complete).toBe(true);
    expect(result.fired.map((f) => [f.paymentId, f.result]).sort()).toEqual([
      ['soon', 'fired'],
      ['tonight', 'fired'],
    ]);
    expect(result.fired.find((f) => f.paymentId === 'soon')).toMatchObject({ timerId: soon.timerId, kind: 'pg-void', dueAt: soon.dueAt });
    expect(result.pendingTimers).toBe(1);
    expect(await voidTimer(w, 'later')).toMatchObject({ state: 'PENDING' });
    // The advance deletes no schedule: each fired one still rings at its wall time, finds its timer
    // FIRED and does nothing.
    expect(w.scheduler.unscheduled).toEqual([]);
    expect([...w.scheduler.live.keys()].sort()).toEqual([soon, tonight, later].map((t) => t.scheduleName).sort());
    const voided = await w.repo.getPayment(w.storeId, 'tonight');
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: tonight.timerId })).toMatchObject({ result: 'skipped', detail: 'already FIRED' });
    expect(await w.repo.getPayment(w.storeId, 'tonight')).toEqual(voided);
    // A second advance finds nothing more to do until the later one is due.
    expect((await advanceClock(w.services, w.storeId, { by: 'PT1H' })).fired).toEqual([]);
    expect((await advanceClock(w.services, w.storeId, { by: 'P2D' })).fired).toEqual([expect.objectContaining({ paymentId: 'later', result: 'fired' })]);
  });

  it("runs each payment's timers in due order (a webhook retry at 14:01 before the batch void at 23:xx)", async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    w.receiver.status = 500;
    for (const id of ['a', 'b', 'c']) await payByCard(w, id, { pg: 'INICIS_V2' });
    for (const key of w.committed) await dispatchEvent(w.services, key); // first attempts fail: retries due in 1 min

    const result = await advanceClock(w.services, w.storeId, { by: 'P1D' });
    for (const id of ['a', 'b', 'c']) {
      const fired = result.fired.filter((f) => f.paymentId === id);
      expect(fired.map((f) => f.kind === 'pg-void')).toEqual([false, true]);
      expect(fired.map((f) => f.dueAt)).toEqual([...fired.map((f) => f.dueAt)].sort());
      // The retry's own retry is due 4 minutes after the new now: left pending.
      const left = (await timersOf(w, id)).filter((t) => t.state === 'PENDING');
      expect(left).toHaveLength(1);
      expect(Date.parse(left[0]!.dueAt)).toBe(Date.parse(result.now) + 4 * 60_000);
    }
    expect(w.receiver.received).toHaveLength(6);
  });

  it('reads a page of due timers from the due index, not every timer of the store', async () => {
    const w = await unitWorld();
    const later = await voidAfter(w, 3 * 86_400);
    const soon = await voidAfter(w, 60);
    for (let i = 0; i < 150; i++) await payByCard(w, `later-${i}`, { channelKey: later });
    for (let i = 0; i < 3; i++) await payByCard(w, `soon-${i}`, { channelKey: soon });
    w.repo.calls.clear();
    const listed = vi.spyOn(w.repo, 'listPendingTimers');

    const result = await advanceClock(w.services, w.storeId, { by: 'PT2M' });
    expect(result.fired).toHaveLength(3);
    const dueReads = listed.mock.calls.map((c, i) => ({ query: c[1], result: listed.mock.results[i]!.value })).filter((r) => r.query.untilIso !== undefined);
    expect(dueReads.length).toBeGreaterThan(0);
    for (const r of dueReads) expect(r.query.untilIso).toBe(new Date(Date.parse(result.now)).toISOString());
    const read = await Promise.all(dueReads.map((r) => r.result as ReturnType<typeof w.repo.listPendingTimers>));
    expect(read.flatMap((p) => p.items).every((t) => t.paymentId.startsWith('soon-'))).toBe(true);
    // The due timers' payments are read in one batch and their voids written in one transaction;
    // timers listed need no re-read, and the store is read once per advance, not per timer.
    expect(w.repo.calls.get('getPaymentsById')).toBe(1);
    expect(w.repo.calls.get('getPayment') ?? 0).toBe(0);
    expect(w.repo.calls.get('commitPaymentsTogether')).toBe(1);
    expect(w.repo.calls.get('commitPayment') ?? 0).toBe(0);
    expect(w.repo.calls.get('getStore')).toBeLessThanOrEqual(3);
    expect(w.repo.calls.get('getTimer') ?? 0).toBe(0);
    expect(w.repo.calls.get('queryPayments') ?? 0).toBe(0);
    expect(w.repo.calls.get('listPaymentTimers') ?? 0).toBe(0);
  });

  it('gives each timer its own outcome when a payment changes between the batch read and the shared write', async () => {
    const w = await unitWorld();
    const soon = await voidAfter(w, 60);
    for (const id of ['p-0', 'p-1', 'p-2']) await payByCard(w, id, { channelKey: soon });
    // A merchant cancels p-1 after the clock read it and before the voids are written together.
    beforeNext(w.repo, 'commitPaymentsTogether', () => cancelPayment(w.services, w.storeId, 'p-1', { reason: 'race' }));

    const result = await advanceClock(w.services, w.storeId, { by: 'PT2M' });
    expect(Object.fromEntries(result.fired.map((f) => [f.paymentId, f.result]))).toEqual({ 'p-0': 'fired', 'p-1': 'skipped', 'p-2': 'fired' });
    expect((await w.repo.getPayment(w.storeId, 'p-1'))!.pg!.voidedAt).toBeUndefined();
    for (const id of ['p-0', 'p-2']) expect((await w.repo.getPayment(w.storeId, id))!.pg!.voidedAt).toBeDefined();
    expect((await voidTimer(w, 'p-1')).state).toBe('CANCELLED');
    expect(result.pendingTimers).toBe(0);
  });

  it('stops starting timers when the time budget is spent, answers complete:false, and a PT0S call finishes the rest', async () => {
    const w = await unitWorld();
    const soon = await voidAfter(w, 60);
    // More payments than run at once, so the budget can stop the advance between them.
    const count = 150;
    for (let i = 0; i < count; i++) await payByCard(w, `p-${i}`, { channelKey: soon });
    // Every timer run costs a second of wall time, spent when its payment change is written.
    const together = w.repo.commitPaymentsTogether.bind(w.repo);
    const slow = vi.spyOn(w.repo, 'commitPaymentsTogether').mockImplementation(async (changes) => {
      w.clock.advance(changes.length * 1_000);
      return together(changes);
    });

    const first = await advanceClock(w.services, w.storeId, { by: 'PT2M' }, 2_500);
    expect(first.complete).toBe(false);
    expect(first.fired.length).toBeGreaterThan(0);
    expect(first.fired.length).toBeLessThan(count);
    expect(first.pendingTimers).toBe(count - first.fired.length);
    slow.mockRestore();

    const rest = await advanceClock(w.services, w.storeId, { by: 'PT0S' });
    expect(rest.complete).toBe(true);
    const all = [...first.fired, ...rest.fired];
    expect(all.every((f) => f.result === 'fired')).toBe(true);
    expect(new Set(all.map((f) => f.paymentId)).size).toBe(count);
    expect(all).toHaveLength(count);
    expect(rest.pendingTimers).toBe(0);
  });

  it("advances one store's clock only", async () => {
    const w = await unitWorld();
    const other = await w.newStore();
    await payByCard(w, 'mine', { pg: 'INICIS_V2' });
    await advanceClock(w.services, other.storeId, { by: 'P1D' });
    expect((await readClock(w.services, w.storeId)).offsetMs).toBe(0);
    expect(await voidTimer(w, 'mine')).toMatchObject({ state: 'PENDING' });
  });

  it('readClock counts the pending timers and shows now in KST', async () => {
    const w = await unitWorld();
    await payByCard(w, 'a', { pg: 'INICIS_V2' });
    await payByCard(w, 'b', { pg: 'NICE_V2' });
    expect(await readClock(w.services, w.storeId)).toEqual({
      storeId: w.storeId,
      now: w.clock.iso(),
      nowKst: '2026-03-02T14:00:00+09:00',
      offsetMs: 0,
      pendingTimers: 2,
    });
  });
});

describe('fireTimerNow (the console "fire now")', () => {
  it('runs a pending timer before it is due, deletes its schedule; a second press is skipped', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = await voidTimer(w, 'pay-1');
    expect(await fireTimerNow(w.services, w.storeId, timer.timerId)).toMatchObject({ result: 'fired', kind: 'pg-void', paymentId: 'pay-1' });
    expect((await w.repo.getPayment(w.storeId, 'pay-1'))!.pg!.voidedAt).toBe(timer.dueAt);
    expect(w.scheduler.live.has(timer.scheduleName)).toBe(false);
    expect(await fireTimerNow(w.services, w.storeId, timer.timerId)).toMatchObject({ result: 'skipped' });
  });

  it('answers TIMER_NOT_FOUND for an unknown timer', async () => {
    const w = await unitWorld();
    expect(await rejection(fireTimerNow(w.services, w.storeId, 'pgvoid-none'))).toMatchObject({ type: 'TIMER_NOT_FOUND', status: 404 });
  });
});
