import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../infra/app.ts';

export type FunctionName = 'Api' | 'Timers' | 'WebhookDispatch' | 'Seed';
const NAMES = ['Api', 'Timers', 'WebhookDispatch', 'Seed'] as const;

export interface BundledFunction {
  /** Absolute path of the bundled `index.mjs` in the cloud assembly. */
  bundle: string;
  /** The environment the stack gives the function (CloudFormation expressions left as they are). */
  environment: Record<string, unknown>;
}

/**
 * Synthesises the real stack with real bundling (local esbuild) into a temporary cloud assembly and
 * finds each function's asset through the template: the code under test is the code `cdk deploy`
 * uploads.
 */
export function synthBundles(): Record<FunctionName, BundledFunction> {
  const outdir = mkdtempSync(join(tmpdir(), 'pg-sandbox-cdk-out-'));
  const { app, stack } = createApp({
    context: { stage: 'lambdatest', owner: 'tests' },
    env: { USER: 'tests' },
    nag: false,
    appProps: { outdir, builtinCloudFormationValidation: false },
  });
  const assembly = app.synth();
  const template = JSON.parse(readFileSync(join(assembly.directory, `${stack.stackName}.template.json`), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { Code: { S3Key: string }; Environment?: { Variables: Record<string, unknown> } } }>;
  };
  const found = {} as Record<FunctionName, BundledFunction>;
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const name = NAMES.find((n) => logicalId.startsWith(`${n}Function`));
    if (!name) continue;
    const hash = resource.Properties.Code.S3Key.replace(/\.zip$/, '');
    found[name] = { bundle: join(assembly.directory, `asset.${hash}`, 'index.mjs'), environment: resource.Properties.Environment?.Variables ?? {} };
  }
  for (const n of NAMES) if (!found[n]) throw new Error(`no ${n} function in the template`);
  return found;
}
