import type { Context } from 'hono';
import { storeNow } from '../../stores/clock.ts';
import { loadStore } from '../../stores/load-store.ts';
import type { ConsoleEnv } from './env.ts';
import { takeFlash } from './flash.ts';
import type { ConsoleChrome } from './layout.tsx';

/** What every signed-in page's frame needs: language, store, CSRF token, store clock, flash. */
export async function chromeFor(c: Context<ConsoleEnv>): Promise<ConsoleChrome> {
  const store = await loadStore(c.var.services, c.var.consoleSession.storeId);
  const url = new URL(c.req.url);
  return {
    lang: c.var.lang,
    storeId: store.storeId,
    csrf: c.var.csrf,
    now: storeNow(c.var.services, store).toISOString(),
    here: url.pathname + url.search,
    flash: takeFlash(c),
  };
}
