/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { loadPaymentDetail } from '../../console/payment-detail.ts';
import { listForConsole, type ConsoleListQuery } from '../../console/payment-list.ts';
import { idProblem } from '../../domain/limits.ts';
import { PortOneError } from '../../domain/errors.ts';
import { PROFILES } from '../../domain/profiles/index.ts';
import { loadStore } from '../../stores/load-store.ts';
import { listDeliveries } from '../../webhooks/deliveries.ts';
import { presentSettings } from '../../webhooks/settings.ts';
import { renderPage } from '../ui/document.tsx';
import { ChannelsPage } from './channels-page.tsx';
import { chromeFor } from './chrome.ts';
import type { ConsoleEnv } from './env.ts';
import { renderConsoleError } from './error-page.tsx';
import { PaymentPage } from './payment-page.tsx';
import { PaymentsPage } from './payments-page.tsx';
import { StorePage } from './store-page.tsx';
import { WebhooksPage } from './webhooks-page.tsx';

const ORDER = new Map(PROFILES.map((p, i) => [p.pgProvider, i]));

/** The console's pages (GET, signed in). */
/** The store page lists the next pending timers, not all of them (a busy store has thousands). */
const STORE_PAGE_TIMERS = 50;

export function pageRoutes() {
  const app = new Hono<ConsoleEnv>();

  app.get('/', (c) => c.redirect('/console/payments', 303));

  app.get('/payments', async (c) => {
    const page = Number(c.req.query('page') ?? '0');
    const query: ConsoleListQuery = {
      q: c.req.query('q')?.slice(0, 200) || undefined,
      status: c.req.query('status') || undefined,
      method: c.req.query('method') || undefined,
      pg: c.req.query('pg') || undefined,
      page: Number.isInteger(page) && page >= 0 && page < 3000 ? page : 0,
    };
    const storeId = c.var.consoleSession.storeId;
    const [chrome, list, channels] = await Promise.all([chromeFor(c), listForConsole(c.var.services, storeId, query), c.var.services.repo.listChannels(storeId)]);
    const pgProviders = [...new Set(channels.map((ch) => ch.pgProvider))].sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99));
    return renderPage(c, <PaymentsPage {...chrome} query={query} rows={list.rows} total={list.page.totalCount} pgProviders={pgProviders} />);
  });

  app.get('/payments/:paymentId', async (c) => {
    const chrome = await chromeFor(c);
    try {
      const paymentId = c.req.param('paymentId');
      // No payment can have an id over the key budget: not found, without asking the table.
      if (idProblem(paymentId)) return renderConsoleError(c, chrome.lang, 404);
      const detail = await loadPaymentDetail(c.var.services, c.var.consoleSession.storeId, paymentId);
      return renderPage(c, <PaymentPage {...chrome} detail={detail} />);
    } catch (err) {
      if (err instanceof PortOneError && err.type === 'PAYMENT_NOT_FOUND') return renderConsoleError(c, chrome.lang, 404);
      throw err;
    }
  });

  app.get('/channels', async (c) => {
    const [chrome, channels] = await Promise.all([chromeFor(c), c.var.services.repo.listChannels(c.var.consoleSession.storeId)]);
    channels.sort((a, b) => (ORDER.get(a.pgProvider) ?? 99) - (ORDER.get(b.pgProvider) ?? 99));
    return renderPage(c, <ChannelsPage {...chrome} channels={channels} />);
  });

  app.get('/webhooks', async (c) => {
    const storeId = c.var.consoleSession.storeId;
    const [chrome, store, deliveries] = await Promise.all([chromeFor(c), loadStore(c.var.services, storeId), listDeliveries(c.var.services, storeId, { limit: 100 })]);
    return renderPage(c, <WebhooksPage {...chrome} settings={presentSettings(store)} deliveries={deliveries.items} />);
  });

  app.get('/store', async (c) => {
    const storeId = c.var.consoleSession.storeId;
    const [chrome, store, pending, faultLog] = await Promise.all([
      chromeFor(c),
      loadStore(c.var.services, storeId),
      c.var.services.repo.listPendingTimers(storeId, { limit: STORE_PAGE_TIMERS }),
      c.var.services.repo.listFaults(storeId, { limit: 20 }),
    ]);
    return renderPage(c, <StorePage {...chrome} store={store} pending={pending.items} morePending={pending.next !== undefined} faultLog={faultLog} />);
  });

  return app;
}
