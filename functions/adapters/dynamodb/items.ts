import type { OutboxEvent } from '../../domain/outbox.ts';
import type { PaymentRecord } from '../../domain/payment.ts';
import type { PaymentEventRecord } from '../../domain/payment-event.ts';
import type { CashReceiptRecord } from '../../domain/cash-receipt.ts';
import type { ChannelRecord, SecretRecord, StoreRecord, TokenRecord } from '../../domain/store.ts';
import type { TimerRecord } from '../../domain/timer.ts';
import {
  META,
  SECRET_SK,
  TOKEN_SK,
  cashReceiptSk,
  cashReceiptsIndexPk,
  channelSk,
  dueTimersIndexPk,
  outboxIndexPk,
  outboxSk,
  paymentEventSk,
  paymentEventsIndexPk,
  paymentSk,
  paymentTimersIndexPk,
  paymentsIndexPk,
  secretPk,
  storePk,
  storeSecretsIndexPk,
  timeSortKey,
  timerSk,
  tokenPk,
} from './keys.ts';
import { INDEX, ITEM_TYPE, ITEM_TYPE_ATTRIBUTE } from './schema.ts';

/**
 * One builder per item kind: the only place that turns a record into a table item (keys, index
 * attributes, item type). Reading strips those attributes again.
 */
export type Item = Record<string, unknown>;

const T1 = INDEX.BY_TIME;
const T2 = INDEX.BY_OWNER;

export const storeItem = (store: StoreRecord): Item => ({ pk: storePk(store.storeId), sk: META, [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.STORE, ...store });

export const channelItem = (channel: ChannelRecord): Item => ({
  pk: storePk(channel.storeId),
  sk: channelSk(channel.channelKey),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.CHANNEL,
  ...channel,
});

export const secretItem = (secret: SecretRecord): Item => ({
  pk: secretPk(secret.hash),
  sk: SECRET_SK,
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.SECRET,
  [T2.partitionKey]: storeSecretsIndexPk(secret.storeId),
  [T2.sortKey]: timeSortKey(secret.createdAt, secret.secretId),
  ...secret,
});

export const tokenItem = (hash: string, token: TokenRecord): Item => ({ pk: tokenPk(hash), sk: TOKEN_SK, [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.TOKEN, ...token });

export const paymentItem = (payment: PaymentRecord): Item => ({
  pk: storePk(payment.storeId),
  sk: paymentSk(payment.paymentId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.PAYMENT,
  [T1.partitionKey]: paymentsIndexPk(payment.storeId),
  [T1.sortKey]: timeSortKey(payment.requestedAt, payment.paymentId),
  [T2.partitionKey]: paymentsIndexPk(payment.storeId),
  [T2.sortKey]: timeSortKey(payment.statusChangedAt, payment.paymentId),
  ...payment,
});

/** A PENDING timer is in the due-time index; settling removes it from there (timerSettleUpdate). */
export const timerItem = (timer: TimerRecord): Item => ({
  pk: storePk(timer.storeId),
  sk: timerSk(timer.timerId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.TIMER,
  ...(timer.state === 'PENDING' ? { [T1.partitionKey]: dueTimersIndexPk(timer.storeId), [T1.sortKey]: timeSortKey(timer.dueAt, timer.timerId) } : {}),
  [T2.partitionKey]: paymentTimersIndexPk(timer.storeId, timer.paymentId),
  [T2.sortKey]: timeSortKey(timer.dueAt, timer.timerId),
  ...timer,
});

/** The update that moves a timer PENDING → FIRED/CANCELLED exactly once and out of the due index. */
export function timerSettleUpdate(storeId: string, timerId: string, state: 'FIRED' | 'CANCELLED', at: string) {
  return {
    Key: { pk: storePk(storeId), sk: timerSk(timerId) },
    UpdateExpression: `SET #s = :s, ${state === 'FIRED' ? 'firedAt' : 'cancelledAt'} = :at REMOVE ${T1.partitionKey}, ${T1.sortKey}`,
    ConditionExpression: '#s = :pending',
    ExpressionAttributeNames: { '#s': 'state' },
    ExpressionAttributeValues: { ':s': state, ':pending': 'PENDING', ':at': at },
  };
}

export const outboxItem = (event: OutboxEvent): Item => ({
  pk: storePk(event.storeId),
  sk: outboxSk(event.paymentId, event.eventId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.OUTBOX,
  [T1.partitionKey]: outboxIndexPk(event.storeId),
  [T1.sortKey]: timeSortKey(event.createdAt, event.eventId),
  ...event,
});

export const paymentEventItem = (event: PaymentEventRecord): Item => ({
  pk: storePk(event.storeId),
  sk: paymentEventSk(event.paymentId, event.eventId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.PAYMENT_EVENT,
  [T1.partitionKey]: paymentEventsIndexPk(event.storeId),
  [T1.sortKey]: timeSortKey(event.createdAt, event.eventId),
  ...event,
});

export const cashReceiptItem = (receipt: CashReceiptRecord): Item => ({
  pk: storePk(receipt.storeId),
  sk: cashReceiptSk(receipt.paymentId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.CASH_RECEIPT,
  [T1.partitionKey]: cashReceiptsIndexPk(receipt.storeId),
  [T1.sortKey]: timeSortKey(receipt.issuedAt, receipt.paymentId),
  [T2.partitionKey]: cashReceiptsIndexPk(receipt.storeId),
  [T2.sortKey]: timeSortKey(receipt.statusUpdatedAt, receipt.paymentId),
  ...receipt,
});

/** The conditional put of a receipt over the version read (null: none stored yet). */
export function cashReceiptPut(tableName: string, receipt: CashReceiptRecord, expectedVersion: number | null) {
  return {
    TableName: tableName,
    Item: cashReceiptItem({ ...receipt, version: (expectedVersion ?? 0) + 1 }),
    ...(expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
  };
}

const TABLE_ATTRIBUTES = ['pk', 'sk', ITEM_TYPE_ATTRIBUTE, T1.partitionKey, T1.sortKey, T2.partitionKey, T2.sortKey];

/** The record inside an item: keys, index attributes and the item type removed. */
export function recordOf<T>(item: Item): T {
  const record: Item = { ...item };
  for (const attribute of TABLE_ATTRIBUTES) delete record[attribute];
  return record as T;
}

export const recordOrUndefined = <T>(item: Item | undefined): T | undefined => (item ? recordOf<T>(item) : undefined);
