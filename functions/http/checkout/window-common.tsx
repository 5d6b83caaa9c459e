/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { redirectTarget } from '../../checkout/payment-response.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../ui/document.tsx';
import { translator, type Lang } from '../ui/format.ts';
import { checkoutCsp } from '../ui/security.ts';
import { ResultPage, WindowErrorPage, type WindowResponse } from './result-page.tsx';

/** What every hosted window (payment, 본인인증) knows about how it was opened. */
export interface WindowTarget {
  sessionId: string;
  windowType: 'IFRAME' | 'POPUP' | 'REDIRECTION';
  merchantOrigin?: string;
  redirectUrl?: string;
  lang: Lang;
}

export type Form = Record<string, string>;

export async function readForm(c: Context<AppEnv>): Promise<Form> {
  const body = await c.req.parseBody();
  const out: Form = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The CSP of one window: framed only by its merchant page; its forms lead only here (or to redirectUrl). */
export function setWindowCsp(c: Context<AppEnv>, target: WindowTarget) {
  c.header(
    'Content-Security-Policy',
    checkoutCsp({
      frameAncestor: target.windowType === 'IFRAME' ? target.merchantOrigin : undefined,
      redirectOrigin: target.windowType === 'REDIRECTION' && target.redirectUrl ? new URL(target.redirectUrl).origin : undefined,
    }),
  );
}

/** Ends the window: back to the merchant by redirect (mobile) or by message (overlay, popup). */
export function finish(c: Context<AppEnv>, target: WindowTarget, response: WindowResponse) {
  setWindowCsp(c, target);
  if (target.windowType === 'REDIRECTION' && target.redirectUrl) return c.redirect(redirectTarget(target.redirectUrl, response), 303);
  return renderPage(
    c,
    <ResultPage
      lang={target.lang}
      sessionId={target.sessionId}
      windowType={target.windowType === 'POPUP' ? 'POPUP' : 'IFRAME'}
      targetOrigin={target.merchantOrigin ?? ''}
      response={response}
    />,
  );
}

/** A window link that pg-sandbox did not issue (or that was altered): nobody to report to. */
export function invalidLink(c: Context<AppEnv>) {
  const lang = /^en/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'ko';
  const t = translator(lang);
  return renderPage(
    c,
    <WindowErrorPage
      lang={lang}
      title={t('잘못된 결제창 주소', 'Invalid payment window link')}
      message={t('이 결제창 링크는 pg-sandbox가 발급한 것이 아니거나 변조되었습니다.', 'This payment window link was not issued by pg-sandbox or was altered.')}
    />,
    400,
  );
}
