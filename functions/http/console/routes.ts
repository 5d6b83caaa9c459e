import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/** The sandbox console (mounted under /console): session-cookie auth, its own pages. */
export function consoleRoutes() {
  return new Hono<AppEnv>();
}
