import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConcurrentModificationError } from '../../domain/errors.ts';
import type { IdentityVerificationRecord } from '../../domain/identity-verification.ts';
import type { BillingListQuery } from '../../ports/billing-repository.ts';
import type { IdentityVerificationRepository } from '../../ports/identity-verification-repository.ts';
import type { Page } from '../../ports/repository.ts';
import { recordOrUndefined, type Item } from './items.ts';
import { identityVerificationSk, identityVerificationsIndexPk, storePk, timeSortKey } from './keys.ts';
import { queryPage } from './paging.ts';
import { INDEX, ITEM_TYPE, ITEM_TYPE_ATTRIBUTE } from './schema.ts';

const T1 = INDEX.BY_TIME;

export const identityVerificationItem = (record: IdentityVerificationRecord): Item => ({
  pk: storePk(record.storeId),
  sk: identityVerificationSk(record.id),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.IDENTITY_VERIFICATION,
  [T1.partitionKey]: identityVerificationsIndexPk(record.storeId),
  [T1.sortKey]: timeSortKey(record.requestedAt, record.id),
  ...record,
});

/** Identity verifications on the single table (the DynamoDB adapter delegates here). */
export class DynamoDbIdentityVerificationRepository implements IdentityVerificationRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getIdentityVerification(storeId: string, id: string): Promise<IdentityVerificationRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: identityVerificationSk(id) }, ConsistentRead: true }));
    return recordOrUndefined<IdentityVerificationRecord>(out.Item);
  }

  /** Index reads are eventually consistent on AWS (docs/architecture.md). */
  queryIdentityVerifications(storeId: string, query: BillingListQuery): Promise<Page<IdentityVerificationRecord>> {
    return queryPage<IdentityVerificationRecord>(
      this.db,
      {
        TableName: this.tableName,
        IndexName: T1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': T1.partitionKey },
        ExpressionAttributeValues: { ':pk': identityVerificationsIndexPk(storeId) },
        ScanIndexForward: !query.descending,
      },
      query.limit,
      query.after,
    );
  }

  async saveIdentityVerification(record: IdentityVerificationRecord, expectedVersion: number | null): Promise<void> {
    const next = { ...record, version: (expectedVersion ?? 0) + 1 };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: identityVerificationItem(next),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
      record.version = next.version;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) {
        const old = err.Item ? recordOrUndefined<IdentityVerificationRecord>(unmarshall(err.Item)) : undefined;
        throw new ConcurrentModificationError(`identity verification ${record.id}`, old);
      }
      throw err;
    }
  }
}
