/**
 * `npm run probe -- --url <receiver> [--secret whsec_…]`: scores a webhook receiver through a
 * running sandbox (POST /sandbox/webhook/probe) and prints the report; exit code 0 when every
 * check passed, 1 when one failed, 2 when the probe could not run (bad flags, sandbox unreachable).
 * The sandbox and store come from --sandbox/--api-secret, else $PG_SANDBOX_URL/$PG_SANDBOX_API_SECRET,
 * else `npm start`'s defaults (http://127.0.0.1:8787 and the secret it keeps in .data/seed.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSandboxClient, SandboxApiError } from '../functions/client/sandbox-client.ts';
import { formatProbeReport } from '../functions/client/probe-report.ts';

const HELP = `Usage: npm run probe -- --url <receiver URL> [options]

Sends your webhook receiver a battery of PortOne webhooks and scores its answers.

Options:
  --url <url>            the receiver to probe (required)
  --secret <whsec_…>     the secret it verifies with (default: the store's webhook secret)
  --sandbox <url>        the sandbox (default $PG_SANDBOX_URL or http://127.0.0.1:8787)
  --api-secret <secret>  the store's API secret (default $PG_SANDBOX_API_SECRET or .data/seed.json)
  --timeout-ms <n>       how long an answer may take (default 5000, at most 8000)
  --settle-ms <n>        how long to watch for the receiver's getPayment after answering (default 500)
  --json                 print the report as JSON
Exit codes: 0 every check passed, 1 a check failed, 2 the probe could not run.`;

function fail(message: string): never {
  console.error(`probe: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      url: { type: 'string' },
      secret: { type: 'string' },
      sandbox: { type: 'string' },
      'api-secret': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'settle-ms': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  fail((err as Error).message.split('. ')[0]!);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (!values.url) fail('--url is required (npm run probe -- --help)');
const number = (flag: string, raw: string | undefined) => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) fail(`${flag} must be a whole number of milliseconds, got ${raw}`);
  return Number(raw);
};
const seedFile = '.data/seed.json';
const apiSecret =
  values['api-secret'] ??
  process.env.PG_SANDBOX_API_SECRET ??
  (existsSync(seedFile) ? (JSON.parse(readFileSync(seedFile, 'utf8')) as { apiSecret?: string }).apiSecret : undefined) ??
  fail('no API secret: pass --api-secret, set PG_SANDBOX_API_SECRET, or run npm start once (it keeps one in .data/seed.json)');
const sandbox = createSandboxClient({ baseUrl: values.sandbox ?? process.env.PG_SANDBOX_URL ?? 'http://127.0.0.1:8787', apiSecret });

try {
  const report = await sandbox.webhook.probe({
    url: values.url,
    ...(values.secret !== undefined && { secret: values.secret }),
    ...(values['timeout-ms'] !== undefined && { timeoutMs: number('--timeout-ms', values['timeout-ms']) }),
    ...(values['settle-ms'] !== undefined && { settleMs: number('--settle-ms', values['settle-ms']) }),
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatProbeReport(report));
  process.exit(report.ok ? 0 : 1);
} catch (err) {
  fail(err instanceof SandboxApiError ? err.message : `the sandbox did not answer (${(err as Error).message})`);
}
