/**
 * PortOne's card promotions (프로모션: 카드사 즉시할인). A store creates them in PortOne's console
 * (in the sandbox: `POST /sandbox/promotions`); a payment that names one with `promotionId` is
 * discounted by its policy while it runs and its budget lasts. Shapes: the OAS `CardPromotion`.
 * Rules: PortOne's guides "프로모션 생성하기" (console-guide), "프로모션 - 결제 연동하기"
 * (integration) and "프로모션 결제 취소하기" (refund) on developers.portone.io; where they are
 * silent the choice is marked (assumed) and listed in docs/promotions.md.
 */

/** OAS `PromotionCardCompany`: one card company per promotion. */
export const PROMOTION_CARD_COMPANIES = ['WOORI_CARD', 'BC_CARD', 'SAMSUNG_CARD', 'SHINHAN_CARD', 'HYUNDAI_CARD', 'LOTTE_CARD', 'NH_CARD', 'HANA_CARD', 'KOOKMIN_CARD'] as const;
export type PromotionCardCompany = (typeof PROMOTION_CARD_COMPANIES)[number];

export type PromotionDiscountScheme = { type: 'PERCENT'; percent: number } | { type: 'AMOUNT'; amount: number };
export interface PromotionDiscountPartition {
  amountFrom: number;
  scheme: PromotionDiscountScheme;
}
export type PromotionSpareBudget = { type: 'AMOUNT'; amount: number } | { type: 'PERCENT'; percent: number };
export type PromotionRecoverOption = { type: 'RECOVER' } | { type: 'NO_RECOVER'; spareBudget?: PromotionSpareBudget };
export type PromotionStatus = 'SCHEDULED' | 'IN_PROGRESS' | 'PAUSED' | 'BUDGET_EXHAUSTED' | 'TERMINATED' | 'COMPLETED';

/** The console guide allows at most five discount conditions (할인 조건 최대 5개). */
export const MAX_PROMOTION_PARTITIONS = 5;

export interface PromotionRecord {
  storeId: string;
  id: string;
  name: string;
  cardCompany: PromotionCardCompany;
  /** Only KRW: card instant discounts are a Korean card-company product. */
  currency: 'KRW';
  discountPolicy: { partitions: PromotionDiscountPartition[] };
  totalBudget: number;
  maxDiscountAmount?: number;
  /** Discounts given and not recovered (changed only by the repository's budget adjustment). */
  spentAmount: number;
  startAt: string;
  endAt: string;
  createdAt: string;
  recoverOption: PromotionRecoverOption;
  /** The console's 일시중지: set while paused. */
  pausedAt?: string;
  /** The console's 종료: final. */
  terminatedAt?: string;
}

/** The order promotions are listed in: newest first (then by id, so the order is total). */
export const newestPromotionFirst = (a: PromotionRecord, b: PromotionRecord): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * The status at store time `now` (console guide, "프로모션 상태 안내"): 종료 by hand is final; 일시중지
 * holds whatever the dates say; then 예정 before the start, 완료 after the end, 예산소진 once the budget
 * is spent, otherwise 진행중.
 */
export function promotionStatus(p: PromotionRecord, now: Date): PromotionStatus {
  const at = now.getTime();
  if (p.terminatedAt !== undefined) return 'TERMINATED';
  if (p.pausedAt !== undefined) return 'PAUSED';
  if (at < Date.parse(p.startAt)) return 'SCHEDULED';
  if (at >= Date.parse(p.endAt)) return 'COMPLETED';
  if (p.spentAmount >= p.totalBudget) return 'BUDGET_EXHAUSTED';
  return 'IN_PROGRESS';
}

/** A partition's discount rate in percent; an amount counts as amount / amountFrom (console guide). */
const rateOf = (p: PromotionDiscountPartition): number =>
  p.scheme.type === 'PERCENT' ? p.scheme.percent : p.amountFrom === 0 ? Infinity : (p.scheme.amount / p.amountFrom) * 100;

/**
 * What is wrong with a policy, per the console guide: 1–5 conditions, minimum amounts rising, each
 * later condition's rate above the one before ("앞서 생성된 조건의 할인비율보다 크게"), percents 1–100.
 */
export function policyProblem(partitions: readonly PromotionDiscountPartition[]): string | undefined {
  if (partitions.length === 0 || partitions.length > MAX_PROMOTION_PARTITIONS) return `discountPolicy.partitions: 1 to ${MAX_PROMOTION_PARTITIONS} conditions (할인 조건은 최대 5개)`;
  for (const [i, p] of partitions.entries()) {
    if (p.scheme.type === 'PERCENT' && (p.scheme.percent < 1 || p.scheme.percent > 100)) return `discountPolicy.partitions[${i}].scheme.percent: 1 to 100`;
    const before = partitions[i - 1];
    if (!before) continue;
    if (p.amountFrom <= before.amountFrom) return `discountPolicy.partitions[${i}].amountFrom: must be above the previous condition's (${before.amountFrom})`;
    if (rateOf(p) <= rateOf(before)) return `discountPolicy.partitions[${i}]: its discount rate must be above the previous condition's (추가 할인 조건은 앞선 조건의 할인비율보다 크게)`;
  }
  return undefined;
}

/**
 * The discount the policy gives an order of `amount` (budget aside), and the rate of the condition
 * it came from: the condition with the highest minimum at or below the amount; a percent is rounded
 * down to the won (assumed) and capped by `maxDiscountAmount`. 0 when no condition applies.
 */
