import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { acknowledgeUnscopableActions } from '../../infra/nag.ts';
import { synthSandbox } from './support.ts';

interface Ack {
  path: string;
  id: string;
  reason: string;
}

/** Every acknowledgement recorded with Validations.of(construct).acknowledge() in the app. */
function acknowledgements(app: App): Ack[] {
  return app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason })),
      ),
  );
}

describe('cdk-nag AwsSolutions checks', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'pg-sandbox-nag-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  // Registered the way infra/app.ts does it: Validations.of(app).addPlugins(new AwsSolutionsChecks(app)).
  // In a test process CDK throws on any error-level violation, so getting past this line is the first check.
  const { app } = synthSandbox({ nag: true, outdir });
  const assembly = app.synth();

  it('report no unacknowledged error or warning in the validation report', () => {
    const reportFile = join(assembly.directory, 'validation-report.json');
    expect(existsSync(reportFile)).toBe(true);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  it('find nothing unacknowledged when run directly on the construct tree', () => {
    const result = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    expect(result.violations).toEqual([]);
    expect(result.success).toBe(true);
  });

  describe('acknowledgements', () => {
    const acks = acknowledgements(app);
    // The same pack with acknowledgements ignored: every raw finding.
    const raw = new AwsSolutionsChecks();
    (raw as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const findings = raw.validateScope(app).violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
    const covers = (a: Ack, f: { rule: string; path: string }) => a.id === f.rule && (f.path === a.path || f.path.startsWith(`${a.path}/`));

    it('exist (the checks would fail without them)', () => {
      expect(findings.length).toBeGreaterThan(0);
      expect(acks.length).toBeGreaterThan(0);
    });

    it('cover every raw finding', () => {
      for (const f of findings) expect({ finding: f, acknowledged: acks.some((a) => covers(a, f)) }).toEqual({ finding: f, acknowledged: true });
    });

    it('are each used by a real finding (no stale or speculative acknowledgement)', () => {
      for (const a of acks) expect({ ack: a.id, path: a.path, used: findings.some((f) => covers(a, f)) }).toEqual({ ack: a.id, path: a.path, used: true });
    });

    it('are one finding at a time: never on the app or the stack, IAM5 always names its resource', () => {
      for (const a of acks) {
        expect(a.path.split('/').length).toBeGreaterThanOrEqual(3);
        if (a.id.startsWith('AwsSolutions-IAM5')) expect(a.id).toMatch(/^AwsSolutions-IAM5\[(Resource|Action)::.+\]$/);
      }
    });

    it('each give a reason that fits a throwaway sandbox', () => {
      for (const a of acks) expect(a.reason.length).toBeGreaterThan(60);
    });

    it('are listed in docs/deploy.md', () => {
      const docs = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
      for (const rule of new Set(acks.map((a) => a.id.replace(/\[.*$/, '')))) expect(docs).toContain(rule);
      expect(docs).toContain('Resource::*');
      expect(docs).toContain('schedule/<group>/*');
    });
  });
});

describe('acknowledgeUnscopableActions', () => {
  it('refuses a "*" resource on an action that could be scoped', () => {
    const stack = new Stack(new App(), 'S');
    const role = new Role(stack, 'R', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] }));
    expect(() => acknowledgeUnscopableActions(role)).not.toThrow();
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:DeleteTable'], resources: ['*'] }));
    expect(() => acknowledgeUnscopableActions(role)).toThrow(/dynamodb:DeleteTable/);
  });
});
