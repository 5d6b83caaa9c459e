import { PortOneError, invalidRequest, paymentNotFound } from '../domain/errors.ts';
import { isPaidLike } from '../domain/payment.ts';
import { getProfile } from '../domain/profiles/index.ts';
import type { PgCardPromotionFact } from '../domain/profiles/types.ts';
import type { Services } from '../services.ts';
import { loadChannel } from './approve.ts';

/**
 * getPgCardPromotions: the card promotions the channel's PG offers for an amount (PortOne relays
 * the PG's list). Only PGs whose profile has `cardPromotions` answer (OAS: KCP_V2 only); another
 * channel is refused 400 INVALID_REQUEST, as PortOne refuses an unsupported request (assumed).
 */
export async function pgCardPromotions(
  services: Services,
  storeId: string,
  query: { channelKey: string; amount: number; cardCompany?: string },
): Promise<readonly PgCardPromotionFact[]> {
  const channel = await loadChannel(services, storeId, query.channelKey);
  const offered = getProfile(channel.pgProvider)?.cardPromotions;
  if (!offered) throw invalidRequest(`channelKey: ${channel.pgProvider} 채널은 PG사 카드 프로모션 조회를 지원하지 않습니다. (PortOne: KCP_V2만 지원)`);
  return offered.value.filter((p) => p.minimumPaymentAmount <= query.amount && (query.cardCompany === undefined || p.cardCompany === query.cardCompany));
}

/** One sub-store's transaction for the receipt (OAS `RegisterStoreReceiptBodyItem`). */
export interface StoreReceiptItem {
  storeBusinessRegistrationNumber: string;
  storeName: string;
  totalAmount: number;
  taxFreeAmount?: number;
  vatAmount?: number;
  supplyAmount?: number;
  currency: string;
}

/**
 * registerStoreReceipt (영수증 내 하위 상점 거래 등록): the sub-stores' transactions on a paid payment's
 * 매출전표 (sales slip). Supported where the profile says so (OAS: KG이니시스 only; elsewhere 400
 * INVALID_REQUEST, assumed); the payment must be paid (409 PAYMENT_NOT_PAID). The items must be in
 * the payment's currency and add up to no more than what is still paid (assumed: a slip cannot show
 * more than the payment). The answer is the payment's receipt URL, which now shows them.
 */
export async function registerStoreReceipt(services: Services, storeId: string, paymentId: string, items: readonly StoreReceiptItem[]): Promise<{ receiptUrl: string }> {
  const payment = await services.repo.getPayment(storeId, paymentId);
  if (!payment) throw paymentNotFound(paymentId);
  if (!isPaidLike(payment.status)) throw new PortOneError('PAYMENT_NOT_PAID', `결제 완료 상태가 아닌 결제 건입니다. (status: ${payment.status})`);
  const pgProvider = payment.channel?.pgProvider ?? '';
  if (!getProfile(pgProvider)?.storeReceipts?.value) {
    throw invalidRequest(`${pgProvider} 결제 건은 영수증 내 하위 상점 거래 등록을 지원하지 않습니다. (PortOne: KG이니시스만 지원)`);
  }
  const foreign = items.find((i) => i.currency !== payment.currency);
  if (foreign) throw invalidRequest(`items[].currency: 결제 통화(${payment.currency})와 다릅니다. (${foreign.currency})`);
  const sum = items.reduce((total, i) => total + i.totalAmount, 0);
  const paid = payment.amount.paid - payment.amount.cancelled;
  if (sum > paid) throw invalidRequest(`items[].totalAmount: 하위 상점 거래 금액의 합(${sum})이 결제 금액(${paid})을 초과합니다.`);
  return { receiptUrl: payment.receiptUrl ?? `https://sandbox.pg-sandbox.invalid/receipts/${payment.transactionId}` };
}
