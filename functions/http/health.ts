import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * Short, because a health check that hangs is no answer: a stopped (SIGSTOP) or overloaded engine
 * must turn /health red within this, not after the SDK's own retries and timeouts.
 */
export const HEALTH_TIMEOUT_MS = 1500;

/** Any id: the read only has to reach the table, whether or not such a store exists. */
const PROBE_STORE_ID = 'pg-sandbox-health-probe';

/**
 * `GET /health`: 200 only when the table answers a read (one GetItem), so a dead DynamoDB Local
 * or a missing table shows here instead of as a 503 on every real request.
 */
export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`);
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeout), HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([c.var.services.repo.getStore(PROBE_STORE_ID), timedOut]);
    } catch (err) {
      // The error's kind, not its text: the text may carry internal addresses.
      const e = err as NodeJS.ErrnoException;
      const reason = e === timeout ? e.message : (e.code ?? e.name);
      return c.json({ type: 'UNAVAILABLE', message: `pg-sandbox cannot read its table (${reason}); try again once it is back.` }, 503);
    } finally {
      clearTimeout(timer);
    }
    return c.json({ status: 'ok', service: 'pg-sandbox' });
  });
  return app;
}
