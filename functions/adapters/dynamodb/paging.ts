import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { invalidRequest } from '../../domain/errors.ts';
import type { Page } from '../../ports/repository.ts';
import { recordOf, type Item } from './items.ts';
import { INDEX, PARTITION_KEY, SORT_KEY } from './schema.ts';

type Query = Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>;

/** Every item a query matches, following DynamoDB's pages. For lists bounded by design (a payment's own items). */
export async function queryAll<T>(db: DynamoDBDocumentClient, query: Query): Promise<T[]> {
  const items: T[] = [];
  let start: QueryCommandInput['ExclusiveStartKey'];
  do {
    const out = await db.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    for (const item of out.Items ?? []) items.push(recordOf<T>(item as Item));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * One page of at most `limit` items, resumed from `after` (a token this function issued). The token
 * is DynamoDB's LastEvaluatedKey, base64url JSON: opaque to callers, validated when it comes back.
 */
export async function queryPage<T>(db: DynamoDBDocumentClient, query: Query, limit: number, after?: string): Promise<Page<T>> {
  const out = await db.send(new QueryCommand({ ...query, Limit: limit, ExclusiveStartKey: after === undefined ? undefined : decodeToken(after) }));
  const raw = (out.Items ?? []) as Item[];
  // An item's position is the key DynamoDB would resume after it: the table key plus the index key.
  const keyAttributes = [PARTITION_KEY, SORT_KEY, ...indexKeyAttributes(query.IndexName)];
  const positions = raw.map((item) => encodeToken(Object.fromEntries(keyAttributes.map((a) => [a, item[a]]))));
  const items = raw.map((item) => recordOf<T>(item));
  return out.LastEvaluatedKey ? { items, positions, next: encodeToken(out.LastEvaluatedKey) } : { items, positions };
}

function indexKeyAttributes(indexName: string | undefined): string[] {
  const index = Object.values(INDEX).find((i) => i.name === indexName);
  return index ? [index.partitionKey, index.sortKey] : [];
}

const encodeToken = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

function decodeToken(token: string): Record<string, unknown> {
  try {
    const key: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every((v) => typeof v === 'string')) {
      return key as Record<string, unknown>;
    }
  } catch {
    // fall through to the caller-facing error
  }
  throw invalidRequest('cursor: not a cursor this API issued');
}
