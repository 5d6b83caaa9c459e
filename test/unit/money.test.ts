import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakdown, cancellableAmount, splitCancel, vatOf, type CancellableState } from '../../functions/domain/money.ts';

const payment = fc
  .record({ total: fc.integer({ min: 1, max: 50_000_000 }), taxFreeShare: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ total, taxFreeShare }) => {
    const taxFree = Math.floor(total * taxFreeShare);
    const b = breakdown(total, taxFree);
    const state: CancellableState = { paid: total, cancelled: 0, taxFree, cancelledTaxFree: 0, vat: b.vat, cancelledVat: 0 };
    return { b, state };
  });

describe('money: VAT split', () => {
  it('supply + vat + taxFree = total, never negative', () => {
    fc.assert(
      fc.property(payment, ({ b }) => {
        expect(b.supply + b.vat + b.taxFree).toBe(b.total);
        expect(b.vat).toBeGreaterThanOrEqual(0);
        expect(b.supply).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('rounds VAT half up on taxable / 11', () => {
    expect(vatOf(11_000)).toBe(1_000);
    expect(vatOf(3_000)).toBe(273); // 272.7
    expect(vatOf(16)).toBe(1); // 1.45 → 1
    expect(vatOf(17)).toBe(2); // 1.545 → 2
  });
});

describe('money: any sequence of cancels', () => {
  it('keeps cancelled + cancellable = paid, never cancels more than paid, and VAT/tax-free add up at the end', () => {
    fc.assert(
      fc.property(payment, fc.array(fc.record({ amount: fc.integer({ min: 1, max: 60_000_000 }), taxFreePart: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 12 }), ({ state }, requests) => {
        const s = { ...state };
        for (const r of requests) {
          const leftTaxFree = s.taxFree - s.cancelledTaxFree;
          const taxFreeAmount = Math.min(leftTaxFree, Math.floor(Math.min(r.amount, cancellableAmount(s)) * r.taxFreePart));
          const result = splitCancel(s, { amount: r.amount, taxFreeAmount });
          if (!result.ok) {
            expect(r.amount > cancellableAmount(s) || result.type !== 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT').toBe(true);
            continue;
          }
          const { totalAmount, taxFreeAmount: tf, vatAmount } = result.split;
          expect(tf).toBeGreaterThanOrEqual(0);
          expect(vatAmount).toBeGreaterThanOrEqual(0);
          expect(vatAmount).toBeLessThanOrEqual(totalAmount - tf);
          s.cancelled += totalAmount;
          s.cancelledTaxFree += tf;
          s.cancelledVat += vatAmount;
          expect(s.cancelled + cancellableAmount(s)).toBe(s.paid);
          expect(s.cancelled).toBeLessThanOrEqual(s.paid);
          expect(s.cancelledTaxFree).toBeLessThanOrEqual(s.taxFree);
          expect(s.cancelledVat).toBeLessThanOrEqual(s.vat);
        }
        // Cancelling whatever is left always works and closes every account exactly.
        if (cancellableAmount(s) > 0) {
          const last = splitCancel(s, {});
          expect(last.ok).toBe(true);
          if (last.ok) {
            s.cancelled += last.split.totalAmount;
            s.cancelledTaxFree += last.split.taxFreeAmount;
            s.cancelledVat += last.split.vatAmount;
          }
        }
        expect(s.cancelled).toBe(s.paid);
        expect(s.cancelledTaxFree).toBe(s.taxFree);
        expect(s.cancelledVat).toBe(s.vat);
      }),
      { numRuns: 300 },
    );
  });
});
