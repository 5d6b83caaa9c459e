import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** Browser side: GET /sdk.js and the hosted checkout pages (signed sessions, no API secret). */
export function checkoutRoutes() {
  return new Hono<AppEnv>();
}
