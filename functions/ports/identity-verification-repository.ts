import type { IdentityVerificationRecord } from '../domain/identity-verification.ts';
import type { BillingListQuery } from './billing-repository.ts';
import type { Page } from './repository.ts';

/** Identity verifications (본인인증) as the use cases see them (part of the Repository port). */
export interface IdentityVerificationRepository {
  getIdentityVerification(storeId: string, identityVerificationId: string): Promise<IdentityVerificationRecord | undefined>;
  /** A page of the store's identity verifications by request time. */
  queryIdentityVerifications(storeId: string, query: BillingListQuery): Promise<Page<IdentityVerificationRecord>>;
  /**
   * Writes one. `expectedVersion` null: must not exist; otherwise the stored version must match
   * (ConcurrentModificationError carrying the stored record when not). Sets `record.version`.
   */
  saveIdentityVerification(record: IdentityVerificationRecord, expectedVersion: number | null): Promise<void>;
}
