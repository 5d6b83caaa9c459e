import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConcurrentModificationError, PortOneError } from '../../functions/domain/errors.ts';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import type { PaymentRecord } from '../../functions/domain/payment.ts';
import type { PaymentEventRecord } from '../../functions/domain/payment-event.ts';
import type { CashReceiptRecord } from '../../functions/domain/cash-receipt.ts';
import type { ChannelRecord, StoreRecord } from '../../functions/domain/store.ts';
import type { TimerRecord } from '../../functions/domain/timer.ts';
import type { Page, Repository } from '../../functions/ports/repository.ts';

/**
 * One set of cases for every implementation of the Repository port: the DynamoDB adapter on
 * DynamoDB Local (test/api/repository-dynamodb.test.ts) and the in-memory double the use-case unit
 * tests run on (test/unit/repository-in-memory.test.ts). Both must pass the same cases, so a
 * use-case test on the double says something true about the product.
 */
export function repositoryContract(name: string, repository: () => Repository) {
  describe(`Repository contract: ${name}`, () => {
    const repo = () => repository();
    const newStoreId = () => `store-${randomUUID()}`;

    describe('stores', () => {
      it('creates a store once, with its secrets and channels in the same write', async () => {
        const s = store(newStoreId());
        const channel = channelOf(s.storeId, 'ch-1');
        const secret = { storeId: s.storeId, secretId: 's1', hash: `h-${randomUUID()}`, createdAt: T0 };
        expect(await repo().createStore(s, { secrets: [secret], channels: [channel] })).toBe(true);
        expect(await repo().getStore(s.storeId)).toEqual(s);
        expect(await repo().findSecret(secret.hash)).toEqual(secret);
        expect(await repo().listChannels(s.storeId)).toEqual([channel]);
        expect(await repo().createStore({ ...s, name: 'again' })).toBe(false);
        expect((await repo().getStore(s.storeId))?.name).toBe(s.name);
      });

      it('creates nothing when any part of the store exists already', async () => {
        const taken = store(newStoreId());
        const secret = { storeId: taken.storeId, secretId: 's1', hash: `h-${randomUUID()}`, createdAt: T0 };
        await repo().putSecret(secret);
        const s = store(newStoreId());
        expect(await repo().createStore(s, { secrets: [{ ...secret, storeId: s.storeId }], channels: [channelOf(s.storeId, 'c')] })).toBe(false);
        expect(await repo().getStore(s.storeId)).toBeUndefined();
        expect(await repo().listChannels(s.storeId)).toEqual([]);
      });

      it('saves a store only over the version it read, and tells the loser what is stored', async () => {
        const s = store(newStoreId());
        await repo().createStore(s);
        const a = (await repo().getStore(s.storeId))!;
        const b = (await repo().getStore(s.storeId))!;
        await repo().saveStore({ ...a, name: 'first' }, a.version);
        const lost = await repo().saveStore({ ...b, name: 'second' }, b.version).catch((e: unknown) => e);
        expect(lost).toBeInstanceOf(ConcurrentModificationError);
        expect((await repo().getStore(s.storeId))?.name).toBe('first');
        const webhook = { url: 'https://example.com/hook', secrets: [] };
        await expect(repo().saveStoreWebhook(s.storeId, webhook, a.version)).rejects.toBeInstanceOf(ConcurrentModificationError);
        await repo().saveStoreWebhook(s.storeId, webhook, a.version + 1);
        expect(await repo().getStore(s.storeId)).toMatchObject({ name: 'first', webhook, version: a.version + 2 });
      });

      it('moves the clock forward only and records a signup once', async () => {
        const s = store(newStoreId());
        await repo().createStore(s);
        expect(await repo().advanceClock(s.storeId, 5_000)).toBe(true);
        expect(await repo().advanceClock(s.storeId, 1_000)).toBe(false);
        expect(await repo().advanceClock(newStoreId(), 1_000)).toBe(false);
        await repo().addSignup(s.storeId, 'NAVERPAY');
        await repo().addSignup(s.storeId, 'NAVERPAY');
        expect(await repo().getStore(s.storeId)).toMatchObject({ clockOffsetMs: 5_000, signups: ['NAVERPAY'] });
      });
    });

    describe('secrets, tokens and channels', () => {
      it('lists a store\'s secrets oldest first and revokes one only over the store version it read', async () => {
        const s = store(newStoreId());
        const first = { storeId: s.storeId, secretId: 's1', hash: `h-${randomUUID()}`, createdAt: T0 };
        const second = { storeId: s.storeId, secretId: 's2', hash: `h-${randomUUID()}`, createdAt: '2026-12-01T00:00:00.000Z' };
        expect(await repo().createStore(s, { secrets: [first] })).toBe(true);
        await repo().putSecret(second);
        expect(await repo().listSecrets(s.storeId)).toEqual([first, second]);
        await expect(repo().revokeSecret(second, s.version + 1)).rejects.toBeInstanceOf(ConcurrentModificationError);
        await repo().revokeSecret(second, s.version);
        expect(await repo().findSecret(second.hash)).toBeUndefined();
        expect(await repo().listSecrets(s.storeId)).toEqual([first]);
        expect((await repo().getStore(s.storeId))?.version).toBe(s.version + 1);
        // The racing revocation read the old version: it loses.
        await expect(repo().revokeSecret(first, s.version)).rejects.toBeInstanceOf(ConcurrentModificationError);
        expect(await repo().findSecret(first.hash)).toEqual(first);
      });

      it('moves the console session version on', async () => {
        const s = store(newStoreId());
        await repo().createStore(s);
        await repo().endConsoleSessions(s.storeId);
        await repo().endConsoleSessions(s.storeId);
        expect(await repo().getStore(s.storeId)).toEqual({ ...s, consoleSessionVersion: 2 });
      });

      it('revokes a token once', async () => {
        const hash = `t-${randomUUID()}`;
        await repo().putToken(hash, { storeId: 'x', kind: 'refresh', expiresAt: 1 });
        expect(await repo().findToken(hash)).toEqual({ storeId: 'x', kind: 'refresh', expiresAt: 1 });
        expect(await repo().revokeToken(hash)).toBe(true);
        expect(await repo().revokeToken(hash)).toBe(false);
        expect(await repo().findToken(hash)).toBeUndefined();
      });

      it('refuses a second channel with the same key', async () => {
        const storeId = newStoreId();
        expect(await repo().putChannel(channelOf(storeId, 'k'))).toBe(true);
        expect(await repo().putChannel({ ...channelOf(storeId, 'k'), name: 'other' })).toBe(false);
        expect((await repo().getChannel(storeId, 'k'))?.name).toBe('k');
      });

      it('replaces an existing channel only', async () => {
        const storeId = newStoreId();
        expect(await repo().replaceChannel(channelOf(storeId, 'k'))).toBe(false);
        expect(await repo().getChannel(storeId, 'k')).toBeUndefined();
        await repo().putChannel(channelOf(storeId, 'k'));
        expect(await repo().replaceChannel({ ...channelOf(storeId, 'k'), mode: 'LIVE_LIKE' })).toBe(true);
        expect(await repo().getChannel(storeId, 'k')).toEqual({ ...channelOf(storeId, 'k'), mode: 'LIVE_LIKE' });
      });
    });

    describe('payments', () => {
      it('creates a payment once; a second creator loses and sees the stored payment', async () => {
        const p = payment(newStoreId(), 'order-1');
        await repo().commitPayment(p, null);
        expect(p.version).toBe(1);
        const err = await repo().commitPayment(payment(p.storeId, 'order-1'), null).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConcurrentModificationError);
        expect((err as ConcurrentModificationError).current).toMatchObject({ paymentId: 'order-1', version: 1 });
        expect(await repo().countPayments(p.storeId)).toBe(1);
      });

      it('changes a payment only over the version it read', async () => {
        const p = payment(newStoreId(), 'order-2');
        await repo().commitPayment(p, null);
        await repo().commitPayment({ ...p, status: 'CANCELLED' }, 1);
        const err = await repo().commitPayment({ ...p, status: 'PARTIAL_CANCELLED' }, 1).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConcurrentModificationError);
        expect((err as ConcurrentModificationError).current).toMatchObject({ status: 'CANCELLED', version: 2 });
        expect(await repo().getPayment(p.storeId, p.paymentId)).toMatchObject({ status: 'CANCELLED', version: 2 });
      });

      it('commits a payment with its timers and outbox entries all together, or nothing', async () => {
        const storeId = newStoreId();
        const p = payment(storeId, 'order-3');
        const void1 = timer(storeId, 'order-3', 't-void', '2026-12-01T14:00:00.000Z');
        await repo().commitPayment(p, null, { putTimers: [void1], outbox: [outbox(storeId, 'order-3', 'e1')] });
        expect(await repo().listPaymentTimers(storeId, 'order-3')).toEqual([void1]);
        expect(await repo().listOutbox(storeId, 'order-3')).toHaveLength(1);

        // The timer exists already: the whole change is refused, the payment is untouched.
        const again = { ...p, status: 'CANCELLED' as const };
        await expect(repo().commitPayment(again, 1, { putTimers: [void1], outbox: [outbox(storeId, 'order-3', 'e2')] })).rejects.toBeInstanceOf(ConcurrentModificationError);
        expect(await repo().getPayment(storeId, 'order-3')).toMatchObject({ status: 'PAID', version: 1 });
        expect(await repo().listOutbox(storeId, 'order-3')).toHaveLength(1);

        // Firing the timer with the change; a second firing loses.
        await repo().commitPayment(again, 1, { fireTimers: [{ timerId: 't-void', at: T0 }] });
        expect((await repo().getTimer(storeId, 't-void'))).toMatchObject({ state: 'FIRED', firedAt: T0 });
        await expect(repo().commitPayment({ ...again }, 2, { cancelTimers: [{ timerId: 't-void', at: T0 }] })).rejects.toBeInstanceOf(ConcurrentModificationError);
        expect(await repo().getPayment(storeId, 'order-3')).toMatchObject({ version: 2 });
      });

      it('commits several payments\' changes together, all or nothing, and reads payments by id', async () => {
        const storeId = newStoreId();
        const ids = ['b1', 'b2', 'b3'];
        for (const id of ids) await repo().commitPayment(payment(storeId, id), null, { putTimers: [timer(storeId, id, `t-${id}`, T0)] });
        const read = await repo().getPaymentsById(storeId, [...ids, 'missing']);
        expect([...read.keys()].sort()).toEqual(ids);
        expect(read.get('b2')).toMatchObject({ paymentId: 'b2', version: 1 });

        // One change's timer already fired: nothing of the batch is written.
        await repo().settleTimer(storeId, 't-b3', 'FIRED', T0);
        const voided = (id: string) => ({ payment: { ...read.get(id)!, status: 'CANCELLED' as const }, expectedVersion: 1, effects: { fireTimers: [{ timerId: `t-${id}`, at: T0 }] } });
        expect(await repo().commitPaymentsTogether(ids.map(voided))).toBe(false);
        for (const id of ids) expect(await repo().getPayment(storeId, id)).toMatchObject({ status: 'PAID', version: 1 });
        expect(await repo().getTimer(storeId, 't-b1')).toMatchObject({ state: 'PENDING' });

        // The same payment twice is never one write; the two that can apply do, together.
        expect(await repo().commitPaymentsTogether([voided('b1'), voided('b1')])).toBe(false);
        const batch = ['b1', 'b2'].map(voided);
        expect(await repo().commitPaymentsTogether(batch)).toBe(true);
        expect(batch.map((c) => c.payment.version)).toEqual([2, 2]);
        for (const id of ['b1', 'b2']) {
          expect(await repo().getPayment(storeId, id)).toMatchObject({ status: 'CANCELLED', version: 2 });
          expect(await repo().getTimer(storeId, `t-${id}`)).toMatchObject({ state: 'FIRED' });
        }
        expect(await repo().listPendingTimers(storeId, { limit: 10 })).toMatchObject({ items: [] });
      });

      it('lists a store\'s payments a page at a time, in either time order, within [from, until)', async () => {
        const storeId = newStoreId();
        const other = newStoreId();
        for (let i = 0; i < 7; i++) {
          const p = payment(storeId, `p${i}`, { requestedAt: at(i), statusChangedAt: at(10 - i) });
          await repo().commitPayment(p, null);
        }
        await repo().commitPayment(payment(other, 'elsewhere'), null);
        const newest = await collect((after) => repo().queryPayments(storeId, { order: 'REQUESTED_AT', descending: true, limit: 3, after }));
        expect(newest.map((p) => p.paymentId)).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
        const byStatus = await collect((after) => repo().queryPayments(storeId, { order: 'STATUS_CHANGED_AT', descending: false, limit: 2, after }));
        expect(byStatus.map((p) => p.paymentId)).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
        const ranged = await collect((after) => repo().queryPayments(storeId, { order: 'REQUESTED_AT', descending: false, from: at(2), until: at(5), limit: 10, after }));
        expect(ranged.map((p) => p.paymentId)).toEqual(['p2', 'p3', 'p4']);
        expect(await repo().countPayments(storeId)).toBe(7);
        expect(await repo().countPayments(other)).toBe(1);
      });

      it('resumes after any item from its position, and refuses a made-up cursor', async () => {
        const storeId = newStoreId();
        for (let i = 0; i < 4; i++) await repo().commitPayment(payment(storeId, `c${i}`, { requestedAt: at(i) }), null);
        const first = await repo().queryPayments(storeId, { order: 'REQUESTED_AT', descending: false, limit: 4 });
        const resumed = await repo().queryPayments(storeId, { order: 'REQUESTED_AT', descending: false, limit: 4, after: first.positions[1] });
        expect(resumed.items.map((p) => p.paymentId)).toEqual(['c2', 'c3']);
        const bad = await repo().queryPayments(storeId, { order: 'REQUESTED_AT', descending: false, limit: 4, after: 'not-a-cursor' }).catch((e: unknown) => e);
        expect(bad).toBeInstanceOf(PortOneError);
        expect((bad as PortOneError).type).toBe('INVALID_REQUEST');
      });

      it('stores payment events with their payment change and lists them by creation time within [from, until), a page at a time', async () => {
        const storeId = newStoreId();
        const event = (paymentId: string, eventId: string, createdAt: string): PaymentEventRecord => ({
          storeId,
          paymentId,
          eventId,
          type: 'PAID',
          createdAt,
          eventAmount: 1000,
          payment: payment(storeId, paymentId),
        });
        await repo().commitPayment(payment(storeId, 'e1'), null, { events: [event('e1', 'paid-1', at(3))] });
        await repo().commitPayment(payment(storeId, 'e2'), null, { events: [event('e2', 'paid-2', at(1)), event('e2', 'cancel-2', at(5))] });
        // A rewritten event is the same event, not a second one.
        await repo().commitPayment(payment(storeId, 'e1'), 1, { events: [event('e1', 'paid-1', at(3))] });
        await repo().commitPayment(payment(newStoreId(), 'e3'), null, { events: [{ ...event('e3', 'paid-3', at(2)), storeId: 'elsewhere' }] });
        const all = await collect((after) => repo().queryPaymentEvents(storeId, { from: at(0), until: at(10), limit: 2, after }));
        expect(all.map((e) => e.eventId)).toEqual(['paid-2', 'paid-1', 'cancel-2']);
        expect(all[1]).toEqual(event('e1', 'paid-1', at(3)));
        const ranged = await repo().queryPaymentEvents(storeId, { from: at(1), until: at(5), limit: 10 });
        expect(ranged.items.map((e) => e.eventId)).toEqual(['paid-2', 'paid-1']);
        const resumed = await repo().queryPaymentEvents(storeId, { from: at(0), until: at(10), limit: 10, after: ranged.positions[0] });
        expect(resumed.items.map((e) => e.eventId)).toEqual(['paid-1', 'cancel-2']);
        // A store reset takes a store's events with its payments.
        await repo().deleteStoreItems(storeId, ['PAYMENT']);
        expect((await repo().queryPaymentEvents(storeId, { from: at(0), until: at(10), limit: 10 })).items).toEqual([]);
      });

      it('finds a payment by a kept reference of its kind and store only, and a store reset forgets references without counting them', async () => {
        const storeId = newStoreId();
        await repo().putPaymentReference(storeId, { kind: 'PG_TX_ID', value: 'T#1/%' }, 'pay-1');
        await repo().putPaymentReference(storeId, { kind: 'TRANSACTION_ID', value: 'T#1/%' }, 'pay-2');
        // Writing it again (a retried approval) changes nothing.
        await repo().putPaymentReference(storeId, { kind: 'PG_TX_ID', value: 'T#1/%' }, 'pay-1');
        expect(await repo().findPaymentReference(storeId, { kind: 'PG_TX_ID', value: 'T#1/%' })).toBe('pay-1');
        expect(await repo().findPaymentReference(storeId, { kind: 'TRANSACTION_ID', value: 'T#1/%' })).toBe('pay-2');
        expect(await repo().findPaymentReference(storeId, { kind: 'PG_TX_ID', value: 'T#1' })).toBeUndefined();
        expect(await repo().findPaymentReference(newStoreId(), { kind: 'PG_TX_ID', value: 'T#1/%' })).toBeUndefined();
        expect(await repo().deleteStoreItems(storeId, ['PAYMENT'])).toBe(0);
        expect(await repo().findPaymentReference(storeId, { kind: 'PG_TX_ID', value: 'T#1/%' })).toBeUndefined();
      });

      it('keeps ids with #, /, % and unicode apart: no id sees another id\'s items', async () => {
        const storeId = newStoreId();
        const ids = ['pf', 'pf#x', 'pf#', 'pf/x', 'pf%23x', '결제#1', 'pf%'];
        for (const id of ids) await repo().commitPayment(payment(storeId, id), null, { outbox: [outbox(storeId, id, `e-${ids.indexOf(id)}`)] });
        for (const id of ids) {
          expect((await repo().getPayment(storeId, id))?.paymentId).toBe(id);
          expect((await repo().listOutbox(storeId, id)).map((e) => e.paymentId)).toEqual([id]);
        }
        expect(await repo().countPayments(storeId)).toBe(ids.length);
      });
    });

    describe('timers', () => {
      it('lists pending timers due by a time, earliest first, a page at a time; settled ones drop out', async () => {
        const storeId = newStoreId();
        const p = payment(storeId, 'tp');
        const timers = [3, 1, 2, 5].map((h) => timer(storeId, 'tp', `t${h}`, at(h)));
        await repo().commitPayment(p, null, { putTimers: timers });
        const due = await collect((after) => repo().listPendingTimers(storeId, { untilIso: at(3), limit: 2, after }));
        expect(due.map((t) => t.timerId)).toEqual(['t1', 't2', 't3']);
        expect(await repo().settleTimer(storeId, 't1', 'FIRED', T0)).toBe(true);
        expect(await repo().settleTimer(storeId, 't1', 'CANCELLED', T0)).toBe(false);
        const all = await collect((after) => repo().listPendingTimers(storeId, { limit: 10, after }));
        expect(all.map((t) => t.timerId)).toEqual(['t2', 't3', 't5']);
        expect(await repo().countPendingTimers(storeId)).toBe(3);
        expect(await repo().countPendingTimers(newStoreId())).toBe(0);
        expect((await repo().listPaymentTimers(storeId, 'tp')).map((t) => [t.timerId, t.state])).toEqual([
          ['t1', 'FIRED'],
          ['t2', 'PENDING'],
          ['t3', 'PENDING'],
          ['t5', 'PENDING'],
        ]);
      });
    });

    describe('webhook outbox', () => {
      it('saves delivery state over the version it read, with its retry timer, once', async () => {
        const storeId = newStoreId();
        const event = outbox(storeId, 'op', 'ev');
        await repo().commitPayment(payment(storeId, 'op'), null, { outbox: [event] });
        const read = (await repo().getOutbox(storeId, 'op', 'ev'))!;
        const retry = timer(storeId, 'op', 'retry-1', at(1), 'webhook-delivery');
        expect(await repo().saveOutbox({ ...read, status: 'RETRYING' }, read.version, retry)).toBe(true);
        expect(await repo().saveOutbox({ ...read, status: 'DELIVERED' }, read.version)).toBe(false);
        expect(await repo().getOutbox(storeId, 'op', 'ev')).toMatchObject({ status: 'RETRYING', version: read.version + 1 });
        expect(await repo().getTimer(storeId, 'retry-1')).toMatchObject({ state: 'PENDING' });
      });

      it('inserts a resend once and lists the store\'s newest entries first', async () => {
        const storeId = newStoreId();
        await repo().commitPayment(payment(storeId, 'a'), null, { outbox: [outbox(storeId, 'a', 'e1', at(1))] });
        await repo().commitPayment(payment(storeId, 'b'), null, { outbox: [outbox(storeId, 'b', 'e2', at(2))] });
        expect(await repo().insertOutbox(outbox(storeId, 'a', 'e3', at(3)))).toBe(true);
        expect(await repo().insertOutbox(outbox(storeId, 'a', 'e3', at(3)))).toBe(false);
        const recent = await collect((after) => repo().listRecentOutbox(storeId, { limit: 2, after }));
        expect(recent.map((e) => e.eventId)).toEqual(['e3', 'e2', 'e1']);
      });
    });

    describe('webhook probe reads', () => {
      it('counts every read of a payment, concurrent ones too, apart for each id and store', async () => {
        const storeId = newStoreId();
        expect(await repo().countProbeReads(storeId, 'p#1')).toBe(0);
        await Promise.all([1, 2, 3].map(() => repo().recordProbeRead(storeId, 'p#1')));
        await repo().recordProbeRead(storeId, 'p');
        await repo().recordProbeRead(newStoreId(), 'p#1');
        expect(await repo().countProbeReads(storeId, 'p#1')).toBe(3);
        expect(await repo().countProbeReads(storeId, 'p')).toBe(1);
      });
    });

    describe('fault log', () => {
      it('lists one payment\'s faults or the store\'s, newest first, apart for ids with # and for other stores; a reset clears them', async () => {
        const storeId = newStoreId();
        const fault = (faultId: string, at: string, paymentId?: string) => ({
          storeId,
          faultId,
          at,
          operation: paymentId ? ('pay' as const) : ('list' as const),
          method: 'POST',
          path: '/x',
          ...(paymentId !== undefined && { paymentId }),
          ruleId: 'r1',
          hitKey: `r1:${paymentId ?? 'list'}`,
          effect: 'drop' as const,
          description: 'connection dropped',
        });
        await repo().recordFault(fault('f1', at(1), 'p'));
        await repo().recordFault(fault('f2', at(3), 'p'));
        await repo().recordFault(fault('f3', at(2), 'p#x'));
        await repo().recordFault(fault('f4', at(4)));
        await repo().recordFault({ ...fault('f5', at(5), 'p'), storeId: newStoreId() });
        expect((await repo().listFaults(storeId, { paymentId: 'p', limit: 10 })).map((f) => f.faultId)).toEqual(['f2', 'f1']);
        expect(await repo().listFaults(storeId, { paymentId: 'p', limit: 10 })).toContainEqual(fault('f1', at(1), 'p'));
        expect((await repo().listFaults(storeId, { limit: 3 })).map((f) => f.faultId)).toEqual(['f4', 'f2', 'f3']);
        await repo().deleteStoreItems(storeId, ['FAULT']);
        expect(await repo().listFaults(storeId, { limit: 10 })).toEqual([]);
      });
    });

    describe('cash receipts', () => {
      it('saves a receipt once per paymentId and then only over the version read; cancels it with its payment in one write; lists by issue or status time', async () => {
        const storeId = newStoreId();
        const r1 = receipt(storeId, 'r1', at(1));
        expect(await repo().saveCashReceipt(r1, null)).toBe(true);
        expect(r1.version).toBe(1);
        expect(await repo().saveCashReceipt(receipt(storeId, 'r1', at(1)), null)).toBe(false);
        expect(await repo().getCashReceipt(storeId, 'r1')).toEqual(r1);
        await repo().saveCashReceipt(receipt(storeId, 'r2', at(2)), null);

        // Cancelled with its payment: a stale receipt version refuses the whole change.
        const cancelled = { ...r1, status: 'CANCELLED' as const, cancelledAt: at(5), statusUpdatedAt: at(5) };
        const p = payment(storeId, 'r1');
        await expect(repo().commitPayment(p, null, { cashReceipts: [{ receipt: cancelled, expectedVersion: 7 }] })).rejects.toBeInstanceOf(ConcurrentModificationError);
        expect(await repo().getPayment(storeId, 'r1')).toBeUndefined();
        await repo().commitPayment(p, null, { cashReceipts: [{ receipt: cancelled, expectedVersion: 1 }] });
        expect(await repo().getCashReceipt(storeId, 'r1')).toMatchObject({ status: 'CANCELLED', version: 2 });

        const byIssue = await collect((after) => repo().queryCashReceipts(storeId, { order: 'ISSUED_AT', descending: true, from: at(0), until: at(10), limit: 1, after }));
        expect(byIssue.map((r) => r.paymentId)).toEqual(['r2', 'r1']);
        const byStatus = await repo().queryCashReceipts(storeId, { order: 'STATUS_UPDATED_AT', descending: false, from: at(0), until: at(10), limit: 10 });
        expect(byStatus.items.map((r) => r.paymentId)).toEqual(['r2', 'r1']);
        expect((await repo().queryCashReceipts(storeId, { order: 'ISSUED_AT', descending: false, from: at(2), until: at(3), limit: 10 })).items.map((r) => r.paymentId)).toEqual(['r2']);
        await repo().deleteStoreItems(storeId, ['CASH_RECEIPT']);
        expect(await repo().getCashReceipt(storeId, 'r2')).toBeUndefined();
      });

      it('reads a payment with its store, channel and cash receipt in one call, each the same as read alone; what is missing is undefined', async () => {
        const s = store(newStoreId());
        const channel = channelOf(s.storeId, 'ch#1');
        await repo().createStore(s, { channels: [channel] });
        const p = payment(s.storeId, 'ctx#1');
        await repo().commitPayment(p, null);
        const r = receipt(s.storeId, 'ctx#1', at(1));
        await repo().saveCashReceipt(r, null);

        expect(await repo().getPaymentContext(s.storeId, 'ctx#1', { channelKey: 'ch#1', cashReceipt: true })).toEqual({
          store: await repo().getStore(s.storeId),
          payment: await repo().getPayment(s.storeId, 'ctx#1'),
          channel: await repo().getChannel(s.storeId, 'ch#1'),
          cashReceipt: await repo().getCashReceipt(s.storeId, 'ctx#1'),
        });
        // Not asked, not read; asked and missing, undefined; another store sees nothing of this one.
        expect(Object.keys(await repo().getPaymentContext(s.storeId, 'ctx#1'))).toEqual(expect.not.arrayContaining(['channel', 'cashReceipt']));
        const missing = await repo().getPaymentContext(s.storeId, 'ctx', { channelKey: 'ch', cashReceipt: true });
        expect(missing).toMatchObject({ store: s });
        expect([missing.payment, missing.channel, missing.cashReceipt]).toEqual([undefined, undefined, undefined]);
        expect(await repo().getPaymentContext(newStoreId(), 'ctx#1', { channelKey: 'ch#1', cashReceipt: true })).toEqual({
          store: undefined,
          payment: undefined,
          channel: undefined,
          cashReceipt: undefined,
        });
      });
    });

    describe('store reset', () => {
      it('deletes payments, timers and deliveries and their count; keeps the store, its channels and other stores', async () => {
        const storeId = newStoreId();
        const other = newStoreId();
        await repo().createStore(store(storeId), { channels: [channelOf(storeId, 'keep')] });
        await repo().commitPayment(payment(storeId, 'gone'), null, { putTimers: [timer(storeId, 'gone', 'tg', at(1))], outbox: [outbox(storeId, 'gone', 'eg')] });
        await repo().commitPayment(payment(other, 'stays'), null);
        await repo().recordProbeRead(storeId, 'gone');
        expect(await repo().deleteStoreItems(storeId, ['PAYMENT', 'TIMER', 'OUTBOX'])).toBe(3);
        expect(await repo().countProbeReads(storeId, 'gone')).toBe(0);
        expect(await repo().getPayment(storeId, 'gone')).toBeUndefined();
        expect(await repo().countPayments(storeId)).toBe(0);
        expect((await repo().listPendingTimers(storeId, { limit: 10 })).items).toEqual([]);
        expect(await repo().countPendingTimers(storeId)).toBe(0);
        expect(await repo().listOutbox(storeId, 'gone')).toEqual([]);
        expect(await repo().listChannels(storeId)).toHaveLength(1);
        expect(await repo().getPayment(other, 'stays')).toBeDefined();
      });
    });

    it('hands out copies: changing what was read changes nothing stored', async () => {
      const p = payment(newStoreId(), 'copy');
      await repo().commitPayment(p, null);
      const read = (await repo().getPayment(p.storeId, 'copy'))!;
      read.status = 'FAILED';
      read.amount.paid = 0;
      expect(await repo().getPayment(p.storeId, 'copy')).toMatchObject({ status: 'PAID', amount: { paid: 1000 } });
    });
  });
}

