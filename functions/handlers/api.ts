import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createLazyApp } from '../http/lazy-app.ts';
import { DROP_CONNECTION_HEADER } from '../http/faults.ts';
import { createServices } from '../wiring.ts';
import { loadConfig } from '../config.ts';
import { logger } from '../logger.ts';
import { signingKeyOnFirstUse } from './signing-key.ts';

/**
 * The `api` Lambda behind the Function URL: wiring only. A cold start reads no secret and writes
 * nothing: the seeded store is written at deploy (handlers/seed.ts), and the session signing key
 * is read from its secret on the first request that signs (checkout, console).
 */
// It signs checkout sessions and console cookies: without its key (or the key's secret) it must not start at all.
const config = loadConfig(process.env, { signsSessions: true });
const signingKey = config.SESSION_SIGNING_KEY === undefined && config.SESSION_SIGNING_KEY_SECRET_ARN ? signingKeyOnFirstUse(config.SESSION_SIGNING_KEY_SECRET_ARN) : undefined;
const services = createServices(config, {}, {}, signingKey?.current);
const app = handle(createLazyApp(services, { signingKeyReady: signingKey?.ready }));

/** Function URL requests (payload format 2.0); every log line of the invocation names its request id. */
export const handler = async <E extends LambdaEvent>(event: E, context: Context) => {
  logger.addContext(context);
  const result = await app(event, context);
  // A function cannot close its caller's connection: an injected "drop" (http/faults.ts) answers
  // as a Function URL does when the function fails, with no PortOne body.
  if (result.headers?.[DROP_CONNECTION_HEADER] !== undefined) return { statusCode: 502, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error', isBase64Encoded: false };
  return result;
};
