import { inject } from 'vitest';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import type { WebhookSandbox } from './webhook-sandbox.ts';
import { lambdaContext } from './lambda-context.ts';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

/**
 * The webhook-dispatch Lambda handler (source) wired the way the stack wires it, but against this
 * sandbox's table and local Scheduler, through the SDK's AWS_ENDPOINT_URL_* variables. Returns a
 * function that restores the environment.
 */
export async function loadStreamHandler(sandbox: WebhookSandbox): Promise<{ handler: StreamHandler; restoreEnv: () => void }> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    TABLE_NAME: sandbox.tableName,
    SCHEDULE_GROUP_NAME: 'pg-sandbox-local',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/scheduler',
    TIMERS_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-2:000000000000:function:timers',
    SCHEDULER_DLQ_ARN: 'arn:aws:sqs:ap-northeast-2:000000000000:dlq',
    ALLOW_LOOPBACK_WEBHOOKS: 'true', // the receiver is on loopback; the stack sets 'false'
    // What Lambda puts in every function's environment.
    AWS_REGION: 'ap-northeast-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_SCHEDULER: sandbox.scheduler.url,
  });
  const { handler } = (await import('../../functions/handlers/webhook-dispatch.ts')) as {
    handler: (event: DynamoDBStreamEvent, context: Context) => ReturnType<StreamHandler>;
  };
  return {
    // As the Lambda runtime invokes it: a fresh context per batch.
    handler: (event) => handler(event, lambdaContext('webhook-dispatch')),
    restoreEnv: () => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    },
  };
}

let sequence = 0;

/** A DynamoDB stream record (NEW_AND_OLD_IMAGES) for an item, as Lambda receives it. */
export function streamRecord(eventName: DynamoDBRecord['eventName'], item: Record<string, unknown>): DynamoDBRecord {
  sequence++;
  return {
    eventID: `evt-${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-northeast-2',
    dynamodb: {
      SequenceNumber: String(100_000 + sequence),
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** The stream record of a newly written outbox entry. */
export const outboxInsert = (e: OutboxEvent): DynamoDBRecord =>
  streamRecord('INSERT', { pk: `STORE#${e.storeId}`, sk: `OUTBOX#${e.paymentId}#${e.eventId}`, itemType: 'OUTBOX', ...e });
