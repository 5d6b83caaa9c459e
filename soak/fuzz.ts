/**
 * Sends the fuzzed requests (fuzz-requests.ts) over raw node:http, so paths and headers arrive
 * exactly as generated, and judges every answer: no 5xx (bad input is the caller's fault, never
 * the sandbox's), every 4xx in PortOne's `{type, message}` JSON, and an answer within the hang
 * limit. Failures are kept with their index so `fuzzRequests(secret, seed, n)[index]` replays one.
 */
import { Agent, request } from 'node:http';
import { fuzzRequests, type FuzzRequest } from './fuzz-requests.ts';
import { forEachLimit } from './pool.ts';

export interface FuzzVerdict {
  sent: number;
  /** Answers by status class ("2xx", "4xx" …) and by status. */
  statuses: Map<number, number>;
  serverErrors: number;
  /**
   * 502 PG_PROVIDER: the simulated PG refused (a fuzzed card number that is a declining issuer's).
   * PortOne's OAS documents this 502 for payInstantly, cancelPayment and closeVirtualAccount.
   */
  pgRefusals: number;
  /** 4xx answers whose body is not PortOne's JSON error. */
  misshapen: number;
  hangs: number;
  /** The connection ended without an answer. */
  unanswered: number;
  /**
   * The same, for requests whose line and headers exceed node's 16 KB: the server answers 431 and
   * closes, and the client may hit the closed socket (EPIPE) while still writing its body.
   */
  cutOversized: number;
  /** Up to 10 failures of each kind: index, request, what came back. */
  failures: { serverErrors: string[]; misshapen: string[]; unanswered: string[] };
  seconds: number;
}

type Answer = { status: number; body: string } | { error: 'hang' | string };

function send(base: URL, agent: Agent, r: FuzzRequest, hangMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    // An explicit length: node sends a GET's body unframed otherwise, and the server would read it as the next request.
    const headers = r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) };
    const req = request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        resolve({ error: err.message });
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ error: 'hang' });
    }, hangMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ error: err.code ?? err.message });
    });
    req.end(r.body);
  });
}

/** node's --max-http-header-size default: the request line and headers together. */
const MAX_HEAD_BYTES = 16 * 1024;
const headBytes = (r: FuzzRequest) => Buffer.byteLength(r.path) + Object.entries(r.headers).reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v) + 4, 0);

/** The `type` of a PortOne error body (`{type, message}`), undefined for anything else. */
const errorType = (body: string): string | undefined => {
  try {
    const parsed = JSON.parse(body) as { type?: unknown; message?: unknown };
    return typeof parsed.type === 'string' && typeof parsed.message === 'string' ? parsed.type : undefined;
  } catch {
    return undefined;
  }
};

export async function runFuzz(opts: { baseUrl: string; apiSecret: string; seed: number; count: number; concurrency: number; hangMs: number }): Promise<FuzzVerdict> {
  const requests = fuzzRequests(opts.apiSecret, opts.seed, opts.count);
  const base = new URL(opts.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const verdict: FuzzVerdict = { sent: 0, statuses: new Map(), serverErrors: 0, pgRefusals: 0, misshapen: 0, hangs: 0, unanswered: 0, cutOversized: 0, failures: { serverErrors: [], misshapen: [], unanswered: [] }, seconds: 0 };
  const fail = (kind: keyof FuzzVerdict['failures'], index: number, r: FuzzRequest, what: string) => {
    if (verdict.failures[kind].length < 10) verdict.failures[kind].push(`#${index} ${r.method} ${r.path.slice(0, 120)} body ${JSON.stringify(r.body?.slice(0, 80))} → ${what.slice(0, 200)}`);
  };
  const started = performance.now();
  await forEachLimit(requests, opts.concurrency, async (r, index) => {
    const answer = await send(base, agent, r, opts.hangMs);
    verdict.sent++;
    if ('error' in answer) {
      if (answer.error === 'hang') verdict.hangs++;
      else if (headBytes(r) > MAX_HEAD_BYTES) verdict.cutOversized++;
      else verdict.unanswered++;
      fail('unanswered', index, r, answer.error);
      return;
    }
    verdict.statuses.set(answer.status, (verdict.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status === 502 && errorType(answer.body) === 'PG_PROVIDER') {
      verdict.pgRefusals++;
    } else if (answer.status >= 500) {
      verdict.serverErrors++;
      fail('serverErrors', index, r, `${answer.status} ${answer.body}`);
    } else if (answer.status >= 400 && errorType(answer.body) === undefined) {
      verdict.misshapen++;
      fail('misshapen', index, r, `${answer.status} ${answer.body}`);
    }
  });
  verdict.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return verdict;
}
