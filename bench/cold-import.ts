/**
 * Bundle size and cold-import time of each Lambda bundle `cdk synth` produces (the module's
 * top-level work: SDK clients, config, app), median of 10 fresh node processes each.
 * Run: node --import tsx bench/cold-import.ts
 */
import './quiet-env.ts';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { synthBundles } from '../test/lambda/bundles.ts';
import { machine, median, writeBenchmarkSection } from './harness.ts';

const bundles = synthBundles();
const env = {
  PATH: process.env.PATH,
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TABLE_NAME: 'bench-table',
  SCHEDULE_GROUP_NAME: 'bench-group',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench',
  TIMERS_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-2:000000000000:function:bench',
  SCHEDULER_DLQ_ARN: 'arn:aws:sqs:ap-northeast-2:000000000000:bench',
  ALLOW_LOOPBACK_WEBHOOKS: 'false',
  LOG_LEVEL: 'SILENT',
};
const rows: string[] = [];
for (const [name, fn] of Object.entries(bundles)) {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const script = `const t=performance.now();await import(${JSON.stringify(fn.bundle)});console.log(performance.now()-t)`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
    times.push(Number(out.trim().split('\n').at(-1)));
  }
  const size = statSync(fn.bundle).size;
  rows.push(`| ${name} | ${(size / 1024).toFixed(0)} KiB (${size} B) | ${median(times).toFixed(0)} ms |`);
}
const table = ['| function | bundle (index.mjs) | cold import, median of 10 |', '|---|---|---|', ...rows].join('\n');
console.log(table);
writeBenchmarkSection(
  'Lambda bundles: size and cold import',
  `Command: \`node --import tsx bench/cold-import.ts\` — synthesises the stack with real bundling (local esbuild, AWS SDK v3 bundled, ESM, minified) and imports each \`index.mjs\` in 10 fresh node processes.\nMachine: ${machine()} (Lambda's Node 24 on arm64 will differ).\n\n${table}`,
);
