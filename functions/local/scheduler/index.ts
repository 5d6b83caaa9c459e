/**
 * A local EventBridge Scheduler endpoint: the production adapter (@aws-sdk/client-scheduler)
 * talks to it over HTTP unchanged, and due at() schedules are delivered to an in-process invoker.
 */
import { createSchedulerApp } from './app.ts';
import { defaultRetryDelayMs, FiringEngine } from './engine.ts';
import { createOperations } from './operations.ts';
import { listen } from '../listen.ts';
import { ScheduleStore } from './store.ts';
import type { DeadLetter, FiredSchedule, ScheduleInvoker, ScheduleRecord } from './types.ts';

export type {
  DeadLetter,
  DeadLetterReason,
  FiredSchedule,
  FireOutcome,
  InvokeTarget,
  ScheduleInvoker,
  ScheduleRecord,
  ScheduleTarget,
} from './types.ts';

export interface LocalSchedulerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1 so the endpoint is never exposed beyond the machine. */
  host?: string;
  invoke: ScheduleInvoker;
  /** Clock used for due times, creation dates and retries; defaults to Date.now. */
  now?: () => number;
  /** Fire on a timer (the runtime); without it nothing fires until runDue() (tests). */
  autoFire?: boolean;
  /** Delay before retry n, in ms; a number means a fixed delay. Defaults to 100 ms doubling up to 5 s. */
  retryDelayMs?: number | ((retry: number) => number);
  /** Called after every attempt, including retries; lets callers await automatic firing. */
  onFired?: (fired: FiredSchedule) => void;
  /** Longest single timer sleep in autoFire mode, in ms; defaults to 60 s. */
  maxTimerDelayMs?: number;
  /** Used in schedule ARNs only. */
  region?: string;
  accountId?: string;
}

export interface LocalScheduler {
  /** Base URL to give the SDK as `endpoint` (or AWS_ENDPOINT_URL_SCHEDULER). */
  url: string;
  port: number;
  /** Fires every attempt due now, in due order, and resolves with them. */
  runDue(): Promise<FiredSchedule[]>;
  /** A copy of every stored schedule, ordered by group then name. */
  list(): ScheduleRecord[];
  /** Occurrences given up on, oldest first: what AWS would send to the dead-letter queue. */
  deadLetters(): DeadLetter[];
  /** Stops the timer, waits for an attempt in progress, then closes the server. */
  close(): Promise<void>;
}

export async function startLocalScheduler(options: LocalSchedulerOptions): Promise<LocalScheduler> {
  const now = options.now ?? Date.now;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelayMs;
  // The engine needs the store and the store reports changes to the engine; the arrow breaks the cycle.
  let engine: FiringEngine | undefined;
  const store = new ScheduleStore(() => engine?.rearm());
  engine = new FiringEngine({
    store,
    invoke: options.invoke,
    now,
    retryDelayMs: typeof retryDelay === 'number' ? () => retryDelay : retryDelay,
    autoFire: options.autoFire ?? false,
    maxTimerDelayMs: options.maxTimerDelayMs ?? 60_000,
    ...(options.onFired && { onFired: options.onFired }),
  });
  const operations = createOperations({
    store,
    now,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '000000000000',
  });
  const app = createSchedulerApp(operations);
  const server = await listen(app.fetch, { port: options.port ?? 0, host: options.host ?? '127.0.0.1', overrideGlobalObjects: false });

  const firing = engine;
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    runDue: () => firing.runDue(),
    list: () => store.snapshot(),
    deadLetters: () => firing.deadLetters(),
    close() {
      // Engine first: an attempt in progress may still be calling this server (e.g. DeleteSchedule).
      closing ??= firing.close().then(() => server.close());
      return closing;
    },
  };
}
