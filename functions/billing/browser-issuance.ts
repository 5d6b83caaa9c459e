import type { BillingKeyRecord } from '../domain/billing-key.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { ChannelRecord, StoreRecord } from '../domain/store.ts';
import { loadChannel } from '../payments/approve.ts';
import { channelRef } from '../payments/ready-payment.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { askPgToIssue, newBillingKeyId, type CardCredential } from './issue-billing-key.ts';
import { saveBillingKey } from './save-billing-key.ts';
import { billingKeyEvent } from './webhook.ts';

/**
 * A billing key issued in the browser (PortOne.requestIssueBillingKey / requestIssueBillingKeyAndPay):
 *
 *   READY (window open, `BillingKey.Ready`) → ISSUED (`BillingKey.Issued`) or FAILED (`BillingKey.Failed`)
 *   READY → PENDING (manual confirm: the card is in, the PG is asked at confirmBillingKey) → ISSUED / FAILED
 *
 * Each step is a conditional write from the state it read, so a double submit, a close racing a
 * submit, or two confirms settle the key once; the loser reads the winner's outcome.
 */

export interface OpenIssuanceInput {
  store: StoreRecord;
  channel: ChannelRecord;
  customer: Record<string, unknown>;
  customData?: string;
  noticeUrls?: string[];
  platformType: 'PC' | 'MOBILE';
  issueId?: string;
  issueName?: string;
  /** requestIssueBillingKeyAndPay: the payment the key makes once issued. */
  firstPayment?: BillingKeyRecord['firstPayment'];
}

export async function openIssuance(services: Services, input: OpenIssuanceInput): Promise<BillingKeyRecord> {
  const now = storeNow(services, input.store);
  const ref = channelRef(input.channel);
  const key: BillingKeyRecord = {
    storeId: input.store.storeId,
    merchantId: input.store.merchantId,
    billingKey: newBillingKeyId(),
    status: 'READY',
    channel: ref,
    card: {},
    cardNumber: '',
    cardExpiry: { year: '', month: '' },
    methodKind: 'CARD',
    customer: input.customer,
    customData: input.customData,
    noticeUrls: input.noticeUrls,
    platformType: input.platformType,
    pgTxId: '',
    requestedAt: now.toISOString(),
    ...(input.issueId !== undefined ? { issueId: input.issueId } : {}),
    ...(input.issueName !== undefined ? { issueName: input.issueName } : {}),
    ...(input.firstPayment !== undefined ? { firstPayment: input.firstPayment } : {}),
    version: 0,
  };
  await saveBillingKey(services, key, null, billingKeyEvent(input.store, key, 'BillingKey.Ready', now));
  return key;
}

type Step = (key: BillingKeyRecord, store: StoreRecord, now: Date) => Promise<{ next: BillingKeyRecord; outbox: OutboxEvent[] }>;

/** Moves the key on from `from` by `step`; a key no longer in `from` is answered as it stands. */
async function advance(
  services: Services,
  storeId: string,
  billingKey: string,
  from: readonly BillingKeyRecord['status'][],
  step: Step,
): Promise<BillingKeyRecord | undefined> {
  return retryOnConflict<BillingKeyRecord | undefined, BillingKeyRecord>(RETRY_LIMITS.billingKey, async ({ current }) => {
    const key = current ?? (await services.repo.getBillingKey(storeId, billingKey));
    if (!key || !from.includes(key.status)) return key;
    const store = await loadStore(services, storeId);
    const { next, outbox } = await step(key, store, storeNow(services, store));
    await saveBillingKey(services, next, key.version, outbox);
    return next;
  });
}

const failed = (key: BillingKeyRecord, store: StoreRecord, now: Date, failure: { pgCode: string; pgMessage: string }, skipWebhook = false) => {
  const next: BillingKeyRecord = { ...key, status: 'FAILED', failedAt: now.toISOString(), failure };
  return { next, outbox: skipWebhook ? [] : billingKeyEvent(store, next, 'BillingKey.Failed', now) };
};

/** Asks the key's PG to issue for `card`: ISSUED or FAILED, each with its webhook (unless skipped). */
function askPg(services: Services, card: CardCredential | undefined, skipWebhook = false): Step {
  return async (key, store, now) => {
    const channel = await loadChannel(services, key.storeId, key.channel.key);
    const answer = askPgToIssue(channel, card, { fromCardNumber: false, now });
    if (!answer.ok) return failed(key, store, now, { pgCode: answer.refusal.pgCode, pgMessage: answer.refusal.pgMessage }, skipWebhook);
    const next: BillingKeyRecord = { ...key, status: 'ISSUED', ...answer.fields };
    return { next, outbox: skipWebhook ? [] : billingKeyEvent(store, next, 'BillingKey.Issued', now) };
  };
}

/**
 * The customer submitted the window. Without manual confirm the PG answers now; with it the key
 * waits PENDING (card kept, no webhook) for confirmBillingKey. Undefined when the key is gone.
 */
export function submitIssuance(services: Services, storeId: string, billingKey: string, card: CardCredential | undefined, opts: { manualConfirm: boolean }) {
  if (!opts.manualConfirm) return advance(services, storeId, billingKey, ['READY'], askPg(services, card));
  return advance(services, storeId, billingKey, ['READY'], async (key) => ({
    next: { ...key, status: 'PENDING', cardNumber: card?.number ?? '', cardExpiry: { year: card?.expiryYear ?? '', month: card?.expiryMonth ?? '' } },
    outbox: [],
  }));
}

/** confirmBillingKey: a PENDING key is issued now (or refused by the PG), with the card entered in the window. */
export function confirmIssuance(services: Services, storeId: string, billingKey: string, opts: { skipWebhook?: boolean } = {}) {
  return advance(services, storeId, billingKey, ['PENDING'], (key, store, now) =>
    askPg(services, key.cardNumber ? { number: key.cardNumber, expiryYear: key.cardExpiry.year, expiryMonth: key.cardExpiry.month } : undefined, opts.skipWebhook)(key, store, now),
  );
}

/** The window ended without a key (the customer closed it, or it failed): FAILED with `BillingKey.Failed`. */
export function failIssuance(services: Services, storeId: string, billingKey: string, failure: { pgCode: string; pgMessage: string }) {
  return advance(services, storeId, billingKey, ['READY', 'PENDING'], async (key, store, now) => failed(key, store, now, failure));
}
