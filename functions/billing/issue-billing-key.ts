import { randomUUID } from 'node:crypto';
import type { BillingKeyRecord } from '../domain/billing-key.ts';
import { decideIssuance, type BillingRefusal } from '../domain/billing-rules.ts';
import { isExpired, lookupTestCard } from '../domain/cards.ts';
import { invalidRequest, pgProviderError } from '../domain/errors.ts';
import type { ChannelRecord } from '../domain/store.ts';
import { billingOf } from '../domain/profiles/billing.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { loadChannel, presentCard } from '../payments/approve.ts';
import { newPgTxId } from '../payments/ids.ts';
import { channelRef } from '../payments/ready-payment.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { saveBillingKey } from './save-billing-key.ts';
import { billingKeyEvent } from './webhook.ts';

export interface CardCredential {
  number: string;
  expiryYear: string;
  expiryMonth: string;
}

export interface IssueBillingKeyInput {
  storeId: string;
  channelKey: string;
  /** Card credentials (issueBillingKey); absent for an easy-pay wallet key issued in its window. */
  card?: CardCredential;
  customer?: Record<string, unknown>;
  customData?: string;
  noticeUrls?: string[];
  skipWebhook?: boolean;
  platformType: BillingKeyRecord['platformType'];
}

/** The fields the PG's answer fills in on an issued key. */
export type IssuedFields = Pick<BillingKeyRecord, 'channel' | 'card' | 'cardNumber' | 'cardExpiry' | 'methodKind' | 'pgTxId' | 'issuedAt' | 'pgIssuanceCharge'>;

/**
 * What the PG's test channel answers when asked for a key: refused where it issues none, where it
 * issues them only in its own window (`fromCardNumber`), or for an expired card. A card the PG would
 * decline later (balance, KB for 비인증) still gets a key: the refusal comes with the payment, as at
 * the PG. Danal's 10원 issuance charge is recorded on the PG side only. The API and the browser
 * window both ask here.
 */
export function askPgToIssue(
  channel: ChannelRecord,
  card: CardCredential | undefined,
  opts: { fromCardNumber: boolean; now: Date },
): { ok: true; fields: IssuedFields } | { ok: false; refusal: BillingRefusal } {
  const profile = getProfile(channel.pgProvider);
  if (!profile) throw invalidRequest(`channel ${channel.channelKey} uses an unsupported PG (${channel.pgProvider})`);
  const billing = billingOf(profile);
  let testCard;
  if (card) {
    const found = lookupTestCard(card.number);
    if (!found.ok) throw invalidRequest(`method.card.credential.number: ${found.message}`);
    testCard = found.card;
  }
  const refusal = decideIssuance(profile, billing, {
    fromCardNumber: opts.fromCardNumber,
    card: testCard,
    cardExpired: card !== undefined && isExpired(card.expiryYear, card.expiryMonth, opts.now),
  });
  if (refusal) return { ok: false, refusal };
  const nowIso = opts.now.toISOString();
  const charge = billing.issuanceCharge.value;
  const ref = channelRef(channel);
  return {
    ok: true,
    fields: {
      // A billing key lives on the PG's billing MID where one is published (e.g. KCP A52LD).
      channel: { ...ref, pgMerchantId: billing.merchantId.value ?? ref.pgMerchantId },
      card: testCard && card ? presentCard(testCard, card.number) : {},
      cardNumber: testCard?.number ?? '',
      cardExpiry: { year: card?.expiryYear ?? '', month: card?.expiryMonth ?? '' },
      // Without a card the key is the PG's own wallet: PayPal's for the PG whose wallet is PayPal.
      methodKind: testCard ? 'CARD' : profile.directEasyPayProvider === 'PAYPAL' ? 'PAYPAL' : 'EASY_PAY',
      pgTxId: newPgTxId(channel.pgProvider),
      issuedAt: nowIso,
      ...(charge ? { pgIssuanceCharge: { amount: charge.amount, chargedAt: nowIso, voidsAt: new Date(opts.now.getTime() + charge.voidAfterMinutes * 60_000).toISOString() } } : {}),
    },
  };
}

/** issueBillingKey (POST /billing-keys): refused with 502 PG_PROVIDER and nothing stored when the PG refuses. */
export async function issueBillingKey(services: Services, input: IssueBillingKeyInput): Promise<BillingKeyRecord> {
  const [store, channel] = await Promise.all([loadStore(services, input.storeId), loadChannel(services, input.storeId, input.channelKey)]);
  const now = storeNow(services, store);
  const answer = askPgToIssue(channel, input.card, { fromCardNumber: input.platformType === 'API', now });
  if (!answer.ok) throw pgProviderError(answer.refusal.pgCode, answer.refusal.pgMessage);
  const key: BillingKeyRecord = {
    storeId: store.storeId,
    merchantId: store.merchantId,
    billingKey: newBillingKeyId(),
    status: 'ISSUED',
    ...answer.fields,
    customer: input.customer ?? {},
    customData: input.customData,
    noticeUrls: input.noticeUrls,
    platformType: input.platformType,
    requestedAt: now.toISOString(),
    version: 0,
  };
  const outbox = input.skipWebhook ? [] : billingKeyEvent(store, key, 'BillingKey.Issued', now);
  await saveBillingKey(services, key, null, outbox);
  return key;
}

export const newBillingKeyId = () => `billing-key-${randomUUID()}`;
