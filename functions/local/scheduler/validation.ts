/**
 * AWS's request validation for the operations we emulate: the same constraints (lengths in
 * Unicode code points, patterns, ranges, enums) and the same message style, all violations of
 * one request reported together as AWS does.
 */
import { validationError } from './errors.ts';
import { parseScheduleExpression, type ScheduleExpression } from './expression.ts';
import { isValidTimeZone } from './time-zone.ts';
import type {
  ActionAfterCompletion,
  FlexibleTimeWindowMode,
  ScheduleDefinition,
  ScheduleState,
  ScheduleTarget,
} from './types.ts';

export const DEFAULT_GROUP = 'default';
export const DEFAULT_TIMEZONE = 'UTC';
export const DEFAULT_RETRY_POLICY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 };

interface Pattern {
  regex: RegExp;
  /** AWS's spelling, quoted in messages. */
  source: string;
}

const NAME_PATTERN: Pattern = { regex: /^[0-9a-zA-Z\-_.]+$/, source: '^[0-9a-zA-Z-_.]+$' };
const CLIENT_TOKEN_PATTERN: Pattern = { regex: /^[a-zA-Z0-9\-_]+$/, source: '^[a-zA-Z0-9-_]+$' };
const ROLE_ARN_PATTERN: Pattern = {
  regex: /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/,
  source: '^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$',
};
const SQS_ARN_PATTERN: Pattern = {
  regex: /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9\-_]+$/,
  source: '^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$',
};
const KMS_ARN_PATTERN: Pattern = {
  regex: /^arn:aws(-[a-z]+)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[0-9a-zA-Z\-_]*$/,
  source: '^arn:aws(-[a-z]+)?:kms:[a-z0-9\\-]+:\\d{12}:(key|alias)\\/[0-9a-zA-Z-_]*$',
};

const STATES = ['ENABLED', 'DISABLED'] as const;
const MODES = ['OFF', 'FLEXIBLE'] as const;
const ACTIONS = ['NONE', 'DELETE'] as const;

interface StringRule<T extends string> {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: Pattern;
  values?: readonly T[];
}

interface IntegerRule {
  required?: boolean;
  min: number;
  max: number;
}

const NAME_RULE = { required: true, min: 1, max: 64, pattern: NAME_PATTERN } as const;
const GROUP_RULE = { min: 1, max: 64, pattern: NAME_PATTERN } as const;
const CLIENT_TOKEN_RULE = { min: 1, max: 64, pattern: CLIENT_TOKEN_PATTERN } as const;

class Violations {
  private readonly messages: string[] = [];

  add(value: unknown, path: string, constraint: string): void {
    this.messages.push(`Value ${render(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  string<T extends string>(value: unknown, path: string, rule: StringRule<T>): T | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(null, path, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(value, path, 'Member must be a string');
      return undefined;
    }
    const before = this.messages.length;
    const length = [...value].length;
    if (rule.min !== undefined && length < rule.min) {
      this.add(value, path, `Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && length > rule.max) {
      this.add(value, path, `Member must have length less than or equal to ${rule.max}`);
    }
    if (rule.pattern && !rule.pattern.regex.test(value)) {
      this.add(value, path, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
    }
    if (rule.values && !(rule.values as readonly string[]).includes(value)) {
      this.add(value, path, `Member must satisfy enum value set: [${rule.values.join(', ')}]`);
    }
    return this.messages.length === before ? (value as T) : undefined;
  }

  integer(value: unknown, path: string, rule: IntegerRule): number | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(null, path, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(value, path, 'Member must be an integer');
      return undefined;
    }
    if (value < rule.min) {
      this.add(value, path, `Member must have value greater than or equal to ${rule.min}`);
      return undefined;
    }
    if (value > rule.max) {
      this.add(value, path, `Member must have value less than or equal to ${rule.max}`);
      return undefined;
    }
    return value;
  }

  structure(value: unknown, path: string, required: boolean): Record<string, unknown> | undefined {
    if (value === undefined || value === null) {
      if (required) this.add(null, path, 'Member must not be null');
      return undefined;
    }
    if (!isRecord(value)) {
      this.add(value, path, 'Member must be a structure');
      return undefined;
    }
    return value;
  }

