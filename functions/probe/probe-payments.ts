import type { Services } from '../services.ts';

/** The paymentIds of the payments a probe run makes (run-probe.ts). */
export const PROBE_PAYMENT_PREFIX = 'sandbox-probe-';

/**
 * Counts a getPayment of a probe payment, so the probe can see a receiver process one webhook-id
 * twice (checks.ts, ReprocessingEvidence). Other payments cost nothing here. A failed count never
 * fails the merchant's read: the probe then just sees fewer reads.
 */
export async function noteApiRead(services: Services, storeId: string, paymentId: string): Promise<void> {
  if (!paymentId.startsWith(PROBE_PAYMENT_PREFIX)) return;
  await services.repo.recordProbeRead(storeId, paymentId).catch(() => undefined);
}
