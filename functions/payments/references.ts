import type { PaymentRecord } from '../domain/payment.ts';
import type { PaymentReference } from '../domain/payment-reference.ts';
import type { Services } from '../services.ts';

/**
 * The ids a PG's own operations find its payments by: KakaoPay's order inquiry
 * (getKakaopayPaymentOrder) by its tid, Paymentwall's delivery registration
 * (confirmPaymentwallDelivery) by PortOne's transaction id. Other PGs' payments need none and
 * pay for no extra write.
 */
function referencesOf(payment: PaymentRecord): PaymentReference[] {
  switch (payment.channel?.pgProvider) {
    case 'KAKAOPAY':
      return payment.pgTxId ? [{ kind: 'PG_TX_ID', value: payment.pgTxId }] : [];
    case 'PAYMENTWALL':
      return [{ kind: 'TRANSACTION_ID', value: payment.transactionId }];
    default:
      return [];
  }
}

/**
 * Kept before the payment's own commit, as its schedules are: a failure between the two leaves at
 * most an entry naming a payment that never got the id (findByReference checks), never a payment
 * that cannot be found.
 */
export async function keepReferences(services: Services, payment: PaymentRecord): Promise<void> {
  await Promise.all(referencesOf(payment).map((reference) => services.repo.putPaymentReference(payment.storeId, reference, payment.paymentId)));
}

/** The payment a reference names, if that payment carries the id (its commit happened). */
export async function findByReference(services: Services, storeId: string, reference: PaymentReference): Promise<PaymentRecord | undefined> {
  const paymentId = await services.repo.findPaymentReference(storeId, reference);
  const payment = paymentId === undefined ? undefined : await services.repo.getPayment(storeId, paymentId);
  const carried = reference.kind === 'PG_TX_ID' ? payment?.pgTxId : payment?.transactionId;
  return carried === reference.value ? payment : undefined;
}
