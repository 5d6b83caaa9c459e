/**
 * Amount arithmetic in whole KRW (won have no minor unit).
 *
 * VAT rule (부가세, 10% included in the price): for the taxable part `t = total − taxFree`,
 * `vat = round(t / 11)` (half up) and `supply = t − vat`, so `supply + vat + taxFree = total`
 * always holds. A cancellation without `vatAmount` gets the same rule on its taxable part, except
 * the cancellation that empties the payment, which takes exactly the VAT that is left, so the VAT of
 * all cancellations adds up to the payment's VAT.
 */
export interface AmountBreakdown {
  total: number;
  taxFree: number;
  vat: number;
  supply: number;
}

/** `10,000`: an amount grouped as Koreans write it (followed by 원, or KRW in English). */
export const won = (n: number): string => n.toLocaleString('ko-KR');

export function vatOf(taxable: number): number {
  return Math.floor((taxable + 5) / 11);
}

export function breakdown(total: number, taxFree = 0, vat?: number): AmountBreakdown {
  const taxable = total - taxFree;
  const v = vat ?? vatOf(taxable);
  return { total, taxFree, vat: v, supply: taxable - v };
}

export interface CancellableState {
  paid: number;
  cancelled: number;
  taxFree: number;
  cancelledTaxFree: number;
  vat: number;
  cancelledVat: number;
}

export interface CancelSplit {
  totalAmount: number;
  taxFreeAmount: number;
  vatAmount: number;
}

export type CancelSplitResult =
  | { ok: true; split: CancelSplit }
  | { ok: false; type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT' | 'CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT' | 'CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT' | 'INVALID_REQUEST'; message: string };

export const cancellableAmount = (s: CancellableState) => s.paid - s.cancelled;

/** Splits a requested cancel into total / tax-free / VAT, refusing anything that would go negative. */
export function splitCancel(
  state: CancellableState,
  request: { amount?: number; taxFreeAmount?: number; vatAmount?: number },
): CancelSplitResult {
  const cancellable = cancellableAmount(state);
  const cancellableTaxFree = state.taxFree - state.cancelledTaxFree;
  const cancellableVat = state.vat - state.cancelledVat;
  const totalAmount = request.amount ?? cancellable;
  if (totalAmount <= 0) return { ok: false, type: 'INVALID_REQUEST', message: '취소 금액은 0보다 커야 합니다. (amount must be positive)' };
  if (totalAmount > cancellable) {
    return {
      ok: false,
      type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT',
      message: `취소 금액(${totalAmount})이 취소 가능 금액(${cancellable})을 초과합니다.`,
    };
  }
  const isFullRemainder = totalAmount === cancellable;
  // Cancelling everything that is left also cancels every won of tax-free that is left.
  const taxFreeAmount = request.taxFreeAmount ?? (isFullRemainder ? cancellableTaxFree : 0);
  if (taxFreeAmount < 0 || taxFreeAmount > totalAmount) {
    return { ok: false, type: 'INVALID_REQUEST', message: 'taxFreeAmount must be between 0 and amount' };
  }
  if (taxFreeAmount > cancellableTaxFree) {
    return {
      ok: false,
      type: 'CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT',
      message: `면세 취소 금액(${taxFreeAmount})이 취소 가능 면세 금액(${cancellableTaxFree})을 초과합니다.`,
    };
  }
  const taxable = totalAmount - taxFreeAmount;
  const cancellableTaxable = cancellable - cancellableTaxFree;
  if (taxable > cancellableTaxable) {
    return {
      ok: false,
      type: 'CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT',
      message: `과세 취소 금액(${taxable})이 취소 가능 과세 금액(${cancellableTaxable})을 초과합니다.`,
    };
  }
  const vatAmount = request.vatAmount ?? (taxable === cancellableTaxable ? cancellableVat : Math.min(vatOf(taxable), cancellableVat));
  if (vatAmount < 0 || vatAmount > taxable || vatAmount > cancellableVat) {
    return { ok: false, type: 'INVALID_REQUEST', message: `vatAmount must be between 0 and ${Math.min(taxable, cancellableVat)}` };
  }
  return { ok: true, split: { totalAmount, taxFreeAmount, vatAmount } };
}
