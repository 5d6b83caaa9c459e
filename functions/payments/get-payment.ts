import { paymentNotFound } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { Services } from '../services.ts';
import { presentWebhooks } from '../webhooks/present.ts';

export async function loadPayment(services: Services, storeId: string, paymentId: string): Promise<PaymentRecord> {
  const payment = await services.repo.getPayment(storeId, paymentId);
  if (!payment) throw paymentNotFound(paymentId);
  return payment;
}

/** The payment with its `webhooks[]` delivery log, as getPayment shows it. */
export async function loadPaymentWithWebhooks(services: Services, storeId: string, paymentId: string): Promise<PaymentRecord> {
  const payment = await loadPayment(services, storeId, paymentId);
  if (payment.hasWebhooks === false) return { ...payment, webhooks: [] };
  return { ...payment, webhooks: presentWebhooks(await services.repo.listOutbox(storeId, paymentId)) };
}
