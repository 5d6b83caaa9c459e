/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { PROFILES } from '../../domain/profiles/index.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../ui/document.tsx';
import type { Lang } from '../ui/format.ts';
import { requestOrigin } from '../ui/request-info.ts';
import { pageSecurity } from '../ui/security.ts';
import { DemoPage, DemoReturnPage } from './demo-page.tsx';

const langOf = (value: string | undefined): Lang => (value === 'en' ? 'en' : 'ko');
const ORDER = new Map(PROFILES.map((p, i) => [p.pgProvider, i]));

/** The demo shop (GET /demo) and its redirect landing page (GET /demo/return). */
export function demoRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/demo', pageSecurity('demo'));
  app.use('/demo/*', pageSecurity('demo'));

  app.get('/demo', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const storeId = c.req.query('storeId')?.trim() || undefined;
    const store = storeId ? await c.var.services.repo.getStore(storeId) : undefined;
    const channels = store ? await c.var.services.repo.listChannels(store.storeId) : [];
    channels.sort((a, b) => (ORDER.get(a.pgProvider) ?? 99) - (ORDER.get(b.pgProvider) ?? 99));
    const returnUrl = `${requestOrigin(c)}/demo/return?${new URLSearchParams({ ...(storeId ? { storeId } : {}), lang })}`;
    return renderPage(
      c,
      <DemoPage lang={lang} storeId={storeId} channels={channels} returnUrl={returnUrl} missingStore={storeId !== undefined && !store} />,
      storeId && !store ? 404 : 200,
    );
  });

  app.get('/demo/return', (c) => {
    const query = c.req.query();
    const { lang, storeId, ...rest } = query;
    return renderPage(c, <DemoReturnPage lang={langOf(lang)} query={rest} storeId={storeId} />);
  });
  return app;
}
