import { ConcurrentModificationError } from '../domain/errors.ts';
import { lookupTestCard, parseExpiry } from '../domain/cards.ts';
import { isCashReceiptIdentity, type CashReceiptRequest } from '../domain/cash-receipt.ts';
import { PortOneError } from '../domain/errors.ts';
import { orderDetailsOf, type PaymentRecord } from '../domain/payment.ts';
import { approvePayment, type ApproveMethod } from '../payments/approve.ts';
import type { Services } from '../services.ts';
import { isKnownBank, isKnownEasyPayProvider } from './choices.ts';
import { isCarrier, isGiftCertificate, overseasChoices } from '../domain/pay-methods.ts';
import { isMobileNumber, phoneDigits } from '../domain/identity-verification.ts';
import { authenticated, confirmRefused, failedAtPg, succeeded, type PaymentResponse } from './payment-response.ts';
import { askMerchant } from './confirm-process.ts';
import { authenticateForConfirm } from './authenticate-for-confirm.ts';
import { sdkErrorOf } from './sdk-errors.ts';
import type { OverseasPayMethod } from './payment-request.ts';
import type { CheckoutSession } from './session.ts';

/** What the tester chose in the window. Never an amount: that comes from the session. */
export type CheckoutChoice =
  | { kind: 'CARD'; number: string; expiryMonth: string; expiryYear: string; installmentMonth?: number }
  | { kind: 'EASY_PAY'; provider: string }
  /** `cashReceipt`: the buyer chose 소득공제 or 지출증빙 and entered the number (미발행: absent). */
  | { kind: 'VIRTUAL_ACCOUNT'; bank: string; cashReceipt?: CashReceiptRequest }
  | { kind: 'TRANSFER'; bank: string; cashReceipt?: CashReceiptRequest }
  | { kind: 'MOBILE'; carrier: string; phoneNumber: string }
  | { kind: 'GIFT_CERTIFICATE'; giftCertificateType: string }
  /** PAYPAL, ALIPAY, ALIPAY_PLUS, CONVENIENCE_STORE: the one choice their window offers (pay-methods.ts). */
  | { kind: OverseasPayMethod; option: string };

/**
 * `done`: the window is finished and answers the merchant with `response`.
 * `retry`: the tester typed something the window itself refuses (a card number that is not one);
 * a real PG window would say so and let them fix it, so the form is shown again.
 */
export type CheckoutOutcome =
  | { kind: 'done'; response: PaymentResponse }
  | { kind: 'retry'; field: 'cardNumber' | 'expiry' | 'method' | 'phoneNumber' | 'cashReceiptNumber'; message: string };

const other = (session: CheckoutSession, code: string, message: string): CheckoutOutcome => ({
  kind: 'done',
  response: { transactionType: 'PAYMENT', paymentId: session.paymentId, txId: session.txId, code, message },
});

/** The answer a finished transaction already gave, so a double submit or a late close repeats it. */
export function settledResponse(session: CheckoutSession, payment: PaymentRecord): PaymentResponse | undefined {
  if (payment.transactionId !== session.txId) return undefined;
  if (payment.status === 'READY') return payment.pendingConfirm?.txId === session.txId ? authenticated(session.paymentId, session.txId, payment.pendingConfirm.paymentToken) : undefined;
  if (payment.status === 'FAILED') {
    const call = payment.confirmCall;
    if (call?.txId === session.txId && (call.outcome === 'REFUSED' || call.outcome === 'UNREACHABLE')) return confirmRefused(session.paymentId, session.txId, call.message ?? '');
    return failedAtPg(session.paymentId, session.txId, payment.failure?.pgCode ?? 'UNKNOWN', payment.failure?.pgMessage ?? payment.failure?.reason ?? '결제 실패');
  }
  return succeeded(session.paymentId, session.txId);
}

export function validateChoice(session: CheckoutSession, choice: CheckoutChoice): CheckoutOutcome | undefined {
  if (choice.kind !== session.payMethod) return { kind: 'retry', field: 'method', message: `payMethod is ${session.payMethod}` };
  if (choice.kind === 'CARD') {
    const found = lookupTestCard(choice.number);
    if (!found.ok) return { kind: 'retry', field: 'cardNumber', message: found.message };
    if (!parseExpiry(choice.expiryYear, choice.expiryMonth)) return { kind: 'retry', field: 'expiry', message: 'expiry must be MM / YY' };
  }
  if (choice.kind === 'EASY_PAY' && !isKnownEasyPayProvider(choice.provider)) return { kind: 'retry', field: 'method', message: `unknown easy-pay provider ${choice.provider}` };
  if ((choice.kind === 'VIRTUAL_ACCOUNT' || choice.kind === 'TRANSFER') && !isKnownBank(choice.bank)) return { kind: 'retry', field: 'method', message: `unknown bank ${choice.bank}` };
  if ('cashReceipt' in choice && choice.cashReceipt && !isCashReceiptIdentity(choice.cashReceipt.customerIdentityNumber)) {
    return { kind: 'retry', field: 'cashReceiptNumber', message: 'a mobile, business registration or cash receipt card number' };
  }
  if (choice.kind === 'MOBILE' && !isCarrier(choice.carrier)) return { kind: 'retry', field: 'method', message: `unknown carrier ${choice.carrier}` };
  if (choice.kind === 'MOBILE' && !isMobileNumber(choice.phoneNumber)) return { kind: 'retry', field: 'phoneNumber', message: 'a Korean mobile number (010…)' };
  if (choice.kind === 'GIFT_CERTIFICATE' && !isGiftCertificate(choice.giftCertificateType)) return { kind: 'retry', field: 'method', message: `unknown gift certificate ${choice.giftCertificateType}` };
  if ('option' in choice && !overseasChoices(choice.kind).some((o) => o.code === choice.option)) return { kind: 'retry', field: 'method', message: `unknown choice ${choice.option}` };
  return undefined;
}

