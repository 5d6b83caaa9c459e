import { buildSync } from 'esbuild';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal, type IGrantable, type IPrincipal } from 'aws-cdk-lib/aws-iam';
import type { ILocalBundling } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { REPO_ROOT } from '../paths.ts';
import { ESM_REQUIRE_BANNER } from '../esm-require-banner.mjs';

export { ESM_REQUIRE_BANNER };

export interface SandboxFunctionProps {
  /** Absolute path of the TypeScript entry point; it must export `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default - no reservation (the account's unreserved pool) */
  readonly reservedConcurrentExecutions?: number;
  /**
   * A physical name. Only for a function that must know its own ARN through its environment
   * (CloudFormation cannot express a function referencing its own ARN); everything else is named by
   * CloudFormation.
   */
  readonly functionName?: string;
}

/**
 * Bundles `entry` into `outdir`: `index.mjs` (exporting `handler`) plus, for each `import()` in
 * the code, ES module chunks under `chunks/` that load when that import first runs (the api
 * function's route groups, http/route-groups.ts). NodejsFunction's settings otherwise: ESM for
 * Node 24, the AWS SDK bundled (the version we tested rather than whatever the runtime ships, and
 * no module resolution at cold start), minified with names kept, source maps without sources.
 * Our own esbuild call because NodejsFunction writes one file and cannot split.
 */
export function bundleFunction(entry: string, outdir: string): void {
  buildSync({
    entryPoints: { index: entry },
    outdir,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
}

/**
 * Local bundling for one entry. A class with the entry as a field, not an object literal: the
 * CDK caches bundles by a key built from the bundling options' JSON, in which a function is
 * invisible, so every function would get the first one's bundle.
 */
class LocalEsbuild implements ILocalBundling {
  constructor(readonly entry: string) {}

  tryBundle(outputDir: string): boolean {
    bundleFunction(this.entry, outputDir);
    return true;
  }
}

/**
 * A Lambda function the way every function of the sandbox is built: Node.js 24 on arm64, bundled
 * in this process by esbuild (bundleFunction; no Docker), source maps on, its own log group
 * (1 week, deleted with the stack) and its own role holding nothing but the right to write to that
 * log group. Grants come later, from the constructs that own the resources.
 */
export class SandboxFunction extends Construct implements IGrantable {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: SandboxFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // No AWSLambdaBasicExecutionRole: that managed policy lets the function create any log group
    // and write to any of them. This role may write only to its own log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      // Hashed by what was bundled, like NodejsFunction's assets; `cdk synth` with bundling
      // skipped for the stack (aws:cdk:bundling-stacks) bundles nothing.
      code: Code.fromAsset(REPO_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never pulled: local bundling always succeeds or throws esbuild's error.
          image: DockerImage.fromRegistry('scratch'),
          local: new LocalEsbuild(props.entry),
        },
      }),
      handler: 'index.handler',
      description: props.description,
      functionName: props.functionName,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  }

  get grantPrincipal(): IPrincipal {
    return this.function.grantPrincipal;
  }

  /** Sets one environment variable; used by the constructs that grant access to a resource. */
  addEnvironment(key: string, value: string): void {
    this.function.addEnvironment(key, value);
  }
}
