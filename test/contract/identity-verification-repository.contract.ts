import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConcurrentModificationError } from '../../functions/domain/errors.ts';
import type { IdentityVerificationRecord } from '../../functions/domain/identity-verification.ts';
import type { Repository } from '../../functions/ports/repository.ts';

/**
 * The identity-verification part of the Repository contract (ports/identity-verification-repository.ts),
 * run on the in-memory double and on DynamoDB Local by the same two files as repository.contract.ts.
 */
export function identityVerificationRepositoryContract(name: string, repository: () => Repository) {
  describe(`Identity verification repository contract: ${name}`, () => {
    const repo = () => repository();

    it('creates a verification once, replaces it only over the version it read, lists by request time, and a store reset deletes it', async () => {
      const storeId = `store-${randomUUID()}`;
      const a = verification(storeId, 'idv-a', '2026-01-01T00:00:00.000Z');
      const b = verification(storeId, 'idv-b', '2026-01-02T00:00:00.000Z');
      await repo().saveIdentityVerification(a, null);
      await repo().saveIdentityVerification(b, null);
      expect(a.version).toBe(1);
      await expect(repo().saveIdentityVerification({ ...a }, null)).rejects.toBeInstanceOf(ConcurrentModificationError);
      await repo().saveIdentityVerification({ ...a, status: 'FAILED', wrongOtps: 5 }, 1);
      const lost = await repo().saveIdentityVerification({ ...a, wrongOtps: 1 }, 1).catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(ConcurrentModificationError);
      expect((lost as ConcurrentModificationError).current).toMatchObject({ status: 'FAILED', version: 2 });
      expect(await repo().getIdentityVerification(storeId, 'idv-a')).toMatchObject({ status: 'FAILED', wrongOtps: 5, version: 2 });

      const newest = await repo().queryIdentityVerifications(storeId, { descending: true, limit: 1 });
      expect(newest.items.map((v) => v.id)).toEqual(['idv-b']);
      const rest = await repo().queryIdentityVerifications(storeId, { descending: true, limit: 5, after: newest.next });
      expect(rest.items.map((v) => v.id)).toEqual(['idv-a']);

      expect(await repo().deleteStoreItems(storeId, ['IDENTITY_VERIFICATION'])).toBe(2);
      expect(await repo().getIdentityVerification(storeId, 'idv-a')).toBeUndefined();
    });
  });
}

function verification(storeId: string, id: string, requestedAt: string): IdentityVerificationRecord {
  return {
    storeId,
    id,
    status: 'READY',
    txId: randomUUID(),
    channel: { type: 'TEST', id: 'ch', key: 'channel-key-test-danal', name: 'Danal', pgProvider: 'DANAL', pgMerchantId: '9810030929' },
    requestedCustomer: { name: '홍길동' },
    platformType: 'API',
    requestedAt,
    updatedAt: requestedAt,
    statusChangedAt: requestedAt,
    pgTxId: `danal-${id}`,
    wrongOtps: 0,
    version: 0,
  };
}
