import type { Context } from 'hono';
import type * as z from '../zod.ts';
import { invalidRequest } from '../domain/errors.ts';
import { LIMITS, tooDeepPath, unstorablePart } from '../domain/limits.ts';

function describe(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(body)';
  return `${field}: ${issue?.message ?? 'invalid value'}`;
}

export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(describe(parsed.error));
  return parsed.data;
}

/**
 * Parses a JSON body and refuses one nested deeper than the limit (naming where), before zod,
 * DynamoDB's marshaller or structuredClone recurse into it and overflow the stack, and one holding
 * what the table cannot store (domain/limits.ts, unstorablePart).
 */
export function parseJsonText(text: string, where: string): unknown {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest(`${where} is not valid JSON`);
  }
  const deep = tooDeepPath(value);
  if (deep) {
    const shown = deep.slice(0, 3).join('.') + (deep.length > 3 ? '…' : '');
    throw invalidRequest(`${shown}: nested deeper than ${LIMITS.jsonDepth} levels`);
  }
  const unstorable = unstorablePart(value);
  if (unstorable) throw invalidRequest(`${unstorable.path.join('.') || '(body)'}: ${unstorable.problem}`);
  return value;
}

/**
 * Reads a JSON body whatever its Content-Type: the official SDK sends JSON as text/plain, and a
 * JSON-only validator would silently see `{}`.
 */
export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, parseJsonText(await c.req.text(), 'request body'));
}

/** List endpoints take a JSON body or `?requestBody=<url-encoded JSON>` (the SDK uses the latter). */
export async function readQueryOrBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const fromQuery = c.req.query('requestBody');
  if (fromQuery !== undefined) return parseWith(schema, parseJsonText(fromQuery, 'requestBody'));
  return readBody(c, schema);
}
