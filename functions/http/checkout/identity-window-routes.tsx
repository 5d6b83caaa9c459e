/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { SdkIdentityVerificationRequest } from '../../checkout/identity-request.ts';
import { identityError } from '../../checkout/identity-response.ts';
import { cancelIdentityWindow, openIdentitySession, openIdentityWindow, verifyInWindow, type IdentitySession } from '../../checkout/identity-window.ts';
import { SessionRateLimiter } from '../../checkout/rate-limit.ts';
import { identityChannel } from '../../identity-verification/attempt.ts';
import { parseJsonText } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../ui/document.tsx';
import { requestOrigin } from '../ui/request-info.ts';
import { IdentityPage } from './identity-page.tsx';
import { SessionBody, badRequest, originOf } from './session-routes.ts';
import { finish, invalidLink, readForm, setWindowCsp, type Form } from './window-common.tsx';

const BASE = '/checkout/identity-verification';

const expired = (s: IdentitySession) =>
  identityError(s.identityVerificationId, s.txId, 'DeadlineExceeded', '본인인증 가능 시간이 지났습니다. 본인인증 창을 다시 열어 주세요. (identity verification window expired)');

async function showWindow(c: Context<AppEnv>, token: string, session: IdentitySession, form: Form, error?: { field: string; message: string }) {
  const { services } = c.var;
  const ctx = await identityChannel(services, session.storeId, session.channelKey, 'WINDOW');
  const record = await services.repo.getIdentityVerification(session.storeId, session.identityVerificationId);
  setWindowCsp(c, session);
  return renderPage(
    c,
    <IdentityPage token={token} session={session} profile={ctx.profile} mode={ctx.mode} channel={ctx.channel} requested={record?.requestedCustomer ?? {}} form={form} error={error} />,
    error ? 400 : 200,
  );
}

/**
 * The 본인인증 window (`PortOne.requestIdentityVerification`): POST …/sessions (the SDK shim,
 * cross-origin) starts an attempt, GET …/window shows it, POST …/verify checks the customer's
 * input and OTP, POST …/cancel is the customer closing it (also the shim when a popup is closed).
 */
export function identityWindowRoutes() {
  const app = new Hono<AppEnv>();
  const limiter = new SessionRateLimiter();

  app.use(`${BASE}/sessions`, cors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['content-type'], maxAge: 600 }));
  app.post(`${BASE}/sessions`, async (c) => {
    let json: unknown;
    try {
      json = parseJsonText(await c.req.text(), 'the body');
    } catch (err) {
      return c.json(badRequest((err as Error).message), 400);
    }
    const body = SessionBody.safeParse(json);
    const request = body.success ? SdkIdentityVerificationRequest.safeParse(body.data.request) : undefined;
    if (!body.success || !request?.success) {
      const issue = (body.success ? request?.error : body.error)?.issues[0];
      return c.json(badRequest(`${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`), 400);
    }
    const allowed = limiter.take(request.data.storeId, c.var.services.wallNow());
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterSeconds));
      return c.json({ code: 'ResourceExhausted', message: `이 상점의 본인인증 창 요청이 너무 많습니다. ${allowed.retryAfterSeconds}초 후 다시 시도해 주세요.` }, 429);
    }
    const result = await openIdentityWindow(c.var.services, {
      request: request.data,
      windowType: body.data.windowType,
      platform: body.data.platform,
      merchantOrigin: originOf(c.req.header('origin')) ?? originOf(body.data.pageUrl),
    });
    if (!result.ok) return c.json({ code: result.code, message: result.message }, result.status);
    const base = requestOrigin(c);
    const { session, token } = result;
    return c.json(
      {
        sessionId: session.sessionId,
        identityVerificationId: session.identityVerificationId,
        identityVerificationTxId: session.txId,
        token,
        checkoutUrl: `${base}${BASE}/window?s=${encodeURIComponent(token)}`,
        cancelUrl: `${base}${BASE}/cancel`,
        expiresAt: new Date(session.exp * 1000).toISOString(),
      },
      201,
    );
  });

  app.get(`${BASE}/window`, async (c) => {
    const token = c.req.query('s') ?? '';
    const opened = openIdentitySession(c.var.services, token);
    if (!opened.ok) return opened.reason === 'expired' ? finish(c, opened.session, expired(opened.session)) : invalidLink(c);
    return showWindow(c, token, opened.session, {});
  });

  app.post(`${BASE}/verify`, async (c) => {
    const form = await readForm(c);
    const token = form.s ?? '';
    const opened = openIdentitySession(c.var.services, token);
    if (!opened.ok) return opened.reason === 'expired' ? finish(c, opened.session, expired(opened.session)) : invalidLink(c);
    const outcome = await verifyInWindow(c.var.services, opened.session, {
      operator: form.operator ?? '',
      name: form.name ?? '',
      phoneNumber: form.phoneNumber ?? '',
      birthDate: (form.birthDate ?? '').trim(),
      gender: form.gender ?? '',
      isForeigner: form.isForeigner === 'true',
      otp: form.otp ?? '',
    });
    if (outcome.kind === 'retry') return showWindow(c, token, opened.session, form, { field: outcome.field, message: outcome.message });
    return finish(c, opened.session, outcome.response);
  });

  app.use(`${BASE}/cancel`, cors({ origin: '*', allowMethods: ['POST'], maxAge: 600 }));
  app.post(`${BASE}/cancel`, async (c) => {
    const form = await readForm(c);
    const opened = openIdentitySession(c.var.services, form.s);
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    const session = opened.ok ? opened.session : opened.reason === 'expired' ? opened.session : undefined;
    if (!session) return wantsJson ? c.json({ code: 'BadRequest', message: 'invalid identity verification session' }, 400) : invalidLink(c);
    const response = await cancelIdentityWindow(c.var.services, session);
    return wantsJson ? c.json(response) : finish(c, session, response);
  });

  return app;
}
