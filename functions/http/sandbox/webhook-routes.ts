import { Hono } from 'hono';
import * as z from '../../zod.ts';
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

const UrlBody = z.object({ url: z.nullable(Url) });
/** The chaos modes a store may switch on (webhooks/chaos.ts says what each does). */
const WebhookChaosSchema = z.strictObject({
    duplicate: z.optional(z.boolean()),
    delayMs: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_CHAOS_DELAY_MS))),
    invalidSignature: z.optional(z.boolean()),
    staleTimestamp: z.optional(z.boolean()),
    outOfOrder: z.optional(z.boolean()),
  }) satisfies z.ZodMiniType<WebhookChaos>;
const NoticeUrlHostsBody = z.object({ hosts: z.array(z.string().check(z.maxLength(253))) });
const ConfirmProcessBody = z.strictObject({ enabled: z.boolean() });
const SecretBody = z.object({ secret: z.optional(z.string().check(z.maxLength(200))) });
const ProbeBody = z.strictObject({
    url: Url,
    secret: z.optional(z.string().check(z.maxLength(200))),
    timeoutMs: z.optional(z.number().check(z.int(), z.minimum(PROBE_LIMITS.timeoutMs.min), z.maximum(PROBE_LIMITS.timeoutMs.max))),
    settleMs: z.optional(z.number().check(z.int(), z.minimum(PROBE_LIMITS.settleMs.min), z.maximum(PROBE_LIMITS.settleMs.max))),
  });
const DeliveriesQuery = z.object({
  paymentId: z.optional(Id),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_DELIVERY_LIMIT)), DEFAULT_DELIVERY_LIMIT),
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
