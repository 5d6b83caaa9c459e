import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from '../http/app.ts';
import { createServices } from '../wiring.ts';
import { seedStore } from '../stores/seed.ts';
import { logger } from '../logger.ts';
import { loadLambdaConfig } from './cold-start.ts';

/** The store a fresh deployment gives its owner; its secret is the one generated at deploy. */
export const SEEDED_STORE_ID = 'store-sandbox';

/**
 * The `api` Lambda behind the Function URL: wiring only. Secrets and the seeded store are set up
 * once per cold start (idempotently: the store and its channels are created only if missing).
 */
// It signs checkout sessions and console cookies: without its key it must not start at all.
const { config, seedApiSecret } = await loadLambdaConfig({ signsSessions: true });
const services = createServices(config);
if (seedApiSecret) await seedStore(services, { storeId: SEEDED_STORE_ID, apiSecret: seedApiSecret, name: 'pg-sandbox seeded store' });
const app = handle(createApp(services));

/** Function URL requests (payload format 2.0); every log line of the invocation names its request id. */
export const handler = <E extends LambdaEvent>(event: E, context: Context) => {
  logger.addContext(context);
  return app(event, context);
};
