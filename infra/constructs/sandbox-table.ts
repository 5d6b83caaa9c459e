import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { acknowledge, iam5ResourceFinding } from '../nag.ts';
import type { SandboxFunction } from './sandbox-function.ts';

import { INDEX, ITEM_TYPE, ITEM_TYPE_ATTRIBUTE, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../../functions/adapters/dynamodb/schema.ts';

// The table's shape is the functions' own (schema.ts): the local runtime creates the same table.
export { ITEM_TYPE_ATTRIBUTE, TTL_ATTRIBUTE };
/** The item type the webhook-dispatch stream filter matches. */
export const OUTBOX_ITEM_TYPE = ITEM_TYPE.OUTBOX;

/**
 * The one table of a sandbox: single-table design on `pk`/`sk`, on-demand, with a stream of new and
 * old images (the outbox feeds webhook dispatch). Deleted with the stack.
 */
export class SandboxTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: PARTITION_KEY, type: AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false },
    });
    for (const index of Object.values(INDEX)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    acknowledge(
      this.table,
      'AwsSolutions-DDB3',
      'Point-in-time recovery is off on purpose: the table holds only throwaway test-mode data of a ' +
        'sandbox that deletes itself, nothing in it is worth restoring, and deleting a PITR-enabled ' +
        'table leaves a system backup behind, while this stack must leave nothing behind when destroyed.',
    );
  }

  /** Read/write on items (no table administration) and `TABLE_NAME` in the function's environment. */
  grantReadWriteData(fn: SandboxFunction): void {
    this.table.grantReadWriteData(fn);
    acknowledge(
      fn.role,
      iam5ResourceFinding(fn.role, `${this.table.tableArn}/index/*`),
      'Lists read the table\'s own global secondary indexes (schema.ts INDEX); `<table ARN>/index/*` ' +
        'is how DynamoDB names the indexes of exactly this table, nothing beyond it.',
    );
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
  }
}
