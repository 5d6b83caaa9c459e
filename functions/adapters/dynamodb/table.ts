import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { INDEX, PARTITION_KEY, SORT_KEY } from './schema.ts';

/**
 * Creates the single table (schema.ts) when missing: the local runtime has no CloudFormation. The
 * CDK table (infra/constructs/sandbox-table.ts) is built from the same constants. `emptyEngine`:
 * the engine was just started in memory, so the table cannot exist yet and is not asked for (on a
 * JVM that just booted, every request costs start-up time).
 *
 * Unlike the CDK table it has no stream: nothing local reads one (the local runtime's outbox worker
 * dispatches in process; the Lambda tests build their stream records themselves), and DynamoDB
 * Local charges every write to a streamed table in java CPU: a clock advance over 2,000 timers cost
 * 3.5× the wall time with it (docs/benchmarks.md, "Test clock over many timers"). A table made
 * with one by an earlier version has it turned off.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, { emptyEngine = false } = {}): Promise<void> {
  if (!emptyEngine) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.StreamSpecification?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }));
      }
      return;
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
  }
  const indexes = Object.values(INDEX);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [PARTITION_KEY, SORT_KEY, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])].map((AttributeName) => ({
          AttributeName,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
          { AttributeName: SORT_KEY, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (err) {
    // Two processes racing to create it is fine.
    if (!(err instanceof ResourceInUseException)) throw err;
  }
}
