/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import * as z from '../../zod.ts';
import { billingCardOptions, billingNotes, defaultBillingCard } from '../../checkout/billing-choices.ts';
import { SdkIssueBillingKeyAndPayRequest, SdkIssueBillingKeyRequest } from '../../checkout/billing-request.ts';
import { billingOther, type BillingWindowResponse } from '../../checkout/billing-response.ts';
import { openBillingSession, type BillingCheckoutSession } from '../../checkout/billing-session.ts';
import { closeBillingWindow, currentBillingResponse, submitBillingWindow } from '../../checkout/complete-billing.ts';
import { openBillingCheckout, type OpenBillingResult } from '../../checkout/open-billing-session.ts';
import { SessionRateLimiter } from '../../checkout/rate-limit.ts';
import { sdkErrorOf } from '../../checkout/sdk-errors.ts';
import { PortOneError } from '../../domain/errors.ts';
import { getProfile } from '../../domain/profiles/index.ts';
import { logger } from '../../logger.ts';
import { Url } from '../../payments/request-fields.ts';
import { parseJsonText } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../ui/document.tsx';
import { translator } from '../ui/format.ts';
import { requestOrigin } from '../ui/request-info.ts';
import { BillingPage, type BillingPageProps } from './billing-page.tsx';
import { originOf } from './session-routes.ts';
import { finish, invalidLink, readForm, setWindowCsp } from './window-common.tsx';

const SessionBody = z.object({
  kind: z.enum(['ISSUE_BILLING_KEY', 'ISSUE_BILLING_KEY_AND_PAY']),
  request: z.unknown(),
  windowType: z._default(z.enum(['IFRAME', 'POPUP', 'REDIRECTION']), 'IFRAME'),
  platform: z._default(z.enum(['PC', 'MOBILE']), 'PC'),
  pageUrl: z.optional(Url),
});

const badRequest = (message: string) => ({ code: 'BadRequest', message });
const firstIssue = (e: z.core.$ZodError, root: string) => `${e.issues[0]?.path.join('.') || root}: ${e.issues[0]?.message ?? 'invalid'}`;

const expired = (s: BillingCheckoutSession): BillingWindowResponse =>
  billingOther(s, 'DeadlineExceeded', '빌링키 발급 가능 시간이 지났습니다. 발급창을 다시 열어 주세요. (billing key window expired)');

async function showWindow(c: Context<AppEnv>, token: string, s: BillingCheckoutSession, form: BillingPageProps['form'], error?: BillingPageProps['error']) {
  const channel = await c.var.services.repo.getChannel(s.storeId, s.channelKey);
  const profile = channel && getProfile(channel.pgProvider);
  if (!channel || !profile) return finish(c, s, billingOther(s, 'ChannelNotFound', `채널이 존재하지 않습니다. (channelKey: ${s.channelKey})`));
  const cards = s.method === 'CARD' ? billingCardOptions(profile, s.payment?.amount.total ?? 1_000) : [];
  setWindowCsp(c, s);
  return renderPage(
    c,
    <BillingPage
      token={token}
      session={s}
      profile={profile}
      channel={channel}
      notes={billingNotes(profile, s.lang)}
      cards={cards}
      form={{ ...form, testCard: form.testCard ?? defaultBillingCard(cards) }}
      error={error}
    />,
    error ? 400 : 200,
  );
}

/**
 * The browser's billing-key window: POST /checkout/billing-sessions (the SDK shim's
 * requestIssueBillingKey / requestIssueBillingKeyAndPay), GET /checkout/billing-window,
 * POST /checkout/billing-issue (the PG decides), POST /checkout/billing-cancel (the customer
 * closes it; also called cross-origin by the shim when a popup is closed).
 */
