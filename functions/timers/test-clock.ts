import { invalidRequest, PortOneError } from '../domain/errors.ts';
import { toKst } from '../domain/kst.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { parseDurationMs } from './duration.ts';
import { runTimer, type TimerOutcome } from './run-timer.ts';
import type { TimerRecord } from '../domain/timer.ts';
import { MAX_COMMITS_TOGETHER } from '../ports/repository.ts';
import { clockRoundRepository } from './clock-round.ts';

export interface ClockView {
  storeId: string;
  now: string;
  nowKst: string;
  offsetMs: number;
  pendingTimers: number;
}

export async function readClock(services: Services, storeId: string): Promise<ClockView> {
  const store = await loadStore(services, storeId);
  const now = storeNow(services, store).toISOString();
  return { storeId, now, nowKst: toKst(now), offsetMs: store.clockOffsetMs, pendingTimers: await services.repo.countPendingTimers(storeId) };
}

/**
 * How many payments' timers run at once. Each payment's own timers still run one after another.
 * Their commits are gathered into shared transactions (clock-round.ts), so this is also about how
 * many commits one transaction can carry.
 */
const PAYMENT_CONCURRENCY = 2 * MAX_COMMITS_TOGETHER;
/** Due timers read per round. */
const ROUND_SIZE = 500;
/**
 * A clock advance stops starting new timers after this long and answers `complete: false`; the
 * caller continues with `{"by":"PT0S"}`. It keeps one advance well inside one Lambda invocation
 * (the api function's timeout is 29 s) whatever the number of due timers.
 */
export const CLOCK_TIME_BUDGET_MS = 20_000;

export interface AdvanceResult extends ClockView {
  fired: (TimerOutcome & { dueAt: string })[];
  /** False when the time budget ran out with due timers left: call again with `by: PT0S`. */
  complete: boolean;
}

/**
 * Moves a store's test clock forward (never back) and runs, in due order, every timer of that
 * store that became due (their schedules, still ahead in wall time, later fire as no-ops). Other
 * stores' clocks are untouched, so parallel test suites can share one sandbox.
 */
export async function advanceClock(
  services: Services,
  storeId: string,
  input: { by?: string; to?: string },
  budgetMs = CLOCK_TIME_BUDGET_MS,
): Promise<AdvanceResult> {
  const started = services.wallNow();
  const store = await loadStore(services, storeId);
  const now = storeNow(services, store).getTime();
  let target: number;
  if (input.by !== undefined) {
    const ms = parseDurationMs(input.by);
    if (ms === undefined) throw invalidRequest(`by: not an ISO-8601 duration such as PT1H or P1DT30M (${input.by})`);
    target = now + ms;
  } else if (input.to !== undefined) {
    target = Date.parse(input.to);
    if (Number.isNaN(target)) throw invalidRequest(`to: not an RFC 3339 timestamp (${input.to})`);
    if (target < now) throw invalidRequest(`to: the test clock never goes backwards (now ${new Date(now).toISOString()})`);
  } else {
    throw invalidRequest('give either "by" (ISO-8601 duration) or "to" (RFC 3339 timestamp)');
  }
  const offset = Math.max(store.clockOffsetMs, target - services.wallNow());
  if (offset !== store.clockOffsetMs && !(await services.repo.advanceClock(storeId, offset))) {
    throw new PortOneError('CONFLICT', 'the clock was moved further by a concurrent request; read it and try again');
  }
  const deadline = started + budgetMs;
  const { fired, complete } = await runDueTimers(services, storeId, new Date(target).toISOString(), deadline);
  return { ...(await readClock(services, storeId)), fired, complete };
}

/**
 * Runs the store's PENDING timers due at or before `untilIso`, earliest first, reading them a round
 * at a time from the due-time index (so the cost is the due timers, not all timers). Within a round
 * the payments run in a bounded pool and each payment's timers in due order; exactly-once stays
 * with the conditional write inside runTimer. Timers created meanwhile (a webhook retry due within
 * the jump) are found by the next round.
 */
export async function runDueTimers(services: Services, storeId: string, untilIso: string, deadline = Number.POSITIVE_INFINITY) {
  const fired: (TimerOutcome & { dueAt: string })[] = [];
  const seen = new Set<string>();
  // Read once, after the clock moved: every timer of the advance sees the same store.
  const store = await loadStore(services, storeId);
  for (;;) {
    if (services.wallNow() >= deadline) return { fired, complete: !(await hasDue(services, storeId, untilIso, seen)) };
    const page = await services.repo.listPendingTimers(storeId, { untilIso, limit: ROUND_SIZE });
    const due = page.items.filter((t) => !seen.has(t.timerId));
    if (due.length === 0) return { fired, complete: true };
    const payments = await services.repo.getPaymentsById(storeId, [...new Set(due.map((t) => t.paymentId))]);
    const round = { ...services, repo: clockRoundRepository(services.repo, store, payments) };
    const outcomes: (TimerOutcome & { dueAt: string })[] = [];
    // The timers' schedules are left to fire at their wall time: each then finds its timer FIRED
    // and does nothing, and deletes itself (ActionAfterCompletion DELETE). Deleting them here cost
    // one Scheduler call per timer: in Seoul EventBridge takes 250 DeleteSchedule a second per
    // account by default (10,000 timers: 40 s, more than one invocation), and locally each call
    // cost more node CPU than the timer's own writes (docs/benchmarks.md).
    await runInPool(groupByPayment(due), PAYMENT_CONCURRENCY, async (timers) => {
      for (const timer of timers) {
        // Marked when started, not when listed: a timer the budget left unstarted is still due,
        // so the answer must say `complete: false` and the continuation must find it.
        seen.add(timer.timerId);
        const outcome = await runTimer(round, { storeId, timerId: timer.timerId }, timer);
        outcomes.push({ ...outcome, dueAt: timer.dueAt });
      }
    }, deadline, services.wallNow);
    // Payments ran side by side; report in due order, as they would have run one by one.
    fired.push(...outcomes.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.timerId < b.timerId ? -1 : 1)));
  }
}

async function hasDue(services: Services, storeId: string, untilIso: string, seen: Set<string>) {
  const page = await services.repo.listPendingTimers(storeId, { untilIso, limit: ROUND_SIZE });
  return page.items.some((t) => !seen.has(t.timerId)) || page.next !== undefined;
}

/** Timers of one payment stay together and in the order they were listed (due order). */
function groupByPayment(timers: TimerRecord[]): TimerRecord[][] {
  const groups = new Map<string, TimerRecord[]>();
  for (const t of timers) {
    const group = groups.get(t.paymentId);
    if (group) group.push(t);
    else groups.set(t.paymentId, [t]);
  }
  return [...groups.values()];
}

/** Runs `work` over `items` with at most `limit` at once; starts nothing new after `deadline`. */
async function runInPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>, deadline: number, now: () => number) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && now() < deadline) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The console's "fire now": runs one pending timer immediately, whatever its due time. */
export async function fireTimerNow(services: Services, storeId: string, timerId: string): Promise<TimerOutcome> {
  const timer = await services.repo.getTimer(storeId, timerId);
  if (!timer) throw new PortOneError('TIMER_NOT_FOUND', `timer ${timerId} does not exist in this store`);
  const outcome = await runTimer(services, { storeId, timerId }, timer);
  await services.scheduler.unschedule(timer).catch(() => undefined);
  return outcome;
}
