/**
 * Where a measured span spends: DynamoDB calls by command, scheduler calls, node and java CPU, and
 * (optionally) node's CPU profile summed by package and by function. For benches' `--profile`.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { LocalRuntime } from '../functions/local/runtime.ts';
import { processCpuMs } from './harness.ts';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Counts every DynamoDB command the runtime's repository sends and every scheduler call. */
export function countRuntimeCalls(runtime: LocalRuntime): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const db = (runtime.services.repo as unknown as { db: { send: (command: object) => Promise<unknown> } }).db;
  const send = db.send.bind(db);
  db.send = (command: object) => {
    add(`dynamodb.${command.constructor.name.replace(/Command$/, '')}`);
    return send(command);
  };
  const scheduler = runtime.services.scheduler as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const method of ['schedule', 'unschedule']) {
    const fn = scheduler[method]!.bind(scheduler);
    scheduler[method] = (...args: unknown[]) => {
      add(`scheduler.${method}`);
      return fn(...args);
    };
  }
  return counts;
}

export interface Span {
  stop(): Promise<{ nodeCpuMs: number; javaCpuMs: number; profile?: CpuProfile }>;
}

/** Starts measuring node's and java's CPU (and node's CPU profile when `cpuProfile`). */
export async function startSpan(javaPid: number, cpuProfile: boolean): Promise<Span> {
  const session = cpuProfile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  const node = process.cpuUsage();
  const java = processCpuMs(javaPid);
  return {
    async stop() {
      const used = process.cpuUsage(node);
      const javaCpuMs = processCpuMs(javaPid) - java;
      let profile: CpuProfile | undefined;
      if (session) {
        profile = ((await session.post('Profiler.stop')) as { profile: CpuProfile }).profile;
        session.disconnect();
      }
      return { nodeCpuMs: (used.user + used.system) / 1000, javaCpuMs, profile };
    },
  };
}

/** Self time by package (node_modules/<pkg>, our folders, node internals) and the top functions. */
export function summariseProfile(profile: CpuProfile, file?: string, top = 25): string {
  if (file) writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const idle = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
  const total = [...self.values()].reduce((a, b) => a + b, 0) - idle;
  const where = (url: string) => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    if (pkg) return pkg;
    const own = /\/(functions\/[^/]+|bench)\//.exec(url)?.[1];
    if (own) return own;
    return url.startsWith('node:') ? 'node internals' : url === '' ? '(native/gc/idle)' : url;
  };
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const pkg = where(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${pkg}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `node CPU profile, self time (${(total / 1000).toFixed(0)} ms sampled):\nby package:\n${rows(byPackage)}\nby function:\n${rows(byFunction)}`;
}