export function policyDiscount(p: Pick<PromotionRecord, 'discountPolicy' | 'maxDiscountAmount'>, amount: number): { discount: number; rate: number } {
  let best: PromotionDiscountPartition | undefined;
  for (const partition of p.discountPolicy.partitions) if (partition.amountFrom <= amount && (!best || partition.amountFrom > best.amountFrom)) best = partition;
  if (!best || amount <= 0) return { discount: 0, rate: 0 };
  const raw = best.scheme.type === 'PERCENT' ? Math.floor((amount * best.scheme.percent) / 100) : best.scheme.amount;
  return { discount: p.maxDiscountAmount === undefined ? raw : Math.min(raw, p.maxDiscountAmount), rate: rateOf(best) };
}

/**
 * The discount a payment of `amount` gets at `now`: none unless the promotion is 진행중, and none
 * when the budget left is smaller than the discount (integration guide, "프로모션 할인 미적용 케이스":
 * the whole discount or nothing).
 */
export function discountAt(p: PromotionRecord, amount: number, now: Date): { discount: number; rate: number } {
  if (promotionStatus(p, now) !== 'IN_PROGRESS') return { discount: 0, rate: 0 };
  const applied = policyDiscount(p, amount);
  return applied.discount <= p.totalBudget - p.spentAmount ? applied : { discount: 0, rate: 0 };
}

/** A promotion payment's own state, kept on the payment (shown as `promotionId`). */
export interface PaymentPromotion {
  id: string;
  /** The discount the payment holds now (the payment's `amount.discount` is the one it was paid with). */
  discount: number;
  /** The rate (percent) of the condition applied at payment; RETAIN keeps it (an amount counts as amount / amountFrom). */
  rate: number;
  /** Order amount (before discount) cancelled so far: cancel requests name order amounts. */
  orderCancelled: number;
  /** The option the first partial cancel chose; later partial cancels must use the same. */
  retainOption?: PromotionDiscountRetainOption;
  /** Whether a cancel gives the discount back to the budget (the promotion's recoverOption at payment time). */
  recovers: boolean;
  /** The policy at payment time (fixed once a promotion has started): RELEASE applies it to what is left. */
  policy: Pick<PromotionRecord, 'discountPolicy' | 'maxDiscountAmount'>;
}

/** OAS `PromotionDiscountRetainOption` (CancelPaymentBody.promotionDiscountRetainOption; unset = RELEASE). */
export type PromotionDiscountRetainOption = 'RETAIN' | 'RELEASE';

export type PromotionCancel =
  | { ok: true; refund: number; promotion: PaymentPromotion; recovered: number }
  | { ok: false; type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT' | 'NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT' | 'PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED'; message: string };

/**
 * A cancel of a promotion payment. The request names an order amount (refund guide: "취소 요청 금액은
 * 프로모션 적용 금액을 고려하지 않고 전달"); the money given back is what the customer paid for the
 * order left before the cancel minus what they pay for the order left after it:
 * - RETAIN keeps the applied condition's rate on what is left, never more than held before (refund
 *   guide, 혜택 유지: "5천원 이상 1000원 할인" counts as 20%; 6,000원 paid 5,000원, 2,000원 cancelled →
 *   1,800원 back, 3,200원 paid);
 * - RELEASE (the default) applies the policy anew to what is left, never more than held before
 *   (혜택 조정: the same cancel gives 1,000원 back, 4,000원 paid).
 * A refund below zero (the rest loses its discount and would cost more than was paid) is refused
 * (OAS NegativePromotionAdjustedCancelAmountError; the guide's 10,000원 −10%, 500원 cancel). The
 * discount released goes back to the budget when the promotion recovers.
 */
export function promotionCancel(
  state: { total: number; promotion: PaymentPromotion },
  request: { amount?: number; retainOption?: PromotionDiscountRetainOption },
): PromotionCancel {
  const { total, promotion } = state;
  const orderLeft = total - promotion.orderCancelled;
  const amount = request.amount ?? orderLeft;
  if (amount > orderLeft) {
    return { ok: false, type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', message: `취소 금액(${amount})이 취소 가능한 주문 금액(${orderLeft})을 초과합니다.` };
  }
  const after = orderLeft - amount;
  const option = request.retainOption ?? 'RELEASE';
  // The option matters only while something is left; a full cancel ends the discount either way (assumed).
  if (after > 0 && promotion.retainOption !== undefined && promotion.retainOption !== option) {
    return {
      ok: false,
      type: 'PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED',
      message: `프로모션 혜택 유지 옵션은 이전 부분 취소와 같아야 합니다. (이전: ${promotion.retainOption}, 요청: ${option})`,
    };
  }
  const kept = after === 0 ? 0 : option === 'RETAIN' ? Math.floor((after * promotion.rate) / 100) : policyDiscount(promotion.policy, after).discount;
  const discountAfter = Math.min(kept, promotion.discount);
  const refund = orderLeft - promotion.discount - (after - discountAfter);
  if (refund <= 0) {
    return {
      ok: false,
      type: 'NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT',
      message: `프로모션 할인이 조정되어 취소 금액이 ${refund}원이 됩니다. 남은 주문 금액(${after}원)의 결제 금액이 지금보다 커지므로 취소할 수 없습니다.`,
    };
  }
  return {
    ok: true,
    refund,
    recovered: promotion.recovers ? promotion.discount - discountAfter : 0,
    promotion: { ...promotion, discount: discountAfter, orderCancelled: promotion.orderCancelled + amount, ...(after > 0 && { retainOption: option }) },
  };
}
