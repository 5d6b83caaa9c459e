import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.ts';

/**
 * Security headers for the sandbox's own pages. Every kind of page forbids inline scripts
 * (`script-src 'self'` or nothing at all) and inline styles, and states who may frame it:
 * - `console`: no scripts at all, never framed, never cached (store data), isolated opener.
 * - `checkout`: the PG window. The merchant page frames it (overlay) or opens it (popup), so its
 *   CSP's frame-ancestors and form-action are per session (set by the handler with
 *   {@link checkoutCsp}); no X-Frame-Options (it cannot name another origin) and no
 *   Cross-Origin-Opener-Policy (a popup must keep `window.opener` to report its result).
 * - `demo`: the sample merchant page; frames only the sandbox's own checkout.
 * - `script`: `/sdk.js`, loaded cross-origin by merchant pages, so it is
 *   `Cross-Origin-Resource-Policy: cross-origin`.
 */
export type PageKind = 'console' | 'checkout' | 'demo' | 'script' | 'asset';

/** Joins CSP directives: `{ 'default-src': ["'none'"] }` → `default-src 'none'`. */
export function buildCsp(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

const BASE_CSP = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'"],
};

const CSP: Record<PageKind, string> = {
  console: buildCsp({ ...BASE_CSP, 'form-action': ["'self'"], 'frame-ancestors': ["'none'"] }),
  checkout: buildCsp({ ...BASE_CSP, 'script-src': ["'self'"], 'connect-src': ["'self'"], 'form-action': ["'self'"], 'frame-ancestors': ["'none'"] }),
  demo: buildCsp({
    ...BASE_CSP,
    'script-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }),
  script: buildCsp({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }),
  asset: buildCsp({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }),
};

/**
 * The checkout window's CSP: only the merchant page that opened it may frame it, and its form may
 * post only to the sandbox (and, in the redirect flow, lead to the merchant's redirectUrl:
 * Chromium applies form-action to the redirect after a form submission too).
 */
export function checkoutCsp(opts: { frameAncestor?: string; redirectOrigin?: string }): string {
  return buildCsp({
    ...BASE_CSP,
    'script-src': ["'self'"],
    'connect-src': ["'self'"],
    'form-action': ["'self'", ...(opts.redirectOrigin ? [opts.redirectOrigin] : [])],
    'frame-ancestors': [opts.frameAncestor ?? "'none'"],
  });
}

/** Powerful features none of the pages use. */
const PERMISSIONS = { camera: false, microphone: false, geolocation: false, usb: false, payment: false };

export function pageSecurity(kind: PageKind): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: undefined,
    xFrameOptions: kind === 'checkout' ? false : 'DENY',
    crossOriginOpenerPolicy: kind === 'console' ? 'same-origin' : false,
    crossOriginResourcePolicy: kind === 'script' || kind === 'checkout' ? 'cross-origin' : 'same-origin',
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { ...PERMISSIONS },
    // A handler that set its own header (the checkout's per-session CSP) keeps it.
    overwrite: false,
  });
  return async (c, next) => {
    await headers(c, async () => {
      await next();
      if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', CSP[kind]);
      if (!c.res.headers.has('Cache-Control')) {
        c.res.headers.set('Cache-Control', kind === 'script' || kind === 'asset' ? 'public, max-age=300' : 'no-store');
      }
    });
  };
}
