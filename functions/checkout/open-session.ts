import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '../domain/errors.ts';
import type { StoreRecord } from '../domain/store.ts';
import { currencyProblem } from '../domain/currencies.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { alipayPlusWalletOas, withoutPrefix } from '../domain/pay-methods.ts';
import { attemptsExhausted } from '../payments/approve.ts';
import { commitPaymentChange } from '../payments/commit.ts';
import { newTransactionId } from '../payments/ids.ts';
import { readyPayment } from '../payments/ready-payment.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { CHECKOUT_PAY_METHODS, toApiCustomer, toCustomDataString, type CheckoutPayMethod, type SdkPaymentRequest } from './payment-request.ts';
import { noticeUrlRefusal } from './notice-urls.ts';
import { cashReceiptWindowOf } from './cash-receipt-window.ts';
import { sdkErrorOf } from './sdk-errors.ts';
import { SESSION_TTL_SECONDS, sealSession, type CheckoutSession } from './session.ts';

export interface OpenCheckoutInput {
  request: SdkPaymentRequest;
  /** Window type the SDK shim chose for this device (PortOne picks per PC / mobile). */
  windowType: 'IFRAME' | 'POPUP' | 'REDIRECTION';
  platform: 'PC' | 'MOBILE';
  /** Origin of the merchant page (the request's Origin header). */
  merchantOrigin?: string;
  pageUrl?: string;
  ipAddress: string;
  userAgent?: string;
}

/**
 * Errors before the window opens use the browser SDK's own codes (`PaymentError.code`: gRPC-style
 * and TxService codes such as `ChannelNotFound`, `PaymentAlreadyPaid`), and the SDK shim rejects
 * the promise with them, as the real SDK throws for these.
 */
export type OpenCheckoutResult =
  | { ok: true; token: string; session: CheckoutSession }
  | { ok: false; code: string; message: string; status: 400 | 404 | 409 | 429 | 503 };

const fail = (code: string, message: string, status: 400 | 404 | 409 = 400): OpenCheckoutResult => ({ ok: false, code, message, status });
const refuse = (err: unknown): OpenCheckoutResult => ({ ok: false, ...sdkErrorOf(err) });

/**
 * The confirm process (컨펌 프로세스) is PortOne's per-store option: a store that has it must name a
 * `confirmUrl` (the SDK's `ConfirmUrlRequired`, assumed to mean exactly this), under the same host
 * rule as a browser's `noticeUrls`. A store without it ignores the field (assumed: PortOne asks
 * only stores it enabled the process for).
 */
function confirmUrlOf(store: StoreRecord, url: string | undefined, allowLoopback: boolean): { ok: true; url?: string } | { ok: false; refusal: OpenCheckoutResult } {
  if (store.webhook.confirmProcess !== true) return { ok: true };
  if (!url) return { ok: false, refusal: fail('ConfirmUrlRequired', '컨펌 프로세스를 사용하는 상점입니다. confirmUrl을 지정해 주세요. (the store uses the confirm process: requestPayment needs confirmUrl)') };
  const refused = noticeUrlRefusal(store, [url], allowLoopback, 'confirmUrl');
  return refused ? { ok: false, refusal: fail('BadRequest', refused) } : { ok: true, url };
}

/**
 * Opening the PG's window: PortOne creates the payment in READY and sends `Transaction.Ready`
 * ("결제창이 열렸을 때"), then hands the window a signed session. A payment that failed before may be
 * tried again (a new transaction); a paid one may not.
 */
