/**
 * Escrow (에스크로): a buyer-protection payment (browser SDK and payInstantly `isEscrow`). The PG
 * holds the money until the merchant registers the shipment (applyEscrowLogistics) and the buyer,
 * or the merchant on the buyer's behalf, confirms the purchase (confirmEscrow, 구매 확정). The buyer
 * may instead reject it in the PG's window (구매 거절, REJECTED); the merchant then accepts the
 * rejection at the PG (구매 거절 확정, REJECT_CONFIRMED) and refunds with cancelPayment.
 */

/** What the merchant registered about the shipment (PortOne's `PaymentLogistics` and parties). */
export interface EscrowShipment {
  company: string;
  invoiceNumber: string;
  sentAt: string;
  receivedAt?: string;
  address?: unknown;
  sender?: unknown;
  receiver?: unknown;
  products?: unknown[];
}

/** The escrow of a payment once its shipment is registered; before that PortOne says BEFORE_REGISTERED. */
export interface EscrowRecord extends EscrowShipment {
  /**
   * REGISTERED, DELIVERED (a `receivedAt` was registered), CONFIRMED (구매 확정), REJECTED (the
   * buyer's 구매 거절) or REJECT_CONFIRMED (the merchant accepted the rejection).
   */
  status: 'REGISTERED' | 'DELIVERED' | 'CONFIRMED' | 'REJECTED' | 'REJECT_CONFIRMED';
  appliedAt: string;
  modifiedAt?: string;
  confirmedAt?: string;
  rejectedAt?: string;
  rejectConfirmedAt?: string;
}

/** A shipment the buyer has not decided on yet: only then can they confirm or reject the purchase. */
export const awaitsBuyer = (escrow: EscrowRecord | undefined): escrow is EscrowRecord => escrow?.status === 'REGISTERED' || escrow?.status === 'DELIVERED';

/**
 * PGs whose test channels take escrow payments. **Assumed:** escrow is a service of the general
 * (종합) PGs for cards, transfers and virtual accounts; easy-pay-only PGs and overseas PGs have
 * none. PortOne does not publish a per-PG list for test mode.
 */
export const ESCROW_PG_PROVIDERS: ReadonlySet<string> = new Set(['INICIS_V2', 'KCP_V2', 'NICE_V2', 'KICC_V2', 'TOSSPAYMENTS', 'SMARTRO_V2', 'DAOU', 'KSNET', 'WELCOME']);
