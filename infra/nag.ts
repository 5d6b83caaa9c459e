import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag v3 acknowledgements, one finding at a time, always with a reason.
 *
 * Acknowledgements are recorded as construct metadata (`Validations.of(c).acknowledge`) and apply
 * to that construct and everything under it, so each call is made on the narrowest construct that
 * holds the finding (usually a role, a queue, a secret), next to the code that causes it.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 40) throw new Error(`acknowledgement ${id} needs a real reason, got "${reason}"`);
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The exact AwsSolutions-IAM5 finding id cdk-nag reports for a wildcard resource, e.g.
 * `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/<Group1234>/*]`.
 * `resource` may contain tokens: it is resolved and flattened the way cdk-nag does it.
 */
export function iam5ResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** Same flattening as cdk-nag's (unexported) utils/flatten-cfn-reference. */
export function flattenCfnReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['Fn::Join'])) {
      const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
      return items.map(flattenCfnReference).join(delimiter);
    }
    if (o['Fn::Sub'] !== undefined) return flattenCfnReference(o['Fn::Sub']);
    if (Array.isArray(o['Fn::GetAtt'])) {
      const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenCfnReference(resource)}.${flattenCfnReference(attribute)}>`;
    }
    if (o['Fn::ImportValue'] !== undefined) return flattenCfnReference(o['Fn::ImportValue']);
    if (o['Ref'] !== undefined) return `<${flattenCfnReference(o['Ref'])}>`;
  }
  return JSON.stringify(node);
}

/**
 * Actions IAM cannot scope to a resource (the Service Authorization Reference lists no resource
 * type for them, so a statement must say `"Resource": "*"`), with why the sandbox needs each.
 */
export const UNSCOPABLE_ACTIONS: Readonly<Record<string, string>> = {
  'dynamodb:ListStreams': 'needed by the Lambda event source mapping that reads the table stream (read-only)',
};

interface PolicyStatementJson {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

/**
 * Acknowledges AwsSolutions-IAM5[Resource::*] on `role`, once, after checking that every action
 * granted on `*` in its default policy is one of {@link UNSCOPABLE_ACTIONS}; anything else throws,
 * so a new wildcard cannot slip in under an old acknowledgement. The reason names the actions.
 * Call after all grants to the role are made.
 */
export function acknowledgeUnscopableActions(role: IConstruct): void {
  const policy = role.node.tryFindChild('DefaultPolicy') as { document?: unknown } | undefined;
  if (!policy?.document) return;
  const doc = Stack.of(role).resolve(policy.document) as { Statement?: PolicyStatementJson[] };
  const starActions = new Set<string>();
  for (const st of doc.Statement ?? []) {
    const resources = Array.isArray(st.Resource) ? st.Resource : [st.Resource];
    if (st.Effect !== 'Allow' || !resources.includes('*')) continue;
    for (const action of Array.isArray(st.Action) ? st.Action : [st.Action ?? '']) starActions.add(action);
  }
  if (starActions.size === 0) return;
  const unexplained = [...starActions].filter((a) => !(a in UNSCOPABLE_ACTIONS));
  if (unexplained.length > 0) {
    throw new Error(`${role.node.path} is granted ${unexplained.join(', ')} on "*"; scope it to a resource or explain it in UNSCOPABLE_ACTIONS`);
  }
  const list = [...starActions].sort().map((a) => `${a}: ${UNSCOPABLE_ACTIONS[a]}`).join('; ');
  acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', `Resource "*" only for actions IAM cannot scope to a resource (no resource type in the Service Authorization Reference): ${list}.`);
}