  /** restJson1 sends timestamps as epoch seconds (possibly fractional); we keep milliseconds. */
  timestamp(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(value, path, 'Member must be a timestamp in epoch seconds');
      return undefined;
    }
    return Math.round(value * 1000);
  }

  throwIfAny(): void {
    const count = this.messages.length;
    if (count === 0) return;
    const noun = count === 1 ? 'error' : 'errors';
    throw validationError(`${count} validation ${noun} detected: ${this.messages.join('; ')}`);
  }
}

export interface CreateScheduleRequest extends ScheduleDefinition {
  expression: ScheduleExpression;
}

export function validateCreateSchedule(name: string, body: unknown): CreateScheduleRequest {
  if (!isRecord(body)) throw validationError('The request body must be a JSON object.');
  const v = new Violations();
  const validName = v.string(name, 'name', NAME_RULE);
  const groupName = v.string(body.GroupName, 'groupName', GROUP_RULE);
  const scheduleExpression = v.string(body.ScheduleExpression, 'scheduleExpression', {
    required: true, min: 1, max: 256,
  });
  const timezone = v.string(body.ScheduleExpressionTimezone, 'scheduleExpressionTimezone', { min: 1, max: 50 });
  const state = v.string<ScheduleState>(body.State, 'state', { values: STATES });
  const action = v.string<ActionAfterCompletion>(body.ActionAfterCompletion, 'actionAfterCompletion', {
    values: ACTIONS,
  });
  const description = v.string(body.Description, 'description', { max: 512 });
  const kmsKeyArn = v.string(body.KmsKeyArn, 'kmsKeyArn', { min: 1, max: 2048, pattern: KMS_ARN_PATTERN });
  const clientToken = v.string(body.ClientToken, 'clientToken', CLIENT_TOKEN_RULE);
  const startDate = v.timestamp(body.StartDate, 'startDate');
  const endDate = v.timestamp(body.EndDate, 'endDate');

  const window = v.structure(body.FlexibleTimeWindow, 'flexibleTimeWindow', true);
  const mode = window && v.string<FlexibleTimeWindowMode>(window.Mode, 'flexibleTimeWindow.mode', {
    required: true, values: MODES,
  });
  const windowMinutes = window && v.integer(window.MaximumWindowInMinutes,
    'flexibleTimeWindow.maximumWindowInMinutes', { min: 1, max: 1440 });

  const target = validateTarget(v, body.Target);
  v.throwIfAny();

  const expressionText = present(scheduleExpression);
  const expression = parseScheduleExpression(expressionText);
  if (!expression) throw validationError(`Invalid Schedule Expression ${expressionText}.`);
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    throw validationError(`Invalid ScheduleExpressionTimezone ${timezone}: not a known IANA time zone.`);
  }
  if (mode === 'FLEXIBLE' && windowMinutes === undefined) {
    throw validationError('MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE.');
  }
  if (startDate !== undefined && endDate !== undefined && endDate <= startDate) {
    throw validationError('The EndDate you specify must be after the StartDate.');
  }

  return {
    name: present(validName),
    groupName: groupName ?? DEFAULT_GROUP,
    scheduleExpression: expressionText,
    scheduleExpressionTimezone: timezone ?? DEFAULT_TIMEZONE,
    expression,
    flexibleTimeWindow: {
      Mode: present(mode),
      ...(windowMinutes !== undefined && { MaximumWindowInMinutes: windowMinutes }),
    },
    target: present(target),
    actionAfterCompletion: action ?? 'NONE',
    state: state ?? 'ENABLED',
    ...(description !== undefined && { description }),
    ...(startDate !== undefined && { startDate }),
    ...(endDate !== undefined && { endDate }),
    ...(kmsKeyArn !== undefined && { kmsKeyArn }),
    ...(clientToken !== undefined && { clientToken }),
  };
}

