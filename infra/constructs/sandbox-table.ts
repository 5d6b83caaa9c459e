import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import type { SandboxFunction } from './sandbox-function.ts';

/** Attribute that the webhook-dispatch stream filter matches (`itemType` = `OUTBOX`). */
export const ITEM_TYPE_ATTRIBUTE = 'itemType';
export const OUTBOX_ITEM_TYPE = 'OUTBOX';
/** TTL attribute (epoch seconds). It only garbage-collects old sandbox data; it never drives behaviour. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * The one table of a sandbox: single-table design on `pk`/`sk`, on-demand, with a stream of new and
 * old images (the outbox feeds webhook dispatch). Deleted with the stack.
 */
export class SandboxTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false },
    });
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
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
  }
}
