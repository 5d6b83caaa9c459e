import { Hono } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../env.ts';
import { readBody, parseWith } from '../body.ts';
import { idParam } from '../fields.ts';
import { Id, Url } from '../../payments/request-fields.ts';
import { loadStore } from '../../stores/load-store.ts';
import { PROBE_LIMITS, runProbe } from '../../probe/run-probe.ts';
import { MAX_CHAOS_DELAY_MS, type WebhookChaos } from '../../webhooks/chaos.ts';
import { DEFAULT_DELIVERY_LIMIT, MAX_DELIVERY_LIMIT, listDeliveries } from '../../webhooks/deliveries.ts';
import {
  addWebhookSecret,
  deleteWebhookSecret,
  presentSettings,
  setConfirmProcess,
  setNoticeUrlHosts,
  setWebhookChaos,
  setWebhookUrl,
} from '../../webhooks/settings.ts';

const UrlBody = z.object({ url: Url.nullable() });
/** The chaos modes a store may switch on (webhooks/chaos.ts says what each does). */
const WebhookChaosSchema = z
  .object({
    duplicate: z.boolean().optional(),
    delayMs: z.number().int().min(0).max(MAX_CHAOS_DELAY_MS).optional(),
    invalidSignature: z.boolean().optional(),
    staleTimestamp: z.boolean().optional(),
    outOfOrder: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<WebhookChaos>;
const NoticeUrlHostsBody = z.object({ hosts: z.array(z.string().max(253)) });
const ConfirmProcessBody = z.object({ enabled: z.boolean() }).strict();
const SecretBody = z.object({ secret: z.string().max(200).optional() });
const ProbeBody = z
  .object({
    url: Url,
    secret: z.string().max(200).optional(),
    timeoutMs: z.number().int().min(PROBE_LIMITS.timeoutMs.min).max(PROBE_LIMITS.timeoutMs.max).optional(),
    settleMs: z.number().int().min(PROBE_LIMITS.settleMs.min).max(PROBE_LIMITS.settleMs.max).optional(),
  })
  .strict();
const DeliveriesQuery = z.object({
  paymentId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_DELIVERY_LIMIT).default(DEFAULT_DELIVERY_LIMIT),
});

/**
 * Webhook settings of the caller's store (mounted under /sandbox/webhook, already authenticated):
 * the test-mode URL, the signing secrets (rotation), chaos modes, the confirm process, the delivery log and the
 * receiver probe. Documented in docs/webhooks.md (the confirm process in docs/confirm-process.md).
 */
export function webhookSettingsRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => c.json(presentSettings(await loadStore(c.var.services, c.var.storeId))));

  app.put('/', async (c) => {
    const body = await readBody(c, UrlBody);
    return c.json(await setWebhookUrl(c.var.services, c.var.storeId, body.url));
  });

  app.post('/secrets', async (c) => {
    const body = await readBody(c, SecretBody);
    return c.json(await addWebhookSecret(c.var.services, c.var.storeId, body.secret), 201);
  });

  app.delete('/secrets/:secretId', async (c) => c.json(await deleteWebhookSecret(c.var.services, c.var.storeId, idParam(c, 'secretId'))));

  app.put('/notice-url-hosts', async (c) => {
    const body = await readBody(c, NoticeUrlHostsBody);
    return c.json(await setNoticeUrlHosts(c.var.services, c.var.storeId, body.hosts));
  });

  app.put('/confirm-process', async (c) => {
    const body = await readBody(c, ConfirmProcessBody);
    return c.json(await setConfirmProcess(c.var.services, c.var.storeId, body.enabled));
  });

  app.put('/chaos', async (c) => {
    const body = await readBody(c, WebhookChaosSchema);
    return c.json(await setWebhookChaos(c.var.services, c.var.storeId, body));
  });

  app.post('/probe', async (c) => {
    const body = await readBody(c, ProbeBody);
    return c.json(await runProbe(c.var.services, c.var.storeId, body));
  });

  app.get('/deliveries', async (c) => {
    const query = parseWith(DeliveriesQuery, c.req.query());
    return c.json(await listDeliveries(c.var.services, c.var.storeId, query));
  });

  return app;
}
