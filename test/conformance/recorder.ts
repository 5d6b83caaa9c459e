import { PATH_TEMPLATES, expectResponseMatches, type HttpMethod } from '../support/openapi.ts';

export interface Recorded {
  method: HttpMethod;
  path: string;
  status: number;
  body: unknown;
}

/**
 * Each template of the fixture as an anchored pattern; `{param}` is one path segment. Literal
 * templates first, so `/billing-keys/confirm` is not taken for `/billing-keys/{billingKey}`.
 */
const params = (t: string) => t.split('{').length;
const TEMPLATES = [...PATH_TEMPLATES]
  .sort((a, b) => params(a) - params(b))
  .map((t) => ({ template: t, pattern: new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

export function templateOf(path: string): string | undefined {
  return TEMPLATES.find((t) => t.pattern.test(path))?.template;
}

/**
 * Wraps the global fetch (which the official SDK uses) so every response from the target is kept
 * and can be checked against PortOne's OAS: the suite validates what the SDK really received.
 */
export function recordResponses(baseUrl: string) {
  const recorded: Recorded[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const response = await original(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.origin === new URL(baseUrl).origin && templateOf(url.pathname)) {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toLowerCase() as HttpMethod;
      const text = await response.clone().text();
      recorded.push({ method, path: url.pathname, status: response.status, body: JSON.parse(text) });
    }
    return response;
  };
  return {
    recorded,
    /** Validates everything recorded so far (and forgets it); returns how many were checked. */
    validateAll(): number {
      const batch = recorded.splice(0);
      for (const r of batch) expectResponseMatches(r.method, templateOf(r.path)!, r.status, r.body, { rejectUnknownProperties: true });
      return batch.length;
    },
    restore() {
      globalThis.fetch = original;
    },
  };
}
