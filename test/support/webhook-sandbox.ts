/**
 * The real local runtime for webhook tests, with the dispatcher knobs tests need (short timeout,
 * fixed jitter, worker off to play a process that died after its commit), and a per-store kit:
 * the official SDK client, the admin API, and the store's webhook pointed at a receiver path.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../functions/local/runtime.ts';
import { seedStore, seededChannelKey, type SeededStore } from '../../functions/stores/seed.ts';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import { sandboxAdmin, type Json } from './admin.ts';
import { card, cardMethod } from './cards.ts';
import type { WebhookReceiver } from './webhook-receiver.ts';

export interface WebhookSandbox extends LocalRuntime {
  tableName: string;
}

export async function startWebhookSandbox(
  opts: { tableName?: string; webhooks?: LocalRuntimeOptions['webhooks'] } = {},
): Promise<WebhookSandbox> {
  const tableName = opts.tableName ?? `t-${randomUUID()}`;
  const runtime = await startLocalRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName,
    port: 0,
    autoFire: false,
    ...(opts.webhooks ? { webhooks: opts.webhooks } : {}),
  });
  return Object.assign(runtime, { tableName });
}

let seq = 0;
export const newPaymentId = (prefix = 'wh') => `${prefix}-${Date.now()}-${++seq}`;

export interface StoreKit {
  seeded: SeededStore;
  storeId: string;
  sdk: ReturnType<typeof PaymentClient>;
  admin: ReturnType<typeof sandboxAdmin>;
  /** The receiver path this store's webhook URL points at. */
  path: string;
  /** The store's active secrets after setup. */
  secrets: string[];
  payCard(paymentId: string, pg?: string, issuer?: string, extra?: Record<string, unknown>): Promise<Json>;
  issueVirtualAccount(paymentId: string, pg?: string): Promise<Json>;
  getPayment(paymentId: string): Promise<Json>;
  outbox(paymentId?: string): Promise<OutboxEvent[]>;
}

/** A fresh store whose webhook URL points at `receiver.url(path)`, trusted with its secret. */
export async function storeKit(sandbox: LocalRuntime, receiver: WebhookReceiver, name: string): Promise<StoreKit> {
  const seeded = await seedStore(sandbox.services);
  const admin = sandboxAdmin(sandbox.url, seeded.apiSecret);
  const path = `/${name}-${seeded.storeId.slice(-8)}`;
  const settings = (await admin.put('/sandbox/webhook', { url: receiver.url(path) })) as { secrets: { secret: string }[] };
  const secrets = settings.secrets.map((s) => s.secret);
  receiver.trust(path, secrets);
  const sdk = PaymentClient({ secret: seeded.apiSecret, baseUrl: sandbox.url });
  return {
    seeded,
    storeId: seeded.storeId,
    sdk,
    admin,
    path,
    secrets,
    payCard: (paymentId, pg = 'KCP_V2', issuer = 'SHINHAN_CARD', extra = {}) =>
      sdk.payInstantly({
        paymentId,
        channelKey: seededChannelKey(pg),
        orderName: '웹훅 테스트 주문',
        amount: { total: 10_000 },
        currency: 'KRW',
        method: cardMethod(card(issuer)),
        ...extra,
      }),
    issueVirtualAccount: (paymentId, pg = 'INICIS_V2') =>
      sdk.payInstantly({
        paymentId,
        channelKey: seededChannelKey(pg),
        orderName: '가상계좌 주문',
        amount: { total: 30_000 },
        currency: 'KRW',
        method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' } } },
      }),
    getPayment: (paymentId) => sdk.getPayment({ paymentId }) as Promise<Json>,
    outbox: async (paymentId) =>
      paymentId === undefined
        ? (await sandbox.services.repo.listRecentOutbox(seeded.storeId, { limit: 1000 })).items
        : sandbox.services.repo.listOutbox(seeded.storeId, paymentId),
  };
}

/** The rejection an SDK call ended with, as PortOne's `{type, message}`. */
export async function errorOf(p: Promise<unknown>): Promise<{ type: string; message?: string }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected the call to fail');
  return (err as { data: { type: string; message?: string } }).data;
}
