/**
 * What DynamoDB Local's java spends its CPU on, from JDK Flight Recorder: benches' `--jfr [file]`
 * records java during their measured span (`startJfr`), and this file, run on its own, summarises
 * a recording again: `node --import tsx bench/jfr.ts <recording.jfr> [top=25] [--under <method> …]`
 * (`--under getTableSchemaInfo2`: what that method spent, by callee).
 *
 * Two kinds of samples: `jdk.ExecutionSample` (a thread running Java code) and
 * `jdk.NativeMethodSample` (a thread inside a native method: SQLite, which sqlite4java calls through
 * JNI, and sockets, whose idle waits are left out). JFR samples only threads in Java or native code,
 * not the JIT compiler or GC threads (`--profile`'s per-thread CPU shows those). Each sample is
 * charged to an area (SQLite, expressions, JSON, HTTP, …) by the first frame from the leaf that
 * has one, so the JDK frames under a library are its cost.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { javaThreadCpuMs } from './profile.ts';

interface Frame {
  method: { type: { name: string }; name: string };
}
interface Sample {
  type: string;
  values: { sampledThread?: { javaName?: string; osName?: string }; state?: string; stackTrace?: { frames: Frame[] } | null };
}

/**
 * Sampling every 2 ms in Java code and 4 ms in native code (JFR's `profile` settings sample every
 * 10 / 20 ms, too few for a short span), and the JIT's compilations and deoptimizations; nothing
 * else, to keep the recording light. JFR's first recording in a java sets off seconds of
 * compilations of its own (17–27 ms of C2 CPU per pay request in the first recorded block), so
 * benches record a warm-up first and the measured span after it.
 */
const JAVA_PERIOD_MS = 2;
const NATIVE_PERIOD_MS = 4;
const SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="bench sampling">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">${JAVA_PERIOD_MS} ms</setting></event>
  <event name="jdk.NativeMethodSample"><setting name="enabled">true</setting><setting name="period">${NATIVE_PERIOD_MS} ms</setting></event>
  <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="jdk.Deoptimization"><setting name="enabled">true</setting><setting name="stackTrace">false</setting></event>
