import { Hono } from 'hono';
import { cors } from 'hono/cors';
import * as z from '../../zod.ts';
import { openCheckoutSession } from '../../checkout/open-session.ts';
import { SdkPaymentRequest } from '../../checkout/payment-request.ts';
import { SessionRateLimiter } from '../../checkout/rate-limit.ts';
import { sdkErrorOf } from '../../checkout/sdk-errors.ts';
import { PortOneError } from '../../domain/errors.ts';
import { parseJsonText } from '../body.ts';
import { Url } from '../../payments/request-fields.ts';
import type { AppEnv } from '../env.ts';
import { clientInfo, requestOrigin } from '../ui/request-info.ts';

/** What the SDK shim posts to open any window (the SDK request is checked per window). */
export const SessionBody = z.object({
  request: z.unknown(),
  windowType: z._default(z.enum(['IFRAME', 'POPUP', 'REDIRECTION']), 'IFRAME'),
  platform: z._default(z.enum(['PC', 'MOBILE']), 'PC'),
  pageUrl: z.optional(Url),
});

export const badRequest = (message: string) => ({ code: 'BadRequest', message });

export function originOf(value: string | undefined): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POST /checkout/sessions: the SDK shim's first call (cross-origin, no credentials: storeId and
 * channelKey are public, like PortOne's). The merchant page's origin comes from the Origin header;
 * only that origin may later frame the window or receive its result.
 */
export function sessionRoutes() {
  const app = new Hono<AppEnv>();
  const limiter = new SessionRateLimiter();
  app.use('/checkout/sessions', cors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['content-type'], maxAge: 600 }));
  app.post('/checkout/sessions', async (c) => {
    let json: unknown;
    try {
      json = parseJsonText(await c.req.text(), 'the body');
    } catch (err) {
      return c.json(badRequest((err as Error).message), 400);
    }
    const body = SessionBody.safeParse(json);
    if (!body.success) {
      const issue = body.error.issues[0];
      return c.json(badRequest(`${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid body'}`), 400);
    }
    const request = SdkPaymentRequest.safeParse(body.data.request);
    if (!request.success) {
      const issue = request.error.issues[0];
      return c.json(badRequest(`${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`), 400);
    }
    const allowed = limiter.take(request.data.storeId, c.var.services.wallNow());
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterSeconds));
      return c.json({ code: 'ResourceExhausted', message: `이 상점의 결제창 요청이 너무 많습니다. ${allowed.retryAfterSeconds}초 후 다시 시도해 주세요. (too many checkout sessions for this store)` }, 429);
    }
    let result;
    try {
      result = await openCheckoutSession(c.var.services, {
        request: request.data,
        windowType: body.data.windowType,
        platform: body.data.platform,
        merchantOrigin: originOf(c.req.header('origin')) ?? originOf(body.data.pageUrl),
        pageUrl: body.data.pageUrl,
        ...clientInfo(c),
      });
    } catch (err) {
      // A use case's refusal (e.g. a noticeUrl the sender must never call) in the SDK's shape;
      // only a dependency failure goes on to the 503 handler.
      if (!(err instanceof PortOneError)) throw err;
      result = { ok: false as const, ...sdkErrorOf(err) };
    }
    if (!result.ok) return c.json({ code: result.code, message: result.message }, result.status);
    const base = requestOrigin(c);
    const { session, token } = result;
    return c.json(
      {
        sessionId: session.sessionId,
        paymentId: session.paymentId,
        txId: session.txId,
        token,
        checkoutUrl: `${base}/checkout/window?s=${encodeURIComponent(token)}`,
        cancelUrl: `${base}/checkout/cancel`,
        expiresAt: new Date(session.exp * 1000).toISOString(),
      },
      201,
    );
  });
  return app;
}
