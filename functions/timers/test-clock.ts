import { invalidRequest, PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { loadStore, storeNow } from '../stores/clock.ts';
import { parseDurationMs } from './duration.ts';
import { runTimer, type TimerOutcome } from './run-timer.ts';
import type { TimerRecord } from './timer.ts';

export interface ClockView {
  storeId: string;
  now: string;
  nowKst: string;
  offsetMs: number;
  pendingTimers: number;
}

const KST_OFFSET_MS = 9 * 3600 * 1000;
export const toKst = (iso: string) => `${new Date(Date.parse(iso) + KST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;

export async function readClock(services: Services, storeId: string): Promise<ClockView> {
  const store = await loadStore(services, storeId);
  const now = storeNow(services, store).toISOString();
  const pending = (await services.repo.listTimers(storeId)).filter((t) => t.state === 'PENDING').length;
  return { storeId, now, nowKst: toKst(now), offsetMs: store.clockOffsetMs, pendingTimers: pending };
}

/** Timers created while advancing (e.g. a webhook retry) that fall due within the jump run too. */
const MAX_ROUNDS = 20;

/**
 * Moves a store's test clock forward (never back) and runs, in due order, every timer of that
 * store that became due, deleting their schedules. Other stores' clocks are untouched, so
 * parallel test suites can share one sandbox.
 */
export async function advanceClock(
  services: Services,
  storeId: string,
  input: { by?: string; to?: string },
): Promise<ClockView & { fired: (TimerOutcome & { dueAt: string })[] }> {
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
  if (!(await services.repo.advanceClock(storeId, offset))) {
    throw new PortOneError('CONFLICT', 'the clock was moved further by a concurrent request; read it and try again');
  }
  const fired = await runDueTimers(services, storeId, new Date(target).toISOString());
  return { ...(await readClock(services, storeId)), fired };
}

export async function runDueTimers(services: Services, storeId: string, untilIso: string) {
  const fired: (TimerOutcome & { dueAt: string })[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = (await services.repo.listTimers(storeId))
      .filter((t) => t.state === 'PENDING' && t.dueAt <= untilIso && !seen.has(t.timerId))
      .sort(byDue);
    if (due.length === 0) break;
    for (const timer of due) {
      seen.add(timer.timerId);
      const outcome = await runTimer(services, { storeId, timerId: timer.timerId });
      await services.scheduler.unschedule(timer).catch(() => undefined);
      fired.push({ ...outcome, dueAt: timer.dueAt });
    }
  }
  return fired;
}

const byDue = (a: TimerRecord, b: TimerRecord) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.timerId < b.timerId ? -1 : 1);

/** The console's "fire now": runs one pending timer immediately, whatever its due time. */
export async function fireTimerNow(services: Services, storeId: string, timerId: string): Promise<TimerOutcome> {
  const timer = await services.repo.getTimer(storeId, timerId);
  if (!timer) throw new PortOneError('TIMER_NOT_FOUND', `timer ${timerId} does not exist in this store`);
  const outcome = await runTimer(services, { storeId, timerId });
  await services.scheduler.unschedule(timer).catch(() => undefined);
  return outcome;
}
