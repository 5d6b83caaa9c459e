import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeIf } from './conditional.ts';
import type { CheckoutProfileRecord } from '../../domain/checkout-profile.ts';
import type { PaymentSessionRecord } from '../../domain/payment-session.ts';
import type { CheckoutRepository } from '../../ports/checkout-repository.ts';
import { recordOrUndefined, type Item } from './items.ts';
import { CHECKOUT_PROFILE_SK, PAYMENT_SESSION_SK, checkoutProfilePk, paymentSessionPk, storeCheckoutProfilesIndexPk, timeSortKey } from './keys.ts';
import { queryAll } from './paging.ts';
import { INDEX, ITEM_TYPE, ITEM_TYPE_ATTRIBUTE } from './schema.ts';

const profileKeyOf = (profileKey: string) => ({ pk: checkoutProfilePk(profileKey), sk: CHECKOUT_PROFILE_SK });
const sessionKeyOf = (sessionId: string) => ({ pk: paymentSessionPk(sessionId), sk: PAYMENT_SESSION_SK });

/** Checkout profiles and payment sessions, each in a partition of its own key (the DynamoDB adapter delegates here). */
export class DynamoDbCheckoutRepository implements CheckoutRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCheckoutProfile(profileKey: string): Promise<CheckoutProfileRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: profileKeyOf(profileKey), ConsistentRead: true }));
    return recordOrUndefined<CheckoutProfileRecord>(out.Item as Item | undefined);
  }

  async listCheckoutProfiles(storeId: string): Promise<CheckoutProfileRecord[]> {
    return queryAll<CheckoutProfileRecord>(this.db, {
      TableName: this.tableName,
      IndexName: INDEX.BY_OWNER.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEX.BY_OWNER.partitionKey },
      ExpressionAttributeValues: { ':pk': storeCheckoutProfilesIndexPk(storeId) },
      ScanIndexForward: false,
    });
  }

  createCheckoutProfile(profile: CheckoutProfileRecord): Promise<boolean> {
    const item: Item = {
      ...profileKeyOf(profile.profileKey),
      [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.CHECKOUT_PROFILE,
      [INDEX.BY_OWNER.partitionKey]: storeCheckoutProfilesIndexPk(profile.storeId),
      [INDEX.BY_OWNER.sortKey]: timeSortKey(profile.createdAt, profile.profileKey),
      ...profile,
    };
    return writeIf(this.db, new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  deleteCheckoutProfile(storeId: string, profileKey: string): Promise<boolean> {
    return writeIf(this.db, 
      new DeleteCommand({ TableName: this.tableName, Key: profileKeyOf(profileKey), ConditionExpression: 'storeId = :s', ExpressionAttributeValues: { ':s': storeId } }),
    );
  }

  async getPaymentSession(sessionId: string): Promise<PaymentSessionRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: sessionKeyOf(sessionId), ConsistentRead: true }));
    return recordOrUndefined<PaymentSessionRecord>(out.Item as Item | undefined);
  }

  createPaymentSession(session: PaymentSessionRecord): Promise<boolean> {
    const item: Item = { ...sessionKeyOf(session.id), [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.PAYMENT_SESSION, ...session };
    return writeIf(this.db, new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  closePaymentSession(sessionId: string, closedAt: string): Promise<boolean> {
    return writeIf(this.db, 
      new UpdateCommand({
        TableName: this.tableName,
        Key: sessionKeyOf(sessionId),
        UpdateExpression: 'SET closedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
        ExpressionAttributeValues: { ':at': closedAt },
      }),
    );
  }
}
