/**
 * Timers after crashes: every acknowledged payment on a channel whose PG voids in a nightly batch
 * (KG이니시스: real withdrawal, voided between 23:00 and 23:59 KST) must still have its pending
 * pg-void timer; moving the store's clock a day must fire each exactly once (the PG side becomes
 * VOIDED_BY_BATCH while PortOne still says what it said, as in test mode); a second day fires none
 * of them again.
 */
import { forEachLimit } from './pool.ts';

export interface TimerVerdict {
  /** Acknowledged payments without a pending pg-void timer before the clock moved. */
  missing: string[];
  /** pg-void timers fired by the first day: should be one per acknowledged payment. */
  fired: number;
  /** Payments whose pg-void fired more or less than once, or fired again on the second day. */
  notOnce: string[];
  /** Payments whose PG or PortOne view is not what the fired void should leave. */
  wrongView: string[];
  /** Clock calls (an advance answers `complete: false` past its time budget and is continued). */
  clockCalls: number;
}

interface DualView {
  portone: { status: string };
  pg: { status: string };
  timers: { kind: string; state: string }[];
}
interface Fired {
  kind?: string;
  paymentId?: string;
  result: string;
}

export async function verifyPgVoids(paymentIds: readonly string[], opts: { baseUrl: string; apiSecret: string; concurrency: number }): Promise<TimerVerdict> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${opts.baseUrl}${path}`, {
      method,
      headers: { authorization: `PortOne ${opts.apiSecret}` },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const view = (id: string) => call<DualView>('GET', `/sandbox/payments/${encodeURIComponent(id)}`);
  const verdict: TimerVerdict = { missing: [], fired: 0, notOnce: [], wrongView: [], clockCalls: 0 };

  const before = new Map<string, string>();
  await forEachLimit(paymentIds, opts.concurrency, async (id) => {
    const v = await view(id).catch(() => undefined);
    if (!v) {
      verdict.missing.push(`${id}: no payment`);
      return;
    }
    before.set(id, v.portone.status);
    if (!v.timers.some((t) => t.kind === 'pg-void' && t.state.toUpperCase() === 'PENDING')) verdict.missing.push(id);
  });

  const advance = async (by: string) => {
    const fired: Fired[] = [];
    let answer = await call<{ fired: Fired[]; complete: boolean }>('POST', '/sandbox/clock', { by });
    verdict.clockCalls++;
    fired.push(...answer.fired);
    while (!answer.complete) {
      answer = await call('POST', '/sandbox/clock', { by: 'PT0S' });
      verdict.clockCalls++;
      fired.push(...answer.fired);
    }
    const voids = new Map<string, number>();
    for (const f of fired) if (f.kind === 'pg-void' && f.result === 'fired' && f.paymentId) voids.set(f.paymentId, (voids.get(f.paymentId) ?? 0) + 1);
    return voids;
  };
  const firstDay = await advance('P1D');
  const secondDay = await advance('P1D');
  for (const id of paymentIds) {
    const times = firstDay.get(id) ?? 0;
    verdict.fired += times;
    if (times !== 1 || secondDay.has(id)) verdict.notOnce.push(`${id}: ${times} on day 1, ${secondDay.get(id) ?? 0} on day 2`);
  }

  await forEachLimit(paymentIds, opts.concurrency, async (id) => {
    const v = await view(id).catch(() => undefined);
    if (!v) return;
    if (v.pg.status !== 'VOIDED_BY_BATCH' || v.portone.status !== before.get(id)) {
      verdict.wrongView.push(`${id}: pg ${v.pg.status}, portone ${v.portone.status} (was ${before.get(id)})`);
    }
  });
  return verdict;
}
