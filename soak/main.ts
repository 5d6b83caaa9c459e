/**
 * `npm run soak`: the reliability suite at full size (soak/run.ts says what it does). Loopback
 * only; bounded (every wait has a deadline); everything it starts stops at the end and on Ctrl-C
 * or SIGTERM, by pid. Exits 1 if any check did not hold.
 *
 *   npm run soak                      # full size (see docs/reliability.md for a measured run)
 *   npm run soak -- --payments 200 --fuzz 1000 --rss-payments 0    # smaller
 */
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { killEverything } from './processes.ts';
import { runSoak } from './run.ts';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    'cancel-every': { type: 'string', default: '10' },
    fuzz: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261201' },
    'race-payments': { type: 'string', default: '20' },
    'race-cancels': { type: 'string', default: '24' },
    'hang-ms': { type: 'string', default: '15000' },
    'rss-payments': { type: 'string', default: '10000' },
  },
});

const interrupted = (signal: string) => () => {
  console.error(`soak: ${signal}, stopping everything it started`);
  killEverything();
  process.exit(130);
};
process.on('SIGINT', interrupted('SIGINT'));
process.on('SIGTERM', interrupted('SIGTERM'));

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
log(`soak on ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`);
const report = await runSoak({
  payments: Number(values.payments),
  concurrency: Number(values.concurrency),
  cancelEvery: Number(values['cancel-every']),
  fuzzRequests: Number(values.fuzz),
  fuzzSeed: Number(values.seed),
  racePayments: Number(values['race-payments']),
  raceCancels: Number(values['race-cancels']),
  hangMs: Number(values['hang-ms']),
  rssPayments: Number(values['rss-payments']),
  log,
});
console.log(`\n${report.toString()}\nsoak took ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(report.held ? 0 : 1);
