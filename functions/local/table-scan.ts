import { ScanCommand, type DynamoDBDocumentClient, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { recordOf, type Item } from '../adapters/dynamodb/items.ts';
import { ITEM_TYPE, ITEM_TYPE_ATTRIBUTE } from '../adapters/dynamodb/schema.ts';

/**
 * Every item of one kind across all stores: a full-table scan, so local-only. The local runtime
 * uses it once at start-up to resume what a killed process left behind; on AWS the stream and the
 * schedules keep that state, and no Lambda ever scans.
 */
export async function scanItemsOfType<T>(db: DynamoDBDocumentClient, tableName: string, itemType: typeof ITEM_TYPE.OUTBOX | typeof ITEM_TYPE.TIMER): Promise<T[]> {
  const items: T[] = [];
  let start: ScanCommandInput['ExclusiveStartKey'];
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#t = :t',
        ExpressionAttributeNames: { '#t': ITEM_TYPE_ATTRIBUTE },
        ExpressionAttributeValues: { ':t': itemType },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) items.push(recordOf<T>(item as Item));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
