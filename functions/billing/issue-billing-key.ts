import { randomUUID } from 'node:crypto';
import type { BillingKeyRecord } from '../domain/billing-key.ts';
import { decideIssuance } from '../domain/billing-rules.ts';
import { isExpired, lookupTestCard } from '../domain/cards.ts';
import { invalidRequest, pgProviderError } from '../domain/errors.ts';
import { billingOf } from '../domain/profiles/billing.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { loadChannel, presentCard } from '../payments/approve.ts';
import { newPgTxId } from '../payments/ids.ts';
import { channelRef } from '../payments/ready-payment.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { billingKeyEvent } from './webhook.ts';

export interface IssueBillingKeyInput {
  storeId: string;
  channelKey: string;
  /** Card credentials (issueBillingKey); absent for an easy-pay wallet key issued in its window. */
  card?: { number: string; expiryYear: string; expiryMonth: string };
  customer?: Record<string, unknown>;
  customData?: string;
  noticeUrls?: string[];
  skipWebhook?: boolean;
  platformType: BillingKeyRecord['platformType'];
}

/**
 * Issues a billing key on a test channel: refused (502 PG_PROVIDER, nothing stored) where the PG's
 * test channel issues none, where it issues them only in its own window, or for an expired card.
 * A card the PG would decline later (balance, KB for 비인증) still gets a key: the refusal comes
 * with the payment, as at the PG. Danal's 10원 issuance charge is recorded on the PG side only.
 */
export async function issueBillingKey(services: Services, input: IssueBillingKeyInput): Promise<BillingKeyRecord> {
  const [store, channel] = await Promise.all([loadStore(services, input.storeId), loadChannel(services, input.storeId, input.channelKey)]);
  const profile = getProfile(channel.pgProvider);
  if (!profile) throw invalidRequest(`channel ${channel.channelKey} uses an unsupported PG (${channel.pgProvider})`);
  const billing = billingOf(profile);
  const now = storeNow(services, store);
  let card;
  if (input.card) {
    const found = lookupTestCard(input.card.number);
    if (!found.ok) throw invalidRequest(`method.card.credential.number: ${found.message}`);
    card = found.card;
  }
  const refused = decideIssuance(profile, billing, {
    fromCardNumber: input.platformType === 'API',
    card,
    cardExpired: input.card !== undefined && isExpired(input.card.expiryYear, input.card.expiryMonth, now),
  });
  if (refused) throw pgProviderError(refused.pgCode, refused.pgMessage);

  const nowIso = now.toISOString();
  const charge = billing.issuanceCharge.value;
  const ref = channelRef(channel);
  const key: BillingKeyRecord = {
    storeId: store.storeId,
    merchantId: store.merchantId,
    billingKey: `billing-key-${randomUUID()}`,
    status: 'ISSUED',
    // A billing key lives on the PG's billing MID where one is published (e.g. KCP A52LD).
    channel: { ...ref, pgMerchantId: billing.merchantId.value ?? ref.pgMerchantId },
    card: card && input.card ? presentCard(card, input.card.number) : {},
    cardNumber: card?.number ?? '',
    cardExpiry: { year: input.card?.expiryYear ?? '', month: input.card?.expiryMonth ?? '' },
    methodKind: card ? 'CARD' : 'EASY_PAY',
    customer: input.customer ?? {},
    customData: input.customData,
    noticeUrls: input.noticeUrls,
    platformType: input.platformType,
    pgTxId: newPgTxId(channel.pgProvider),
    requestedAt: nowIso,
    issuedAt: nowIso,
    ...(charge ? { pgIssuanceCharge: { amount: charge.amount, chargedAt: nowIso, voidsAt: new Date(now.getTime() + charge.voidAfterMinutes * 60_000).toISOString() } } : {}),
    version: 0,
  };
  const outbox = input.skipWebhook ? [] : billingKeyEvent(store, key, 'BillingKey.Issued', now);
  await services.repo.commitBillingKey(key, null, outbox);
  if (outbox.length) services.onOutboxCommitted?.(outbox.map(({ storeId, paymentId, eventId }) => ({ storeId, paymentId, eventId })));
  return key;
}
