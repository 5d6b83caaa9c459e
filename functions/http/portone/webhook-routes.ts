import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** PortOne's resendWebhook (POST /payments/{paymentId}/resend-webhook); auth is applied by the caller. */
export function resendWebhookRoutes() {
  return new Hono<AppEnv>();
}
