/**
 * The soak, in order, on one data folder of a real `npm start` (functions/local/main.ts):
 *   1. start; fuzz the PortOne and sandbox routes; race cancels (a healthy sandbox, own stores);
 *   2. card payments under load, SIGKILL node mid-load: java must end with it;
 *   3. restart on the same data: every acknowledged payment kept, none charged twice, webhooks sent;
 *   4. load again, SIGKILL java mid-load: the runtime says so in one line and exits 1;
 *   5. restart: the same checks over both crashes; optionally many more payments (java's memory);
 *      then the PG's nightly voids: every payment's timer still pending, each fired exactly once;
 *   6. SIGTERM: exit 0 and no node or java left.
 * Counts come from the caller: `npm run soak` (soak/main.ts) runs the full sizes, the CI test small ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededChannelKey } from '../functions/stores/seed.ts';
import { raceCancels } from './cancel-race.ts';
import { runFuzz } from './fuzz.ts';
import { KNOWN_PAYMENT_IDS } from './fuzz-requests.ts';
import { Ledger, payRequest, startLoad, type LoadOptions } from './load.ts';
import type { OutcomeTally } from './outcome.ts';
import { endsWithin, killEverything, rssMiB, startSandbox, stopSandbox, type SandboxProcess } from './processes.ts';
import { startReceiver, type WebhookReceiver } from './receiver.ts';
import { Report } from './report.ts';
import { verifyLedger } from './verify-ledger.ts';
import { verifyPgVoids } from './verify-timers.ts';
import { PaymentClient } from '@portone/server-sdk';

export interface SoakOptions {
  /** Payments acknowledged before each kill. */
  payments: number;
  /** Concurrent callers of the load. */
  concurrency: number;
  /** Every n-th acknowledged payment is partially cancelled. */
  cancelEvery: number;
  fuzzRequests: number;
  fuzzSeed: number;
  racePayments: number;
  raceCancels: number;
  /** A call without an answer after this long is a hang. */
  hangMs: number;
  /** Payments made after the crashes before java's memory is read (0: skip). */
  rssPayments: number;
  log(line: string): void;
}

/** KG이니시스: really withdraws, and its PG voids test payments in a nightly batch (a timer per payment). */
const CHANNEL = seededChannelKey('INICIS_V2');
const WEBHOOK_WAIT_MS = 60_000;
/** How long before java's SIGKILL an answered transaction is counted as answered "as java died" (docs/reliability.md). */
const ENGINE_DURABILITY_WINDOW_MS = 100;