</configuration>
`;

/** The threads JFR samples here: Jetty's request pool and SQLite's one thread (not the JIT or GC). */
const SAMPLED_THREADS = ['qtp', 'SQLiteQueue[]'];
const sampledThreadsCpuMs = (pid: number) => {
  const byThread = javaThreadCpuMs(pid);
  return SAMPLED_THREADS.reduce((sum, t) => sum + (byThread.get(t) ?? 0), 0);
};

export interface Recording {
  file: string;
  /** CPU of the sampled threads (Jetty's and SQLite's) during the recording, from /proc, ms. */
  sampledCpuMs: number;
}

/** Starts a JFR recording of `pid` (samples only, SETTINGS); `stop()` dumps it, `stop(true)` throws it away (a warm-up's). */
export function startJfr(pid: number, file?: string): { stop(discard?: boolean): Recording } {
  const folder = mkdtempSync(join(tmpdir(), 'jfr-'));
  const path = file ?? join(folder, 'java.jfr');
  const name = `bench-${process.pid}`;
  const settings = join(folder, 'sampling.jfc');
  writeFileSync(settings, SETTINGS);
  execFileSync('jcmd', [String(pid), 'JFR.start', `name=${name}`, `settings=${settings}`], { stdio: 'pipe' });
  // JFR read the settings at its start; the folder stays only if the recording goes there.
  rmSync(file === undefined ? settings : folder, { recursive: true });
  const cpu = sampledThreadsCpuMs(pid);
  return {
    stop(discard = false) {
      const sampledCpuMs = sampledThreadsCpuMs(pid) - cpu;
      execFileSync('jcmd', [String(pid), 'JFR.stop', `name=${name}`, ...(discard ? [] : [`filename=${path}`])], { stdio: 'pipe' });
      if (discard && file === undefined) rmSync(folder, { recursive: true });
      return { file: path, sampledCpuMs };
    },
  };
}

const LOCAL = 'software.amazon.dynamodb.services.local.';

/**
 * The area a frame's class belongs to; null for the JDK's own classes and DynamoDB Local's plumbing
 * (server, dispatchers, the data-plane functions), charged to the first frame under them that
 * has an area, else to the plumbing itself (`DynamoDB Local: …`).
 */
function area(cls: string): string | null {
  const rules: [RegExp, string | null][] = [
    [/^com\.almworks\.sqlite4java\./, 'SQLite (sqlite4java, native included)'],
    [/^software\.amazon\.dynamodb\.services\.local\.shared\.access\.sqlite\./, 'SQLite access layer (statements, bindings)'],
    [/^(org\.antlr\.|com\.amazon\.dynamodb\.grammar\.|com\.amazonaws\.services\.dynamodbv2\.(parser|rr|datamodel)\.)/, 'expressions: parse (ANTLR) and check'],
    [/^software\.amazon\.dynamodb\.services\.local\.shared\.(helpers\.)?.*(Expression|Condition|Evaluat)/, 'expressions: evaluate'],
    [/^com\.fasterxml\.jackson\./, 'JSON (jackson)'],
    [/^software\.amazon\.dynamodb\.services\.local\.shared\.mapper\./, 'JSON ↔ model mapping'],
    [/^org\.eclipse\.jetty\./, 'HTTP (Jetty)'],
    [/^software\.amazon\.awssdk\./, 'AWS SDK model objects'],
    [/^software\.amazon\.dynamodb\.services\.local\.shared\.(validate|access\.LocalDBInputConverter)/, 'input validation and conversion'],
    [/^software\.amazon\.dynamodb\.services\.local\.shared\.access\.(LocalDBOutputConverter|EncoderDecoderUtils|LocalDBUtils)/, 'item encoding, sizes, output conversion'],
    [/^(java|javax|jdk|sun|com\.sun)\./, null],
    [/^software\.amazon\.dynamodb\.services\.local\./, null],
  ];
  for (const [re, name] of rules) if (re.test(cls)) return name;
  return cls.split('.').slice(0, 3).join('.');
}

/** Reads a recording's CPU samples (threads waiting in a socket or a poll left out). */
function readSamples(file: string): Sample[] {
  const json = execFileSync('jfr', ['print', '--json', '--stack-depth', '128', '--events', 'jdk.ExecutionSample,jdk.NativeMethodSample', file], { maxBuffer: 2 ** 31, encoding: 'utf8' });
  const events = (JSON.parse(json) as { recording: { events: Sample[] } }).recording.events;
  const idle = /^(sun\.nio\.ch\.(EPoll|Net|SocketDispatcher|IOUtil|EventFD)|java\.net\.|sun\.nio\.fs\.LinuxWatchService|java\.lang\.ProcessHandleImpl|java\.io\.FileInputStream\.read)/;
  for (const e of events) for (const f of e.values.stackTrace?.frames ?? []) f.method.type.name = f.method.type.name.replaceAll('/', '.');
  return events.filter((e) => {
    const top = e.values.stackTrace?.frames[0];
    if (!top) return false;
    return !(e.type === 'jdk.NativeMethodSample' && idle.test(`${top.method.type.name}.${top.method.name}`));
  });
}

interface JitEvent {
  type: string;
  values: { duration?: string; compiler?: string; compileLevel?: number; method?: Frame['method']; reason?: string; action?: string };
}

/** The JIT's work in a recording: compilations by compiler, the methods compiled most often, deoptimizations by reason. */
export function summariseJit(file: string, top = 10): string {
  const json = execFileSync('jfr', ['print', '--json', '--events', 'jdk.Compilation,jdk.Deoptimization', file], { maxBuffer: 2 ** 31, encoding: 'utf8' });
  const events = (JSON.parse(json) as { recording: { events: JitEvent[] } }).recording.events;
  // Durations print as ISO-8601 (`PT0.001234S`).
  const ms = (d = 'PT0S') => Number(/PT([\d.]+)S/.exec(d)?.[1] ?? 0) * 1000;
  const byCompiler = new Map<string, { n: number; ms: number }>();
  const byMethod = new Map<string, number>();
  const deopts = new Map<string, number>();
  for (const e of events) {
    const method = e.values.method ? `${e.values.method.type.name.replaceAll('/', '.')}.${e.values.method.name}`.replace(LOCAL, '…') : '?';
    if (e.type === 'jdk.Compilation') {
      const key = `${e.values.compiler ?? '?'} (tier ${e.values.compileLevel ?? '?'})`;
      const c = byCompiler.get(key) ?? { n: 0, ms: 0 };
      byCompiler.set(key, { n: c.n + 1, ms: c.ms + ms(e.values.duration) });
      if (e.values.compileLevel === 4) byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    } else {
      const key = `${e.values.reason ?? '?'} → ${e.values.action ?? '?'}`;
      deopts.set(key, (deopts.get(key) ?? 0) + 1);
    }
  }
  const sorted = <T>(m: Map<string, T>, by: (v: T) => number) => [...m.entries()].sort((a, b) => by(b[1]) - by(a[1]));
  return [
    `JIT: ${[...byCompiler.values()].reduce((a, c) => a + c.n, 0)} compilations, ${[...deopts.values()].reduce((a, b) => a + b, 0)} deoptimizations`,
    ...sorted(byCompiler, (c) => c.ms).map(([k, c]) => `  ${k}: ${c.n} compilations, ${c.ms.toFixed(0)} ms`),
    'methods compiled by C2 most often:',
    ...sorted(byMethod, (n) => n).slice(0, top).map(([k, n]) => `  ${n}×  ${k}`),
    'deoptimizations by reason:',
    ...sorted(deopts, (n) => n).slice(0, top).map(([k, n]) => `  ${n}×  ${k}`),
  ].join('\n');
}

type Section = 'area' | 'onStack' | 'thread' | 'methods' | 'leaf';

/**
 * The summary: samples by area (charged, and anywhere on the stack), by thread, by DynamoDB Local
 * method on the stack, and the top leaf methods. `under`: what the methods whose name contains it
 * spent, by the callees (outside the JDK) right under them.
 */
export function summariseJfr(
  file: string,
  { top = 25, sections = ['area', 'onStack', 'thread', 'methods', 'leaf'] as Section[], under = [] as string[], per }: { top?: number; sections?: Section[]; under?: string[]; per?: { cpuMs: number; count: number; unit: string } } = {},
): string {
  const samples = readSamples(file);
  const byArea = new Map<string, number>();
  const onStack = new Map<string, number>();
  const byThread = new Map<string, number>();
  const byLeaf = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const callees = under.map(() => new Map<string, number>());
  const add = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  const name = (f: Frame) => `${f.method.type.name}.${f.method.name}`;
  const short = (n: string) => n.replace(LOCAL, '…');
  let total = 0;
  for (const s of samples) {
    // A sample stands for its period: native samples are taken less often.
    const weight = s.type === 'jdk.NativeMethodSample' ? NATIVE_PERIOD_MS : JAVA_PERIOD_MS;
    const frames = s.values.stackTrace!.frames;
    const plumbing = frames.find((f) => f.method.type.name.startsWith(LOCAL));
    // A thread inside a socket write is "in native code" whether it runs or waits for the CPU.
    const socket = s.type === 'jdk.NativeMethodSample' && frames[0]!.method.type.name.startsWith('sun.nio.ch.');
    const charged = socket
      ? 'socket writes (native: on the CPU or waiting for it)'
      : (frames.map((f) => area(f.method.type.name)).find((a) => a !== null) ?? (plumbing ? `DynamoDB Local: ${short(plumbing.method.type.name).replace(/\$.*/, '')}` : 'JDK only'));
    const thread = (s.values.sampledThread?.javaName ?? s.values.sampledThread?.osName ?? '?').replace(/^qtp\d+-\d+$/, 'qtp (Jetty request threads)').replace(/-?\d+$/, '');
    total += weight;
    add(byArea, charged, weight);
    for (const a of new Set(frames.map((f) => area(f.method.type.name)).filter((a): a is string => a !== null))) add(onStack, a, weight);
    add(byThread, thread, weight);
    add(byLeaf, short(name(frames[0]!)), weight);
    for (const m of new Set(frames.filter((f) => /^(software\.amazon\.dynamodb|com\.amazonaws|com\.amazon\.dynamodb)\./.test(f.method.type.name)).map(name))) add(inclusive, short(m), weight);
    under.forEach((u, i) => {
      // The outermost frame that matches, and the first frame under it neither the JDK's nor
      // matching itself (a bridge method repeats its frame).
      const at = frames.map(name).reduce((last, n, k) => (n.includes(u) ? k : last), -1);
      if (at < 0) return;
      const callee = frames.slice(0, at).reverse().find((f) => !/^(java|javax|jdk|sun)\./.test(f.method.type.name) && !name(f).includes(u));
      add(callees[i]!, callee ? short(name(callee)) : '(itself, or the JDK)', weight);
    });
  }
  const rows = (m: Map<string, number>, n = top) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, w]) => `  ${((100 * w) / total).toFixed(1).padStart(5)}%${per ? `  ${((w / total) * (per.cpuMs / per.count)).toFixed(3).padStart(6)} ms` : ''}  ${k}`)
      .join('\n');
  const parts: Record<Section, () => string> = {
    area: () => `by area (first frame from the leaf that is not the JDK's or DynamoDB Local's plumbing):\n${rows(byArea)}`,
    onStack: () => `by area anywhere on the stack:\n${rows(onStack)}`,
    thread: () => `by thread:\n${rows(byThread, 10)}`,
    methods: () => `by DynamoDB Local method on the stack (… = ${LOCAL}):\n${rows(inclusive, top * 2)}`,
    leaf: () => `by leaf method:\n${rows(byLeaf)}`,
  };
  return [
    `java CPU samples (JFR, Java code every ${JAVA_PERIOD_MS} ms, native every ${NATIVE_PERIOD_MS} ms; idle socket waits left out): ${samples.length}, shares of all, weighted by period` +
      (per ? `; ms per ${per.unit}: the share of the sampled threads' CPU (Jetty's and SQLite's, ${(per.cpuMs / per.count).toFixed(3)} ms per ${per.unit} from /proc)` : ''),
    ...sections.map((section) => parts[section]()),
    ...under.map((u, i) => `under ${u}, by callee:\n${rows(callees[i]!)}`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const under = args.flatMap((arg, i) => (args[i - 1] === '--under' ? [arg] : []));
  const [file, top] = args.filter((arg, i) => arg !== '--under' && args[i - 1] !== '--under');
  if (!file) throw new Error('usage: node --import tsx bench/jfr.ts <recording.jfr> [top=25] [--under <method> …]');
  console.log(`${summariseJfr(file, { top: Number(top ?? 25), under })}\n${summariseJit(file)}`);
}
