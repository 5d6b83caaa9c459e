import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadLambdaConfig } from './cold-start.ts';
import { createServices } from '../wiring.ts';
import { logger } from '../logger.ts';
import { dispatchEvent } from '../webhooks/dispatch.ts';
import { outboxKeyOf } from '../webhooks/stream-records.ts';
import { scheduleRedrive } from '../webhooks/redrive.ts';

const services = createServices((await loadLambdaConfig()).config);

/**
 * The table stream's consumer (filtered to inserted outbox items): one delivery attempt per new
 * PENDING entry, through the same dispatchEvent the local runtime uses. Failed deliveries are not
 * errors (they become retry timers); only infrastructure failures are, reported per record so the
 * stream retries from the first failed one (a duplicate delivery at worst, never a lost one).
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const outcomes = await Promise.all(
    event.Records.map(async (record) => {
      const key = outboxKeyOf(record);
      if (!key) return undefined;
      try {
        await dispatchEvent(services, key);
        return undefined;
      } catch (error) {
        logger.error('webhook-dispatch: delivery not recorded; the stream will retry and a redrive is scheduled', { ...key, error: error as Error });
        await scheduleRedrive(services, key);
        return record.dynamodb?.SequenceNumber;
      }
    }),
  );
  const failed = outcomes.filter((s): s is string => s !== undefined);
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
};
