/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { PortOneError, invalidRequest } from '../../domain/errors.ts';
import { loadStore } from '../../stores/load-store.ts';
import { PROBE_LIMITS, runProbe } from '../../probe/run-probe.ts';
import { presentSettings } from '../../webhooks/settings.ts';
import { renderPage } from '../ui/document.tsx';
import { chromeFor } from './chrome.ts';
import type { ConsoleEnv } from './env.ts';
import { setFlash } from './flash.ts';
import { ProbePage } from './probe-page.tsx';

/**
 * The console's receiver probe: runs it and shows the report on the answer to the POST (a report
 * is a result, not a state to come back to). A refusal (bad URL, no approving channel) goes back
 * to the webhooks page as a flash message, like every other console action.
 */
export function probeConsoleRoutes() {
  const app = new Hono<ConsoleEnv>();
  app.post('/webhooks/probe', async (c) => {
    const storeId = c.var.consoleSession.storeId;
    const form = await c.req.parseBody();
    try {
      const url = typeof form.url === 'string' ? form.url.trim() : '';
      if (!url) throw invalidRequest('url: the receiver URL is required');
      const rawTimeout = typeof form.timeoutMs === 'string' && form.timeoutMs.trim() ? Number(form.timeoutMs) : PROBE_LIMITS.timeoutMs.default;
      const { min, max } = PROBE_LIMITS.timeoutMs;
      if (!Number.isInteger(rawTimeout) || rawTimeout < min || rawTimeout > max) throw invalidRequest(`timeoutMs: a whole number from ${min} to ${max}`);
      const report = await runProbe(c.var.services, storeId, { url, timeoutMs: rawTimeout });
      const [chrome, store] = await Promise.all([chromeFor(c), loadStore(c.var.services, storeId)]);
      return renderPage(c, <ProbePage {...chrome} settings={presentSettings(store)} report={report} />);
    } catch (err) {
      if (!(err instanceof PortOneError)) throw err;
      setFlash(c, { kind: 'bad', text: `${err.type}: ${err.message}` });
      return c.redirect('/console/webhooks', 303);
    }
  });
  return app;
}
