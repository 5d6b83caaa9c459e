import type { IdentityVerificationRecord } from '../domain/identity-verification.ts';

/**
 * PortOne's `IdentityVerification` (a union on `status`): READY and FAILED show what the shop
 * requested, VERIFIED what the carrier confirmed, with the PG's raw answer as a JSON string.
 */
export function presentIdentityVerification(v: IdentityVerificationRecord): Record<string, unknown> {
  const common = {
    status: v.status,
    id: v.id,
    channel: v.channel,
    ...(v.customData !== undefined ? { customData: v.customData } : {}),
    requestedAt: v.requestedAt,
    updatedAt: v.updatedAt,
    statusChangedAt: v.statusChangedAt,
    pgTxId: v.pgTxId,
    version: 'V2',
  };
  if (v.status === 'VERIFIED' && v.verifiedCustomer && v.verifiedAt) {
    const c = v.verifiedCustomer;
    const pgRawResponse = JSON.stringify({ sandbox: true, pgProvider: v.channel.pgProvider, pgTxId: v.pgTxId, result: 'SUCCESS', carrier: c.operator });
    return { ...common, verifiedCustomer: c, verifiedAt: v.verifiedAt, pgRawResponse };
  }
  if (v.status === 'FAILED' && v.failure) return { ...common, requestedCustomer: v.requestedCustomer, failure: v.failure };
  return { ...common, requestedCustomer: v.requestedCustomer };
}
