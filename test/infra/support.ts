import { Template } from 'aws-cdk-lib/assertions';
import { createApp, type SandboxApp } from '../../infra/app.ts';

/** A fixed deploy time so that expiry dates in the template are known. */
export const FIXED_NOW = new Date('2025-06-01T12:34:56.789Z');

export interface SynthOptions {
  readonly context?: Record<string, unknown>;
  readonly env?: Record<string, string | undefined>;
  readonly nag?: boolean;
  readonly outdir?: string;
}

export interface SynthResult extends SandboxApp {
  readonly template: Template;
}

/**
 * The sandbox app the way unit tests need it: no bundling (`aws:cdk:bundling-stacks: []`) and no
 * built-in CloudFormation validation, so a synth takes well under a second.
 */
export function synthSandbox(options: SynthOptions = {}): SynthResult {
  const sandbox = createApp({
    context: { 'aws:cdk:bundling-stacks': [], stage: 'test', owner: 'tester', ...options.context },
    env: options.env ?? { USER: 'ci-user' },
    now: FIXED_NOW,
    nag: options.nag ?? false,
    appProps: { builtinCloudFormationValidation: false, outdir: options.outdir },
  });
  return { ...sandbox, template: Template.fromStack(sandbox.stack) };
}

export type Json = Record<string, unknown>;

export interface CfnResource {
  Type: string;
  Properties?: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export function resources(template: Template): [string, CfnResource][] {
  return Object.entries((template.toJSON() as { Resources: Record<string, CfnResource> }).Resources);
}

export function resourcesOfType(template: Template, type: string): [string, CfnResource][] {
  return resources(template).filter(([, r]) => r.Type === type);
}

/** The single resource of `type` whose logical id starts with `prefix`. */
export function resourceByPrefix(template: Template, type: string, prefix: string): [string, CfnResource] {
  const found = resourcesOfType(template, type).filter(([id]) => id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${found.map(([id]) => id).join(', ') || 'none'}`);
  return found[0]!;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
}

/** Statements of the `AWS::IAM::Policy` attached to the role whose logical id starts with `rolePrefix`. */
export function policyStatements(template: Template, rolePrefix: string): Statement[] {
  const [roleId] = resourceByPrefix(template, 'AWS::IAM::Role', rolePrefix);
  const policies = resourcesOfType(template, 'AWS::IAM::Policy').filter(([, p]) =>
    ((p.Properties?.Roles as unknown[]) ?? []).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })),
  );
  return policies.flatMap(([, p]) => ((p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement));
}

/** Every statement of every identity policy in the template. */
export function allPolicyStatements(template: Template): Statement[] {
  return resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, p]) => (p.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

export function ref(logicalId: string): Json {
  return { Ref: logicalId };
}

export function getAtt(logicalId: string, attribute = 'Arn'): Json {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

/** `arn:${Partition}:<service>:${Region}:${Account}:<rest>` as CDK renders it with Fn::Join. */
export function arnJoin(service: string, rest: string): Json {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${rest}`]],
  };
}
