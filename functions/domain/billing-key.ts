/**
 * A billing key (빌링키): PortOne's token for a customer's card, issued once (issueBillingKey or the
 * browser's requestIssueBillingKey) and charged later without the customer (정기결제 / 비인증 결제,
 * payments without card authentication). The sandbox keeps the test card's number so every later
 * charge runs through the same PG rules as a card payment; PortOne never shows it.
 */
import type { ChannelRef } from './payment.ts';

export type BillingKeyStatus = 'ISSUED' | 'DELETED';

export interface BillingKeyRecord {
  storeId: string;
  merchantId: string;
  billingKey: string;
  status: BillingKeyStatus;
  channel: ChannelRef;
  /** PortOne's `Card` (publisher, issuer, brand, masked number …) as getBillingKeyInfo shows it. */
  card: Record<string, unknown>;
  /** The test card number (never shown): each charge looks the card up again. */
  cardNumber: string;
  cardExpiry: { year: string; month: string };
  customer: Record<string, unknown>;
  customData?: string;
  noticeUrls?: string[];
  /** Where it was issued from: the API, or a browser window (PC / MOBILE). */
  platformType: 'API' | 'PC' | 'MOBILE';
  pgTxId: string;
  requestedAt: string;
  issuedAt: string;
  deletedAt?: string;
  deleteReason?: string;
  deleteRequester?: 'CUSTOMER' | 'ADMIN';
  /** The key's method: a card (general PGs) or an easy-pay wallet (keys issued in KakaoPay's or PAYCO's window). */
  methodKind: 'CARD' | 'EASY_PAY';
  /** The PG's side: a charge made on issuance and given back by the PG by itself (Danal: 10원, ~30 min). PortOne is not told. */
  pgIssuanceCharge?: { amount: number; chargedAt: string; voidsAt: string };
  /** Moves on with every write, including each schedule created on the key (see ports/billing-repository.ts). */
  version: number;
}
