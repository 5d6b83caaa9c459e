import { PortOneError, invalidRequest } from '../domain/errors.ts';
import {
  discountAt,
  policyProblem,
  promotionStatus,
  type PaymentPromotion,
  type PromotionCardCompany,
  type PromotionRecord,
  type PromotionRecoverOption,
} from '../domain/promotion.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { randomUUID } from 'node:crypto';

/** What the console's 프로모션 추가 form takes (sandbox API `POST /sandbox/promotions`). */
export interface CreatePromotionInput {
  id?: string;
  name: string;
  cardCompany: PromotionCardCompany;
  discountPolicy: PromotionRecord['discountPolicy'];
  totalBudget: number;
  maxDiscountAmount?: number;
  /** Default: now (store time). */
  startAt?: string;
  endAt: string;
  /** Default: RECOVER (console guide: "기본적으로 취소된 프로모션 금액이 예산에 복구"). */
  recoverOption?: PromotionRecoverOption;
}

export const promotionNotFound = (promotionId: string) => new PortOneError('PROMOTION_NOT_FOUND', `프로모션이 존재하지 않습니다. (promotionId: ${promotionId})`);

export async function createPromotion(services: Services, storeId: string, input: CreatePromotionInput): Promise<PromotionRecord> {
  const store = await loadStore(services, storeId);
  const now = storeNow(services, store);
  const problem = policyProblem(input.discountPolicy.partitions);
  if (problem) throw invalidRequest(problem);
  const startAt = new Date(input.startAt ?? now).toISOString();
  const endAt = new Date(input.endAt).toISOString();
  if (endAt <= startAt) throw invalidRequest('endAt: must be after startAt');
  const promotion: PromotionRecord = {
    storeId,
    id: input.id ?? `promotion-${randomUUID()}`,
    name: input.name,
    cardCompany: input.cardCompany,
    currency: 'KRW',
    discountPolicy: input.discountPolicy,
    totalBudget: input.totalBudget,
    ...(input.maxDiscountAmount !== undefined && { maxDiscountAmount: input.maxDiscountAmount }),
    spentAmount: 0,
    startAt,
    endAt,
    createdAt: now.toISOString(),
    recoverOption: input.recoverOption ?? { type: 'RECOVER' },
  };
  if (!(await services.repo.createPromotion(promotion))) throw new PortOneError('PROMOTION_ALREADY_EXISTS', `이미 존재하는 프로모션 아이디입니다. (promotionId: ${promotion.id})`);
  return promotion;
}

export async function getPromotion(services: Services, storeId: string, promotionId: string): Promise<{ promotion: PromotionRecord; now: Date }> {
  const store = await loadStore(services, storeId);
  const promotion = await services.repo.getPromotion(storeId, promotionId);
  if (!promotion) throw promotionNotFound(promotionId);
  return { promotion, now: storeNow(services, store) };
}

export async function listPromotions(services: Services, storeId: string): Promise<{ promotions: PromotionRecord[]; now: Date }> {
  const store = await loadStore(services, storeId);
  return { promotions: await services.repo.listPromotions(storeId), now: storeNow(services, store) };
}

/** The console's 일시중지 / 재시작 / 종료 (console guide, "프로모션 상태 안내"). */
export async function changePromotionState(services: Services, storeId: string, promotionId: string, action: 'PAUSE' | 'RESUME' | 'TERMINATE'): Promise<{ promotion: PromotionRecord; now: Date }> {
  const { promotion, now } = await getPromotion(services, storeId, promotionId);
  const at = now.toISOString();
  const change = action === 'PAUSE' ? { pausedAt: promotion.pausedAt ?? at } : action === 'RESUME' ? { pausedAt: null } : { terminatedAt: at };
  if (!(await services.repo.setPromotionState(storeId, promotionId, change))) {
    throw new PortOneError('PROMOTION_ALREADY_TERMINATED', `종료된 프로모션은 변경할 수 없습니다. (promotionId: ${promotionId})`);
  }
  return getPromotion(services, storeId, promotionId);
}

