// The local runtime's schedule calls run after the request answered (local/deferred-schedules.ts):
// what pay and cancel rely on is that the calls still all happen, in order per schedule, and that
// one failure does not stop the others.
import { describe, expect, it } from 'vitest';
import { DeferredTimerScheduler } from '../../functions/local/deferred-schedules.ts';
import type { TimerRecord } from '../../functions/domain/timer.ts';
import type { TimerScheduler } from '../../functions/ports/scheduler.ts';

/** An inner scheduler whose calls finish only when the test says so. */
class GatedScheduler implements TimerScheduler {
  readonly log: string[] = [];
  readonly open = new Map<string, { finish: () => void; fail: (err: Error) => void }>();
  private call(what: string): Promise<void> {
    this.log.push(`start ${what}`);
    return new Promise((resolve, reject) => {
      this.open.set(what, {
        finish: () => {
          this.log.push(`done ${what}`);
          this.open.delete(what);
          resolve();
        },
        fail: (err) => {
          this.open.delete(what);
          reject(err);
        },
      });
    });
  }
  schedule(timer: TimerRecord): Promise<void> {
    return this.call(`create ${timer.scheduleName}`);
  }
  unschedule(timer: Pick<TimerRecord, 'scheduleName'>): Promise<void> {
    return this.call(`delete ${timer.scheduleName}`);
  }
}

const timer = (scheduleName: string) => ({ scheduleName }) as TimerRecord;
/** Lets queued promise callbacks run (no timers: the calls above settle only when told). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('deferred schedule calls (local runtime)', () => {
  it('answers at once, then makes the calls; a delete waits for the create of the same schedule', async () => {
    const inner = new GatedScheduler();
    const deferred = new DeferredTimerScheduler(inner);
    await deferred.schedule(timer('a'), new Date());
    await deferred.unschedule(timer('a'));
    await deferred.schedule(timer('b'), new Date());
    await settle();
    // b runs beside a; a's delete has not started while its create is open.
    expect(inner.log).toEqual(['start create a', 'start create b']);
    let idle = false;
    void deferred.idle().then(() => (idle = true));
    inner.open.get('create a')!.finish();
    await settle();
    expect(inner.log).toContain('start delete a');
    inner.open.get('delete a')!.finish();
    await settle();
    expect(idle).toBe(false); // b is still open
    inner.open.get('create b')!.finish();
    await settle();
    expect(idle).toBe(true);
    expect(inner.log.filter((l) => l.endsWith(' a'))).toEqual(['start create a', 'done create a', 'start delete a', 'done delete a']);
  });

  it('a failed call does not stop the next one on the same schedule', async () => {
    const inner = new GatedScheduler();
    const deferred = new DeferredTimerScheduler(inner);
    await deferred.schedule(timer('a'), new Date());
    await deferred.unschedule(timer('a'));
    await settle();
    inner.open.get('create a')!.fail(new Error('scheduler endpoint gone'));
    await settle();
    expect(inner.log).toContain('start delete a');
    inner.open.get('delete a')!.finish();
    await deferred.idle();
  });

  it('runs at most 8 calls at once and starts the rest as they finish, oldest first', async () => {
    const inner = new GatedScheduler();
    const deferred = new DeferredTimerScheduler(inner);
    for (let i = 0; i < 20; i++) await deferred.schedule(timer(`t${i}`), new Date());
    await settle();
    expect(inner.open.size).toBe(8);
    inner.open.get('create t0')!.finish();
    await settle();
    expect(inner.open.size).toBe(8);
    expect(inner.log.at(-1)).toBe('start create t8');
    while (inner.open.size > 0) {
      for (const { finish } of [...inner.open.values()]) finish();
      await settle();
    }
    await deferred.idle();
    expect(inner.log.filter((l) => l.startsWith('done'))).toHaveLength(20);
  });
});
