import { randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import { invalidRequest } from '../domain/errors.ts';
import { DEFAULT_ISSUER, TEST_CARDS, type TestCard } from '../domain/cards.ts';
import type { ChannelRecord, StoreRecord } from '../domain/store.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { decideApproval } from '../domain/pg-rules.ts';
import type { Services } from '../services.ts';
import { loadStore } from '../stores/load-store.ts';
import { storeNow } from '../stores/clock.ts';
import { deliverWebhook } from '../webhooks/deliver.ts';
import { buildWebhookBody, type WebhookEventInput } from '../webhooks/event.ts';
import { assertWebhookUrls, newEventId } from '../webhooks/outbox.ts';
import { ensureWebhookSecret } from '../webhooks/settings.ts';
import { isValidWebhookSecret, signWebhook, signWithStaleTimestamp, signWithWrongKey, type WebhookHeaders } from '../webhooks/signing.ts';
import { approvePayment } from '../payments/approve.ts';
import { cancelPayment } from '../payments/cancel-payment.ts';
import { judgeCheck, PROBE_CHECKS, type ProbeCheckId, type ProbeCheckResult, type ProbeDelivery, type ReprocessingEvidence } from './checks.ts';
import { PROBE_PAYMENT_PREFIX } from './probe-payments.ts';

/** Bounds of one probe run; the api Lambda answers within 29 s, so three sequential steps of the slowest timeout fit. */
export const PROBE_LIMITS = {
  timeoutMs: { default: 5_000, min: 100, max: 8_000 },
  /** How long to watch for the getPayment a receiver makes after answering (asynchronous processing). */
  settleMs: { default: 500, min: 0, max: 3_000 },
} as const;

export interface ProbeRequest {
  /** The receiver under test. */
  url: string;
  /** The secret it verifies with; the store's first webhook secret when absent. */
  secret?: string;
  timeoutMs?: number;
  settleMs?: number;
}

export interface ProbeReport {
  url: string;
  timeoutMs: number;
  startedAt: string;
  finishedAt: string;
  passed: number;
  total: number;
  /** Every check passed: what a CI job gates on. */
  ok: boolean;
  /** The slowest answer the receiver gave to any delivery. */
  slowestMs: number;
  /** The real sandbox payments the events refer to (a receiver may call getPayment for them). */
  payments: { paid: string; cancelled: string };
  checks: ProbeCheckResult[];
}

/**
 * Scores a merchant's webhook receiver: makes two real payments in the store (one paid, one
 * paid then cancelled; their own webhooks are not sent), then sends the receiver the battery of
 * checks.ts (signed as PortOne signs, or deliberately not) and judges its answers. Checks that
 * depend on order run in sequence, the others beside them, so a run takes about three timeouts
 * at worst.
 */
export async function runProbe(services: Services, storeId: string, req: ProbeRequest): Promise<ProbeReport> {
  const timeoutMs = req.timeoutMs ?? PROBE_LIMITS.timeoutMs.default;
  const settleMs = req.settleMs ?? PROBE_LIMITS.settleMs.default;
  assertWebhookUrls([req.url], 'url', { allowLoopback: services.allowLoopbackWebhooks });
  if (req.secret !== undefined && !isValidWebhookSecret(req.secret)) throw invalidRequest('secret: a webhook secret is `whsec_` followed by base64');
  const store = await ensureWebhookSecret(services, await loadStore(services, storeId));
  const secret = req.secret ?? store.webhook.secrets[0]!.secret;
  const startedAt = new Date(services.wallNow());

  const payments = await makePayments(services, store);
  const send = (type: string, body: string, headers: WebhookHeaders | Record<string, never>): Promise<ProbeDelivery> =>
    deliverWebhook({ url: req.url, body, headers, timeoutMs, urlGuard: { allowLoopback: services.allowLoopbackWebhooks } }).then((r) => ({
      webhookId: 'webhook-id' in headers ? headers['webhook-id'] : null,
      type,
      status: r.status,
      ...(r.error ? { error: r.error } : {}),
      ...(r.errorMessage ? { errorMessage: r.errorMessage } : {}),
      durationMs: r.durationMs,
    }));
  const signNow = (msgId: string, body: string) => signWebhook({ msgId, timestamp: new Date(services.wallNow()), body, secrets: [secret] });
  const eventAt = storeNow(services, store);
  const body = (input: Omit<WebhookEventInput, 'timestamp' | 'storeId'>) => buildWebhookBody({ ...input, timestamp: eventAt, storeId });
  const paidBody = body({ type: 'Transaction.Paid', paymentId: payments.paid.paymentId, transactionId: payments.paid.transactionId });
  const otherPaidBody = body({ type: 'Transaction.Paid', paymentId: payments.cancelled.paymentId, transactionId: payments.cancelled.transactionId });
  const reads = () => services.repo.countProbeReads(storeId, payments.paid.paymentId);

  /** valid → duplicate (the same bytes again) → retry (same id, signed afresh), watching the API for reprocessing. */
  const repeats = async (): Promise<[ProbeDelivery[], ProbeDelivery[], ProbeDelivery[], ReprocessingEvidence, ReprocessingEvidence]> => {
    const msgId = newEventId();
    const before = await reads();
    const headers = signNow(msgId, paidBody);
    const first = await send('Transaction.Paid', paidBody, headers);
    const afterFirst = await watchReads(reads, before, settleMs, true);
    const duplicate = await send('Transaction.Paid (duplicate)', paidBody, headers);
    const afterDuplicate = await watchReads(reads, afterFirst, settleMs, false);
    const retry = await send('Transaction.Paid (retry)', paidBody, signNow(msgId, paidBody));
    const afterRetry = await watchReads(reads, afterDuplicate, settleMs, false);
    const readsAfterFirst = afterFirst - before;
    return [
      [first],
      [duplicate],
      [retry],
      { readsAfterFirst, readsAfterRepeat: afterDuplicate - afterFirst },
      { readsAfterFirst, readsAfterRepeat: afterRetry - afterDuplicate },
    ];
  };

  /** The cancellation arrives before the payment it cancels. */
  const outOfOrder = async (): Promise<ProbeDelivery[]> => {
    const cancelledBody = body({
      type: 'Transaction.Cancelled',
      paymentId: payments.cancelled.paymentId,
      transactionId: payments.cancelled.transactionId,
      cancellationId: payments.cancelled.cancellationId,
    });
    const cancelled = await send('Transaction.Cancelled', cancelledBody, signNow(newEventId(), cancelledBody));
    const paid = await send('Transaction.Paid', otherPaidBody, signNow(newEventId(), otherPaidBody));
    return [cancelled, paid];
  };

  const single = async (id: ProbeCheckId): Promise<ProbeDelivery[]> => {
    const msgId = newEventId();
    const now = new Date(services.wallNow());
    switch (id) {
      case 'unknown-type': {
        // A type PortOne may add tomorrow: receivers must ignore it, not fail (PortOne would retry it for days).
        const unknown = JSON.stringify({ type: 'Sandbox.ProbeUnknownEvent', timestamp: eventAt.toISOString(), data: { storeId } });
        return [await send('Sandbox.ProbeUnknownEvent', unknown, signNow(msgId, unknown))];
      }
      case 'unknown-fields': {
        const parsed = JSON.parse(otherPaidBody) as Record<string, unknown> & { data: Record<string, unknown> };
        const extended = JSON.stringify({ ...parsed, sandboxProbeNote: 'a field this receiver does not know', data: { ...parsed.data, sandboxProbeExtra: { nested: [1, 2] } } });
        return [await send('Transaction.Paid (extra fields)', extended, signNow(msgId, extended))];
      }
      case 'forged-signature':
        return [await send('Transaction.Paid (wrong key)', otherPaidBody, signWithWrongKey({ msgId, timestamp: now, body: otherPaidBody }))];
      case 'tampered-body': {
        const tampered = otherPaidBody.replace(payments.cancelled.transactionId, `${payments.cancelled.transactionId}-tampered`);
        return [await send('Transaction.Paid (body changed after signing)', tampered, signNow(msgId, otherPaidBody))];
      }
      case 'stale-timestamp':
        return [await send('Transaction.Paid (signed 10 min ago)', otherPaidBody, signWithStaleTimestamp({ msgId, body: otherPaidBody, secrets: [secret], now }))];
      case 'missing-signature':
        return [await send('Transaction.Paid (no webhook-* headers)', otherPaidBody, {})];
      default:
        throw new Error(`probe: ${id} is not a single-delivery check`);
    }
  };

  const singles: ProbeCheckId[] = ['unknown-type', 'unknown-fields', 'forged-signature', 'tampered-body', 'stale-timestamp', 'missing-signature'];
  const [[valid, duplicate, retry, duplicateEvidence, retryEvidence], reordered, ...singleDeliveries] = await Promise.all([
    repeats(),
    outOfOrder(),
    ...singles.map(single),
  ]);
  const delivered = new Map<ProbeCheckId, ProbeDelivery[]>([
    ['valid', valid],
    ['duplicate', duplicate],
    ['retry', retry],
    ['out-of-order', reordered],
    ...singles.map((id, i) => [id, singleDeliveries[i]!] as const),
  ]);
  const evidence: Partial<Record<ProbeCheckId, ReprocessingEvidence>> = { duplicate: duplicateEvidence, retry: retryEvidence };
  const checks = PROBE_CHECKS.map((spec) => judgeCheck(spec, delivered.get(spec.id)!, evidence[spec.id]));
  const passed = checks.filter((c) => c.passed).length;
  return {
    url: req.url,
    timeoutMs,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(services.wallNow()).toISOString(),
    passed,
    total: checks.length,
    ok: passed === checks.length,
    slowestMs: Math.max(...checks.flatMap((c) => c.deliveries.map((d) => d.durationMs))),
    payments: { paid: payments.paid.paymentId, cancelled: payments.cancelled.paymentId },
    checks,
  };
}

/**
 * The probe payment's read count once the receiver has had `settleMs` to act on a delivery.
 * Waiting for a first read stops as soon as one is seen; waiting for a repeat's read must use
 * the whole window, since seeing none is the expected outcome.
 */
async function watchReads(read: () => Promise<number>, from: number, settleMs: number, stopOnRead: boolean): Promise<number> {
  const until = performance.now() + settleMs;
  let seen = await read();
  while (performance.now() < until && !(stopOnRead && seen > from)) {
    await wait(Math.min(50, Math.max(0, until - performance.now())));
    seen = await read();
  }
  return seen;
}

interface ProbePayments {
  paid: { paymentId: string; transactionId: string };
  cancelled: { paymentId: string; transactionId: string; cancellationId: string };
}

/** Two real card payments on a channel whose PG approves a plain test card; `noticeUrls: []` keeps their own webhooks from being sent. */
async function makePayments(services: Services, store: StoreRecord): Promise<ProbePayments> {
  const card = TEST_CARDS.find((c) => c.issuer === DEFAULT_ISSUER && c.type === 'CREDIT' && !c.decline && !c.published)!;
  const channel = approvingChannel(await services.repo.listChannels(store.storeId), card);
  const run = randomUUID().slice(0, 8);
  const pay = (paymentId: string) =>
    approvePayment(services, {
      storeId: store.storeId,
      paymentId,
      channelKey: channel.channelKey,
      orderName: 'pg-sandbox webhook probe',
      currency: 'KRW',
      amount: { total: 1000 },
      noticeUrls: [],
      origin: { platformType: 'API', ipAddress: '127.0.0.1' },
      method: { kind: 'CARD', credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } },
    });
  const [paid, toCancel] = await Promise.all([pay(`${PROBE_PAYMENT_PREFIX}${run}-paid`), pay(`${PROBE_PAYMENT_PREFIX}${run}-cancelled`)]);
  const cancellation = await cancelPayment(services, store.storeId, toCancel.paymentId, { reason: 'pg-sandbox webhook probe', skipWebhook: true });
  return {
    paid: { paymentId: paid.paymentId, transactionId: paid.transactionId },
    cancelled: { paymentId: toCancel.paymentId, transactionId: toCancel.transactionId, cancellationId: cancellation.id },
  };
}

function approvingChannel(channels: ChannelRecord[], card: TestCard): ChannelRecord {
  const found = channels.find((channel) => {
    const profile = getProfile(channel.pgProvider);
    return profile !== undefined && decideApproval(profile, { method: 'CARD', card, amount: 1000 }).outcome === 'APPROVED';
  });
  if (!found) throw invalidRequest('the store has no channel whose PG approves a test card payment; add one (POST /sandbox/channels) to run the probe');
  return found;
}
