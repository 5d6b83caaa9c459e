import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { $ZodError } from 'zod/v4/core';
import { PortOneError } from '../domain/errors.ts';
import { ConcurrentModificationError } from '../domain/errors.ts';
import { logger } from '../logger.ts';

/** Every error leaves as PortOne's `{type, message}` JSON, whatever threw it. */
export function errorResponse(err: unknown, c: Context): Response {
  if (err instanceof PortOneError) {
    return c.json(err.toJSON(), err.status as ContentfulStatusCode);
  }
  // zod/mini throws core errors (functions/zod.ts); a schema's parse() that throws lands here.
  if (err instanceof $ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.join('.') || '(body)';
    return c.json({ type: 'INVALID_REQUEST', message: `${field}: ${issue?.message ?? 'invalid'}` }, 400);
  }
  if (err instanceof ConcurrentModificationError) {
    return c.json({ type: 'CONFLICT', message: 'The payment changed while this request ran; retry it.' }, 409);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const type = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHORIZED' : 'INVALID_REQUEST';
    return c.json({ type, message: err.message || 'Request refused' }, status as ContentfulStatusCode);
  }
  logger.error('unhandled error', { error: err as Error, path: c.req.path });
  return c.json({ type: 'UNAVAILABLE', message: 'pg-sandbox could not complete the request; it was not applied.' }, 503);
}
