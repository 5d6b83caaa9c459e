import type { AuthenticatedMethod } from '../domain/manual-confirm.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { awaitConfirmation } from '../payments/confirm-payment.ts';
import type { Services } from '../services.ts';
import type { CheckoutOutcome } from './complete-payment.ts';
import { authenticated } from './payment-response.ts';
import type { CheckoutSession } from './session.ts';

/**
 * "Pay" in the window of a manual-confirm channel (수동 승인): the customer has authenticated, nothing
 * is charged. The window answers `paymentToken` (and no `code`), the payment stays READY, and the PG
 * decides only when the merchant's server calls confirmPayment (payments/confirm-payment.ts).
 * Virtual accounts are not sent here: issuing one charges nothing, so there is nothing to confirm.
 */
export async function authenticateForConfirm(services: Services, session: CheckoutSession, ready: PaymentRecord, method: AuthenticatedMethod): Promise<CheckoutOutcome> {
  const pending = await awaitConfirmation(services, ready, method);
  return { kind: 'done', response: authenticated(session.paymentId, session.txId, pending.paymentToken) };
}
