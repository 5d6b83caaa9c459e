import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.ts';
import { createServices } from '../../functions/wiring.ts';

const env = {
  TABLE_NAME: 'pg-sandbox',
  SCHEDULE_GROUP_NAME: 'group',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/scheduler',
  TIMERS_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-2:000000000000:function:timers',
  SCHEDULER_DLQ_ARN: 'arn:aws:sqs:ap-northeast-2:000000000000:dlq',
};

describe('configuration', () => {
  it('has no session signing key by default: a process that signs sessions refuses to start without one', () => {
    expect(() => loadConfig(env, { signsSessions: true })).toThrow('missing or invalid environment: SESSION_SIGNING_KEY');
    expect(loadConfig({ ...env, SESSION_SIGNING_KEY: 'k'.repeat(32) }, { signsSessions: true }).SESSION_SIGNING_KEY).toBe('k'.repeat(32));
  });

  it('refuses a short key', () => {
    expect(() => loadConfig({ ...env, SESSION_SIGNING_KEY: 'short' })).toThrow('SESSION_SIGNING_KEY');
  });

  it('lets timers and dispatch run without a key, and fails loudly if they ever try to sign', () => {
    const services = createServices(loadConfig(env));
    expect(() => services.sessionSigningKey).toThrow(/no SESSION_SIGNING_KEY/);
  });
});
