import type { TimerRecord } from '../../functions/domain/timer.ts';
import type { Repository } from '../../functions/ports/repository.ts';
import type { TimerScheduler } from '../../functions/ports/scheduler.ts';
import type { OutboxKey, Services } from '../../functions/services.ts';
import { seedStore, type SeededStore } from '../../functions/stores/seed.ts';
import { timerHandlers } from '../../functions/wiring.ts';
import { InMemoryRepository } from './in-memory-repository.ts';

/**
 * Services for use-case unit tests: the real use cases on the in-memory Repository double (proven
 * equal to the DynamoDB adapter by test/contract), a scheduler double that records what it was
 * asked, a wall clock the test moves by hand and a webhook receiver behind the dispatcher's fetch
 * seam. No Java, no sockets: a whole file runs in milliseconds.
 */

/** 14:00 KST on a Monday: far from every PG's night batch, so a test chooses when it happens. */
export const DEFAULT_WALL_NOW = '2026-03-02T05:00:00.000Z';

/** A public address literal (TEST-NET-3): passes the URL guard without DNS and is never dialled. */
export const RECEIVER_URL = 'https://203.0.113.7/portone-webhook';

/** The wall clock, moved only by the test (and by hooks a test installs). */
export class WallClock {
  private ms: number;
  constructor(iso = DEFAULT_WALL_NOW) {
    this.ms = Date.parse(iso);
  }
  readonly now = (): number => this.ms;
  iso(): string {
    return new Date(this.ms).toISOString();
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface ScheduleCall {
  timerId: string;
  scheduleName: string;
  kind: string;
  paymentId: string;
  /** Simulated due time of the timer; the schedule itself fires at `wallDueAt`. */
  dueAt: string;
  wallDueAt: string;
}

/**
 * The scheduler port as a recorder: every created and deleted schedule, and which exist now.
 * `failNext` makes the next schedule (or unschedule) call throw, to test what a failed alarm leaves.
 */
export class RecordingScheduler implements TimerScheduler {
  readonly scheduled: ScheduleCall[] = [];
  readonly unscheduled: string[] = [];
  /** Schedules that exist now, by name. */
  readonly live = new Map<string, ScheduleCall>();
  private readonly failures = { schedule: [] as Error[], unschedule: [] as Error[] };
  /** Runs after each recorded call: lets a test make time pass while work is done. */
  onCall?: (method: 'schedule' | 'unschedule') => void;

  failNext(method: 'schedule' | 'unschedule' = 'schedule', error = new Error(`Scheduler ${method} unavailable (test)`)): void {
    this.failures[method].push(error);
  }

  async schedule(timer: TimerRecord, wallDueAt: Date): Promise<void> {
    const failure = this.failures.schedule.shift();
    if (failure) throw failure;
    const call: ScheduleCall = {
      timerId: timer.timerId,
      scheduleName: timer.scheduleName,
      kind: timer.kind,
      paymentId: timer.paymentId,
      dueAt: timer.dueAt,
      wallDueAt: wallDueAt.toISOString(),
    };
    this.scheduled.push(call);
    this.live.set(timer.scheduleName, call);
    this.onCall?.('schedule');
  }

  async unschedule(timer: Pick<TimerRecord, 'scheduleName'>): Promise<void> {
    const failure = this.failures.unschedule.shift();
    if (failure) throw failure;
    this.unscheduled.push(timer.scheduleName);
    this.live.delete(timer.scheduleName);
    this.onCall?.('unschedule');
  }
}

export interface ReceivedWebhook {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The merchant's webhook endpoint, reached through the dispatcher's `fetchImpl` seam: records each
 * request and answers with `status` (or, with `status: 'network'`, fails like an unreachable host).
 */
export class FakeReceiver {
  readonly received: ReceivedWebhook[] = [];
  status: number | 'network' = 200;
  /** The JSON answered (a confirm URL's refusal carries `errorMessage` here). */
  body: unknown = { received: true };

  readonly fetch: typeof fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    this.received.push({ url: String(input), headers, body: String(init?.body ?? '') });
    if (this.status === 'network') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });
    return new Response(JSON.stringify(this.body), { status: this.status, headers: { 'content-type': 'application/json' } });
  };

  /** The event types received, in order. */
  types(): string[] {
    return this.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
  }
}

export interface UnitWorld {
  services: Services;
  repo: InMemoryRepository;
  scheduler: RecordingScheduler;
  clock: WallClock;
  receiver: FakeReceiver;
  /** Outbox entries handed to the dispatcher after their commit (the local worker's queue), in order. */
  committed: OutboxKey[];
  /** The store `POST /sandbox/stores` would give: one test channel per PG that needs no signup. */
  store: SeededStore;
  storeId: string;
  /** The seeded channel key of a PG (e.g. `INICIS_V2`). */
  channelKey(pgProvider: string): string;
  /** Another seeded store in the same world (own clock, own data). */
  newStore(): Promise<SeededStore>;
}

export interface UnitWorldOptions {
  /** Wall clock at the start (default 14:00 KST). */
  now?: string;
  /** Webhook jitter source; 1 puts every retry at PortOne's nominal delay. */
  random?: () => number;
  allowLoopbackWebhooks?: boolean;
}

export async function unitWorld(options: UnitWorldOptions = {}): Promise<UnitWorld> {
  const repo = new InMemoryRepository();
  const scheduler = new RecordingScheduler();
  const clock = new WallClock(options.now);
  const receiver = new FakeReceiver();
  const committed: OutboxKey[] = [];
  const services: Services = {
    repo,
    scheduler,
    wallNow: clock.now,
    timerHandlers,
    onOutboxCommitted: (events) => committed.push(...events),
    sessionSigningKey: 'unit-test-session-signing-key-0123456789',
    allowLoopbackWebhooks: options.allowLoopbackWebhooks ?? false,
    webhookDispatch: { fetchImpl: receiver.fetch, random: options.random ?? (() => 1), timeoutMs: 1_000 },
  };
  const store = await seedStore(services, { name: 'unit test store' });
  const channelKey = (pgProvider: string) => {
    const channel = store.channels.find((c) => c.pgProvider === pgProvider);
    if (!channel) throw new Error(`the seeded store has no ${pgProvider} channel`);
    return channel.channelKey;
  };
  return { services, repo, scheduler, clock, receiver, committed, store, storeId: store.storeId, channelKey, newStore: () => seedStore(services, {}) };
}

/**
 * Makes the next call of `method` lose a race: `rival` runs first (typically the competing use case
 * or a direct write), then the intercepted call proceeds with what it read before. Later calls,
 * including the rival's own, go straight to the repository.
 */
export function beforeNext<K extends keyof Repository>(repo: InMemoryRepository, method: K, rival: () => Promise<unknown>): void {
  const own = repo as unknown as Record<string, unknown>;
  const original = (repo[method] as (...args: unknown[]) => Promise<unknown>).bind(repo);
  own[method] = async (...args: unknown[]) => {
    delete own[method];
    await rival();
    return original(...args);
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/**
 * A payment's outbox entries in the order they were written (store time), as `webhooks[]` lists
 * them. The repository lists by entry id, whose time part is the real clock's millisecond, so two
 * entries written within one millisecond would otherwise come back in either order.
 */
export async function outboxInOrder(world: Pick<UnitWorld, 'repo' | 'storeId'>, paymentId: string) {
  const events = await world.repo.listOutbox(world.storeId, paymentId);
  return events.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
