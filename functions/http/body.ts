import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidRequest } from '../domain/errors.ts';

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(body)';
  return `${field}: ${issue?.message ?? 'invalid value'}`;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(describe(parsed.error));
  return parsed.data;
}

function parseJsonText(text: string, where: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest(`${where} is not valid JSON`);
  }
}

/**
 * Reads a JSON body whatever its Content-Type: the official SDK sends JSON as text/plain, and a
 * JSON-only validator would silently see `{}`.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, parseJsonText(await c.req.text(), 'request body'));
}

/** List endpoints take a JSON body or `?requestBody=<url-encoded JSON>` (the SDK uses the latter). */
export async function readQueryOrBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const fromQuery = c.req.query('requestBody');
  if (fromQuery !== undefined) return parseWith(schema, parseJsonText(fromQuery, 'requestBody'));
  return readBody(c, schema);
}