const T0 = '2026-11-30T00:00:00.000Z';
const at = (hour: number) => new Date(Date.parse(T0) + hour * 3600_000).toISOString();

async function collect<T>(read: (after?: string) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await read(after);
    all.push(...page.items);
    if (!page.next) return all;
    after = page.next;
  }
  throw new Error('paging never ended');
}

function store(storeId: string): StoreRecord {
  return { storeId, merchantId: `m-${storeId}`, name: 'contract', createdAt: T0, clockOffsetMs: 0, signups: [], webhook: { secrets: [] }, version: 1 };
}

function channelOf(storeId: string, channelKey: string): ChannelRecord {
  return { storeId, channelKey, id: `id-${channelKey}`, name: channelKey, pgProvider: 'INICIS_V2', pgMerchantId: 'INIpayTest', type: 'TEST', createdAt: T0 };
}

function payment(storeId: string, paymentId: string, times: { requestedAt?: string; statusChangedAt?: string } = {}): PaymentRecord {
  return {
    storeId,
    merchantId: 'm',
    paymentId,
    transactionId: `tx-${paymentId}`,
    version: 0,
    status: 'PAID',
    orderName: 'contract',
    currency: 'KRW',
    amount: { total: 1000, taxFree: 0, vat: 91, supply: 909, discount: 0, paid: 1000, cancelled: 0, cancelledTaxFree: 0 },
    cancelledVat: 0,
    customer: {},
    origin: { platformType: 'API', ipAddress: '127.0.0.1' },
    requestedAt: times.requestedAt ?? T0,
    updatedAt: T0,
    statusChangedAt: times.statusChangedAt ?? T0,
    cancellations: [],
    webhooks: [],
  };
}

