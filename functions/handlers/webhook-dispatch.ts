import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { loadConfig } from '../config.ts';
import { createServices } from '../wiring.ts';
import { logger } from '../logger.ts';
import { dispatchEvent } from '../webhooks/dispatch.ts';
import { outboxKeyOf } from '../webhooks/stream-records.ts';
import { scheduleRedrive } from '../webhooks/redrive.ts';

const services = createServices(loadConfig());
const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * One delivery attempt for a new PENDING outbox entry, through the same dispatchEvent the local
 * runtime uses; other records are skipped. Failed deliveries are not errors (they become retry
 * timers); only infrastructure failures are: a redrive is scheduled and the record is reported.
 */
async function dispatchRecord(record: DynamoDBRecord): Promise<void> {
  const key = outboxKeyOf(record);
  if (!key) return;
  try {
    await dispatchEvent(services, key);
  } catch (error) {
    logger.error('webhook-dispatch: delivery not recorded; the stream will retry and a redrive is scheduled', { ...key, error: error as Error });
    await scheduleRedrive(services, key);
    throw error;
  }
}

/**
 * The table stream's consumer (filtered to inserted outbox items). Failed records come back in
 * `batchItemFailures`, so the stream retries from the first of them (a duplicate delivery at worst,
 * never a lost one). A batch that failed entirely is answered the same way instead of thrown:
 * throwing would retry it identically, and the mapping's retries end in the alarmed failure queue.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context);
  return processPartialResponse(event, dispatchRecord, processor, { context, throwOnFullBatchFailure: false });
};