async function admin<T>(sb: SandboxProcess, secret: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers: { authorization: `PortOne ${secret}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const sawOnlyAnswers = (tally: OutcomeTally) => tally.count('garbled') === 0 && tally.count('hang') === 0;
const plural = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}`;

export async function runSoak(opts: SoakOptions): Promise<Report> {
  const report = new Report();
  const dataDir = mkdtempSync(join(tmpdir(), 'pg-sandbox-soak-'));
  const ledger = new Ledger();
  let receiver: WebhookReceiver | undefined;
  const loadOptions = (sb: SandboxProcess, idPrefix: string): LoadOptions => ({
    baseUrl: sb.url,
    apiSecret: sb.apiSecret,
    channelKey: CHANNEL,
    idPrefix,
    concurrency: opts.concurrency,
    cancelEvery: opts.cancelEvery,
    hangMs: opts.hangMs,
  });

  /**
   * After a restart: the ledger's promises kept, and a Transaction.Paid for every payment.
   * `engineKilledAt`: DynamoDB Local answers a TransactWriteItems a moment before the transaction
   * is durable, so a SIGKILL of java can lose one answered just then (docs/reliability.md). Those
   * answered within ENGINE_DURABILITY_WINDOW_MS of the kill are counted apart, and leave the ledger.
   */
  const checkKept = async (sb: SandboxProcess, after: string, engineKilledAt?: number) => {
    const v = await verifyLedger(ledger, { baseUrl: sb.url, apiSecret: sb.apiSecret, channelKey: CHANNEL, concurrency: opts.concurrency, hangMs: opts.hangMs });
    const asEngineDied = (id: string) => engineKilledAt !== undefined && ledger.acked.get(id)!.ackedAt >= engineKilledAt - ENGINE_DURABILITY_WINDOW_MS;
    const inWindow = v.lost.filter((l) => asEngineDied(l.paymentId));
    const lost = v.lost.filter((l) => !asEngineDied(l.paymentId)).map((l) => `${l.paymentId}: ${l.detail}`);
    for (const l of inWindow) ledger.acked.delete(l.paymentId);
    const window = engineKilledAt === undefined ? '' : `; ${inWindow.length} answered within ${ENGINE_DURABILITY_WINDOW_MS} ms of java's SIGKILL lost by DynamoDB Local`;
    report.check(`${after}: 0 acknowledged payments lost`, lost.length === 0 && v.mismatched.length === 0, `${plural(ledger.acked.size, 'acknowledged')} still PAID (or cancelled as told), ${lost.length} lost, ${v.mismatched.length} differing${window}`, [...lost, ...v.mismatched]);
    report.check(`${after}: 0 charged twice`, v.chargedTwice.length === 0, `paying each again answered ALREADY_PAID; ${v.chargedTwice.length} paid again`, v.chargedTwice);
    report.check(`${after}: payments in doubt settle on retry`, v.unsettled.length === 0, `${v.settled} settled by the same payInstantly, ${v.unsettled.length} not`, v.unsettled);
    const missing = await receiver!.waitForPaid([...ledger.acked.keys()], WEBHOOK_WAIT_MS);
    report.check(`${after}: 0 webhooks lost`, missing.length === 0, `${plural(ledger.acked.size - missing.length, 'payments')} got Transaction.Paid, ${missing.length} none within ${WEBHOOK_WAIT_MS / 1000} s`, missing);
  };

  try {
    receiver = await startReceiver();
    opts.log(`data folder ${dataDir}`);
    let sb = await startSandbox(dataDir);
    opts.log(`sandbox up at ${sb.url} (node ${sb.nodePid}, java ${sb.javaPid})`);
    const settings = await admin<{ secrets: { secret: string }[] }>(sb, sb.apiSecret, 'PUT', '/sandbox/webhook', { url: receiver.url });
    receiver.secret = settings.secrets[0]!.secret;

    // 1. Bad input and cancel races, each in a store of its own (the fuzz moves its store's clock).
    const fuzzStore = await admin<{ apiSecret: string }>(sb, sb.apiSecret, 'POST', '/sandbox/stores', { name: 'soak fuzz' });
    const fuzzSdk = PaymentClient({ secret: fuzzStore.apiSecret, baseUrl: sb.url });
    for (const paymentId of KNOWN_PAYMENT_IDS) await fuzzSdk.payInstantly(payRequest({ channelKey: CHANNEL, paymentId }));
    opts.log(`fuzz: ${opts.fuzzRequests} requests, seed ${opts.fuzzSeed}`);
    const fuzz = await runFuzz({ baseUrl: sb.url, apiSecret: fuzzStore.apiSecret, seed: opts.fuzzSeed, count: opts.fuzzRequests, concurrency: opts.concurrency, hangMs: opts.hangMs });
    const statuses = [...fuzz.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    report.check(
      `malformed requests: 0 5xx`,
      fuzz.sent === opts.fuzzRequests && fuzz.serverErrors === 0,
      `${plural(fuzz.sent, 'sent')} (seed ${opts.fuzzSeed}) in ${fuzz.seconds.toFixed(1)} s: ${statuses} (502s: ${fuzz.pgRefusals} PG_PROVIDER refusals of declining fuzzed cards, as PortOne answers)`,
      fuzz.failures.serverErrors,
    );
    report.check(`malformed requests: errors in PortOne JSON`, fuzz.misshapen === 0, `${fuzz.misshapen} 4xx answers not {type, message}`, fuzz.failures.misshapen);
    report.check(
      `malformed requests: 0 hangs`,
      fuzz.hangs === 0 && fuzz.unanswered === 0,
      `${fuzz.hangs} without an answer in ${opts.hangMs / 1000} s, ${fuzz.unanswered} connections closed unanswered (+${fuzz.cutOversized} cut while still sending a body after a head over 16 KB)`,
      fuzz.failures.unanswered,
    );

    const raceStore = await admin<{ apiSecret: string }>(sb, sb.apiSecret, 'POST', '/sandbox/stores', { name: 'soak cancel race' });
    opts.log(`cancel race: ${opts.racePayments} payments × ${opts.raceCancels} concurrent cancels`);
    const race = await raceCancels({ baseUrl: sb.url, apiSecret: raceStore.apiSecret, channelKey: CHANNEL, payments: opts.racePayments, cancelsPerPayment: opts.raceCancels, hangMs: opts.hangMs });
    report.check(`cancel races: never more than paid`, race.overCancelled.length === 0, `${race.payments} payments × ${opts.raceCancels} concurrent cancels: ${race.tally}`, race.overCancelled);
    report.check(`cancel races: each cancellation once`, race.recordedWrong.length === 0 && sawOnlyAnswers(race.tally) && race.tally.count('refused UNAVAILABLE') === 0, `${race.acked} acknowledged = stored, none unacknowledged`, race.recordedWrong);

    // 2. SIGKILL node mid-load.
    const first = startLoad(ledger, loadOptions(sb, 'node-kill'));
    await first.acknowledged(opts.payments);
    opts.log(`SIGKILL node ${sb.nodePid} after ${first.ackedHere} payments`);
    process.kill(sb.nodePid, 'SIGKILL');
    await sb.exited;
    await first.stop();
    report.check(`node SIGKILLed: clients got answers or a refused connection`, sawOnlyAnswers(first.tally), `${first.tally}`, first.tally.examples);
    report.check(`node SIGKILLed: java ends with it`, await endsWithin(sb.javaPid, 10_000), `java ${sb.javaPid} gone within 10 s`);

    // 3. Restart on the same data.
    sb = await startSandbox(dataDir);
    opts.log(`restarted at ${sb.url} (node ${sb.nodePid}, java ${sb.javaPid})`);
    await checkKept(sb, 'after node SIGKILL');

    // 4. SIGKILL java mid-load: the supervisor must stop the runtime loudly.
    const second = startLoad(ledger, loadOptions(sb, 'engine-kill'));
    await second.acknowledged(opts.payments);
    opts.log(`SIGKILL java ${sb.javaPid} after ${second.ackedHere} payments`);
    const engineKilledAt = performance.now();
    process.kill(sb.javaPid, 'SIGKILL');
    const code = await Promise.race([sb.exited, new Promise<string>((r) => setTimeout(() => r('still running after 30 s'), 30_000).unref())]);
    await second.stop();
    // Requests that failed while java was gone log as structured JSON; the supervisor's line is the one plain line.
    const lines = sb.stderrLines();
    const plain = lines.filter((l) => !l.startsWith('{'));
    report.check(
      `java SIGKILLed: runtime says so in one line and exits 1`,
      code === 1 && plain.length === 1 && plain[0]!.includes(`DynamoDB Local (java pid ${sb.javaPid}) killed by SIGKILL`),
      `exit ${code}; "${plain.join(' / ').slice(0, 200)}" (+${lines.length - plain.length} JSON error logs of requests that failed meanwhile)`,
    );
    report.check(`java SIGKILLed: clients got answers (503 UNAVAILABLE) or a refused connection`, sawOnlyAnswers(second.tally), `${second.tally}`, second.tally.examples);
    if (code !== 1) killEverything();

    // 5. Restart: everything from both crashes.
    sb = await startSandbox(dataDir);
    opts.log(`restarted at ${sb.url} (node ${sb.nodePid}, java ${sb.javaPid})`);
    await checkKept(sb, 'after java SIGKILL', engineKilledAt);
    if (opts.rssPayments > 0) {
      // A store of its own: these payments' timers stay out of the clock check below.
      const memoryStore = await admin<{ apiSecret: string }>(sb, sb.apiSecret, 'POST', '/sandbox/stores', { name: 'soak memory' });
      opts.log(`${opts.rssPayments} more payments for java's memory`);
      const started = performance.now();
      const more = startLoad(new Ledger(), { ...loadOptions(sb, 'memory'), apiSecret: memoryStore.apiSecret, cancelEvery: 0, maxPayments: opts.rssPayments });
      await more.done;
      const seconds = (performance.now() - started) / 1000;
      report.check(`${plural(opts.rssPayments, 'more payments')} all answered PAID`, more.ackedHere === opts.rssPayments, `${more.tally} in ${seconds.toFixed(0)} s (${(opts.rssPayments / seconds).toFixed(0)}/s)`);
      report.note(`java RSS after these ${plural(opts.rssPayments, 'payments')} (${plural(ledger.acked.size + opts.rssPayments, 'payments')} in the engine): ${rssMiB(sb.javaPid)?.toFixed(0)} MiB`);
    }
    const paid = [...ledger.acked.keys()];
    const twice = paid.filter((id) => (receiver!.paid.get(id)?.size ?? 0) > 1);
    report.check(`one Transaction.Paid message per payment`, twice.length === 0 && receiver.badSignatures === 0, `${plural(receiver.deliveries, 'deliveries')} verified by Webhook.verify, ${receiver.badSignatures} bad signatures, ${twice.length} payments with two messages`, twice);
    opts.log(`PG nightly voids for ${paid.length} payments`);
    const timers = await verifyPgVoids(paid, { baseUrl: sb.url, apiSecret: sb.apiSecret, concurrency: opts.concurrency });
    report.check(`timers kept through both crashes`, timers.missing.length === 0, `${plural(paid.length - timers.missing.length, 'pending pg-void timers')} found, ${timers.missing.length} missing`, timers.missing);
    report.check(
      `timers fire exactly once`,
      timers.notOnce.length === 0 && timers.wrongView.length === 0,
      `${plural(timers.fired, 'voids')} fired in ${timers.clockCalls} clock calls, ${timers.notOnce.length} not once, ${timers.wrongView.length} wrong views`,
      [...timers.notOnce, ...timers.wrongView],
    );

    // 6. A clean stop.
    const stopped = await stopSandbox(sb);
    report.check(`SIGTERM stops node and java`, stopped === 0 && (await endsWithin(sb.javaPid, 10_000)), `exit ${stopped}, java ${sb.javaPid} gone`);
    return report;
  } catch (err) {
    report.check('soak ran to the end', false, (err as Error).stack?.split('\n').slice(0, 4).join(' ') ?? String(err));
    return report;
  } finally {
    killEverything();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
