import * as z from 'zod';

/**
 * The environment, read and validated once. The same names are injected by the CDK constructs on
 * AWS and by the local runtime (functions/local/) on a laptop, so both run one code path.
 */
const Env = z.object({
  TABLE_NAME: z.string().min(3),
  /** EventBridge Scheduler group that owns every runtime schedule of this sandbox. */
  SCHEDULE_GROUP_NAME: z.string().min(1),
  /** Role EventBridge Scheduler assumes to invoke the timers function. */
  SCHEDULER_ROLE_ARN: z.string().min(1),
  /** The timers function: target of every one-shot schedule. */
  TIMERS_FUNCTION_ARN: z.string().min(1),
  /** Dead-letter queue for schedules whose target failed after its retries. */
  SCHEDULER_DLQ_ARN: z.string().min(1),
  /** Public base URL (checkout pages and console links); optional locally. */
  PUBLIC_BASE_URL: z.string().optional(),
  /**
   * Key that signs checkout sessions and console cookies. No default: a public default would let
   * anyone forge a console sign-in. Only the api function holds one (read from Secrets Manager at
   * cold start; a random key per data directory locally); timers and dispatch never sign.
   */
  SESSION_SIGNING_KEY: z.string().min(16).optional(),
  /** 'true' locally (receivers on localhost); the stack sets 'false' on Lambda. */
  ALLOW_LOOPBACK_WEBHOOKS: z.enum(['true', 'false']).default('false'),
});

export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

export interface ConfigNeeds {
  /** This process signs checkout sessions and console cookies (the api function, npm start). */
  signsSessions?: boolean;
}

/** Throws, naming every missing or invalid variable, so a misconfigured function fails at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: ConfigNeeds = {}): Config {
  const parsed = cached && env === process.env ? { success: true as const, data: cached } : Env.safeParse(env);
  const fields = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  if (parsed.success && needs.signsSessions && parsed.data.SESSION_SIGNING_KEY === undefined) fields.push('SESSION_SIGNING_KEY');
  if (!parsed.success || fields.length > 0) throw new Error(`pg-sandbox: missing or invalid environment: ${fields.join(', ')}`);
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
