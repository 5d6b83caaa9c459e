/**
 * Which table-stream records the webhook dispatcher acts on: a newly inserted outbox entry that
 * is still PENDING. The event source mapping already filters on INSERT + itemType OUTBOX; the
 * status is checked here too so a wider filter (or a replayed shard) can never re-send an entry
 * that a worker, a retry timer or the local runtime already handled.
 */
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { OutboxKey } from '../services.ts';

export const OUTBOX_ITEM_TYPE = 'OUTBOX';

/** The outbox key a record asks to deliver, or undefined when the record is not for us. */
export function outboxKeyOf(record: DynamoDBRecord): OutboxKey | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  // The stream's AttributeValue type (aws-lambda) and the SDK's are the same wire shape.
  const item = unmarshall(image as Record<string, StreamAttributeValue> as Record<string, AttributeValue>);
  if (item.itemType !== OUTBOX_ITEM_TYPE || item.status !== 'PENDING') return undefined;
  const { storeId, paymentId, eventId } = item as Partial<Record<string, unknown>>;
  if (typeof storeId !== 'string' || typeof paymentId !== 'string' || typeof eventId !== 'string') return undefined;
  return { storeId, paymentId, eventId };
}
