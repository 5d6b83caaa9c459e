import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveStage as resolveStageFromApp } from '../../infra/app.ts';
import {
  DEFAULT_API_RESERVED_CONCURRENCY,
  MAX_STAGE_LENGTH,
  expiryDate,
  isoSeconds,
  resolveApiConcurrency,
  resolveLifetimeDays,
  resolveOwner,
  resolveSettings,
  resolveStage,
  schedulerAtExpression,
  stackNameFor,
} from '../../infra/stage.ts';

/** CloudFormation stack names: a letter, then letters, digits and hyphens, at most 128 characters. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const STAGE = /^[a-z](?:[a-z0-9]|-(?!-))*$/;

describe('resolveStage', () => {
  it('is exported by infra/app.ts', () => {
    expect(resolveStageFromApp).toBe(resolveStage);
  });

  it('prefers -c stage=, then $USER, then "local"', () => {
    expect(resolveStage('alice', 'bob')).toBe('alice');
    expect(resolveStage(undefined, 'bob')).toBe('bob');
    expect(resolveStage('   ', 'bob')).toBe('bob');
    expect(resolveStage(undefined, undefined)).toBe('local');
    expect(resolveStage(undefined, '')).toBe('local');
  });

  it.each([
    ['pr-123', 'pr-123'],
    ['Alice.Smith', 'alice-smith'],
    ['a_b__c', 'a-b-c'],
    ['--feature/Login--', 'feature-login'],
    ['123', 's-123'],
    ['9lives', 's-9lives'],
  ])('sanitises %j to %j', (input, expected) => {
    expect(resolveStage(input)).toBe(expected);
  });

  it('accepts a number from the CLI context', () => {
    expect(resolveStage(42)).toBe('s-42');
  });

  it('keeps names that have nothing usable distinct with a hash', () => {
    const a = resolveStage('김철수');
    const b = resolveStage('이영희');
    expect(a).toMatch(/^s-[0-9a-f]{6}$/);
    expect(b).toMatch(/^s-[0-9a-f]{6}$/);
    expect(a).not.toBe(b);
  });

  it('bounds long names and keeps two long names with one prefix apart', () => {
    const a = resolveStage('feature-very-long-branch-name-for-the-payment-flow-one');
    const b = resolveStage('feature-very-long-branch-name-for-the-payment-flow-two');
    expect(a.length).toBeLessThanOrEqual(MAX_STAGE_LENGTH);
    expect(b.length).toBeLessThanOrEqual(MAX_STAGE_LENGTH);
    expect(a).not.toBe(b);
    expect(a.startsWith('feature-very-long')).toBe(true);
    expect(resolveStage('feature-very-long-branch-name-for-the-payment-flow-one')).toBe(a);
  });

  it('always yields a valid stage and stack name, whatever the input', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 200 }), { nil: undefined }), fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), (ctx, user) => {
        const stage = resolveStage(ctx, user);
        expect(stage).toMatch(STAGE);
        expect(stage.length).toBeLessThanOrEqual(MAX_STAGE_LENGTH);
        expect(stackNameFor(stage)).toMatch(STACK_NAME);
        // The one physical name derived from it stays within Lambda's 64 characters.
        expect(`${stackNameFor(stage)}-timers`.length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (s) => {
        const once = resolveStage(s);
        expect(resolveStage(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveOwner', () => {
  it('prefers -c owner=, then $USER, then "unknown"', () => {
    expect(resolveOwner('carol', 'bob')).toBe('carol');
    expect(resolveOwner(undefined, 'bob')).toBe('bob');
    expect(resolveOwner(undefined, undefined)).toBe('unknown');
  });

  it('keeps only characters AWS allows in a tag value', () => {
    expect(resolveOwner('dev@example.com')).toBe('dev@example.com');
    expect(resolveOwner('a<b>c"d')).toBe('a-b-c-d');
    expect(resolveOwner('김철수')).toBe('김철수');
    expect(resolveOwner('x'.repeat(300))).toHaveLength(256);
  });
});

describe('resolveLifetimeDays', () => {
  it('defaults to 7 days', () => {
    expect(resolveLifetimeDays(undefined)).toBe(7);
    expect(resolveLifetimeDays('')).toBe(7);
  });

  it('reads numbers and numeric strings, fractions down to one hour', () => {
    expect(resolveLifetimeDays('3')).toBe(3);
    expect(resolveLifetimeDays(14)).toBe(14);
    expect(resolveLifetimeDays('0.05')).toBe(0.05);
  });

  it('0 or "never" turns self-destruct off', () => {
    expect(resolveLifetimeDays('0')).toBe(0);
    expect(resolveLifetimeDays(0)).toBe(0);
    expect(resolveLifetimeDays('never')).toBe(0);
  });

  it.each(['-1', 'abc', '0.01', '366', 'NaN', 'Infinity'])('rejects %j', (value) => {
    expect(() => resolveLifetimeDays(value)).toThrow(/lifetimeDays/);
  });
});

describe('resolveApiConcurrency', () => {
  it('defaults to a reservation of 10, 0 means none', () => {
    expect(resolveApiConcurrency(undefined)).toBe(DEFAULT_API_RESERVED_CONCURRENCY);
    expect(resolveApiConcurrency('25')).toBe(25);
    expect(resolveApiConcurrency('0')).toBeUndefined();
  });

  it.each(['-1', '2.5', 'many', '1001'])('rejects %j', (value) => {
    expect(() => resolveApiConcurrency(value)).toThrow(/apiConcurrency/);
  });
});

describe('expiry', () => {
  const now = new Date('2025-06-01T12:34:56.789Z');

  it('is now + lifetime, rounded down to the minute', () => {
    expect(expiryDate(now, 7)?.toISOString()).toBe('2025-06-08T12:34:00.000Z');
    expect(expiryDate(now, 1 / 24)?.toISOString()).toBe('2025-06-01T13:34:00.000Z');
    expect(expiryDate(now, 0)).toBeUndefined();
  });

  it('formats the tag as ISO 8601 UTC and the schedule as at() without zone or millis', () => {
    const at = new Date('2025-06-08T12:34:00.000Z');
    expect(isoSeconds(at)).toBe('2025-06-08T12:34:00Z');
    expect(schedulerAtExpression(at)).toBe('at(2025-06-08T12:34:00)');
  });
});

describe('resolveSettings', () => {
  const now = new Date('2025-06-01T00:00:00Z');

  it('combines context and environment', () => {
    const context: Record<string, unknown> = { stage: 'PR-7', lifetimeDays: '2', apiConcurrency: '5' };
    const s = resolveSettings({ context: (k) => context[k], env: { USER: 'runner' }, now });
    expect(s).toEqual({
      stage: 'pr-7',
      stackName: 'PgSandbox-pr-7',
      owner: 'runner',
      lifetimeDays: 2,
      expiresAt: new Date('2025-06-03T00:00:00Z'),
      apiReservedConcurrency: 5,
    });
  });

  it('falls back to $USER and the defaults', () => {
    const s = resolveSettings({ context: () => undefined, env: { USER: 'Dana' }, now });
    expect(s.stage).toBe('dana');
    expect(s.stackName).toBe('PgSandbox-dana');
    expect(s.lifetimeDays).toBe(7);
    expect(s.apiReservedConcurrency).toBe(10);
  });
});
