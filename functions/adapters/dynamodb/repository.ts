import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { PaymentRecord } from '../../domain/payment.ts';
import type { ChannelRecord, SecretRecord, StoreRecord } from '../../domain/store.ts';
import type { TimerRecord, TimerState } from '../../timers/timer.ts';
import type { OutboxEvent } from '../../webhooks/outbox.ts';
import { META, channelSk, outboxSk, paymentSk, secretPk, storePk, timerSk, tokenPk } from './keys.ts';

/** Thrown when a conditional write lost a race: the caller reloads and decides again. */
export class ConcurrentModificationError extends Error {
  constructor(what: string) {
    super(`concurrent modification of ${what}`);
    this.name = 'ConcurrentModificationError';
  }
}

export interface TokenRecord {
  storeId: string;
  kind: 'access' | 'refresh';
  /** epoch seconds; also the table's TTL attribute, which only garbage-collects. */
  expiresAt: number;
}

/** Extra writes that must commit atomically with a payment change (timers, outbox events). */
export interface PaymentSideEffects {
  putTimers?: TimerRecord[];
  cancelTimers?: { timerId: string; at: string }[];
  fireTimers?: { timerId: string; at: string }[];
  outbox?: OutboxEvent[];
}

/** Runs a conditional write: true when it applied, false when its condition did not hold. */
async function succeeded(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, itemType: _t, ...rest } = item;
  return rest as T;
};

