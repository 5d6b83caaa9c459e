import { Hono } from 'hono';
import * as z from '../../zod.ts';
import { DISPUTE_REASON_CHARS } from '../../domain/dispute.ts';
import { openDispute, resolveDispute } from '../../payments/disputes.ts';
import { Id } from '../../payments/request-fields.ts';
import { readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';

const OpenDisputeBody = z.strictObject({ reason: z.optional(z.string().check(z.minLength(1), z.maxLength(DISPUTE_REASON_CHARS))), pgDisputeId: z.optional(Id) });

/**
 * Disputes (분쟁) on the caller's payments, as the PG would report them (docs/disputes.md): PortOne
 * has no operation to raise one, so the sandbox does, and PortOne's side follows (the payment's
 * `disputes`, `Transaction.DisputeCreated` / `DisputeResolved`).
 */
export function disputeRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/payments/:paymentId/disputes', async (c) => {
    const body = await readBody(c, OpenDisputeBody);
    return c.json(await openDispute(c.var.services, c.var.storeId, idParam(c, 'paymentId'), body), 201);
  });
  app.post('/payments/:paymentId/disputes/:pgDisputeId/resolve', async (c) =>
    c.json(await resolveDispute(c.var.services, c.var.storeId, idParam(c, 'paymentId'), idParam(c, 'pgDisputeId'))),
  );
  return app;
}
