import { Hono } from 'hono';
import * as z from '../../zod.ts';
import type { AppEnv } from '../env.ts';
import type { MountRoutes } from '../app-shell.ts';
import { requireStore } from '../auth.ts';
import { parseWith, readBody } from '../body.ts';
import { invalidRequest } from '../../domain/errors.ts';
import type { TimerRecord } from '../../domain/timer.ts';
import { idParam } from '../fields.ts';
import { Id } from '../../payments/request-fields.ts';
import { profilesJson } from '../../domain/profiles/index.ts';
import { DECLINES, DEFAULT_ISSUER, TEST_CARDS } from '../../domain/cards.ts';
import { seedStore } from '../../stores/seed.ts';
import { addApiSecret } from '../../stores/create-store.ts';
import { listApiSecrets, revokeApiSecret } from '../../stores/secrets.ts';
import { createChannel, recordSignup, setChannelMode } from '../../stores/channels.ts';
import { CHANNEL_MODES, channelModeOf, type ChannelRecord } from '../../domain/store.ts';
import { loadStore } from '../../stores/load-store.ts';
import { dualView } from '../../payments/dual-view.ts';
import { notifyTestDeposit, simulateRealDeposit } from '../../payments/virtual-account.ts';
import { webhookSettingsRoutes } from './webhook-routes.ts';
import { faultRoutes } from './fault-routes.ts';
import { disputeRoutes } from './dispute-routes.ts';
import { escrowRoutes } from './escrow-routes.ts';
import { promotionRoutes } from './promotion-routes.ts';
import { checkoutProfileRoutes } from './checkout-profile-routes.ts';
import { simulateCheckoutRoutes } from './simulate-checkout.ts';
import { advanceClock, fireTimerNow, readClock } from '../../timers/test-clock.ts';
import { toKst } from '../../domain/kst.ts';
import { SANDBOX_OPENAPI } from './openapi.ts';

