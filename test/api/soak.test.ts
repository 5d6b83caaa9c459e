/**
 * The reliability soak (soak/run.ts, `npm run soak` at full size) at CI size: the same modules and
 * checks with small counts. A real `npm start` process on one data folder, killed with SIGKILL
 * (node, then java) mid-load and restarted; malformed requests; cancel races. Every check the
 * soak prints must hold.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { killEverything } from '../../soak/processes.ts';
import { runSoak } from '../../soak/run.ts';

afterAll(() => killEverything());

describe('reliability soak (CI size)', () => {
  it('keeps every acknowledged payment through SIGKILLs, answers bad input in PortOne JSON, serialises cancel races', { timeout: 400_000 }, async () => {
    const report = await runSoak({
      payments: 20,
      concurrency: 8,
      cancelEvery: 5,
      fuzzRequests: 300,
      fuzzSeed: 20261201,
      racePayments: 2,
      raceCancels: 8,
      hangMs: 15_000,
      rssPayments: 0,
      log: () => undefined,
    });
    expect(report.checks.filter((c) => !c.held), report.toString()).toEqual([]);
    // Every phase ran: fuzz (3), races (2), node kill (2 + 4 after restart), java kill (2 + 4), webhooks, timers (2), stop.
    expect(report.checks.length).toBe(21);
  });
});
