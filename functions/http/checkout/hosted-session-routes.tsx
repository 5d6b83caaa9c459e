/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { hostedPage, isSettled, payWithSession } from '../../checkout/pay-session.ts';
import { SessionRateLimiter } from '../../checkout/rate-limit.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../ui/document.tsx';
import type { Lang } from '../ui/format.ts';
import { clientInfo, requestOrigin } from '../ui/request-info.ts';
import { buildCsp } from '../ui/security.ts';
import { HostedCheckoutPage, HostedResultPage, HostedSessionGonePage } from './hosted-session-page.tsx';
import { readForm } from './window-common.tsx';

const langOf = (c: Context<AppEnv>): Lang => (c.req.query('lang') === 'en' || (!c.req.query('lang') && /^en/i.test(c.req.header('accept-language') ?? '')) ? 'en' : 'ko');
const sessionPath = (sessionId: string) => `/checkout/payment-sessions/${encodeURIComponent(sessionId)}`;
const resultUrl = (c: Context<AppEnv>, sessionId: string, lang: Lang) => `${requestOrigin(c)}${sessionPath(sessionId)}/result?lang=${lang}`;
const windowUrl = (c: Context<AppEnv>, token: string) => `${requestOrigin(c)}/checkout/window?s=${encodeURIComponent(token)}`;

/** The page may show the merchant's `orderImageUrl`: its origin joins img-src; nothing else changes from the checkout CSP. */
function setPageCsp(c: Context<AppEnv>, imageUrl: string | undefined) {
  const image = imageUrl ? [new URL(imageUrl).origin] : [];
  c.header(
    'Content-Security-Policy',
    buildCsp({ 'default-src': ["'none'"], 'base-uri': ["'none'"], 'img-src': ["'self'", 'data:', ...image], 'style-src': ["'self'"], 'form-action': ["'self'"], 'frame-ancestors': ["'none'"] }),
  );
}

/**
 * The hosted checkout page of a payment session (the `url` createPaymentSession answers): the
 * order, the profile's methods and the agreements; paying opens the sandbox's checkout window.
 */
export function hostedSessionRoutes() {
  const app = new Hono<AppEnv>();
  // Opening a window writes a READY payment and sends Transaction.Ready: bounded per store, as the SDK's /checkout/sessions is.
  const limiter = new SessionRateLimiter();
  const tooMany = (c: Context<AppEnv>, storeId: string): string | undefined => {
    const taken = limiter.take(storeId, c.var.services.wallNow());
    if (taken.ok) return undefined;
    c.header('Retry-After', String(taken.retryAfterSeconds));
    return `이 상점의 결제창 요청이 너무 많습니다. ${taken.retryAfterSeconds}초 후 다시 시도해 주세요. (too many checkout windows for this store)`;
  };

  app.get('/checkout/payment-sessions/:sessionId', async (c) => {
    const lang = langOf(c);
    const page = await hostedPage(c.var.services, c.req.param('sessionId'));
    if (page.state !== 'OPEN') return renderPage(c, <HostedSessionGonePage lang={lang} expired={page.state === 'EXPIRED'} message={page.message} />, page.state === 'EXPIRED' ? 410 : 404);
    const { session, methods, payment } = page;
    setPageCsp(c, session.orderImageUrl);
    if (isSettled(payment)) return renderPage(c, <HostedResultPage lang={lang} session={session} payment={payment} />);
    // paymentMethod given and nothing to ask (no agreements): straight to the payment ("주문서를 건너뛰고 결제로 바로 이동").
    const only = session.paymentMethod !== undefined && !session.agreements?.length ? methods[0] : undefined;
    if (only) {
      const refused = tooMany(c, session.storeId);
      if (refused) return renderPage(c, <HostedCheckoutPage lang={lang} session={session} methods={methods} error={refused} />, 429);
      const opened = await payWithSession(c.var.services, { sessionId: session.id, paymentMethod: only.paymentMethod, agreed: true, resultUrl: resultUrl(c, session.id, lang), lang, ...clientInfo(c) });
      if (opened.ok) return c.redirect(windowUrl(c, opened.token), 303);
      return renderPage(c, <HostedCheckoutPage lang={lang} session={session} methods={methods} error={opened.message} />, 400);
    }
    return renderPage(c, <HostedCheckoutPage lang={lang} session={session} methods={methods} />);
  });

  app.post('/checkout/payment-sessions/:sessionId/pay', async (c) => {
    const lang = langOf(c);
    const sessionId = c.req.param('sessionId');
    const form = await readForm(c);
    const page = await hostedPage(c.var.services, sessionId);
    const agreed = page.state === 'OPEN' && (page.session.agreements ?? []).every((_, i) => form[`agree-${i}`] === 'yes');
    const refused = page.state === 'OPEN' ? tooMany(c, page.session.storeId) : undefined;
    if (page.state === 'OPEN' && refused) {
      setPageCsp(c, page.session.orderImageUrl);
      return renderPage(c, <HostedCheckoutPage lang={lang} session={page.session} methods={page.methods} error={refused} />, 429);
    }
    const result = await payWithSession(c.var.services, {
      sessionId,
      paymentMethod: form.paymentMethod ?? '',
      agreed,
      resultUrl: resultUrl(c, sessionId, lang),
      lang,
      ...clientInfo(c),
    });
    if (result.ok) return c.redirect(windowUrl(c, result.token), 303);
    if (page.state !== 'OPEN') return renderPage(c, <HostedSessionGonePage lang={lang} expired={page.state === 'EXPIRED'} message={page.message} />, page.state === 'EXPIRED' ? 410 : 404);
    setPageCsp(c, page.session.orderImageUrl);
    return renderPage(c, <HostedCheckoutPage lang={lang} session={page.session} methods={page.methods} error={result.message} />, result.status === 409 ? 409 : 400);
  });

  // The default result page: the payment as PortOne has it (the query only carries the window's failure message).
  app.get('/checkout/payment-sessions/:sessionId/result', async (c) => {
    const lang = langOf(c);
    const session = await c.var.services.repo.getPaymentSession(c.req.param('sessionId'));
    if (!session) return renderPage(c, <HostedSessionGonePage lang={lang} expired={false} message={`결제 세션이 존재하지 않습니다. (sessionId: ${c.req.param('sessionId')})`} />, 404);
    const payment = await c.var.services.repo.getPayment(session.storeId, session.paymentId);
    setPageCsp(c, session.orderImageUrl);
    return renderPage(c, <HostedResultPage lang={lang} session={session} payment={payment} failure={{ code: c.req.query('code'), message: c.req.query('message')?.slice(0, 500) }} />);
  });

  app.get('/checkout/payment-sessions/:sessionId/colors.css', async (c) => {
    const session = await c.var.services.repo.getPaymentSession(c.req.param('sessionId'));
    const colors = session?.colors ?? {};
    // Validated as plain CSS colours when the session was created (payment-session-schemas.ts).
    const rules = [
      colors.primary && `.hosted-checkout{--brand:${colors.primary}}`,
      colors.primaryHover && `.hosted-checkout button:hover{background:${colors.primaryHover};border-color:${colors.primaryHover}}`,
      colors.primaryLight && `.hosted-checkout .card{border-color:${colors.primaryLight}}`,
    ].filter(Boolean);
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(rules.join('\n'));
  });

  return app;
}
