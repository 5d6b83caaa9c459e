import type { Context } from 'hono';

/**
 * Who is asking, for the payment's `origin`: the first X-Forwarded-For hop (a Lambda Function URL
 * sets it) or loopback when running locally without a proxy.
 */
export function clientInfo(c: Context): { ipAddress: string; userAgent?: string } {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return { ipAddress: forwarded || '127.0.0.1', userAgent: c.req.header('user-agent')?.slice(0, 500) };
}

/** The origin this request reached the sandbox at (absolute links in JSON answers). */
export const requestOrigin = (c: Context) => new URL(c.req.url).origin;

/** Is the page served over https (directly or behind a TLS-terminating proxy)? Decides `Secure` cookies. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}
