// Delivery guarantees: retries on PortOne's schedule driven by the store's test clock, a receiver
// that is down and comes back, the per-attempt timeout, and a dispatcher that dies between the
// commit and the send. The jitter source is fixed at 1 (every retry waits its full nominal delay)
// so attempt counts per clock jump are exact; the real jitter is checked in webhooks.test.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { seededChannelKey } from '../../functions/stores/seed.ts';
import { card, cardMethod } from '../support/cards.ts';
import { dispatchEvent } from '../../functions/webhooks/dispatch.ts';
import { RETRY_DELAYS_MINUTES } from '../../functions/webhooks/retry-policy.ts';
import { sandboxAdmin, type Json } from '../support/admin.ts';
import { validateSchema } from '../support/openapi.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { newPaymentId, startWebhookSandbox, storeKit, type StoreKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';

// Short enough to keep the file fast, long enough that a loaded 2-core CI machine never times out a healthy loopback delivery.
const TIMEOUT_MS = 2_000;
let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startWebhookSandbox({ webhooks: { dispatch: { random: () => 1, timeoutMs: TIMEOUT_MS } } }),
    startWebhookReceiver(),
  ]);
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

const parse = (body: string) => JSON.parse(body) as { type: string; timestamp: string; data: { paymentId: string } };

async function webhooksOf(kit: StoreKit, paymentId: string): Promise<Json[]> {
  const payment = await kit.getPayment(paymentId);
  for (const w of payment.webhooks) validateSchema('PaymentWebhook', w);
  return payment.webhooks;
}

describe('retries follow PortOne’s schedule on the test clock', () => {
  it('1, 4, 16, 64 and 256 minutes after each failure, then FAILED after 6 executions; body and timestamp never change', async () => {
    const kit = await storeKit(sandbox, receiver, 'schedule');
    receiver.answer(kit.path, () => 500);
    const id = newPaymentId();
    await kit.payCard(id);
    await receiver.waitFor(kit.path, 1);
    await sandbox.webhooks.idle();

    for (const [i, minutes] of RETRY_DELAYS_MINUTES.entries()) {
      const attemptsBefore = i + 1;
      const [event] = await kit.outbox(id);
      expect(event).toMatchObject({ status: 'RETRYING' });
      expect(event!.attempts).toHaveLength(attemptsBefore);
      const last = Date.parse(event!.attempts.at(-1)!.requestedAt);
      expect(Date.parse(event!.nextAttemptAt!) - last).toBeGreaterThanOrEqual(minutes * 60_000);
      expect(Date.parse(event!.nextAttemptAt!) - last).toBeLessThan(minutes * 60_000 + 2_000);
      // Not a second early...
      await kit.admin.advance(`PT${minutes * 60 - 2}S`);
      expect(receiver.at(kit.path)).toHaveLength(attemptsBefore);
      // ...and on time.
      const { fired } = await kit.admin.advance('PT2S');
      expect(fired).toEqual([expect.objectContaining({ kind: 'webhook-delivery', paymentId: id, result: 'fired' })]);
      expect(receiver.at(kit.path)).toHaveLength(attemptsBefore + 1);
    }

    const [event] = await kit.outbox(id);
    expect(event).toMatchObject({ status: 'FAILED', maxAttempts: 6 });
    expect(event!.nextAttemptAt).toBeUndefined();
    expect(event!.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500, 500, 500]);
    // Gaps between attempts in store time: the nominal delays.
    const at = event!.attempts.map((a) => Date.parse(a.requestedAt));
    const gaps = at.slice(1).map((t, i) => Math.round((t - at[i]!) / 60_000));
    expect(gaps).toEqual([...RETRY_DELAYS_MINUTES]);
    // Nothing more is scheduled, and a long jump sends nothing.
    expect((await kit.admin.timers(id)).items.filter((t: Json) => t.state === 'PENDING')).toEqual([]);
    await kit.admin.advance('P1D');
    expect(receiver.at(kit.path)).toHaveLength(6);

    const got = receiver.at(kit.path);
    expect(new Set(got.map((d) => d.body)).size).toBe(1);
    expect(new Set(got.map((d) => d.webhookId)).size).toBe(1);
    expect(parse(got[0]!.body).timestamp).toBe((await kit.getPayment(id)).paidAt);
    // Each retry is signed afresh (and still verifies), while the event keeps its timestamp.
    for (const d of got) expect(d.rejections).toEqual([]);
    const [webhook] = await webhooksOf(kit, id);
    expect(webhook).toMatchObject({ status: 'FAILED_NOT_OK_RESPONSE', currentExecutionCount: 6, maxExecutionCount: 6, response: { code: '500' } });
  });
});

