import type { Context } from 'hono';
import { invalidRequest } from '../domain/errors.ts';
import { idProblem } from '../domain/limits.ts';

/** A path parameter that is an id (`paymentId`, `timerId`, …): a 400 naming it, before any read. */
export function idParam(c: Context, name: string): string {
  const value = c.req.param(name) ?? '';
  const problem = idProblem(value);
  if (problem) throw invalidRequest(`${name}: ${problem}`);
  return value;
}
