import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../ui/request-info.ts';

/**
 * The one-line result of a console action, carried across its redirect (post/redirect/get, so a
 * reload never repeats a cancel). A short-lived cookie rather than the query string, so the
 * message (possibly a PG's refusal text) never lands in URLs or logs. Rendered escaped.
 */
export interface Flash {
  kind: 'ok' | 'bad';
  text: string;
}

const NAME = 'pgs_flash';
const options = (c: Context, maxAge: number) => ({ path: '/console', httpOnly: true, secure: isHttps(c), sameSite: 'Strict' as const, maxAge });

export function setFlash(c: Context, flash: Flash): void {
  setCookie(c, NAME, encodeURIComponent(JSON.stringify({ kind: flash.kind, text: flash.text.slice(0, 600) })), options(c, 60));
}

export function takeFlash(c: Context): Flash | undefined {
  const raw = getCookie(c, NAME);
  if (!raw) return undefined;
  deleteCookie(c, NAME, options(c, 0));
  try {
    const value = JSON.parse(decodeURIComponent(raw)) as Flash;
    return (value.kind === 'ok' || value.kind === 'bad') && typeof value.text === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