// Target parameters for other target types (EcsParameters, SqsParameters, …) are ignored: the
// local engine only ever delivers Input to one invoker.
function validateTarget(v: Violations, value: unknown): ScheduleTarget | undefined {
  const target = v.structure(value, 'target', true);
  if (!target) return undefined;
  const arn = v.string(target.Arn, 'target.arn', { required: true, min: 1, max: 1600 });
  const roleArn = v.string(target.RoleArn, 'target.roleArn', {
    required: true, min: 1, max: 1600, pattern: ROLE_ARN_PATTERN,
  });
  const input = v.string(target.Input, 'target.input', { min: 1, max: 8192 });
  const retry = v.structure(target.RetryPolicy, 'target.retryPolicy', false);
  const maxAge = retry && v.integer(retry.MaximumEventAgeInSeconds,
    'target.retryPolicy.maximumEventAgeInSeconds', { min: 60, max: 86_400 });
  const maxRetries = retry && v.integer(retry.MaximumRetryAttempts,
    'target.retryPolicy.maximumRetryAttempts', { min: 0, max: 185 });
  const deadLetter = v.structure(target.DeadLetterConfig, 'target.deadLetterConfig', false);
  const deadLetterArn = deadLetter && v.string(deadLetter.Arn, 'target.deadLetterConfig.arn', {
    min: 1, max: 1600, pattern: SQS_ARN_PATTERN,
  });
  if (arn === undefined || roleArn === undefined) return undefined;
  return {
    Arn: arn,
    RoleArn: roleArn,
    ...(input !== undefined && { Input: input }),
    RetryPolicy: {
      MaximumEventAgeInSeconds: maxAge ?? DEFAULT_RETRY_POLICY.MaximumEventAgeInSeconds,
      MaximumRetryAttempts: maxRetries ?? DEFAULT_RETRY_POLICY.MaximumRetryAttempts,
    },
    ...(deadLetterArn !== undefined && { DeadLetterConfig: { Arn: deadLetterArn } }),
  };
}

export interface ScheduleKey {
  name: string;
  groupName: string;
}

/** GetSchedule and DeleteSchedule: name from the path, groupName (and clientToken) from the query. */
export function validateScheduleKey(name: string, groupName: string | undefined, clientToken?: string): ScheduleKey {
  const v = new Violations();
  const validName = v.string(name, 'name', NAME_RULE);
  const group = v.string(groupName, 'groupName', GROUP_RULE);
  v.string(clientToken, 'clientToken', CLIENT_TOKEN_RULE);
  v.throwIfAny();
  return { name: present(validName), groupName: group ?? DEFAULT_GROUP };
}

export interface ListSchedulesRequest {
  groupName?: string;
  namePrefix?: string;
  state?: ScheduleState;
  maxResults: number;
  nextToken?: string;
}

export const DEFAULT_MAX_RESULTS = 100;

/** Query parameter names are the SDK's: ScheduleGroup, NamePrefix, State, NextToken, MaxResults. */
export function validateListSchedules(query: Record<string, string | undefined>): ListSchedulesRequest {
  const v = new Violations();
  const groupName = v.string(query.ScheduleGroup, 'groupName', GROUP_RULE);
  const namePrefix = v.string(query.NamePrefix, 'namePrefix', { min: 1, max: 64, pattern: NAME_PATTERN });
  const state = v.string<ScheduleState>(query.State, 'state', { values: STATES });
  const nextToken = v.string(query.NextToken, 'nextToken', { min: 1, max: 2048 });
  const rawMax = query.MaxResults;
  const maxResults = rawMax === undefined
    ? DEFAULT_MAX_RESULTS
    : v.integer(/^-?\d+$/.test(rawMax) ? Number(rawMax) : rawMax, 'maxResults', { min: 1, max: 100 });
  v.throwIfAny();
  return {
    maxResults: present(maxResults),
    ...(groupName !== undefined && { groupName }),
    ...(namePrefix !== undefined && { namePrefix }),
    ...(state !== undefined && { state }),
    ...(nextToken !== undefined && { nextToken }),
  };
}

/** A body that is not JSON is the caller's fault, so it is a ValidationException and never a 500. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError('The request body is not valid JSON.');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function render(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Keeps an oversized Input from turning the error message into the payload.
  return `'${text.length > 100 ? `${text.slice(0, 100)}…` : text}'`;
}

// Only reached after throwIfAny(), so a missing value here is a bug in this module.
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('local scheduler: validated value missing');
  return value;
}
