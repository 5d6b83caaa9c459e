import type { BillingKeyRecord } from '../domain/billing-key.ts';

/** PortOne's `BillingKeyInfo` (Issued or Deleted): what getBillingKeyInfo shows. The card number never leaves. */
export function presentBillingKey(k: BillingKeyRecord): Record<string, unknown> {
  const method =
    k.methodKind === 'CARD'
      ? { type: 'BillingKeyPaymentMethodCard', card: k.card }
      : k.methodKind === 'PAYPAL'
        ? { type: 'BillingKeyPaymentMethodPaypal' }
        : { type: 'BillingKeyPaymentMethodEasyPay', provider: k.channel.pgProvider === 'PAYCO' ? 'PAYCO' : 'KAKAOPAY' };
  return {
    status: k.status,
    billingKey: k.billingKey,
    merchantId: k.merchantId,
    storeId: k.storeId,
    methods: [method],
    channels: [k.channel],
    customer: k.customer,
    ...(k.customData !== undefined ? { customData: k.customData } : {}),
    requestedAt: k.requestedAt,
    issuedAt: k.issuedAt,
    pgBillingKeyIssueResponses: [{ type: 'ISSUED', channel: k.channel, pgTxId: k.pgTxId, method }],
    ...(k.deletedAt !== undefined ? { deletedAt: k.deletedAt } : {}),
  };
}
