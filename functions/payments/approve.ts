import { PortOneError, invalidRequest, pgProviderError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import { channelModeOf, type ChannelRecord } from '../domain/store.ts';
import { orderDetailsOf, type MethodKind, type PaymentRecord } from '../domain/payment.ts';
import { readyPayment, type PaymentRequest } from './ready-payment.ts';
import { isExpired, lookupTestCard, maskCardNumber, type TestCard } from '../domain/cards.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { giftCertificateOas } from '../domain/pay-methods.ts';
import { currencyProblem } from '../domain/currencies.ts';
import { decideApprovalIn } from '../domain/live-rules.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { storeOrNotFound } from '../stores/load-store.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { commitPaymentChange, type PaymentChange } from './commit.ts';
import { ConcurrentModificationError } from '../domain/errors.ts';
import { newApprovalNumber, newPgTxId, newTransactionId } from './ids.ts';
import { autoRefundTimer } from './auto-refund.ts';
import { promotionFor, releaseDiscount, reserveDiscount } from './promotions.ts';
import { receiptOnPay } from './cash-receipt-on-pay.ts';
import { keepReferences } from './references.ts';
import type { CashReceiptRequest } from '../domain/cash-receipt.ts';

export type ApproveMethod =
  | {
      kind: 'CARD';
      credential: { number: string; expiryYear: string; expiryMonth: string };
      installmentMonth?: number;
      useFreeInstallmentPlan?: boolean;
    }
  | {
      kind: 'VIRTUAL_ACCOUNT';
      bank: string;
      validHours?: number;
      dueDate?: string;
      remitteeName?: string;
      accountType?: 'NORMAL' | 'FIXED';
      /** 현금영수증 asked for with it: issued at the deposit. */
      cashReceipt?: CashReceiptRequest;
    }
  | { kind: 'EASY_PAY'; provider: string }
  /** 실시간 계좌이체; `cashReceipt`: issued with the approval. */
  | { kind: 'TRANSFER'; bank: string; cashReceipt?: CashReceiptRequest }
  /** 휴대폰 소액결제: browser SDK `Carrier`, and the number charged. */
  | { kind: 'MOBILE'; carrier: string; phoneNumber: string }
  /** 상품권: browser SDK `GiftCertificateType`. */
  | { kind: 'GIFT_CERTIFICATE'; giftCertificateType: string }
  /** PayPal's buttons, Alipay, Alipay+ (`provider`: the wallet chosen inside it): the payment shows them as easy pay. */
  | { kind: 'PAYPAL' | 'ALIPAY' }
  | { kind: 'ALIPAY_PLUS'; provider: string }
  /** 편의점 결제: browser SDK / OAS `ConvenienceStoreBrand`. */
  | { kind: 'CONVENIENCE_STORE'; brand: string };

export interface ApproveRequest extends PaymentRequest {
  storeId: string;
  paymentId: string;
  method: ApproveMethod;
  /**
   * A billing-key payment (billing/pay-with-billing-key.ts): the key and schedule the payment
   * carries, and the PG's billing-only refusal, decided before the ordinary card rules.
   */
  billing?: { billingKey: string; scheduleId?: string; refusal?: { pgCode: string; pgMessage: string; reason: string } };
  /** The merchant asked for no webhook about this outcome (confirmPayment's `skipWebhook`). */
  skipWebhook?: boolean;
  /** A card promotion to apply (OAS `promotionId`; payments/promotions.ts). */
  promotionId?: string;
}

/**
 * PortOne caps attempts per paymentId (MAX_TRANSACTION_COUNT_REACHED) without publishing the number;
 * the sandbox allows this many failed attempts (assumed) so a retry loop in merchant code shows up.
 */
export const MAX_FAILED_ATTEMPTS = LIMITS.failedAttempts;

/** The refusal of one more attempt on a paymentId that used up its attempts (API and checkout alike). */
export function attemptsExhausted(existing: PaymentRecord | undefined): PortOneError | undefined {
  if ((existing?.failedAttempts ?? 0) < MAX_FAILED_ATTEMPTS) return undefined;
  return new PortOneError('MAX_TRANSACTION_COUNT_REACHED', `결제 시도 횟수가 최대(${MAX_FAILED_ATTEMPTS}회)에 도달했습니다. 새 paymentId로 결제해 주세요.`);
}

export async function loadChannel(services: Services, storeId: string, channelKey: string): Promise<ChannelRecord> {
  return channelOrNotFound(await services.repo.getChannel(storeId, channelKey), channelKey);
}

function channelOrNotFound(channel: ChannelRecord | undefined, channelKey: string): ChannelRecord {
  if (!channel) throw new PortOneError('CHANNEL_NOT_FOUND', `채널이 존재하지 않습니다. (channelKey: ${channelKey})`);
  return channel;
}

/**
 * Runs a payment through the channel's PG profile: approve (PAID / VIRTUAL_ACCOUNT_ISSUED, with
 * the PG's auto-refund timer when the profile has one) or fail (FAILED, then a 502 PG_PROVIDER
 * with the PG's code and message, as PortOne answers a PG refusal).
 */
export async function approvePayment(services: Services, req: ApproveRequest): Promise<PaymentRecord> {
  // One read for the three items the hottest path decides on (ports/repository.ts: getPaymentContext).
  const receiptRequest = req.method.kind === 'TRANSFER' || req.method.kind === 'VIRTUAL_ACCOUNT' ? req.method.cashReceipt : undefined;
  // A transfer that asks for a cash receipt is issued one now: read any receipt kept for the paymentId with the rest.
  const context = await services.repo.getPaymentContext(req.storeId, req.paymentId, { channelKey: req.channelKey, cashReceipt: req.method.kind === 'TRANSFER' && receiptRequest !== undefined });
  const store = storeOrNotFound(context.store, req.storeId);
  const channel = channelOrNotFound(context.channel, req.channelKey);
  const existing = context.payment;
  const profile = getProfile(channel.pgProvider);
  if (!profile) throw invalidRequest(`channel ${channel.channelKey} uses an unsupported PG (${channel.pgProvider})`);
  const currencyRefused = currencyProblem(profile, req.currency);
  if (currencyRefused) throw invalidRequest(`currency: ${currencyRefused}`);
  checkReusable(existing, req);

  const taxFree = req.amount.taxFree ?? existing?.preRegistered?.taxFreeAmount ?? 0;
  if (taxFree + (req.amount.vat ?? 0) > req.amount.total) {
    throw new PortOneError('SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT', `면세 금액(${taxFree})과 부가세(${req.amount.vat ?? 0})의 합이 결제 금액(${req.amount.total})을 초과합니다.`);
  }
  const exhausted = attemptsExhausted(existing);
  if (exhausted) throw exhausted;

  let card: TestCard | undefined;
  if (req.method.kind === 'CARD') {
    const found = lookupTestCard(req.method.credential.number);
    if (!found.ok) throw invalidRequest(`method.card.credential.number: ${found.message}`);
    card = found.card;
  }

  const now = storeNow(services, store);
  const nowIso = now.toISOString();
  const offered = req.promotionId === undefined ? undefined : await promotionFor(services, store, { promotionId: req.promotionId, total: req.amount.total, cardPublisher: card?.publisher, now });
  const mode = channelModeOf(channel);
  // Every billing-only refusal is a test channel's (domain/billing-rules.ts): a live-like channel has none.
  const refusal = mode === 'TEST' ? req.billing?.refusal : undefined;
  const decision = refusal ? ({ outcome: 'FAILED', ...refusal } as const) : decideApprovalIn(mode, profile, {
    method: req.method.kind as MethodKind,
    card,
    easyPayProvider: req.method.kind === 'EASY_PAY' ? req.method.provider : undefined,
    bank: req.method.kind === 'VIRTUAL_ACCOUNT' || req.method.kind === 'TRANSFER' ? req.method.bank : undefined,
    carrier: req.method.kind === 'MOBILE' ? req.method.carrier : undefined,
    // What the PG charges: the order less the promotion's discount.
    amount: req.amount.total - (offered?.discount ?? 0),
    cardExpired: req.method.kind === 'CARD' && isExpired(req.method.credential.expiryYear, req.method.credential.expiryMonth, now),
  });

  const payment = readyPayment({
    ...orderDetailsOf(req),
    store,
    paymentId: req.paymentId,
    // A READY payment's transaction was started by its checkout window (Transaction.Ready): keep its id.
    transactionId: existing?.status === 'READY' ? existing.transactionId : newTransactionId(),
    existing,
    channel,
    orderName: req.orderName,
    currency: req.currency,
    amount: { total: req.amount.total, taxFree, vat: req.amount.vat },
    origin: req.origin,
    now,
  });
  payment.method = presentMethod(req.method, card, nowIso);
  if (receiptRequest) payment.cashReceiptRequest = receiptRequest;
  if (req.billing) {
    payment.billingKey = req.billing.billingKey;
    payment.scheduleId = req.billing.scheduleId;
  }
  const expectedVersion = existing ? existing.version : null;

  if (decision.outcome === 'FAILED') {
    payment.status = 'FAILED';
    payment.failedAt = nowIso;
    payment.failedAttempts = (existing?.failedAttempts ?? 0) + 1;
    payment.failure = { reason: decision.reason, pgCode: decision.pgCode, pgMessage: decision.pgMessage };
    if (offered) payment.promotion = { ...offered, discount: 0, rate: 0 };
    await commitOrExplain(services, req, {
      store,
      payment,
      expectedVersion,
      outbox: req.skipWebhook ? [] : newOutboxEvent({ store, payment, type: 'Transaction.Failed', at: now }),
    });
    throw pgProviderError(decision.pgCode, decision.pgMessage);
  }

  payment.pgTxId = newPgTxId(channel.pgProvider);
  payment.pg = {
    withdrawn: decision.withdrawn,
    autoRefund: decision.autoRefund,
    ruleDescription: decision.ruleDescription,
    refunded: 0,
    methodKind: req.method.kind as MethodKind,
    cardType: card?.type,
    easyPayViaGeneralPg: decision.easyPayViaGeneralPg,
    ...(mode === 'LIVE_LIKE' ? { channelMode: mode } : {}),
  };
  if (req.method.kind === 'VIRTUAL_ACCOUNT') {
    payment.status = 'VIRTUAL_ACCOUNT_ISSUED';
  } else {
    const promotion = offered && (await reserveDiscount(services, store.storeId, offered));
    if (promotion) payment.promotion = promotion;
    payment.status = 'PAID';
    payment.paidAt = nowIso;
    payment.amount.discount = promotion?.discount ?? 0;
    payment.amount.paid = req.amount.total - payment.amount.discount;
    payment.receiptUrl = `https://sandbox.pg-sandbox.invalid/receipts/${payment.transactionId}`;
  }
  const timer = payment.status === 'PAID' ? autoRefundTimer(store, channel, payment, now) : undefined;
  payment.pg.pendingVoidTimerId = timer?.timerId ?? null;
  await keepReferences(services, payment);
  const committed = commitOrExplain(services, req, {
    store,
    payment,
    expectedVersion,
    newTimers: timer ? [timer] : [],
    cashReceipts: payment.status === 'PAID' ? receiptOnPay(payment, context.cashReceipt, nowIso) : [],
    outbox: req.skipWebhook
      ? []
      : newOutboxEvent({
          store,
          payment,
          type: payment.status === 'PAID' ? 'Transaction.Paid' : 'Transaction.VirtualAccountIssued',
          at: now,
        }),
  });
  // The discount reserved for a payment that was not written goes back to the budget.
  await committed.catch(async (err: unknown) => {
    if (payment.promotion) await releaseDiscount(services, store.storeId, payment.promotion.id, payment.promotion.discount);
    throw err;
  });
  return payment;
}

/** Two requests paying one paymentId at once: the loser learns what the winner did. */
async function commitOrExplain(services: Services, req: ApproveRequest, change: PaymentChange): Promise<void> {
  try {
    await commitPaymentChange(services, change);
  } catch (err) {
    if (!(err instanceof ConcurrentModificationError)) throw err;
    checkReusable(await services.repo.getPayment(req.storeId, req.paymentId), req);
    throw new PortOneError('CONFLICT', `동시에 같은 결제 건(${req.paymentId})에 대한 결제가 진행되었습니다. 다시 시도해 주세요.`);
  }
}

function checkReusable(existing: PaymentRecord | undefined, req: ApproveRequest): void {
  if (!existing) return;
  // A schedule charges its payment once: a FAILED attempt of its own is its answer, not a retry
  // (a second delivery that read before the first one's refusal must not try the card again).
  const scheduleId = req.billing?.scheduleId;
  if (scheduleId !== undefined && existing.scheduleId === scheduleId && existing.status !== 'READY') {
    throw new PortOneError('CONFLICT', `결제 예약건(${scheduleId})이 이미 이 결제 건을 시도했습니다. (the schedule already charged paymentId ${req.paymentId})`);
  }
  if (existing.status !== 'READY' && existing.status !== 'FAILED') {
    throw new PortOneError('ALREADY_PAID', `이미 결제(또는 발급)된 결제 건입니다. (paymentId: ${req.paymentId}, status: ${existing.status})`);
  }
  const pre = existing.preRegistered;
  if (!pre) return;
  if (pre.totalAmount !== undefined && pre.totalAmount !== req.amount.total) {
    throw invalidRequest(`amount.total: 사전 등록된 결제 금액(${pre.totalAmount})과 다릅니다. (pre-registered amount mismatch: ${req.amount.total})`);
  }
  if (pre.taxFreeAmount !== undefined && req.amount.taxFree !== undefined && pre.taxFreeAmount !== req.amount.taxFree) {
    throw invalidRequest(`amount.taxFree: 사전 등록된 면세 금액(${pre.taxFreeAmount})과 다릅니다.`);
  }
  if (pre.currency !== undefined && pre.currency !== req.currency) {
    throw invalidRequest(`currency: 사전 등록된 통화(${pre.currency})와 다릅니다.`);
  }
}

const VA_ACCOUNT_DIGITS = 14;
const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** PortOne's `Card` of a test card: what the PG tells about it, the number masked (payments and billing keys alike). */
export function presentCard(card: TestCard, number: string): Record<string, unknown> {
  return {
    publisher: card.publisher,
    issuer: card.issuer,
    brand: card.brand,
    type: card.type,
    ownerType: card.ownerType,
    bin: card.bin,
    name: card.name,
    number: maskCardNumber(number.replace(/[\s-]/g, '')),
  };
}

function presentMethod(method: ApproveMethod, card: TestCard | undefined, nowIso: string): Record<string, unknown> {
  switch (method.kind) {
    case 'CARD':
      return {
        type: 'PaymentMethodCard',
        card: presentCard(card!, method.credential.number),
        approvalNumber: newApprovalNumber(),
        installment: { month: method.installmentMonth ?? 0, isInterestFree: method.useFreeInstallmentPlan ?? false },
        pointUsed: false,
      };
    case 'VIRTUAL_ACCOUNT': {
      const hours = method.validHours ?? 72;
      const expiredAt = method.dueDate ? new Date(method.dueDate).toISOString() : new Date(Date.parse(nowIso) + hours * 3_600_000).toISOString();
      const digits = randomDigits(VA_ACCOUNT_DIGITS);
      return {
        type: 'PaymentMethodVirtualAccount',
        bank: method.bank,
        accountNumber: digits,
        accountType: method.accountType ?? 'NORMAL',
        remitteeName: method.remitteeName ?? '(주)피지샌드박스',
        expiredAt,
        issuedAt: nowIso,
      };
    }
    case 'EASY_PAY':
      return { type: 'PaymentMethodEasyPay', provider: method.provider };
    case 'TRANSFER':
      return { type: 'PaymentMethodTransfer', bank: method.bank, accountNumber: `${randomDigits(4)}-****-${randomDigits(4)}` };
    case 'MOBILE':
      return { type: 'PaymentMethodMobile', phoneNumber: method.phoneNumber };
    case 'GIFT_CERTIFICATE':
      return { type: 'PaymentMethodGiftCertificate', giftCertificateType: giftCertificateOas(method.giftCertificateType), approvalNumber: newApprovalNumber() };
    // The OAS has no PayPal or Alipay method type: PortOne's EasyPayProvider names them.
    case 'PAYPAL':
    case 'ALIPAY':
      return { type: 'PaymentMethodEasyPay', provider: method.kind };
    case 'ALIPAY_PLUS':
      return { type: 'PaymentMethodEasyPay', provider: method.provider };
    case 'CONVENIENCE_STORE':
      return { type: 'PaymentMethodConvenienceStore', convenienceStoreBrand: method.brand };
  }
}