export async function openCheckoutSession(services: Services, input: OpenCheckoutInput): Promise<OpenCheckoutResult> {
  const req = input.request;
  if (!(CHECKOUT_PAY_METHODS as readonly string[]).includes(req.payMethod)) {
    return fail('BadRequest', `payMethod ${req.payMethod}: the sandbox checkout simulates ${CHECKOUT_PAY_METHODS.join(', ')}`);
  }
  const payMethod = req.payMethod as CheckoutPayMethod;
  if (!req.channelKey) {
    return fail('BadRequest', req.channelGroupId ? 'channelGroupId: channel groups (smart routing) are not simulated; pass channelKey' : 'channelKey: required');
  }
  if (input.windowType === 'REDIRECTION' && !req.redirectUrl) return fail('BadRequest', 'redirectUrl: required for the REDIRECTION window type (mobile)');
  if (input.windowType !== 'REDIRECTION' && !input.merchantOrigin) return fail('BadRequest', 'the merchant page origin is unknown (no Origin header)');
  const taxFree = req.taxFreeAmount ?? 0;
  if (taxFree > req.totalAmount) return fail('BadRequest', 'taxFreeAmount: must not exceed totalAmount');
  if (req.vatAmount !== undefined && req.vatAmount > req.totalAmount - taxFree) return fail('BadRequest', 'vatAmount: must not exceed the taxable amount');

  const store = await services.repo.getStore(req.storeId);
  if (!store) return fail('StoreNotFound', `상점이 존재하지 않습니다. (storeId: ${req.storeId})`, 404);
  const refusedUrl = req.noticeUrls && noticeUrlRefusal(store, req.noticeUrls, services.allowLoopbackWebhooks);
  if (refusedUrl) return fail('BadRequest', refusedUrl);
  const confirm = confirmUrlOf(store, req.confirmUrl, services.allowLoopbackWebhooks);
  if (!confirm.ok) return confirm.refusal;
  const channel = await services.repo.getChannel(req.storeId, req.channelKey);
  if (!channel) return fail('ChannelNotFound', `채널이 존재하지 않습니다. (channelKey: ${req.channelKey})`, 404);
  const profile = getProfile(channel.pgProvider);
  if (!profile) return fail('BadRequest', `channel ${channel.channelKey} uses a PG the sandbox does not simulate (${channel.pgProvider})`);
  const currencyRefused = currencyProblem(profile, req.currency);
  if (currencyRefused) return fail('BadRequest', `currency: ${currencyRefused}`);

  const existing = await services.repo.getPayment(req.storeId, req.paymentId);
  if (existing && existing.status !== 'READY' && existing.status !== 'FAILED') {
    return fail('PaymentAlreadyPaid', `이미 결제(또는 발급)된 결제 건입니다. (paymentId: ${req.paymentId}, status: ${existing.status})`, 409);
  }
  // Refused before the window opens: a window that cannot pay must not leave the payment READY.
  const exhausted = attemptsExhausted(existing);
  if (exhausted) return refuse(exhausted);
  const pre = existing?.preRegistered;
  if (pre?.totalAmount !== undefined && pre.totalAmount !== req.totalAmount) {
    return fail('AmountNotEqualToPredefined', `사전 등록된 결제 금액(${pre.totalAmount})과 요청 금액(${req.totalAmount})이 다릅니다.`, 409);
  }
  if (pre?.currency !== undefined && pre.currency !== req.currency) {
    return fail('AmountNotEqualToPredefined', `사전 등록된 통화(${pre.currency})와 요청 통화(${req.currency})가 다릅니다.`, 409);
  }

  const now = storeNow(services, store);
  const txId = newTransactionId();
  const ready = readyPayment({
    store,
    paymentId: req.paymentId,
    transactionId: txId,
    existing,
    channel,
    orderName: req.orderName,
    currency: req.currency,
    amount: { total: req.totalAmount, taxFree, vat: req.vatAmount },
    customer: toApiCustomer(req.customer),
    customData: toCustomDataString(req.customData),
    noticeUrls: req.noticeUrls,
    isCulturalExpense: req.isCulturalExpense,
    isEscrow: req.isEscrow,
    products: req.products,
    origin: { platformType: input.platform, ipAddress: input.ipAddress, userAgent: input.userAgent, url: input.pageUrl },
    now,
  });

  try {
    await commitPaymentChange(services, {
      store,
      payment: ready,
      expectedVersion: existing ? existing.version : null,
      outbox: newOutboxEvent({ store, payment: ready, type: 'Transaction.Ready', at: now }),
    });
  } catch (err) {
    if (err instanceof ConcurrentModificationError) return fail('Aborted', '동시에 같은 결제 건의 결제창이 열렸습니다. 다시 시도해 주세요. (the payment changed concurrently)', 409);
    throw err;
  }

  const session: CheckoutSession = {
    v: 1,
    sessionId: randomUUID(),
    storeId: store.storeId,
    paymentId: req.paymentId,
    channelKey: channel.channelKey,
    txId,
    orderName: req.orderName,
    amount: { total: req.totalAmount, ...(req.taxFreeAmount !== undefined ? { taxFree: req.taxFreeAmount } : {}), ...(req.vatAmount !== undefined ? { vat: req.vatAmount } : {}) },
    currency: req.currency,
    payMethod,
    easyPayProvider: payMethod === 'ALIPAY_PLUS' ? req.alipayPlus?.easyPayProvider && alipayPlusWalletOas(req.alipayPlus.easyPayProvider) : req.easyPay?.easyPayProvider,
    bankCode: req.virtualAccount?.bankCode,
    carrier: req.mobile?.carrier === undefined ? undefined : withoutPrefix(req.mobile.carrier, 'CARRIER'),
    giftCertificateType: req.giftCertificate?.giftCertificateType === undefined ? undefined : withoutPrefix(req.giftCertificate.giftCertificateType, 'GIFT_CERTIFICATE_TYPE'),
    validHours: req.virtualAccount?.accountExpiry?.validHours,
    dueDate: req.virtualAccount?.accountExpiry?.dueDate,
    installmentMonth: req.card?.installment?.monthOption?.fixedMonth,
    cashReceipt: cashReceiptWindowOf(profile, payMethod, payMethod === 'TRANSFER' ? req.transfer : req.virtualAccount),
    ...(channel.manualConfirm ? { manualConfirm: true as const } : {}),
    ...(confirm.url ? { confirmUrl: confirm.url } : {}),
    windowType: input.windowType,
    platform: input.platform,
    merchantOrigin: input.merchantOrigin,
    redirectUrl: req.redirectUrl,
    lang: /^en/i.test(req.locale ?? '') ? 'en' : 'ko',
    exp: Math.floor(services.wallNow() / 1000) + SESSION_TTL_SECONDS,
  };
  return { ok: true, token: sealSession(services, session), session };
}