describe('a receiver that is down, then up', () => {
  it('delivers every event exactly as logged: failed attempts, then one success each, nothing lost', async () => {
    const kit = await storeKit(sandbox, receiver, 'down');
    await receiver.stop();
    try {
      const ids = [newPaymentId(), newPaymentId(), newPaymentId(), newPaymentId()];
      for (const id of ids) await kit.payCard(id);
      await kit.sdk.cancelPayment({ paymentId: ids[0]!, reason: '부분', amount: 2_000 });
      await kit.sdk.cancelPayment({ paymentId: ids[1]!, reason: '전체' });
      await sandbox.webhooks.idle();
      const events = (await kit.outbox()).filter((e) => e.storeId === kit.storeId);
      expect(events).toHaveLength(6);
      expect(events.every((e) => e.status === 'RETRYING' && e.attempts.length === 1)).toBe(true);

      await kit.admin.advance('PT1M'); // retry 1: still down
      await receiver.start();
      await kit.admin.advance('PT4M'); // retry 2: up

      const logged = (await kit.outbox()).filter((e) => e.storeId === kit.storeId);
      expect(logged.map((e) => [e.status, e.attempts.length])).toEqual(logged.map(() => ['DELIVERED', 3]));
      for (const e of logged) {
        expect(e.attempts.map((a) => a.ok)).toEqual([false, false, true]);
        expect(e.attempts[0]!.error).toMatch(/NETWORK: .*ECONNREFUSED/);
      }
      // The receiver got each event exactly once, byte for byte as logged, verified by the SDK.
      const got = receiver.at(kit.path);
      expect(got).toHaveLength(6);
      expect(got.map((d) => d.webhookId).sort()).toEqual(logged.map((e) => e.msgId ?? e.eventId).sort());
      for (const d of got) {
        const entry = logged.find((e) => (e.msgId ?? e.eventId) === d.webhookId)!;
        expect(d.body).toBe(entry.body);
        expect(d.rejections).toEqual([]);
      }
      for (const id of ids) {
        for (const w of await webhooksOf(kit, id)) {
          expect(w).toMatchObject({ status: 'SUCCEEDED', currentExecutionCount: 3, maxExecutionCount: 6, response: { code: '200' } });
        }
      }
      expect((await kit.admin.get('/sandbox/webhook/deliveries')).items).toHaveLength(6);
    } finally {
      await receiver.start();
    }
  });
});

