import { createHash } from 'node:crypto';

/**
 * Pure functions that turn CLI context and the environment into the settings of one sandbox.
 * No CDK imports here: everything is unit-testable without synthesizing anything.
 */

/** Stack names are `PgSandbox-<stage>`. */
export const STACK_NAME_PREFIX = 'PgSandbox-';

/**
 * Longest stage we accept. It bounds every name derived from it, with room to spare:
 * the stack name (`PgSandbox-` + 32 = 42 ≤ 128), the one named function (`<stack>-timers` = 49 ≤ 64)
 * and any schedule group name a future version might derive from it (`<stack>` ≤ 64).
 */
export const MAX_STAGE_LENGTH = 32;

export const DEFAULT_LIFETIME_DAYS = 7;
/** Shortest lifetime: one hour, so that self-destruct can be tried out without waiting a week. */
export const MIN_LIFETIME_DAYS = 1 / 24;
export const MAX_LIFETIME_DAYS = 365;
export const DEFAULT_API_RESERVED_CONCURRENCY = 10;

/**
 * The stage from `-c stage=<name>`, else `$USER`, else `local`, made safe for a CloudFormation stack
 * name and every AWS name derived from it: lowercase letters, digits and single hyphens, starting
 * with a letter, at most {@link MAX_STAGE_LENGTH} characters. A name that has to be shortened keeps
 * a hash of the original, so two long names that share a prefix still get two stacks; a name with
 * nothing usable in it (say, only Hangul) becomes `s-<hash>`.
 */
export function resolveStage(contextStage?: unknown, user?: string): string {
  const raw = firstNonBlank(asString(contextStage), user)?.trim();
  if (raw === undefined) return 'local';
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 6);
  let stage = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  // Nothing usable left (e.g. a name in Hangul): keep the stage distinct per name with a hash.
  if (stage === '') return `s-${hash}`;
  if (!/^[a-z]/.test(stage)) stage = `s-${stage}`;
  if (stage.length > MAX_STAGE_LENGTH) {
    stage = `${stage.slice(0, MAX_STAGE_LENGTH - hash.length - 1).replace(/-+$/, '')}-${hash}`;
  }
  return stage;
}

export function stackNameFor(stage: string): string {
  return `${STACK_NAME_PREFIX}${stage}`;
}

/**
 * The `owner` tag: `-c owner=` else `$USER` else `unknown`, restricted to the characters AWS allows
 * in a tag value (letters, digits, spaces and `_ . : / = + - @`), at most 256 characters.
 */
export function resolveOwner(contextOwner?: unknown, user?: string): string {
  const raw = firstNonBlank(asString(contextOwner), user) ?? 'unknown';
  const owner = raw.replace(/[^\p{L}\p{N} _.:/=+\-@]+/gu, '-').trim().slice(0, 256);
  return owner === '' ? 'unknown' : owner;
}

/**
 * Lifetime in days from `-c lifetimeDays=` (default 7). `0` (or `never`) turns self-destruct off.
 * Fractions are allowed down to one hour (`-c lifetimeDays=0.05`).
 */
export function resolveLifetimeDays(contextValue?: unknown): number {
  if (contextValue === undefined || contextValue === null || contextValue === '') return DEFAULT_LIFETIME_DAYS;
  if (contextValue === 'never') return 0;
  const days = typeof contextValue === 'number' ? contextValue : Number(String(contextValue).trim());
  if (!Number.isFinite(days) || days < 0) {
    throw new Error(`lifetimeDays must be a number of days ≥ 0 (0 = never expire), got ${JSON.stringify(contextValue)}`);
  }
  if (days === 0) return 0;
  if (days < MIN_LIFETIME_DAYS || days > MAX_LIFETIME_DAYS) {
    throw new Error(`lifetimeDays must be between ${MIN_LIFETIME_DAYS.toFixed(3)} (one hour) and ${MAX_LIFETIME_DAYS}, or 0 for never; got ${days}`);
  }
  return days;
}

/** Reserved concurrency of the api function from `-c apiConcurrency=` (default 10; 0 = no reservation). */
export function resolveApiConcurrency(contextValue?: unknown): number | undefined {
  if (contextValue === undefined || contextValue === null || contextValue === '') return DEFAULT_API_RESERVED_CONCURRENCY;
  const n = typeof contextValue === 'number' ? contextValue : Number(String(contextValue).trim());
  if (!Number.isInteger(n) || n < 0 || n > 1000) {
    throw new Error(`apiConcurrency must be an integer between 0 and 1000 (0 = no reservation), got ${JSON.stringify(contextValue)}`);
  }
  return n === 0 ? undefined : n;
}

/**
 * When the sandbox expires: deploy time + lifetime, rounded down to the whole minute (so a re-synth
 * within the same minute gives the same template), or undefined when the lifetime is 0 (never).
 */
export function expiryDate(now: Date, lifetimeDays: number): Date | undefined {
  if (lifetimeDays === 0) return undefined;
  const ms = now.getTime() + Math.round(lifetimeDays * 24 * 60 * 60 * 1000);
  return new Date(Math.floor(ms / 60_000) * 60_000);
}

/** ISO 8601 in UTC without milliseconds, e.g. `2025-12-03T14:55:00Z` (the `expires-at` tag). */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * EventBridge Scheduler one-time expression `at(yyyy-mm-ddThh:mm:ss)`: no zone (the zone is given
 * separately as `ScheduleExpressionTimezone`, UTC here) and no milliseconds.
 */
export function schedulerAtExpression(date: Date): string {
  return `at(${date.toISOString().slice(0, 19)})`;
}

export interface SandboxSettings {
  stage: string;
  stackName: string;
  owner: string;
  lifetimeDays: number;
  /** Undefined when the sandbox never expires. */
  expiresAt: Date | undefined;
  apiReservedConcurrency: number | undefined;
}

export interface SettingsInput {
  /** Reads a CDK context value (`-c key=value` or cdk.json). */
  context: (key: string) => unknown;
  env: Record<string, string | undefined>;
  now: Date;
}

export function resolveSettings({ context, env, now }: SettingsInput): SandboxSettings {
  const stage = resolveStage(context('stage'), env.USER);
  const lifetimeDays = resolveLifetimeDays(context('lifetimeDays'));
  return {
    stage,
    stackName: stackNameFor(stage),
    owner: resolveOwner(context('owner'), env.USER),
    lifetimeDays,
    expiresAt: expiryDate(now, lifetimeDays),
    apiReservedConcurrency: resolveApiConcurrency(context('apiConcurrency')),
  };
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function firstNonBlank(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v.trim() !== '');
}
