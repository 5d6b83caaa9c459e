import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/**
 * The single table's key schema. It must match infra/constructs (the CDK table); the local runtime
 * creates it when missing because there is no CloudFormation locally.
 *
 * Items (pk / sk):
 *   STORE#<storeId> / META              store settings, test clock offset, webhook config
 *   STORE#<storeId> / CHANNEL#<key>     test channel
 *   STORE#<storeId> / PAYMENT#<id>      payment: PortOne view + PG view in one item
 *   STORE#<storeId> / TIMER#<timerId>   a timer (PG auto-cancel, webhook retry …)
 *   STORE#<storeId> / OUTBOX#<eventId>  webhook outbox entry (stream-dispatched on AWS)
 *   SECRET#<sha256> / SECRET            API secret → store
 *   TOKEN#<sha256>  / TOKEN             access/refresh token → store
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
  } catch (err) {
    // Two processes racing to create it is fine.
    if (!(err instanceof ResourceInUseException)) throw err;
  }
}
