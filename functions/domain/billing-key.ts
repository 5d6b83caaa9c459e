/**
 * A billing key (빌링키): PortOne's token for a customer's card, issued once (issueBillingKey or the
 * browser's requestIssueBillingKey) and charged later without the customer (정기결제 / 비인증 결제,
 * payments without card authentication). The sandbox keeps the test card's number so every later
 * charge runs through the same PG rules as a card payment; PortOne never shows it.
 */
import type { ChannelRef } from './payment.ts';

/**
 * PortOne shows only ISSUED and DELETED keys (`BillingKeyInfo`). The others belong to the browser's
 * issuance window and stay invisible to the API (getBillingKeyInfo answers BILLING_KEY_NOT_FOUND):
 * READY (the window is open: `BillingKey.Ready`), PENDING (the card was entered, the merchant's
 * manual confirm, `confirmBillingKey`, is outstanding) and FAILED (refused or closed: `BillingKey.Failed`).
 */
export type BillingKeyStatus = 'READY' | 'PENDING' | 'FAILED' | 'ISSUED' | 'DELETED';

/** The statuses PortOne's API shows. */
export const isVisibleBillingKey = (k: Pick<BillingKeyRecord, 'status'>): boolean => k.status === 'ISSUED' || k.status === 'DELETED';

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
  /** Set when the key became ISSUED (absent while READY / PENDING, and on a FAILED one). */
  issuedAt?: string;
  failedAt?: string;
  /** Why a browser issuance failed (the PG's code and message, or the customer's close). */
  failure?: { pgCode: string; pgMessage: string };
  /** A browser issuance's own fields: the SDK's `issueId` / `issueName`, and the issue-and-pay payment it makes. */
  issueId?: string;
  issueName?: string;
  firstPayment?: { paymentId: string; orderName: string; amount: { total: number; taxFree?: number; vat?: number }; currency: string };
  deletedAt?: string;
  deleteReason?: string;
  deleteRequester?: 'CUSTOMER' | 'ADMIN';
  /** The key's method: a card (general PGs), an easy-pay wallet (keys issued in KakaoPay's or PAYCO's window) or PayPal (PAYPAL_RT). */
  methodKind: 'CARD' | 'EASY_PAY' | 'PAYPAL';
  /** The PG's side: a charge made on issuance and given back by the PG by itself (Danal: 10원, ~30 min). PortOne is not told. */
  pgIssuanceCharge?: { amount: number; chargedAt: string; voidsAt: string };
  /** Moves on with every write, including each schedule created on the key (see ports/billing-repository.ts). */
  version: number;
}
