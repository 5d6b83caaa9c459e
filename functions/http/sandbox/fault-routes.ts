import { Hono } from 'hono';
import * as z from '../../zod.ts';
import { FAULT_LIMITS, FAULT_OPERATIONS, type FaultSettings } from '../../domain/faults.ts';
import { getFaultSettings, setFaultSettings } from '../../faults/settings.ts';
import type { AppEnv } from '../env.ts';
import { parseWith, readBody } from '../body.ts';
import { Id } from '../../payments/request-fields.ts';

const ms = (max: number) => z.number().check(z.int(), z.minimum(0), z.maximum(max));
const Effect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: z.optional(ms(FAULT_LIMITS.latencyMs)), minMs: z.optional(ms(FAULT_LIMITS.latencyMs)), maxMs: z.optional(ms(FAULT_LIMITS.latencyMs)) }).check(z.refine((e) => e.ms !== undefined || e.maxMs !== undefined, 'latency needs ms, or minMs and maxMs'), z.refine((e) => (e.minMs ?? 0) <= (e.maxMs ?? e.minMs ?? 0), 'minMs must not exceed maxMs')),
  z.strictObject({ kind: z.literal('rate-limit'), retryAfterSeconds: z.number().check(z.int(), z.minimum(0), z.maximum(FAULT_LIMITS.retryAfterSeconds)) }),
  z.strictObject({ kind: z.literal('error'), status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]) }),
  z.strictObject({ kind: z.literal('drop') }),
  z.strictObject({ kind: z.literal('timeout'), holdMs: ms(FAULT_LIMITS.holdMs) }),
  z.strictObject({ kind: z.literal('ambiguous'), then: z.enum(['error', 'drop', 'timeout']), holdMs: z.optional(ms(FAULT_LIMITS.holdMs)) }),
  z.strictObject({ kind: z.literal('async-cancel'), delaySeconds: z.number().check(z.int(), z.minimum(1), z.maximum(FAULT_LIMITS.asyncCancelDelaySeconds)), outcome: z.enum(['SUCCEEDED', 'FAILED']) }),
]);
const Rule = z.strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[\w.-]+$/, 'letters, digits, _ . -')),
    operation: z.enum([...FAULT_OPERATIONS, '*']),
    channelKey: z.optional(z.string().check(z.maxLength(200))),
    pgProvider: z.optional(z.string().check(z.maxLength(64))),
    paymentIdPrefix: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    amount: z.optional(z.number().check(z.int(), z.minimum(0))),
    rate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    times: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1_000))),
    effect: Effect,
  }).check(z.refine((r) => r.effect.kind !== 'async-cancel' || r.operation === 'cancel', { message: "an async-cancel effect needs operation 'cancel'", path: ['operation'] }));
/** The rules as PUT /sandbox/faults and the console's form take them. */
export const FaultSettingsBody = z.strictObject({
    rules: z.array(Rule).check(z.maxLength(FAULT_LIMITS.rules), z.refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique')),
    seed: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(2 ** 32 - 1))),
    // What GET answered may be sent back unchanged; the sandbox sets the time itself.
    setAt: z.optional(z.string().check(z.maxLength(40))),
  });
const LogQuery = z.object({ paymentId: z.optional(Id), limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1_000)), 100) });

/** Fault injection settings and log of the caller's store (mounted under /sandbox/faults; docs/faults.md). */
export function faultRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => c.json(await getFaultSettings(c.var.services, c.var.storeId)));
  app.put('/', async (c) => {
    const { setAt: _ignored, ...rules } = (await readBody(c, FaultSettingsBody)) as FaultSettings;
    return c.json(await setFaultSettings(c.var.services, c.var.storeId, rules));
  });
  app.get('/log', async (c) => {
    const query = parseWith(LogQuery, c.req.query());
    return c.json({ items: await c.var.services.repo.listFaults(c.var.storeId, query) });
  });
  return app;
}