export function billingWindowRoutes() {
  const app = new Hono<AppEnv>();
  // Opening a window writes a key and sends BillingKey.Ready: limited per store like payment windows.
  const limiter = new SessionRateLimiter();

  app.use('/checkout/billing-sessions', cors({ origin: '*', allowMethods: ['POST'], allowHeaders: ['content-type'], maxAge: 600 }));
  app.post('/checkout/billing-sessions', async (c) => {
    let json: unknown;
    try {
      json = parseJsonText(await c.req.text(), 'the body');
    } catch (err) {
      return c.json(badRequest((err as Error).message), 400);
    }
    const body = SessionBody.safeParse(json);
    if (!body.success) return c.json(badRequest(firstIssue(body.error, '(body)')), 400);
    const storeId = (body.data.request as { storeId?: unknown } | null)?.storeId;
    const allowed = limiter.take(typeof storeId === 'string' ? storeId : '', c.var.services.wallNow());
    if (!allowed.ok) {
      c.header('Retry-After', String(allowed.retryAfterSeconds));
      return c.json({ code: 'ResourceExhausted', message: `이 상점의 발급창 요청이 너무 많습니다. ${allowed.retryAfterSeconds}초 후 다시 시도해 주세요. (too many billing key windows for this store)` }, 429);
    }
    const shared = { windowType: body.data.windowType, platform: body.data.platform, merchantOrigin: originOf(c.req.header('origin')) ?? originOf(body.data.pageUrl), pageUrl: body.data.pageUrl };
    let result: OpenBillingResult;
    try {
      if (body.data.kind === 'ISSUE_BILLING_KEY') {
        const request = SdkIssueBillingKeyRequest.safeParse(body.data.request);
        if (!request.success) return c.json(badRequest(firstIssue(request.error, 'request')), 400);
        result = await openBillingCheckout(c.var.services, { kind: 'ISSUE_BILLING_KEY', request: request.data, ...shared });
      } else {
        const request = SdkIssueBillingKeyAndPayRequest.safeParse(body.data.request);
        if (!request.success) return c.json(badRequest(firstIssue(request.error, 'request')), 400);
        result = await openBillingCheckout(c.var.services, { kind: 'ISSUE_BILLING_KEY_AND_PAY', request: request.data, ...shared });
      }
    } catch (err) {
      if (!(err instanceof PortOneError)) throw err;
      result = { ok: false, ...sdkErrorOf(err) };
    }
    if (!result.ok) return c.json({ code: result.code, message: result.message }, result.status);
    const base = requestOrigin(c);
    const { session, token } = result;
    return c.json(
      {
        sessionId: session.sessionId,
        billingKey: session.billingKey,
        paymentId: session.payment?.paymentId,
        token,
        checkoutUrl: `${base}/checkout/billing-window?s=${encodeURIComponent(token)}`,
        cancelUrl: `${base}/checkout/billing-cancel`,
        expiresAt: new Date(session.exp * 1000).toISOString(),
      },
      201,
    );
  });

  app.get('/checkout/billing-window', async (c) => {
    const token = c.req.query('s') ?? '';
    const opened = openBillingSession(c.var.services, token);
    if (!opened.ok) return opened.reason === 'expired' ? finish(c, opened.session, expired(opened.session)) : invalidLink(c);
    const settled = await currentBillingResponse(c.var.services, opened.session);
    if (settled) return finish(c, opened.session, settled);
    return showWindow(c, token, opened.session, {});
  });

  app.post('/checkout/billing-issue', async (c) => {
    const form = await readForm(c);
    const token = form.s ?? '';
    const opened = openBillingSession(c.var.services, token);
    if (!opened.ok) return opened.reason === 'expired' ? finish(c, opened.session, expired(opened.session)) : invalidLink(c);
    const s = opened.session;
    let outcome;
    try {
      outcome = await submitBillingWindow(c.var.services, s, {
        number: (form.cardNumber ?? '').trim() || (form.testCard ?? ''),
        expiryMonth: (form.expiryMonth ?? '').trim(),
        expiryYear: (form.expiryYear ?? '').trim(),
      });
    } catch (err) {
      // A dependency failed: the merchant's promise still gets an answer.
      logger.error('billing window error', { error: err as Error, path: c.req.path });
      const { code, message } = sdkErrorOf(err);
      return finish(c, s, billingOther(s, code, message));
    }
    if (outcome.kind === 'retry') {
      const t = translator(s.lang);
      const message = outcome.field === 'cardNumber' ? t(`카드번호를 확인하세요 (${outcome.message})`, `card number: ${outcome.message}`) : t('유효기간은 MM / YY 형식입니다', 'expiry must be MM / YY');
      return showWindow(c, token, s, form, { field: outcome.field, message });
    }
    return finish(c, s, outcome.response);
  });

  app.use('/checkout/billing-cancel', cors({ origin: '*', allowMethods: ['POST'], maxAge: 600 }));
  app.post('/checkout/billing-cancel', async (c) => {
    const form = await readForm(c);
    const opened = openBillingSession(c.var.services, form.s);
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    const s = opened.ok ? opened.session : opened.reason === 'expired' ? opened.session : undefined;
    if (!s) return wantsJson ? c.json(badRequest('invalid billing key session'), 400) : invalidLink(c);
    const response = await closeBillingWindow(c.var.services, s);
    return wantsJson ? c.json(response) : finish(c, s, response);
  });

  return app;
}
