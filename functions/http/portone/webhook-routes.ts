import { Hono } from 'hono';
import * as z from '../../zod.ts';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { Id } from '../../payments/request-fields.ts';
import { presentWebhook } from '../../webhooks/present.ts';
import { resendWebhook } from '../../webhooks/resend.ts';

/** PortOne's ResendWebhookBody; unknown fields are ignored like everywhere else. */
const ResendWebhookBody = z.object({ storeId: z.optional(z.string()), webhookId: z.optional(Id) });

/** PortOne's resendWebhook (POST /payments/{paymentId}/resend-webhook); auth is applied by the caller. */
export function resendWebhookRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/payments/:paymentId/resend-webhook', async (c) => {
    const body = await readBody(c, ResendWebhookBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    const entry = await resendWebhook(c.var.services, storeId, idParam(c, 'paymentId'), body.webhookId);
    return c.json({ webhook: presentWebhook(entry) });
  });

  return app;
}
