import { Hono } from 'hono';
import { evaluateCheckoutProfile } from '../../checkout/checkout-profiles.ts';
import { closePaymentSession, createPaymentSession, loadOpenSession, presentPaymentSession } from '../../checkout/payment-sessions.ts';
import { ownStoreId, requireStore } from '../auth.ts';
import { parseWith, readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';
import { requestOrigin } from '../ui/request-info.ts';
import { CreatePaymentSessionBody, EvaluateCheckoutProfileQuery } from './payment-session-schemas.ts';

/** The hosted checkout page of a session (functions/http/checkout/hosted-session-routes.tsx). */
export const hostedPagePath = (sessionId: string) => `/checkout/payment-sessions/${encodeURIComponent(sessionId)}`;

/**
 * PortOne V2 hosted checkout (x-portone-category paymentSession, checkoutProfile). Per the OAS,
 * creating and closing a session need the API secret; reading a session and evaluating a profile
 * need none ("인증 헤더 없이 웹 페이지에서도 접근 가능"), so the ids alone find them.
 */
export function paymentSessionRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/payment-sessions', requireStore, async (c) => {
    const { storeId, ...input } = await readBody(c, CreatePaymentSessionBody);
    const session = await createPaymentSession(c.var.services, ownStoreId(c.var.storeId, storeId), input);
    return c.json({ sessionId: session.id, url: `${requestOrigin(c)}${hostedPagePath(session.id)}`, expiresAt: session.expiresAt });
  });

  app.get('/payment-sessions/:sessionId', async (c) => {
    const { session } = await loadOpenSession(c.var.services, idParam(c, 'sessionId'));
    return c.json(presentPaymentSession(session));
  });

  app.post('/payment-sessions/:sessionId/close', requireStore, async (c) => c.json(await closePaymentSession(c.var.services, c.var.storeId, idParam(c, 'sessionId'))));

  app.get('/checkout-profiles/evaluate', async (c) => {
    const { profileKey, ...query } = parseWith(EvaluateCheckoutProfileQuery, c.req.query());
    return c.json(await evaluateCheckoutProfile(c.var.services, profileKey, query));
  });

  return app;
}