function receipt(storeId: string, paymentId: string, issuedAt: string): CashReceiptRecord {
  return {
    storeId,
    merchantId: 'm',
    paymentId,
    version: 0,
    status: 'ISSUED',
    channel: { type: 'TEST', id: 'c', key: 'ck', name: 'c', pgProvider: 'KCP_V2', pgMerchantId: 'A52LD' },
    type: 'PERSONAL',
    amount: 1000,
    taxFreeAmount: 0,
    vatAmount: 91,
    currency: 'KRW',
    orderName: 'contract',
    isManual: true,
    customerIdentityNumber: '01012345678',
    pgReceiptId: `cr-${paymentId}`,
    issueNumber: '123456789',
    url: 'https://example.com/r',
    issuedAt,
    statusUpdatedAt: issuedAt,
  };
}

function timer(storeId: string, paymentId: string, timerId: string, dueAt: string, kind: TimerRecord['kind'] = 'pg-void'): TimerRecord {
  return { storeId, timerId, kind, paymentId, dueAt, state: 'PENDING', reason: 'contract', scheduleName: timerId, createdAt: T0 };
}

function outbox(storeId: string, paymentId: string, eventId: string, createdAt = T0): OutboxEvent {
  return {
    storeId,
    eventId,
    paymentId,
    type: 'Transaction.Paid',
    timestamp: createdAt,
    body: '{}',
    url: 'https://example.com/hook',
    status: 'PENDING',
    attempts: [],
    maxAttempts: 6,
    paymentStatus: 'PAID',
    createdAt,
    version: 1,
  };
}
