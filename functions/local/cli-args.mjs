/**
 * The command line of `npm start` and `npx pg-sandbox` (one parser for both, so their flags cannot
 * drift). Exit codes a CI log can tell apart: 0 stopped on request (or --help), 1 the sandbox
 * could not run (port taken, java missing, DynamoDB Local died), 2 the command line is wrong.
 * Plain JavaScript (types in cli-args.d.mts): npm start's launcher (start.mjs) reads the command
 * line before tsx loads.
 */
import { parseArgs } from 'node:util';

export const EXIT_USAGE = 2;

export const HELP = `Usage: pg-sandbox [start] [options]

PortOne V2 test-mode sandbox: the PortOne REST API, webhooks and per-PG test behaviour on
http://127.0.0.1:8787, backed by DynamoDB Local (needs Java 17 or newer on PATH).

Options:
  --port <n>         port to serve on (default 8787, or $PORT; 0 picks a free one)
  --host <addr>      address to bind (default 127.0.0.1, or $HOST)
  --in-memory        keep nothing: data is gone when the sandbox stops
  --data-dir <dir>   where data is kept between runs (default .data)
  --json             print one JSON line when ready: {url, storeId, apiSecret, channels, ...}
  -h, --help         this text

Exit codes: 0 stopped (Ctrl-C, SIGTERM), 1 could not run or DynamoDB Local died, 2 bad command line.
Docs: README.md of the package (node_modules/pg-sandbox/README.md).`;

/** Parses argv; prints help or a one-line usage error and exits when there is nothing to start. */
export function parseCliArgs(argv, env = process.env) {
  const usage = (message) => {
    console.error(`pg-sandbox: ${message} (pg-sandbox --help lists the options)`);
    process.exit(EXIT_USAGE);
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string', default: env.PORT ?? '8787' },
        host: { type: 'string', default: env.HOST ?? '127.0.0.1' },
        'in-memory': { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: '.data' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // node's own message goes on to explain `--`; its first sentence is the one that matters.
    return usage(err.message.split('. ')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  // `start` is the only command; accepted so `npx pg-sandbox start` reads naturally.
  if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== 'start')) usage(`unknown command: ${positionals.join(' ')}`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) usage(`--port must be a port number, got ${values.port}`);
  return { port, host: values.host, inMemory: values['in-memory'], dataDir: values['data-dir'], json: values.json };
}