/** DynamoDB adapter for everything pg-sandbox stores. Every state change is a conditional write. */
export class Repository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  // ── stores ───────────────────────────────────────────────────────────────
  async getStore(storeId: string): Promise<StoreRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: META }, ConsistentRead: true }));
    return strip<StoreRecord>(out.Item);
  }

  async createStore(store: StoreRecord): Promise<boolean> {
    return succeeded(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: storePk(store.storeId), sk: META, itemType: 'STORE', ...store },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  /** Replaces a store's settings if nobody changed it since `expectedVersion`. */
  async saveStore(store: StoreRecord, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: storePk(store.storeId), sk: META, itemType: 'STORE', ...store, version: expectedVersion + 1 },
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      );
      store.version = expectedVersion + 1;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConcurrentModificationError(`store ${store.storeId}`);
      throw err;
    }
  }

  /**
   * Replaces only a store's webhook settings, if nobody changed the store since `expectedVersion`.
   * Unlike saveStore it cannot put back a stale clock offset (advanceClock moves the offset
   * without touching the version).
   */
  async saveStoreWebhook(storeId: string, webhook: StoreRecord['webhook'], expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: storePk(storeId), sk: META },
          UpdateExpression: 'SET webhook = :w, version = :next',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':w': webhook, ':v': expectedVersion, ':next': expectedVersion + 1 },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConcurrentModificationError(`store ${storeId}`);
      throw err;
    }
  }

  /** Adds a PG to the store's recorded signups; touches nothing else (a clock advance may race it). */
  async addSignup(storeId: string, pgProvider: string): Promise<void> {
    await succeeded(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: storePk(storeId), sk: META },
          UpdateExpression: 'SET signups = list_append(signups, :one)',
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(signups, :pg)',
          ExpressionAttributeValues: { ':one': [pgProvider], ':pg': pgProvider },
        }),
      ),
    );
  }

  /** Moves the test clock forward only: a smaller offset than the stored one is refused. */
  async advanceClock(storeId: string, newOffsetMs: number): Promise<boolean> {
    return succeeded(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: storePk(storeId), sk: META },
          UpdateExpression: 'SET clockOffsetMs = :o',
          ConditionExpression: 'attribute_exists(pk) AND clockOffsetMs <= :o',
          ExpressionAttributeValues: { ':o': newOffsetMs },
        }),
      ),
    );
  }

  // ── secrets and tokens ───────────────────────────────────────────────────
  async putSecret(secret: SecretRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: secretPk(secret.hash), sk: 'SECRET', itemType: 'SECRET', ...secret },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async findSecret(hash: string): Promise<SecretRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: secretPk(hash), sk: 'SECRET' } }));
    return strip<SecretRecord>(out.Item);
  }

  async putToken(hash: string, token: TokenRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: tokenPk(hash), sk: 'TOKEN', itemType: 'TOKEN', ...token } }));
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: tokenPk(hash), sk: 'TOKEN' } }));
    return strip<TokenRecord>(out.Item);
  }

  /** Deletes a token; false when it was already gone (used by a concurrent refresh). */
  async revokeToken(hash: string): Promise<boolean> {
    return succeeded(
      this.db.send(
        new DeleteCommand({ TableName: this.tableName, Key: { pk: tokenPk(hash), sk: 'TOKEN' }, ConditionExpression: 'attribute_exists(pk)' }),
      ),
    );
  }

  // ── channels ─────────────────────────────────────────────────────────────
  async putChannel(channel: ChannelRecord): Promise<boolean> {
    return succeeded(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: storePk(channel.storeId), sk: channelSk(channel.channelKey), itemType: 'CHANNEL', ...channel },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async getChannel(storeId: string, channelKey: string): Promise<ChannelRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: channelSk(channelKey) } }));
    return strip<ChannelRecord>(out.Item);
  }

  listChannels(storeId: string): Promise<ChannelRecord[]> {
    return this.queryPrefix<ChannelRecord>(storeId, 'CHANNEL#');
  }

  // ── payments ─────────────────────────────────────────────────────────────
  async getPayment(storeId: string, paymentId: string): Promise<PaymentRecord | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: paymentSk(paymentId) }, ConsistentRead: true }),
    );
    return strip<PaymentRecord>(out.Item);
  }

  listPayments(storeId: string): Promise<PaymentRecord[]> {
    return this.queryPrefix<PaymentRecord>(storeId, 'PAYMENT#');
  }

  /**
   * Writes a payment and its side effects in one transaction. `expectedVersion` null means "must
   * not exist yet"; otherwise the stored version must match, so of two racing writers exactly one
   * wins and the loser gets ConcurrentModificationError.
   */
  async commitPayment(payment: PaymentRecord, expectedVersion: number | null, effects: PaymentSideEffects = {}): Promise<void> {
    const pk = storePk(payment.storeId);
    const next = { ...payment, version: (expectedVersion ?? 0) + 1 };
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: { pk, sk: paymentSk(payment.paymentId), itemType: 'PAYMENT', ...next },
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        },
      },
    ];
    for (const timer of effects.putTimers ?? []) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk, sk: timerSk(timer.timerId), itemType: 'TIMER', ...timer },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    const settle = (timerId: string, state: 'CANCELLED' | 'FIRED', at: string) =>
      items.push({
        Update: {
          TableName: this.tableName,
          Key: { pk, sk: timerSk(timerId) },
          UpdateExpression: state === 'FIRED' ? 'SET #s = :s, firedAt = :at' : 'SET #s = :s, cancelledAt = :at',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':s': state, ':pending': 'PENDING', ':at': at },
        },
      });
    for (const t of effects.cancelTimers ?? []) settle(t.timerId, 'CANCELLED', t.at);
    for (const t of effects.fireTimers ?? []) settle(t.timerId, 'FIRED', t.at);
    for (const event of effects.outbox ?? []) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk, sk: outboxSk(event.paymentId, event.eventId), itemType: 'OUTBOX', ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    try {
      if (items.length === 1) {
        const put = items[0]!.Put!;
        await this.db.send(new PutCommand(put as ConstructorParameters<typeof PutCommand>[0]));
      } else {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      }
      payment.version = next.version;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || err instanceof TransactionCanceledException) {
        throw new ConcurrentModificationError(`payment ${payment.paymentId}`);
      }
      throw err;
    }
  }

  // ── timers ───────────────────────────────────────────────────────────────
  async getTimer(storeId: string, timerId: string): Promise<TimerRecord | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: timerSk(timerId) }, ConsistentRead: true }),
    );
    return strip<TimerRecord>(out.Item);
  }

  listTimers(storeId: string): Promise<TimerRecord[]> {
    return this.queryPrefix<TimerRecord>(storeId, 'TIMER#');
  }

  async putTimer(timer: TimerRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: storePk(timer.storeId), sk: timerSk(timer.timerId), itemType: 'TIMER', ...timer },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** PENDING → FIRED/CANCELLED exactly once; false when someone else already moved it. */
  async settleTimer(storeId: string, timerId: string, state: Exclude<TimerState, 'PENDING'>, at: string): Promise<boolean> {
    return succeeded(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: storePk(storeId), sk: timerSk(timerId) },
          UpdateExpression: state === 'FIRED' ? 'SET #s = :s, firedAt = :at' : 'SET #s = :s, cancelledAt = :at',
          ConditionExpression: '#s = :pending',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':s': state, ':pending': 'PENDING', ':at': at },
        }),
      ),
    );
  }

  // ── outbox ───────────────────────────────────────────────────────────────
  /** A payment's webhook events, or (without paymentId) all of a store's. */
  listOutbox(storeId: string, paymentId?: string): Promise<OutboxEvent[]> {
    return this.queryPrefix<OutboxEvent>(storeId, paymentId === undefined ? 'OUTBOX#' : `OUTBOX#${paymentId}#`);
  }

  async getOutbox(storeId: string, paymentId: string, eventId: string): Promise<OutboxEvent | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: storePk(storeId), sk: outboxSk(paymentId, eventId) }, ConsistentRead: true }),
    );
    return strip<OutboxEvent>(out.Item);
  }

  /**
   * Conditional replace of an outbox entry (its delivery state), guarded by its version, together
   * with the retry timer it schedules, if any.
   */
  async saveOutbox(event: OutboxEvent, expectedVersion: number, retryTimer?: TimerRecord): Promise<boolean> {
    const put = {
      TableName: this.tableName,
      Item: { pk: storePk(event.storeId), sk: outboxSk(event.paymentId, event.eventId), itemType: 'OUTBOX', ...event, version: expectedVersion + 1 },
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': expectedVersion },
    };
    try {
      if (retryTimer) {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: put },
              {
                Put: {
                  TableName: this.tableName,
                  Item: { pk: storePk(retryTimer.storeId), sk: timerSk(retryTimer.timerId), itemType: 'TIMER', ...retryTimer },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
      } else {
        await this.db.send(new PutCommand(put));
      }
      event.version = expectedVersion + 1;
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  /**
   * Writes a new outbox entry on its own (a manual resend: no payment change causes it). False when
   * an entry with that key exists, so deterministic ids turn a racing duplicate into a no-op.
   */
  async insertOutbox(event: OutboxEvent): Promise<boolean> {
    return succeeded(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: storePk(event.storeId), sk: outboxSk(event.paymentId, event.eventId), itemType: 'OUTBOX', ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  /**
   * Every item of one type across all stores. Only the local runtime uses it, at start-up, to
   * resume work a killed process left behind (on AWS the stream and the schedules do that).
   */
  async scanItems<T>(itemType: 'OUTBOX' | 'TIMER'): Promise<T[]> {
    const items: T[] = [];
    let ExclusiveStartKey: ScanCommandInput['ExclusiveStartKey'];
    do {
      const out = await this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'itemType = :t',
          ExpressionAttributeValues: { ':t': itemType },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of out.Items ?? []) items.push(strip<T>(item)!);
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  // ── store reset (console) ────────────────────────────────────────────────
  /**
   * Deletes every item of a store whose sort key starts with one of `prefixes` (e.g. PAYMENT#,
   * TIMER#, OUTBOX#); the store, its secrets and channels stay. Not transactional: a reset is a
   * tester's explicit wipe, and re-running it finishes an interrupted one. Returns how many went.
   */
  async deleteStoreItems(storeId: string, prefixes: readonly string[]): Promise<number> {
    const pk = storePk(storeId);
    const keys: { pk: string; sk: string }[] = [];
    for (const prefix of prefixes) {
      let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
      do {
        const out = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
            ProjectionExpression: 'pk, sk',
            ConsistentRead: true,
            ExclusiveStartKey,
          }),
        );
        for (const item of out.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
        ExclusiveStartKey = out.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
    // BatchWrite takes 25 requests at a time and may hand some back unprocessed: resend those.
    for (let i = 0; i < keys.length; i += 25) {
      let requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string] = keys
        .slice(i, i + 25)
        .map((Key) => ({ DeleteRequest: { Key } }));
      for (let round = 0; requests.length > 0; round++) {
        if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** round)));
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = out.UnprocessedItems?.[this.tableName] ?? [];
        if (round > 8 && requests.length > 0) throw new Error(`reset of store ${storeId}: DynamoDB kept refusing deletes`);
      }
    }
    return keys.length;
  }

  // ── helpers ──────────────────────────────────────────────────────────────
  private async queryPrefix<T>(storeId: string, prefix: string): Promise<T[]> {
    const items: T[] = [];
    let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': storePk(storeId), ':prefix': prefix },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of out.Items ?? []) items.push(strip<T>(item)!);
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}
