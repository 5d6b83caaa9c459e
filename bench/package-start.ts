/**
 * Why the npm package ships built JavaScript (docs/packaging.md): the CLI's time to its `--json`
 * banner, built (`node dist/cli.js`, what `npx pg-sandbox` runs) against the same entry through
 * tsx (`node --import tsx functions/local/main.ts`, what `npm start` runs), taking turns so machine
 * load falls on both alike; and the CPU time of importing the local runtime (what the CLI loads
 * while java boots), which the load on a shared machine distorts far less than wall time.
 * Builds dist/ first. Run: node --import tsx bench/package-start.ts [runs=5] [--no-write]
 */
import './quiet-env.ts';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { machine, median, writeBenchmarkSection } from './harness.ts';

const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const write = !process.argv.includes('--no-write');
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-package.ts'], { stdio: 'inherit' });
const runtimeChunk = `dist/chunks/${readdirSync('dist/chunks').find((f) => /^runtime-.*\.js$/.test(f))}`;

const VARIANTS = {
  built: { cli: ['dist/cli.js'], runtime: [runtimeChunk] },
  tsx: { cli: ['--import', 'tsx', 'functions/local/main.ts'], runtime: ['--import', 'tsx', 'functions/local/runtime.ts'] },
};
type Variant = keyof typeof VARIANTS;

async function toBanner(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--in-memory', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ms = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('{"url"')) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready`)));
  });
  await new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return ms;
}

/** CPU seconds (user + system) of a node process that imports the runtime and exits. */
function importCpu(args: string[]): number {
  const out = execFileSync(process.execPath, [...args.slice(0, -1), '--input-type=module', '-e', `await import('./${args.at(-1)}'); const u = process.cpuUsage(); console.log((u.user + u.system) / 1e6)`], {
    encoding: 'utf8',
  });
  return Number(out.trim().split('\n').at(-1));
}

const load = loadavg()[0]!;
const banner: Record<Variant, number[]> = { built: [], tsx: [] };
const cpu: Record<Variant, number[]> = { built: [], tsx: [] };
for (let i = 0; i < runs; i++) {
  for (const v of Object.keys(VARIANTS) as Variant[]) {
    banner[v].push(await toBanner(VARIANTS[v].cli));
    cpu[v].push(importCpu(VARIANTS[v].runtime));
  }
}
const row = (v: Variant) => `| ${v} | ${(median(banner[v]) / 1000).toFixed(1)} s | ${median(cpu[v]).toFixed(2)} s |`;
const table = [
  `Machine: ${machine()}; load average at start ${load.toFixed(1)}; median of ${runs} alternating runs.`,
  '',
  '| CLI | `--json` banner (wall) | importing the local runtime (CPU) |',
  '|---|---|---|',
  row('built'),
  row('tsx'),
  '',
  'Command: `node --import tsx bench/package-start.ts`.',
].join('\n');
console.log(table);
if (write) writeBenchmarkSection('npm package: built JavaScript vs tsx', table);
