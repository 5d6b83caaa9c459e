import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The floor of pay, get and cancel: the fewest DynamoDB calls each needs, made directly on the
 * engine: pay = GetItem (channel) + TransactWriteItems (payment + timer); get = one consistent
 * GetItem; cancel = GetItem + TransactWriteItems (payment + timer settle). `ready()` writes the
 * channel pay reads. For bench/api-latency.ts and bench/api-jfr.ts.
 */
export function apiFloor(db: DynamoDBDocumentClient, T: string) {
  // A payment-sized item (what the runtime stores for a paid card payment is about this big).
  const paymentItem = (pk: string, sk: string, version: number) => ({ pk, sk, version, status: 'PAID', body: 'x'.repeat(2_000) });
  return {
    ready: () => db.send(new PutCommand({ TableName: T, Item: { pk: 'FLOOR', sk: 'CHANNEL', pgProvider: 'INICIS_V2' } })),
    pay: async (i: number) => {
      await db.send(new GetCommand({ TableName: T, Key: { pk: 'FLOOR', sk: 'CHANNEL' } }));
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: paymentItem('FLOOR', `P#${i}`, 1), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: T, Item: { pk: 'FLOOR', sk: `T#${i}`, state: 'PENDING' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    },
    get: (i: number) => db.send(new GetCommand({ TableName: T, Key: { pk: 'FLOOR', sk: `P#${i}` }, ConsistentRead: true })),
    cancel: async (i: number) => {
      await db.send(new GetCommand({ TableName: T, Key: { pk: 'FLOOR', sk: `P#${i}` }, ConsistentRead: true }));
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: T, Item: paymentItem('FLOOR', `P#${i}`, 2), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': 1 } } },
            {
              Update: {
                TableName: T,
                Key: { pk: 'FLOOR', sk: `T#${i}` },
                UpdateExpression: 'SET #s = :c',
                ConditionExpression: '#s = :p',
                ExpressionAttributeNames: { '#s': 'state' },
                ExpressionAttributeValues: { ':c': 'CANCELLED', ':p': 'PENDING' },
              },
            },
          ],
        }),
      );
    },
  };
}