describe('the per-attempt timeout (PortOne: 30 s; configurable for tests)', () => {
  it('gives up on a receiver that never answers, logs it as an unexpected error and retries', async () => {
    const kit = await storeKit(sandbox, receiver, 'hang');
    receiver.answer(kit.path, (_d, nth) => (nth === 1 ? 'hang' : 200));
    const id = newPaymentId();
    const started = performance.now();
    await kit.payCard(id);
    await sandbox.webhooks.idle();
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    const [event] = await kit.outbox(id);
    expect(event).toMatchObject({ status: 'RETRYING' });
    expect(event!.attempts[0]).toMatchObject({ ok: false, error: expect.stringContaining('TIMEOUT') });
    expect(event!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect((await webhooksOf(kit, id))[0]).toMatchObject({ status: 'FAILED_UNEXPECTED_ERROR', currentExecutionCount: 1 });

    await kit.admin.advance('PT1M');
    expect((await webhooksOf(kit, id))[0]).toMatchObject({ status: 'SUCCEEDED', currentExecutionCount: 2 });
    expect(receiver.at(kit.path)).toHaveLength(2);
  });
});

describe('a dispatcher that dies between commit and send', () => {
  it('delivers after restart: committed events and pending retry timers are recovered from the table', async () => {
    // A runtime whose process "dies" right after each commit: nothing dispatches in-process.
    const crashed = await startWebhookSandbox({ webhooks: { worker: false, dispatch: { random: () => 1, timeoutMs: TIMEOUT_MS } } });
    let restarted: WebhookSandbox | undefined;
    try {
      const kit = await storeKit(crashed, receiver, 'crash');
      const unsent = newPaymentId();
      await kit.payCard(unsent);
      const retrying = newPaymentId();
      await kit.payCard(retrying);
      // Give the second one a failed first attempt and a retry timer before the crash.
      receiver.answer(kit.path, () => 503);
      const [entry] = await kit.outbox(retrying);
      await dispatchEvent(crashed.services, { storeId: kit.storeId, paymentId: retrying, eventId: entry!.eventId });
      expect(await kit.outbox(retrying)).toEqual([expect.objectContaining({ status: 'RETRYING' })]);
      expect(await kit.outbox(unsent)).toEqual([expect.objectContaining({ status: 'PENDING', attempts: [] })]);
      expect(receiver.at(kit.path)).toHaveLength(1);
      await crashed.close();

      receiver.answer(kit.path, undefined);
      restarted = await startWebhookSandbox({ tableName: crashed.tableName, webhooks: { dispatch: { random: () => 1, timeoutMs: TIMEOUT_MS } } });
      expect(restarted.webhooks.recovered).toEqual({ events: 1, timers: 1 });
      // The retry timer has its schedule again (the local Scheduler keeps schedules in memory only).
      const retryTimer = (await restarted.services.repo.listPendingTimers(kit.storeId, { limit: 100 })).items.find((t) => t.kind === 'webhook-delivery')!;
      expect(restarted.scheduler.list().map((s) => s.name)).toContain(retryTimer.scheduleName);

      await restarted.webhooks.idle();
      expect(await restarted.services.repo.listOutbox(kit.storeId, unsent)).toEqual([
        expect.objectContaining({ status: 'DELIVERED', attempts: [expect.objectContaining({ ok: true })] }),
      ]);
      const admin = sandboxAdmin(restarted.url, kit.seeded.apiSecret);
      await admin.advance('PT1M');
      expect(await restarted.services.repo.listOutbox(kit.storeId, retrying)).toEqual([
        expect.objectContaining({ status: 'DELIVERED', attempts: [expect.objectContaining({ ok: false }), expect.objectContaining({ ok: true })] }),
      ]);
      const got = receiver.at(kit.path);
      expect(got.map((d) => parse(d.body).data.paymentId).sort()).toEqual([retrying, retrying, unsent].sort());
      for (const d of got) expect(d.rejections).toEqual([]);
    } finally {
      await crashed.close().catch(() => undefined);
      await restarted?.close();
    }
  });

  it('SIGKILLed while the receiver holds the request: delivered again after restart (a duplicate, never a loss)', async () => {
    const tableName = `t-kill-${Date.now()}`;
    // Seed the table (and the store) from this process, then run the sandbox in a child process.
    const seeder = await startWebhookSandbox({ tableName, webhooks: { worker: false } });
    const kit = await storeKit(seeder, receiver, 'kill');
    await seeder.close();

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/runtime-process.ts', import.meta.url))], {
      env: { ...process.env, PG_SANDBOX_DYNAMO_ENDPOINT: inject('dynamoEndpoint'), PG_SANDBOX_TABLE: tableName, LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let restarted: WebhookSandbox | undefined;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /READY (\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`runtime process exited early (${code})`)));
      });
      receiver.answer(kit.path, (_d, nth) => (nth === 1 ? 'hang' : 200));
      const id = newPaymentId();
      const sdk = PaymentClient({ secret: kit.seeded.apiSecret, baseUrl: url });
      await sdk.payInstantly({
        paymentId: id,
        channelKey: seededChannelKey('KCP_V2'),
        orderName: 'kill -9',
        amount: { total: 1_000 },
        currency: 'KRW',
        method: cardMethod(card('SHINHAN_CARD')),
      });
      // The request is at the receiver, unanswered: the sender dies now.
      const [first] = await receiver.waitFor(kit.path, 1);
      child.kill('SIGKILL');
      await once(child, 'exit');

      restarted = await startWebhookSandbox({ tableName });
      expect(restarted.webhooks.recovered.events).toBe(1);
      await restarted.webhooks.idle();
      const got = await receiver.waitFor(kit.path, 2);
      expect(got[1]!.webhookId).toBe(first!.webhookId);
      expect(got[1]!.body).toBe(first!.body);
      for (const d of got) expect(d.rejections).toEqual([]);
      // The attempt the dead process made was never recorded; the one after restart is.
      expect(await restarted.services.repo.listOutbox(kit.storeId, id)).toEqual([
        expect.objectContaining({ status: 'DELIVERED', attempts: [expect.objectContaining({ ok: true, status: 200 })] }),
      ]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      receiver.answer(kit.path, undefined);
      await restarted?.close();
    }
  });
});
