/** A small client for the sandbox admin API (/sandbox/...), as a merchant's test suite would use it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function sandboxAdmin(baseUrl: string, apiSecret: string) {
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `PortOne ${apiSecret}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const ok = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    call,
    get: (path: string) => ok('GET', path),
    post: (path: string, body: unknown = {}) => ok('POST', path, body),
    put: (path: string, body: unknown = {}) => ok('PUT', path, body),
    view: (paymentId: string) => ok('GET', `/sandbox/payments/${encodeURIComponent(paymentId)}`),
    clock: () => ok('GET', '/sandbox/clock'),
    advance: (by: string) => ok('POST', '/sandbox/clock', { by }),
    advanceTo: (to: string) => ok('POST', '/sandbox/clock', { to }),
    timers: (paymentId?: string) => ok('GET', `/sandbox/timers${paymentId ? `?paymentId=${encodeURIComponent(paymentId)}` : ''}`),
  };
}

const KST = 9 * 3600 * 1000;

/**
 * The next KST wall-clock time hh:mm at least one day after `after`, as RFC 3339 UTC, so a test can
 * put a store's clock on a known Korean time of day without ever moving it backwards.
 */
export function nextKst(after: string | Date, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const base = new Date(new Date(after).getTime() + KST + 24 * 3600 * 1000);
  const day = Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), h, m);
  return new Date(day - KST).toISOString();
}

/** Same KST calendar day as `at`, at hh:mm, as RFC 3339 UTC. */
export function sameKstDay(at: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const base = new Date(new Date(at).getTime() + KST);
  return new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), h, m) - KST).toISOString();
}

export const kstTimeOf = (iso: string) => new Date(new Date(iso).getTime() + KST).toISOString().slice(11, 16);
