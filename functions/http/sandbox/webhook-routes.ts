import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** Webhook settings of the caller's store (mounted under /sandbox/webhook, already authenticated). */
export function webhookSettingsRoutes() {
  return new Hono<AppEnv>();
}
