import { failIssuance, submitIssuance } from '../billing/browser-issuance.ts';
import { payWithBillingKey } from '../billing/pay-with-billing-key.ts';
import type { BillingKeyRecord } from '../domain/billing-key.ts';
import { lookupTestCard, parseExpiry } from '../domain/cards.ts';
import { ConcurrentModificationError, PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { billingFailed, billingOther, billingSettledResponse, type BillingWindowResponse } from './billing-response.ts';
import type { BillingCheckoutSession } from './billing-session.ts';
import { sdkErrorOf } from './sdk-errors.ts';
import { USER_CANCEL_MESSAGE, userCancelCode } from './user-cancel.ts';

/** What the tester entered: a card (number from the picker or typed, expiry) or, for a wallet, nothing. */
export interface BillingChoice {
  number: string;
  expiryMonth: string;
  expiryYear: string;
}

export type BillingOutcome = { kind: 'done'; response: BillingWindowResponse } | { kind: 'retry'; field: 'cardNumber' | 'expiry'; message: string };

const gone = (s: BillingCheckoutSession) => billingOther(s, 'BillingKeyNotFound', '빌링키 발급 건이 존재하지 않습니다. (the issuance was deleted; open the window again)');

/** The window's answer as the key (and first payment) stand now; undefined while it is still open. */
export async function currentBillingResponse(services: Services, s: BillingCheckoutSession, key?: BillingKeyRecord): Promise<BillingWindowResponse | undefined> {
  const k = key ?? (await services.repo.getBillingKey(s.storeId, s.billingKey));
  if (!k) return gone(s);
  const payment = s.payment ? await services.repo.getPayment(s.storeId, s.payment.paymentId) : undefined;
  return billingSettledResponse(s, k, payment);
}

/**
 * The first payment of requestIssueBillingKeyAndPay, with the key just issued: the same
 * payWithBillingKey a server makes, so the PG's billing rules (KB 비인증 refusals, the void batch) apply.
 */
async function payFirst(services: Services, s: BillingCheckoutSession, key: BillingKeyRecord): Promise<BillingWindowResponse> {
  const p = s.payment!;
  try {
    await payWithBillingKey(services, {
      storeId: s.storeId,
      paymentId: p.paymentId,
      billingKey: key.billingKey,
      orderName: p.orderName,
      amount: p.amount,
      currency: p.currency,
      origin: { platformType: s.platform, ipAddress: '127.0.0.1' },
    });
  } catch (err) {
    if (!(err instanceof PortOneError) && !(err instanceof ConcurrentModificationError)) throw err;
    // A refusal left a FAILED payment; a lost race (double submit) left the winner's: answer with it.
    const settled = await currentBillingResponse(services, s, key);
    if (settled) return settled;
    if (err instanceof PortOneError && err.type === 'PG_PROVIDER') return { ...billingFailed(s, err.pgCode ?? 'UNKNOWN', err.pgMessage ?? err.message), billingKey: key.billingKey };
    return { ...billingOther(s, err instanceof PortOneError ? sdkErrorOf(err).code : 'Aborted', err.message), billingKey: key.billingKey };
  }
  return (await currentBillingResponse(services, s, key))!;
}

/**
 * The tester pressed "issue": the PG decides (browser-issuance.ts), then for issue-and-pay the first
 * payment is made with the new key. A card number that is not one is shown again to fix, as a PG
 * window would.
 */
export async function submitBillingWindow(services: Services, s: BillingCheckoutSession, choice: BillingChoice): Promise<BillingOutcome> {
  let card;
  if (s.method === 'CARD') {
    const found = lookupTestCard(choice.number);
    if (!found.ok) return { kind: 'retry', field: 'cardNumber', message: found.message };
    if (!parseExpiry(choice.expiryYear, choice.expiryMonth)) return { kind: 'retry', field: 'expiry', message: 'expiry must be MM / YY' };
    card = { number: found.card.number, expiryYear: choice.expiryYear, expiryMonth: choice.expiryMonth };
  }
  const key = await submitIssuance(services, s.storeId, s.billingKey, card, { manualConfirm: s.manualConfirm });
  if (!key) return { kind: 'done', response: gone(s) };
  const settled = await currentBillingResponse(services, s, key);
  if (settled) return { kind: 'done', response: settled };
  return { kind: 'done', response: await payFirst(services, s, key) };
}

/**
 * The customer closed the window: the issuance ends FAILED with `BillingKey.Failed` and PortOne's
 * user-cancel answer (`FAILURE_TYPE_PG`, the PG's cancel code); a result that raced the close wins.
 */
export async function closeBillingWindow(services: Services, s: BillingCheckoutSession): Promise<BillingWindowResponse> {
  const key = await services.repo.getBillingKey(s.storeId, s.billingKey);
  if (!key) return gone(s);
  const pgCode = userCancelCode(key.channel.pgProvider);
  const after = await failIssuance(services, s.storeId, s.billingKey, { pgCode, pgMessage: USER_CANCEL_MESSAGE });
  return (await currentBillingResponse(services, s, after)) ?? billingFailed(s, pgCode, USER_CANCEL_MESSAGE);
}
