/**
 * Conformance of disputes (분쟁) as PortOne's API shows them: a PAID payment carrying an UNRESOLVED
 * and a RESOLVED `Dispute`, through the official SDK's getPayment and getPayments, validated by
 * the suite's recorder. The disputes are raised through
 * the sandbox API (not recorded: PortOne has no such operation).
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';

export function defineDisputeConformance({ target, sdk, id }: ConformanceContext): void {
  const sandbox = async (path: string) => {
    const res = await fetch(`${target().baseUrl}/sandbox/${path}`, { method: 'POST', headers: { authorization: `PortOne ${target().apiSecret}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { pgDisputeId: string };
  };

  describe('disputes', () => {
    it('getPayment 200 with disputes RESOLVED and UNRESOLVED; getPayments 200 lists the payment', async () => {
      const paymentId = id('dispute');
      await sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '분쟁 주문', amount: { total: 5_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
      const first = await sandbox(`payments/${paymentId}/disputes`);
      await sandbox(`payments/${paymentId}/disputes/${first.pgDisputeId}/resolve`);
      await sandbox(`payments/${paymentId}/disputes`);
      const payment = (await sdk().getPayment({ paymentId })) as { disputes?: { status: string }[] };
      expect(payment.disputes?.map((d) => d.status)).toEqual(['RESOLVED', 'UNRESOLVED']);
      await sdk().getPayments({ filter: { storeId: target().storeId }, page: { number: 0, size: 5 } });
    });
  });
}
