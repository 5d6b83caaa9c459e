import type { BillingKeyRecord } from '../domain/billing-key.ts';
import { PortOneError, invalidRequest, pgProviderError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { confirmIssuance } from './browser-issuance.ts';
import { billingKeyOfIssueToken } from './issue-token.ts';
import { payWithBillingKey } from './pay-with-billing-key.ts';

/**
 * Manual confirm (수동 승인) of a billing key issued in the browser: the window ended with
 * `billingKey: "NEEDS_CONFIRMATION"` and a `billingIssueToken`; the merchant's server confirms it
 * with confirmBillingKey (or confirmBillingKeyIssueAndPay) and only then does the PG issue the key
 * (and charge the first payment). Until then the key does not exist for the API. Errors as the
 * OAS lists them: BILLING_KEY_NOT_FOUND, BILLING_KEY_ALREADY_ISSUED, INFORMATION_MISMATCH (a check
 * parameter differs), PG_PROVIDER (the PG refused), INVALID_REQUEST.
 */
export interface ConfirmInput {
  billingIssueToken: string;
  isTest?: boolean;
  skipWebhook?: boolean;
}

export interface ConfirmIssueAndPayInput extends ConfirmInput {
  paymentId?: string;
  currency?: string;
  totalAmount?: number;
  taxFreeAmount?: number;
}

const mismatch = (field: string, expected: unknown, given: unknown) =>
  new PortOneError('INFORMATION_MISMATCH', `${field}이(가) 일치하지 않습니다. (expected ${String(expected)}, given ${String(given)})`);

/** The pending issuance a token names, checked for the operation it is confirmed with. */
async function pendingKey(services: Services, storeId: string, input: ConfirmInput, andPay: boolean): Promise<BillingKeyRecord> {
  const billingKey = billingKeyOfIssueToken(input.billingIssueToken);
  if (!billingKey) throw invalidRequest('billingIssueToken: not a billing issue token of this sandbox');
  const key = await services.repo.getBillingKey(storeId, billingKey);
  // A window still open (READY) has handed out no token yet.
  if (!key || key.status === 'READY') throw new PortOneError('BILLING_KEY_NOT_FOUND', `빌링키 발급 건이 존재하지 않습니다. (billingIssueToken: ${input.billingIssueToken})`);
  if ((key.firstPayment !== undefined) !== andPay) {
    throw invalidRequest(
      andPay ? 'billingIssueToken: this issuance has no first payment; confirm it with confirmBillingKey' : 'billingIssueToken: this issuance includes a first payment; confirm it with confirmBillingKeyIssueAndPay',
    );
  }
  if (input.isTest === false) throw mismatch('isTest', true, false);
  return key;
}

/** PENDING → ISSUED (or FAILED with the PG's refusal); a key already decided answers as it ended. */
async function issue(services: Services, key: BillingKeyRecord, skipWebhook?: boolean): Promise<BillingKeyRecord> {
  const decided = key.status === 'PENDING' ? await confirmIssuance(services, key.storeId, key.billingKey, { skipWebhook }) : key;
  if (decided?.status === 'FAILED') throw pgProviderError(decided.failure?.pgCode ?? 'UNKNOWN', decided.failure?.pgMessage ?? '빌링키 발급 실패');
  return decided!;
}

export async function confirmBillingKey(services: Services, storeId: string, input: ConfirmInput): Promise<{ billingKey: string }> {
  const key = await pendingKey(services, storeId, input, false);
  if (key.status === 'ISSUED' || key.status === 'DELETED') throw alreadyIssued(key);
  return { billingKey: (await issue(services, key, input.skipWebhook)).billingKey };
}

export async function confirmBillingKeyIssueAndPay(services: Services, storeId: string, input: ConfirmIssueAndPayInput): Promise<{ billingKey: string; paymentId: string }> {
  const key = await pendingKey(services, storeId, input, true);
  const first = key.firstPayment!;
  if (input.paymentId !== undefined && input.paymentId !== first.paymentId) throw mismatch('paymentId', first.paymentId, input.paymentId);
  if (input.currency !== undefined && input.currency !== first.currency) throw mismatch('currency', first.currency, input.currency);
  if (input.totalAmount !== undefined && input.totalAmount !== first.amount.total) throw mismatch('totalAmount', first.amount.total, input.totalAmount);
  if (input.taxFreeAmount !== undefined && input.taxFreeAmount !== (first.amount.taxFree ?? 0)) throw mismatch('taxFreeAmount', first.amount.taxFree ?? 0, input.taxFreeAmount);
  const existing = await services.repo.getPayment(storeId, first.paymentId);
  // Issued and paid already: a second confirm. Issued but not paid (a confirm that died between): pay now.
  if ((key.status === 'ISSUED' || key.status === 'DELETED') && existing?.billingKey === key.billingKey && existing.status !== 'READY') throw alreadyIssued(key);
  const issued = await issue(services, key, input.skipWebhook);
  try {
    await payWithBillingKey(services, {
      storeId,
      paymentId: first.paymentId,
      billingKey: issued.billingKey,
      orderName: first.orderName,
      amount: first.amount,
      currency: first.currency,
      origin: { platformType: key.platformType === 'MOBILE' ? 'MOBILE' : 'PC', ipAddress: '127.0.0.1' },
    });
  } catch (err) {
    // A racing confirm paid it with this key: the same answer as a second confirm.
    const after = await services.repo.getPayment(storeId, first.paymentId);
    if (err instanceof PortOneError && err.type === 'ALREADY_PAID' && after?.billingKey === issued.billingKey) throw alreadyIssued(issued);
    throw err;
  }
  return { billingKey: issued.billingKey, paymentId: first.paymentId };
}

const alreadyIssued = (key: Pick<BillingKeyRecord, 'billingKey'>) =>
  new PortOneError('BILLING_KEY_ALREADY_ISSUED', `이미 발급된 빌링키입니다. (billingKey: ${key.billingKey})`);
