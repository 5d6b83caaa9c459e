import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  app: string;
  notices?: boolean;
  context: Record<string, unknown>;
};

describe('cdk.json', () => {
  it('runs the app with node --import tsx (no npx, no build step)', () => {
    expect(cdkJson.app).toBe('node --import tsx infra/app.ts');
  });

  it('keeps the CLI offline: no notices, no telemetry', () => {
    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
  });

  it('makes CloudFormation validation errors fail the synth', () => {
    expect(cdkJson.context['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
  });
});
