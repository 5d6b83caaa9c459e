import { Hono } from 'hono';
import { createCheckoutProfile, deleteCheckoutProfile, listCheckoutProfiles } from '../../checkout/checkout-profiles.ts';
import { readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';
import { CreateCheckoutProfileBody } from '../portone/payment-session-schemas.ts';

/**
 * Checkout profiles (체크아웃 프로필) of the caller's store: PortOne configures them in its console
 * and its API only evaluates one, so the sandbox defines them here (docs/payment-sessions.md).
 */
export function checkoutProfileRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/checkout-profiles', async (c) => {
    const body = await readBody(c, CreateCheckoutProfileBody);
    return c.json(await createCheckoutProfile(c.var.services, c.var.storeId, body), 201);
  });
  app.get('/checkout-profiles', async (c) => c.json({ items: await listCheckoutProfiles(c.var.services, c.var.storeId) }));
  app.delete('/checkout-profiles/:profileKey', async (c) => {
    await deleteCheckoutProfile(c.var.services, c.var.storeId, idParam(c, 'profileKey'));
    return c.body(null, 204);
  });
  return app;
}
