/**
 * The environment, read and validated once. The same names are injected by the CDK constructs on
 * AWS and by the local runtime (functions/local/) on a laptop, so both run one code path.
 * Checked by hand, not with zod: every function reads it at cold start, and the timers and
 * webhook-dispatch functions need zod for nothing else (docs/benchmarks.md, cold import).
 */
export interface Config {
  TABLE_NAME: string;
  /** EventBridge Scheduler group that owns every runtime schedule of this sandbox. */
  SCHEDULE_GROUP_NAME: string;
  /** Role EventBridge Scheduler assumes to invoke the timers function. */
  SCHEDULER_ROLE_ARN: string;
  /** The timers function: target of every one-shot schedule. */
  TIMERS_FUNCTION_ARN: string;
  /** Dead-letter queue for schedules whose target failed after its retries. */
  SCHEDULER_DLQ_ARN: string;
  /** Public base URL (checkout pages and console links); optional locally. */
  PUBLIC_BASE_URL?: string;
  /**
   * Key that signs checkout sessions and console cookies. No default: a public default would let
   * anyone forge a console sign-in. Locally a random key per data directory; timers and dispatch
   * never sign.
   */
  SESSION_SIGNING_KEY?: string;
  /**
   * The api function on Lambda: the Secrets Manager secret holding that key, read on the first
   * request that signs (handlers/signing-key.ts), not at cold start.
   */
  SESSION_SIGNING_KEY_SECRET_ARN?: string;
  /** 'true' locally (receivers on localhost); the stack sets 'false' on Lambda. */
  ALLOW_LOOPBACK_WEBHOOKS: 'true' | 'false';
}

/** Required variables and their shortest valid length. */
const REQUIRED = { TABLE_NAME: 3, SCHEDULE_GROUP_NAME: 1, SCHEDULER_ROLE_ARN: 1, TIMERS_FUNCTION_ARN: 1, SCHEDULER_DLQ_ARN: 1 } as const;
const MIN_SIGNING_KEY_LENGTH = 16;

/** Long enough to sign with: the configured key, or the one read from its secret. */
export const isSigningKey = (key: string): boolean => key.length >= MIN_SIGNING_KEY_LENGTH;

/** The config, or the names of the variables that are missing or invalid. */
function parseEnv(env: NodeJS.ProcessEnv): { success: true; data: Config } | { success: false; fields: string[] } {
  const fields: string[] = [];
  for (const [name, min] of Object.entries(REQUIRED)) if ((env[name]?.length ?? 0) < min) fields.push(name);
  const key = env.SESSION_SIGNING_KEY;
  if (key !== undefined && !isSigningKey(key)) fields.push('SESSION_SIGNING_KEY');
  const keyArn = env.SESSION_SIGNING_KEY_SECRET_ARN || undefined;
  const loopback = env.ALLOW_LOOPBACK_WEBHOOKS ?? 'false';
  if (loopback !== 'true' && loopback !== 'false') fields.push('ALLOW_LOOPBACK_WEBHOOKS');
  if (fields.length > 0) return { success: false, fields };
  return {
    success: true,
    data: {
      TABLE_NAME: env.TABLE_NAME!,
      SCHEDULE_GROUP_NAME: env.SCHEDULE_GROUP_NAME!,
      SCHEDULER_ROLE_ARN: env.SCHEDULER_ROLE_ARN!,
      TIMERS_FUNCTION_ARN: env.TIMERS_FUNCTION_ARN!,
      SCHEDULER_DLQ_ARN: env.SCHEDULER_DLQ_ARN!,
      ...(env.PUBLIC_BASE_URL !== undefined && { PUBLIC_BASE_URL: env.PUBLIC_BASE_URL }),
      ...(key !== undefined && { SESSION_SIGNING_KEY: key }),
      ...(keyArn !== undefined && { SESSION_SIGNING_KEY_SECRET_ARN: keyArn }),
      ALLOW_LOOPBACK_WEBHOOKS: loopback as Config['ALLOW_LOOPBACK_WEBHOOKS'],
    },
  };
}

let cached: Config | undefined;

export interface ConfigNeeds {
  /**
   * This process signs checkout sessions and console cookies (the api function, npm start): it
   * needs the key or, on Lambda, the ARN of the secret holding it.
   */
  signsSessions?: boolean;
}

/** Throws, naming every missing or invalid variable, so a misconfigured function fails at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: ConfigNeeds = {}): Config {
  const parsed = cached && env === process.env ? { success: true as const, data: cached } : parseEnv(env);
  const fields = parsed.success ? [] : parsed.fields;
  if (parsed.success && needs.signsSessions && parsed.data.SESSION_SIGNING_KEY === undefined && parsed.data.SESSION_SIGNING_KEY_SECRET_ARN === undefined) {
    fields.push('SESSION_SIGNING_KEY (or SESSION_SIGNING_KEY_SECRET_ARN)');
  }
  if (!parsed.success || fields.length > 0) throw new Error(`pg-sandbox: missing or invalid environment: ${fields.join(', ')}`);
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
