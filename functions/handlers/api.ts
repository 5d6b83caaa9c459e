import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createLazyApp } from '../http/lazy-app.ts';
import { DROP_CONNECTION_HEADER } from '../http/faults.ts';
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
const app = handle(createLazyApp(services));

/** Function URL requests (payload format 2.0); every log line of the invocation names its request id. */
export const handler = async <E extends LambdaEvent>(event: E, context: Context) => {
  logger.addContext(context);
  const result = await app(event, context);
  // A function cannot close its caller's connection: an injected "drop" (http/faults.ts) answers
  // as a Function URL does when the function fails, with no PortOne body.
  if (result.headers?.[DROP_CONNECTION_HEADER] !== undefined) return { statusCode: 502, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error', isBase64Encoded: false };
  return result;
};