const CreateStoreBody = z.object({ name: z.optional(z.string().check(z.maxLength(100))) });
const CreateChannelBody = z.object({
  pgProvider: z.string().check(z.minLength(1)),
  name: z.optional(z.string().check(z.maxLength(100))),
  channelKey: z.optional(z.string().check(z.regex(/^[0-9A-Za-z._-]{1,100}$/))),
  pgMerchantId: z.optional(z.string().check(z.maxLength(100))),
  autoRefundOverride: z.optional(z.object({ kind: z.literal('delay'), seconds: z.number().check(z.int(), z.minimum(1), z.maximum(7 * 24 * 3600)) })),
  mode: z.optional(z.enum(CHANNEL_MODES)),
  manualConfirm: z.optional(z.boolean()),
  manualCapture: z.optional(z.boolean()),
});
const ChannelSettingsBody = z.object({ mode: z.enum(CHANNEL_MODES) });
/** A channel as the API shows it: records older than modes are TEST channels. */
const presentChannel = (ch: ChannelRecord): ChannelRecord => ({ ...ch, mode: channelModeOf(ch) });
const SignupBody = z.object({ pgProvider: z.string().check(z.minLength(1)) });
const DepositBody = z.object({ amount: z.optional(z.number().check(z.int(), z.positive())), depositorName: z.optional(z.string().check(z.maxLength(50))) });
const ClockBody = z.object({ by: z.optional(z.string()), to: z.optional(z.string()) });
const TimersQuery = z.object({
  paymentId: z.optional(Id),
  state: z.optional(z.pipe(z.pipe(z.string(), z.transform((s) => s.toUpperCase())), z.enum(['PENDING', 'FIRED', 'CANCELLED']))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

/**
 * The sandbox's own admin API (beyond PortOne): stores, channels, the test clock, timers and the
 * dual-ledger view. Authenticated with the same `PortOne <secret>` as the PortOne API; everything
 * acts on the caller's own store.
 */
export function sandboxRoutes() {
  const app = new Hono<AppEnv>();

  // The API's description, profiles and test cards are public facts, no store data.
  app.get('/profiles', (c) => c.json({ items: profilesJson() }));
  app.get('/openapi.json', (c) => c.json(SANDBOX_OPENAPI));
  app.get('/test-cards', (c) => c.json({ items: TEST_CARDS, declines: Object.values(DECLINES), defaultIssuer: DEFAULT_ISSUER }));

  app.use('*', requireStore);

  app.post('/stores', async (c) => {
    const body = await readBody(c, CreateStoreBody);
    const seeded = await seedStore(c.var.services, { name: body.name });
    return c.json({ storeId: seeded.storeId, apiSecret: seeded.apiSecret, channels: seeded.channels }, 201);
  });

  app.get('/store', async (c) => {
    const store = await loadStore(c.var.services, c.var.storeId);
    return c.json({
      storeId: store.storeId,
      merchantId: store.merchantId,
      name: store.name,
      createdAt: store.createdAt,
      signups: store.signups,
      clockOffsetMs: store.clockOffsetMs,
    });
  });

  app.post('/store/api-secrets', async (c) => c.json(await addApiSecret(c.var.services, c.var.storeId), 201));
  app.get('/store/api-secrets', async (c) => c.json({ items: await listApiSecrets(c.var.services, c.var.storeId) }));
  app.delete('/store/api-secrets/:secretId', async (c) => {
    await revokeApiSecret(c.var.services, c.var.storeId, c.req.param('secretId'));
    return c.body(null, 204);
  });

  app.get('/channels', async (c) => c.json({ items: (await c.var.services.repo.listChannels(c.var.storeId)).map(presentChannel) }));
  app.post('/channels', async (c) => {
    const body = await readBody(c, CreateChannelBody);
    return c.json(await createChannel(c.var.services, c.var.storeId, body), 201);
  });
  app.patch('/channels/:channelKey', async (c) => {
    const body = await readBody(c, ChannelSettingsBody);
    return c.json(await setChannelMode(c.var.services, c.var.storeId, idParam(c, 'channelKey'), body.mode));
  });
  app.post('/signups', async (c) => {
    const body = await readBody(c, SignupBody);
    return c.json({ signups: await recordSignup(c.var.services, c.var.storeId, body.pgProvider) });
  });

  app.route('/', simulateCheckoutRoutes());
  app.get('/payments/:paymentId', async (c) => c.json(await dualView(c.var.services, c.var.storeId, idParam(c, 'paymentId'))));

  // A real deposit: on a test channel PortOne never hears of it; on a live-like one it pays.
  app.post('/payments/:paymentId/virtual-account/deposit', async (c) => {
    const body = await readBody(c, DepositBody);
    await simulateRealDeposit(c.var.services, c.var.storeId, idParam(c, 'paymentId'), body);
    return c.json(await dualView(c.var.services, c.var.storeId, idParam(c, 'paymentId')));
  });
  // The console's 테스트 입금웹훅통지 button.
  app.post('/payments/:paymentId/virtual-account/test-deposit-notification', async (c) => {
    await notifyTestDeposit(c.var.services, c.var.storeId, idParam(c, 'paymentId'));
    return c.json(await dualView(c.var.services, c.var.storeId, idParam(c, 'paymentId')));
  });

  app.route('/', disputeRoutes());
  app.route('/', escrowRoutes());
  app.route('/', promotionRoutes());
  app.route('/', checkoutProfileRoutes());
  app.route('/webhook', webhookSettingsRoutes());
  app.route('/faults', faultRoutes());

  app.get('/clock', async (c) => c.json(await readClock(c.var.services, c.var.storeId)));
  app.post('/clock', async (c) => {
    const body = await readBody(c, ClockBody);
    return c.json(await advanceClock(c.var.services, c.var.storeId, body));
  });

  app.get('/timers', async (c) => {
    const query = parseWith(TimersQuery, c.req.query());
    const withKst = (t: TimerRecord) => ({ ...t, dueAtKst: toKst(t.dueAt) });
    if (query.paymentId !== undefined) {
      const items = (await c.var.services.repo.listPaymentTimers(c.var.storeId, query.paymentId)).filter((t) => !query.state || t.state === query.state);
      return c.json({ items: items.map(withKst) });
    }
    // A store's timers across payments: the pending ones in due order, a page at a time.
    if (query.state && query.state !== 'PENDING') throw invalidRequest('state: without paymentId only PENDING timers are listed');
    const page = await c.var.services.repo.listPendingTimers(c.var.storeId, { limit: query.limit ?? 100, after: query.cursor });
    return c.json({ items: page.items.map(withKst), ...(page.next ? { cursor: page.next } : {}) });
  });
  app.post('/timers/:timerId/fire', async (c) => c.json(await fireTimerNow(c.var.services, c.var.storeId, idParam(c, 'timerId'))));

  return app;
}

export const mountSandboxRoutes: MountRoutes = (app) => app.route('/sandbox', sandboxRoutes());
