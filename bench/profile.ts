/**
 * Where a measured span spends: DynamoDB calls by command, scheduler calls, node and java CPU, and
 * (optionally) node's CPU profile summed by package and by function. For benches' `--profile`.
 */
import { Session } from 'node:inspector/promises';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
  stop(): Promise<{ nodeCpuMs: number; javaCpuMs: number; javaThreads: string; profile?: CpuProfile }>;
}

/** java's CPU so far by thread name (numbered threads summed: `qtp` is Jetty's request pool), ms. */
export function javaThreadCpuMs(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/[-#]?\d+$/, '').replace(/^qtp\d+/, 'qtp').replace(/-\d+-/, '-n-');
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return byName;
}

/** java's total GC time so far (jstat's GCT), ms; undefined without jstat. */
function javaGcMs(pid: number): number | undefined {
  try {
    const out = execFileSync('jstat', ['-gcutil', String(pid)], { encoding: 'utf8' }).trim().split('\n');
    const head = out[0]!.trim().split(/\s+/);
    const row = out[1]!.trim().split(/\s+/);
    return Number(row[head.indexOf('GCT')]) * 1000;
  } catch {
    return undefined;
  }
}

/** Starts measuring node's and java's CPU (and node's CPU profile when `cpuProfile`). */
export async function startSpan(javaPid: number, cpuProfile: boolean): Promise<Span> {
  // jstat is a process of its own (a JVM start): read outside the span, so neither node's CPU
  // profile nor its CPU count includes the spawn.
  const gc = javaGcMs(javaPid);
  const threads = javaThreadCpuMs(javaPid);
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
      const spentByThread = [...javaThreadCpuMs(javaPid)].map(([name, ms]) => [name, ms - (threads.get(name) ?? 0)] as const).filter(([, ms]) => ms > 0);
      let profile: CpuProfile | undefined;
      if (session) {
        profile = ((await session.post('Profiler.stop')) as { profile: CpuProfile }).profile;
        session.disconnect();
      }
      const gcAfter = javaGcMs(javaPid);
      const javaThreads = [
        gc !== undefined && gcAfter !== undefined ? `GC (jstat GCT) ${(gcAfter - gc).toFixed(0)} ms` : 'GC: no jstat',
        ...spentByThread.sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `${name} ${ms} ms`),
      ].join(' · ');
      return { nodeCpuMs: (used.user + used.system) / 1000, javaCpuMs, javaThreads, profile };
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