/** PortOne's `CardPromotion` JSON: the record with its status at store time `now`. */
export function presentPromotion(p: PromotionRecord, now: Date): Record<string, unknown> {
  const { storeId, id, name, discountPolicy, totalBudget, maxDiscountAmount, spentAmount, currency, startAt, endAt, terminatedAt, cardCompany, createdAt, recoverOption } = p;
  return {
    type: 'CARD',
    id,
    storeId,
    name,
    discountPolicy,
    totalBudget,
    ...(maxDiscountAmount !== undefined && { maxDiscountAmount }),
    spentAmount,
    currency,
    startAt,
    endAt,
    ...(terminatedAt !== undefined && { terminatedAt }),
    cardCompany,
    status: promotionStatus(p, now),
    createdAt,
    recoverOption,
  };
}

/**
 * A payment's promotion, decided before the PG is asked: the request must pay by card of the
 * promotion's card company (integration guide: 카드사가 일치하지 않는 경우 에러; the card's 발행사
 * by its BIN, so a 카카오뱅크 card counts as KB국민카드's: assumed). A promotion that is not running,
 * or whose budget cannot cover the discount, gives none and the payment proceeds as usual. Unknown
 * ids are refused: PayInstantlyError has no PROMOTION_NOT_FOUND, so INVALID_REQUEST (assumed).
 */
export async function promotionFor(
  services: Services,
  store: StoreRecord,
  req: { promotionId: string; total: number; cardPublisher: string | undefined; now: Date },
): Promise<PaymentPromotion> {
  const promotion = await services.repo.getPromotion(store.storeId, req.promotionId);
  if (!promotion) throw invalidRequest(`promotionId: 프로모션이 존재하지 않습니다. (${req.promotionId})`);
  if (req.cardPublisher !== promotion.cardCompany) {
    throw new PortOneError(
      'PROMOTION_PAY_METHOD_DOES_NOT_MATCH',
      `결제수단이 프로모션에 지정된 것과 일치하지 않습니다. (프로모션 카드사: ${promotion.cardCompany}, 결제 카드사: ${req.cardPublisher ?? '카드 아님'})`,
    );
  }
  const { discount, rate } = discountAt(promotion, req.total, req.now);
  if (discount >= req.total) {
    throw new PortOneError('DISCOUNT_AMOUNT_EXCEEDS_TOTAL_AMOUNT', `프로모션 할인 금액(${discount})이 결제 금액(${req.total}) 이상입니다.`);
  }
  return {
    id: promotion.id,
    discount,
    rate,
    orderCancelled: 0,
    recovers: promotion.recoverOption.type === 'RECOVER',
    policy: { discountPolicy: promotion.discountPolicy, ...(promotion.maxDiscountAmount !== undefined && { maxDiscountAmount: promotion.maxDiscountAmount }) },
  };
}

/**
 * Takes the discount out of the budget (PortOne 선점s it when the payment starts): when another
 * payment took the last of it meanwhile, the payment gets no discount, as if the budget had been
 * short from the start.
 */
export async function reserveDiscount(services: Services, storeId: string, promotion: PaymentPromotion): Promise<PaymentPromotion> {
  if (promotion.discount === 0 || (await services.repo.adjustPromotionSpent(storeId, promotion.id, promotion.discount))) return promotion;
  return { ...promotion, discount: 0, rate: 0 };
}

/**
 * Gives discount back to the budget: a reserved discount whose payment did not happen, or what a
 * cancel released from a promotion that recovers. Not in the payment's transaction: a crash between
 * them leaves the budget spent (the safe side: no promotion overspends). Assumed and documented.
 */
export async function releaseDiscount(services: Services, storeId: string, promotionId: string, amount: number): Promise<void> {
  if (amount > 0) await services.repo.adjustPromotionSpent(storeId, promotionId, -amount);
}
