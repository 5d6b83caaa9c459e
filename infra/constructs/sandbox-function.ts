import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal, type IGrantable, type IPrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { REPO_ROOT } from '../paths.ts';
import { ESM_REQUIRE_BANNER } from '../esm-require-banner.ts';

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
 * A Lambda function the way every function of the sandbox is built: Node.js 24 on arm64, bundled
 * locally by esbuild (no Docker) into one ES module with the AWS SDK inside, source maps on, its own
 * log group (1 week, deleted with the stack) and its own role holding nothing but the right to
 * write to that log group. Grants come later, from the constructs that own the resources.
 */
export class SandboxFunction extends Construct implements IGrantable {
  readonly function: NodejsFunction;
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

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      functionName: props.functionName,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        // Bundle the SDK: the version we tested rather than whatever the runtime ships, and a
        // faster cold start (one pre-linked file instead of resolving hundreds of modules).
        bundleAwsSDK: true,
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        keepNames: true,
        sourceMap: true,
        sourcesContent: false,
        forceDockerBundling: false,
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
