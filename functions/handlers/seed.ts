import type { Context } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/client.ts';
import { DynamoDbRepository } from '../adapters/dynamodb/repository.ts';
import { seedStore } from '../stores/seed.ts';
import { logger } from '../logger.ts';
import { readSecret } from './read-secret.ts';

/** The store a fresh deployment gives its owner; its secret is the one generated at deploy. */
const SEEDED_STORE_ID = 'store-sandbox';

/**
 * Run by a CloudFormation trigger (infra/constructs/seed-at-deploy.ts) once the table and the secret
 * exist, and again by a deployment that changes this function: writes the seeded store, its API
 * secret and one test channel per PG, so the api function's cold start writes nothing. Idempotent
 * (`seedStore` adds only what is missing). A failure fails the deployment.
 */
export const handler = async (_event: unknown, context: Context): Promise<{ storeId: string; channels: number }> => {
  logger.addContext(context);
  const tableName = process.env.TABLE_NAME;
  const secretArn = process.env.SEED_API_SECRET_ARN;
  if (!tableName || !secretArn) throw new Error('pg-sandbox: missing or invalid environment: TABLE_NAME, SEED_API_SECRET_ARN');
  const repo = new DynamoDbRepository(createDocumentClient(), tableName);
  const seeded = await seedStore({ repo, wallNow: Date.now }, { storeId: SEEDED_STORE_ID, apiSecret: await readSecret(secretArn), name: 'pg-sandbox seeded store' });
  logger.info('seed: the seeded store is in place', { storeId: seeded.storeId, channels: seeded.channels.length });
  return { storeId: seeded.storeId, channels: seeded.channels.length };
};
