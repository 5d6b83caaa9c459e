/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { PortOneError } from '../../domain/errors.ts';
import { deleteBillingKey } from '../../billing/delete-billing-key.ts';
import { listBillingKeys } from '../../billing/list-billing-keys.ts';
import { listSchedules } from '../../schedules/list-schedules.ts';
import { revokeSchedules } from '../../schedules/revoke-schedules.ts';
import { storeNow } from '../../stores/clock.ts';
import { loadStore } from '../../stores/load-store.ts';
import { renderPage } from '../ui/document.tsx';
import { BillingPage } from './billing-page.tsx';
import { chromeFor } from './chrome.ts';
import type { ConsoleEnv } from './env.ts';
import { setFlash } from './flash.ts';

const SHOWN = 200;

/** The console's billing page and its buttons ("run now" is the timers' own fire button). */
export function billingConsoleRoutes() {
  const app = new Hono<ConsoleEnv>();
  const storeOf = (c: Context<ConsoleEnv>) => c.var.consoleSession.storeId;

  app.get('/billing', async (c) => {
    const storeId = storeOf(c);
    const [chrome, store, keys, schedules] = await Promise.all([
      chromeFor(c),
      loadStore(c.var.services, storeId),
      listBillingKeys(c.var.services, storeId, { page: { size: SHOWN } }),
      listSchedules(c.var.services, storeId, { page: { size: SHOWN }, sort: { by: 'TIME_TO_PAY', order: 'ASC' } }),
    ]);
    const now = storeNow(c.var.services, store).toISOString();
    return renderPage(c, <BillingPage {...chrome} keys={keys.items} schedules={schedules.items} now={now} />);
  });

  const act = async (c: Context<ConsoleEnv>, run: () => Promise<{ ko: string; en: string }>) => {
    try {
      setFlash(c, { kind: 'ok', text: (await run())[c.var.lang] });
    } catch (err) {
      if (!(err instanceof PortOneError)) throw err;
      setFlash(c, { kind: 'bad', text: `${err.type}: ${err.message}` });
    }
    return c.redirect('/console/billing', 303);
  };

  app.post('/billing-keys/:billingKey/delete', (c) =>
    act(c, async () => {
      await deleteBillingKey(c.var.services, storeOf(c), c.req.param('billingKey'), { reason: 'console', requester: 'ADMIN' });
      return { ko: '빌링키를 삭제했습니다.', en: 'Billing key deleted.' };
    }),
  );

  app.post('/schedules/:scheduleId/revoke', (c) =>
    act(c, async () => {
      await revokeSchedules(c.var.services, storeOf(c), { scheduleIds: [c.req.param('scheduleId')] });
      return { ko: '결제 예약을 취소했습니다.', en: 'Schedule revoked.' };
    }),
  );

  return app;
}