function toApproveMethod(session: CheckoutSession, choice: CheckoutChoice): ApproveMethod {
  switch (choice.kind) {
    case 'CARD':
      return {
        kind: 'CARD',
        credential: { number: choice.number, expiryYear: choice.expiryYear, expiryMonth: choice.expiryMonth },
        installmentMonth: choice.installmentMonth ?? session.installmentMonth,
      };
    case 'EASY_PAY':
      return { kind: 'EASY_PAY', provider: choice.provider };
    case 'VIRTUAL_ACCOUNT':
      return { kind: 'VIRTUAL_ACCOUNT', bank: choice.bank, validHours: session.validHours, dueDate: session.dueDate, cashReceipt: choice.cashReceipt };
    case 'TRANSFER':
      return { kind: 'TRANSFER', bank: choice.bank, cashReceipt: choice.cashReceipt };
    case 'MOBILE':
      return { kind: 'MOBILE', carrier: choice.carrier, phoneNumber: phoneDigits(choice.phoneNumber) };
    case 'GIFT_CERTIFICATE':
      return { kind: 'GIFT_CERTIFICATE', giftCertificateType: choice.giftCertificateType };
    case 'PAYPAL':
    case 'ALIPAY':
      return { kind: choice.kind };
    case 'ALIPAY_PLUS':
      return { kind: 'ALIPAY_PLUS', provider: choice.option };
    case 'CONVENIENCE_STORE':
      return { kind: 'CONVENIENCE_STORE', brand: choice.option };
  }
}

/**
 * The tester pressed "pay": the PG decides by its profile (approvePayment), with the amount, order
 * and merchant data the session and the READY payment hold.
 */
export async function completeCheckout(
  services: Services,
  session: CheckoutSession,
  choice: CheckoutChoice,
  client: { ipAddress: string; userAgent?: string },
): Promise<CheckoutOutcome> {
  const invalid = validateChoice(session, choice);
  if (invalid) return invalid;
  const ready = await services.repo.getPayment(session.storeId, session.paymentId);
  if (!ready) return other(session, 'PaymentNotFound', '결제 건이 존재하지 않습니다. (the payment was deleted; open the window again)');
  const settled = settledResponse(session, ready);
  if (settled) return { kind: 'done', response: settled };
  if (ready.transactionId !== session.txId) {
    return other(session, 'InvalidEntityState', '이 결제창은 더 이상 유효하지 않습니다. (a newer payment window replaced this one)');
  }
  const method = toApproveMethod(session, choice);
  try {
    if (session.manualConfirm && (method.kind === 'CARD' || method.kind === 'EASY_PAY')) return await authenticateForConfirm(services, session, ready, method);
    // The confirm process asks the merchant's server right before the PG is asked (not for manual
    // confirm: there the merchant's own confirmPayment call is what makes the PG decide).
    const gate = await askMerchant(services, session, ready);
    if (gate.kind === 'done') return gate;
    const paid = await approvePayment(services, {
      ...orderDetailsOf(ready),
      storeId: session.storeId,
      paymentId: session.paymentId,
      channelKey: session.channelKey,
      orderName: session.orderName,
      amount: session.amount,
      currency: session.currency,
      method,
      origin: { platformType: session.platform, ipAddress: client.ipAddress, userAgent: client.userAgent, url: ready.origin.url },
    });
    return { kind: 'done', response: succeeded(session.paymentId, paid.transactionId) };
  } catch (err) {
    if (err instanceof PortOneError && err.type === 'PG_PROVIDER') {
      return { kind: 'done', response: failedAtPg(session.paymentId, session.txId, err.pgCode ?? 'UNKNOWN', err.pgMessage ?? err.message) };
    }
    if (err instanceof ConcurrentModificationError) return other(session, 'Aborted', '동시에 다른 요청이 이 결제 건을 변경했습니다. (the payment changed concurrently)');
    // Every other refusal (MAX_TRANSACTION_COUNT_REACHED, INVALID_REQUEST, ALREADY_PAID, …) still
    // answers the merchant's promise, in the SDK's codes; only a dependency failure is thrown.
    if (err instanceof PortOneError) return other(session, sdkErrorOf(err).code, err.message);
    throw err;
  }
}
