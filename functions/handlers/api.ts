import { handle } from 'hono/aws-lambda';
import { createApp } from '../http/app.ts';
import { createServices } from '../wiring.ts';
import { seedStore } from '../stores/seed.ts';
import { loadLambdaConfig } from './cold-start.ts';

/** The store a fresh deployment gives its owner; its secret is the one generated at deploy. */
export const SEEDED_STORE_ID = 'store-sandbox';

/**
 * The `api` Lambda behind the Function URL: wiring only. Secrets and the seeded store are set up
 * once per cold start (idempotently: the store and its channels are created only if missing).
 */
const { config, seedApiSecret } = await loadLambdaConfig();
const services = createServices(config);
if (seedApiSecret) await seedStore(services, { storeId: SEEDED_STORE_ID, apiSecret: seedApiSecret, name: 'pg-sandbox seeded store' });
export const handler = handle(createApp(services));
