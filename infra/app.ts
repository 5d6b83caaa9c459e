import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SandboxStack } from './sandbox-stack.ts';
import { isoSeconds, resolveSettings, type SandboxSettings } from './stage.ts';

export { resolveStage, resolveOwner, resolveLifetimeDays, resolveSettings } from './stage.ts';

export interface CreateAppOptions {
  /** Extra context, as `-c key=value` would give (tests). */
  readonly context?: Record<string, unknown>;
  /** @default process.env */
  readonly env?: Record<string, string | undefined>;
  /** Deploy time; the expiry is computed from it. @default new Date() */
  readonly now?: Date;
  /** Run the cdk-nag AwsSolutions checks on synth. @default true */
  readonly nag?: boolean;
  /** Passed to `new App()` (outdir, builtinCloudFormationValidation …). */
  readonly appProps?: Omit<AppProps, 'context'>;
}

export interface SandboxApp {
  readonly app: App;
  readonly stack: SandboxStack;
  readonly settings: SandboxSettings;
}

/**
 * The CDK app: one `PgSandbox-<stage>` stack.
 *
 *   npx cdk deploy -c stage=alice [-c owner=alice] [-c lifetimeDays=7] [-c apiConcurrency=10]
 */
export function createApp(options: CreateAppOptions = {}): SandboxApp {
  const env = options.env ?? process.env;
  const app = new App({ ...options.appProps, context: options.context });
  const settings = resolveSettings({ context: (key) => app.node.tryGetContext(key), env, now: options.now ?? new Date() });

  const tags: Record<string, string> = {
    stage: settings.stage,
    owner: settings.owner,
    'expires-at': settings.expiresAt ? isoSeconds(settings.expiresAt) : 'never',
  };

  const stack = new SandboxStack(app, settings.stackName, {
    settings,
    // Stack-level tags: CloudFormation copies them onto every resource that supports tags.
    tags,
  });
  // Construct-level tags as well, so they show in the template and in tests.
  for (const [key, value] of Object.entries(tags)) Tags.of(app).add(key, value);

  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  }
  return { app, stack, settings };
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href;
}

if (isMainModule()) {
  createApp().app.synth();
}
