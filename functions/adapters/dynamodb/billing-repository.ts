import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { BillingKeyRecord } from '../../domain/billing-key.ts';
import { ConcurrentModificationError } from '../../domain/errors.ts';
import type { OutboxEvent } from '../../domain/outbox.ts';
import type { PaymentScheduleRecord } from '../../domain/payment-schedule.ts';
import type { TimerRecord } from '../../domain/timer.ts';
import type { BillingListQuery, BillingRepository, CreateScheduleResult, ScheduleChange } from '../../ports/billing-repository.ts';
import type { Page } from '../../ports/repository.ts';
import { billingKeyItem, scheduleItem, scheduledPaymentItem } from './billing-items.ts';
import { outboxItem, recordOrUndefined, timerItem, timerSettleUpdate, type Item } from './items.ts';
import { billingKeySchedulesIndexPk, billingKeySk, billingKeysIndexPk, scheduleSk, scheduledPaymentSk, schedulesIndexPk, storePk } from './keys.ts';
import { queryAll, queryPage } from './paging.ts';
import { INDEX } from './schema.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Billing keys and payment schedules on the single table (the DynamoDB adapter delegates here). */
export class DynamoDbBillingRepository implements BillingRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getBillingKey(storeId: string, billingKey: string): Promise<BillingKeyRecord | undefined> {
    return this.get<BillingKeyRecord>(storePk(storeId), billingKeySk(billingKey));
  }

  async getPaymentScheduleId(storeId: string, paymentId: string): Promise<string | undefined> {
    return (await this.get<{ scheduleId: string }>(storePk(storeId), scheduledPaymentSk(paymentId)))?.scheduleId;
  }

  queryBillingKeys(storeId: string, query: BillingListQuery): Promise<Page<BillingKeyRecord>> {
    return queryPage<BillingKeyRecord>(this.db, this.indexQuery(INDEX.BY_TIME, billingKeysIndexPk(storeId), query.descending), query.limit, query.after);
  }

  async commitBillingKey(key: BillingKeyRecord, expectedVersion: number | null, outbox: OutboxEvent[] = []): Promise<void> {
    const next = { ...key, version: (expectedVersion ?? 0) + 1 };
    const put = {
      TableName: this.tableName,
      Item: billingKeyItem(next),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
    };
    try {
      if (outbox.length === 0) await this.db.send(new PutCommand(put));
      else await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...outbox.map((e) => this.create(outboxItem(e)))] }));
      key.version = next.version;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || err instanceof TransactionCanceledException) {
        throw new ConcurrentModificationError(`billing key ${key.billingKey}`, conflicting<BillingKeyRecord>(err));
      }
      throw err;
    }
  }

  getPaymentSchedule(storeId: string, scheduleId: string): Promise<PaymentScheduleRecord | undefined> {
    return this.get<PaymentScheduleRecord>(storePk(storeId), scheduleSk(scheduleId));
  }

  querySchedules(storeId: string, query: BillingListQuery): Promise<Page<PaymentScheduleRecord>> {
    return queryPage<PaymentScheduleRecord>(this.db, this.indexQuery(INDEX.BY_TIME, schedulesIndexPk(storeId), query.descending), query.limit, query.after);
  }

  listBillingKeySchedules(storeId: string, billingKey: string): Promise<PaymentScheduleRecord[]> {
    return queryAll<PaymentScheduleRecord>(this.db, this.indexQuery(INDEX.BY_OWNER, billingKeySchedulesIndexPk(storeId, billingKey), false));
  }

  async createSchedule(schedule: PaymentScheduleRecord, timer: TimerRecord, billingKeyVersion: number): Promise<CreateScheduleResult> {
    const items: TransactItem[] = [
      this.create(scheduleItem({ ...schedule, version: 1 })),
      this.create(scheduledPaymentItem(schedule)),
      this.create(timerItem(timer)),
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: storePk(schedule.storeId), sk: billingKeySk(schedule.billingKey) },
          UpdateExpression: 'SET version = :next',
          ConditionExpression: 'version = :v AND #s = :issued',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':v': billingKeyVersion, ':next': billingKeyVersion + 1, ':issued': 'ISSUED' },
        },
      },
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      schedule.version = 1;
      return 'CREATED';
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      return err.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed' ? 'PAYMENT_ALREADY_SCHEDULED' : 'BILLING_KEY_CHANGED';
    }
  }

  async saveSchedules(storeId: string, changes: ScheduleChange[]): Promise<boolean> {
    const items: TransactItem[] = [];
    for (const c of changes) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: scheduleItem({ ...c.schedule, version: c.expectedVersion + 1 }),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': c.expectedVersion },
        },
      });
      if (c.settleTimer) items.push({ Update: { TableName: this.tableName, ...timerSettleUpdate(storeId, c.settleTimer.timerId, c.settleTimer.state, c.settleTimer.at) } });
      if (c.releasePaymentId) {
        items.push({
          Delete: {
            TableName: this.tableName,
            Key: { pk: storePk(storeId), sk: scheduledPaymentSk(c.schedule.paymentId) },
            ConditionExpression: 'scheduleId = :id',
            ExpressionAttributeValues: { ':id': c.schedule.scheduleId },
          },
        });
      }
    }
    if (items.length > 100) throw new Error('at most 100 writes per schedule change (DynamoDB transaction limit)');
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
    for (const c of changes) c.schedule.version = c.expectedVersion + 1;
    return true;
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }));
    return recordOrUndefined<T>(out.Item);
  }

  private create(Item: Item): TransactItem {
    return { Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  /** Index reads are eventually consistent on AWS (docs/architecture.md). */
  private indexQuery(index: (typeof INDEX)[keyof typeof INDEX], partition: string, descending: boolean) {
    return {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: !descending,
    };
  }
}

function conflicting<T>(err: ConditionalCheckFailedException | TransactionCanceledException): T | undefined {
  const old = err instanceof ConditionalCheckFailedException ? err.Item : err.CancellationReasons?.[0]?.Item;
  return old ? recordOrUndefined<T>(unmarshall(old)) : undefined;
}
