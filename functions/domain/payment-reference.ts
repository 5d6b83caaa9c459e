/**
 * An id that PortOne or the PG gave a payment, by which a PG-specific operation finds it:
 * KakaoPay's order inquiry takes the PG's `tid` (our `pgTxId`), Paymentwall's delivery
 * registration takes PortOne's `transactionId`. Payments are keyed by `paymentId`, so these are
 * kept as separate entries for the PGs whose operations need them.
 */
export interface PaymentReference {
  kind: 'PG_TX_ID' | 'TRANSACTION_ID';
  value: string;
}
