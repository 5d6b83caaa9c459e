import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tamper-evident tokens: `base64url(JSON).base64url(HMAC-SHA256)`. Used for checkout sessions (the
 * amount a checkout page may charge) and console session cookies. The purpose is part of the MAC
 * input, so a checkout token can never be replayed as a console cookie or the other way round.
 * They are signed, not encrypted: nothing secret goes inside.
 */
export type TokenPurpose = 'checkout' | 'billing-checkout' | 'identity-verification' | 'console' | 'console-csrf';

/** Longer than any token we issue; refuses absurd inputs before hashing them. */
const MAX_TOKEN_CHARS = 8192;

const mac = (key: string, purpose: TokenPurpose, body: string) =>
  createHmac('sha256', key).update(`pg-sandbox:${purpose}:v1.`).update(body).digest('base64url');

export function signToken(key: string, purpose: TokenPurpose, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(key, purpose, body)}`;
}

/** The payload when the signature is ours and the purpose matches; undefined otherwise. */
export function verifyToken(key: string, purpose: TokenPurpose, token: string | undefined): unknown {
  if (!token || token.length > MAX_TOKEN_CHARS) return undefined;
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const body = token.slice(0, dot);
  if (!sameText(token.slice(dot + 1), mac(key, purpose, body))) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A MAC of `value` alone (e.g. the console's CSRF token derived from a session id). */
export const macOf = (key: string, purpose: TokenPurpose, value: string) => mac(key, purpose, value);

/** Constant-time comparison of two strings (lengths may leak, contents do not). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
