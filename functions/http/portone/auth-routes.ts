import { Hono } from 'hono';
import * as z from '../../zod.ts';
import type { AppEnv } from '../env.ts';
import { readBody } from '../body.ts';
import { login, refresh } from '../../stores/tokens.ts';

const LoginBody = z.object({ apiSecret: z.string().check(z.minLength(1)) });
const RefreshBody = z.object({ refreshToken: z.string().check(z.minLength(1)) });

export function authRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/login/api-secret', async (c) => {
    const body = await readBody(c, LoginBody);
    return c.json(await login(c.var.services, body.apiSecret));
  });
  app.post('/token/refresh', async (c) => {
    const body = await readBody(c, RefreshBody);
    return c.json(await refresh(c.var.services, body.refreshToken));
  });
  return app;
}
