import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import type { SandboxFunction } from './sandbox-function.ts';
import { ITEM_TYPE_ATTRIBUTE, OUTBOX_ITEM_TYPE } from './sandbox-table.ts';

export interface OutboxStreamProps {
  readonly table: ITable;
  readonly dispatcher: SandboxFunction;
}

/**
 * Feeds newly written outbox items, and nothing else, from the table's stream to the webhook
 * dispatcher. A batch that keeps failing is bisected to isolate the bad record, retried a few
 * times, and then described in an on-failure queue (alarmed) so the shard moves on.
 */
export class OutboxStream extends Construct {
  /** Receives the metadata of stream records the dispatcher failed on after its retries. */
  readonly failureQueue: Queue;
  readonly source: DynamoEventSource;

  constructor(scope: Construct, id: string, props: OutboxStreamProps) {
    super(scope, id);

    this.failureQueue = new Queue(this, 'FailureQueue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.failureQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the on-failure destination (a dead-letter queue) of the outbox stream ' +
        'event source mapping; a dead-letter queue of a dead-letter queue adds nothing.',
    );

    this.source = new DynamoEventSource(props.table, {
      // TRIM_HORIZON: an outbox must not lose items written while the mapping was being created or
      // replaced; the dispatcher is idempotent (delivery state lives in the table), so a replay is harmless.
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      bisectBatchOnError: true,
      retryAttempts: 3,
      maxRecordAge: Duration.hours(1),
      reportBatchItemFailures: true,
      parallelizationFactor: 1,
      onFailure: new SqsDlq(this.failureQueue),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { [ITEM_TYPE_ATTRIBUTE]: { S: FilterRule.isEqual(OUTBOX_ITEM_TYPE) } } },
        }),
      ],
    });
    props.dispatcher.function.addEventSource(this.source);
  }
}
