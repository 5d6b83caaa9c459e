import { Hono } from 'hono';
import * as z from 'zod';
import { FAULT_LIMITS, FAULT_OPERATIONS, type FaultSettings } from '../../domain/faults.ts';
import { getFaultSettings, setFaultSettings } from '../../faults/settings.ts';
import type { AppEnv } from '../env.ts';
import { parseWith, readBody } from '../body.ts';
import { Id } from '../../payments/request-fields.ts';

const ms = (max: number) => z.number().int().min(0).max(max);
const Effect = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('latency'), ms: ms(FAULT_LIMITS.latencyMs).optional(), minMs: ms(FAULT_LIMITS.latencyMs).optional(), maxMs: ms(FAULT_LIMITS.latencyMs).optional() })
    .strict()
    .refine((e) => e.ms !== undefined || e.maxMs !== undefined, 'latency needs ms, or minMs and maxMs')
    .refine((e) => (e.minMs ?? 0) <= (e.maxMs ?? e.minMs ?? 0), 'minMs must not exceed maxMs'),
  z.object({ kind: z.literal('rate-limit'), retryAfterSeconds: z.number().int().min(0).max(FAULT_LIMITS.retryAfterSeconds) }).strict(),
  z.object({ kind: z.literal('error'), status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]) }).strict(),
  z.object({ kind: z.literal('drop') }).strict(),
  z.object({ kind: z.literal('timeout'), holdMs: ms(FAULT_LIMITS.holdMs) }).strict(),
  z.object({ kind: z.literal('ambiguous'), then: z.enum(['error', 'drop', 'timeout']), holdMs: ms(FAULT_LIMITS.holdMs).optional() }).strict(),
  z
    .object({ kind: z.literal('async-cancel'), delaySeconds: z.number().int().min(1).max(FAULT_LIMITS.asyncCancelDelaySeconds), outcome: z.enum(['SUCCEEDED', 'FAILED']) })
    .strict(),
]);
const Rule = z
  .object({
    id: z.string().min(1).max(64).regex(/^[\w.-]+$/, 'letters, digits, _ . -'),
    operation: z.enum([...FAULT_OPERATIONS, '*']),
    channelKey: z.string().max(200).optional(),
    pgProvider: z.string().max(64).optional(),
    paymentIdPrefix: z.string().min(1).max(200).optional(),
    amount: z.number().int().min(0).optional(),
    rate: z.number().min(0).max(1).optional(),
    times: z.number().int().min(1).max(1_000).optional(),
    effect: Effect,
  })
  .strict()
  .refine((r) => r.effect.kind !== 'async-cancel' || r.operation === 'cancel', { message: "an async-cancel effect needs operation 'cancel'", path: ['operation'] });
/** The rules as PUT /sandbox/faults and the console's form take them. */
export const FaultSettingsBody = z
  .object({
    rules: z
      .array(Rule)
      .max(FAULT_LIMITS.rules)
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    // What GET answered may be sent back unchanged; the sandbox sets the time itself.
    setAt: z.string().max(40).optional(),
  })
  .strict();
const LogQuery = z.object({ paymentId: Id.optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) });

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
