import { billingPaymentRefusal } from '../domain/billing-rules.ts';
import { lookupTestCard } from '../domain/cards.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { billingOf } from '../domain/profiles/billing.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { approvePayment, loadChannel, type ApproveMethod } from '../payments/approve.ts';
import type { PaymentRequest } from '../payments/ready-payment.ts';
import type { Services } from '../services.ts';
import { PortOneError } from '../domain/errors.ts';
import { loadIssuedBillingKey } from './load-billing-key.ts';

export interface BillingKeyPaymentInput extends Omit<PaymentRequest, 'channelKey'> {
  storeId: string;
  paymentId: string;
  billingKey: string;
  /** Defaults to the channel the key was issued on. */
  channelKey?: string;
  installmentMonth?: number;
  /** Set when a payment schedule makes the payment. */
  scheduleId?: string;
  /** A card promotion to apply (OAS `promotionId`). */
  promotionId?: string;
}

/**
 * payWithBillingKey (POST /payments/{paymentId}/billing-key), and what a schedule does when due: a
 * card payment without the customer, through the same approval as payInstantly (so the PG's void
 * rule, declines and the PortOne/PG dual ledger apply), after the PG's billing-only refusals.
 */
export async function payWithBillingKey(services: Services, input: BillingKeyPaymentInput): Promise<PaymentRecord> {
  if (input.scheduleId === undefined) await refuseScheduledPaymentId(services, input.storeId, input.paymentId);
  const key = await loadIssuedBillingKey(services, input.storeId, input.billingKey);
  const channelKey = input.channelKey ?? key.channel.key;
  const channel = await loadChannel(services, input.storeId, channelKey);
  const profile = getProfile(channel.pgProvider);
  const card = key.methodKind === 'CARD' ? lookupTestCard(key.cardNumber) : undefined;
  const testCard = card?.ok ? card.card : undefined;
  const refusal = profile ? billingPaymentRefusal(profile, billingOf(profile), testCard) : undefined;
  const method: ApproveMethod =
    key.methodKind === 'CARD'
      ? { kind: 'CARD', credential: { number: key.cardNumber, expiryYear: key.cardExpiry.year, expiryMonth: key.cardExpiry.month }, installmentMonth: input.installmentMonth }
      : key.methodKind === 'PAYPAL'
        ? { kind: 'PAYPAL' }
        : { kind: 'EASY_PAY', provider: profile?.directEasyPayProvider ?? 'KAKAOPAY' };
  const { billingKey, scheduleId, installmentMonth: _i, channelKey: _c, ...request } = input;
  return approvePayment(services, {
    ...request,
    customer: input.customer ?? key.customer,
    channelKey,
    method,
    billing: { billingKey, scheduleId, refusal },
  });
}

/**
 * A paymentId a schedule is waiting to charge is not the merchant's to pay now: 409
 * PAYMENT_SCHEDULE_ALREADY_EXISTS, as PortOne's OAS lists it for payWithBillingKey. Revoking the
 * schedule frees the paymentId; a schedule that already ran leaves a payment the approval judges.
 */
async function refuseScheduledPaymentId(services: Services, storeId: string, paymentId: string): Promise<void> {
  const scheduleId = await services.repo.getPaymentScheduleId(storeId, paymentId);
  if (scheduleId === undefined) return;
  const schedule = await services.repo.getPaymentSchedule(storeId, scheduleId);
  if (schedule?.status === 'SCHEDULED' || schedule?.status === 'STARTED') {
    throw new PortOneError('PAYMENT_SCHEDULE_ALREADY_EXISTS', `결제 예약건이 존재하는 결제 건입니다. (paymentId: ${paymentId}, scheduleId: ${scheduleId})`);
  }
}
