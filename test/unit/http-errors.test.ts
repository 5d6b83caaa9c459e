import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../functions/http/errors.ts';
import * as z from '../../functions/zod.ts';

// A schema's parse() that throws inside a route must still answer as PortOne does: 400
// INVALID_REQUEST naming the field, never the 503 of an unexpected error.
describe('errorResponse', () => {
  it('answers a zod error thrown by a route with 400 INVALID_REQUEST naming the field and what is wrong', async () => {
    const Body = z.object({ amount: z.object({ total: z.number().check(z.int(), z.minimum(1)) }) });
    const app = new Hono();
    app.post('/', async (c) => c.json(Body.parse(await c.req.json())));
    app.onError((err, c) => errorResponse(err, c));
    const res = await app.request('/', { method: 'POST', body: JSON.stringify({ amount: { total: 'ten' } }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ type: 'INVALID_REQUEST', message: 'amount.total: Invalid input: expected number, received string' });
  });
});
