import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../domain/limits.ts';

const tooLarge = (c: Context) => c.json({ type: 'INVALID_REQUEST', message: `request body exceeds ${LIMITS.bodyBytes} bytes` }, 413);

/** Reads a chunked body (no length announced) up to the limit: the only case that must read to know. */
const streamingLimit = bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge });

/**
 * Refuses a body over LIMITS.bodyBytes with 413, deciding from the headers whenever they tell.
 * Hono's bodyLimit looks at `c.req.raw.body` first, which makes @hono/node-server build a full
 * `Request` (an AbortController and a web stream over the socket) for every request, GET included,
 * and then reads the body through that stream instead of straight from node's message. Only a
 * chunked body, or one on a runtime that announced no length (a Lambda event may not), goes to it.
 */
export const limitBody: MiddlewareHandler = (c, next) => {
  if (c.req.header('transfer-encoding') === undefined) {
    const length = c.req.header('content-length');
    if (length !== undefined) return Number.parseInt(length, 10) > LIMITS.bodyBytes ? Promise.resolve(tooLarge(c)) : next();
    // HTTP/1.1: a request with neither header has no body.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  }
  return streamingLimit(c, next);
};
