/**
 * A dispute (분쟁: a chargeback or other objection the card company or customer raises with the PG
 * after a payment), in PortOne's shape: `Dispute` on a `PaidPayment`, announced by
 * `Transaction.DisputeCreated` and `Transaction.DisputeResolved`. PortOne's record says only that it
 * exists and when it was resolved, not who won, so neither does the sandbox (docs/disputes.md).
 */
export interface Dispute {
  status: 'UNRESOLVED' | 'RESOLVED';
  /** The PG's id of the dispute; the sandbox's handle for resolving it, unique per payment. */
  pgDisputeId: string;
  reason: string;
  createdAt: string;
  resolvedAt?: string;
}

/** Disputes one payment may carry (a bound on the payment item's size, domain/limits.ts). */
export const MAX_DISPUTES = 10;
export const DISPUTE_REASON_CHARS = 200;
