import type { MiddlewareHandler } from 'hono';
import { setTimeout as wait } from 'node:timers/promises';
import type { FaultEffect, FaultOperation } from '../domain/faults.ts';
import { decideRequestFault, recordInjectedFault, type FaultedRequest } from '../faults/inject.ts';
import { currentFaultSettings } from '../faults/settings.ts';
import type { AppEnv } from './env.ts';

/**
 * A response carrying this header is never sent: the server adapter closes the connection instead
 * (local/listen.ts; on Lambda, where a function cannot close its caller's connection,
 * handlers/api.ts answers as a Function URL does for a crashed function).
 */
export const DROP_CONNECTION_HEADER = 'x-pg-sandbox-drop-connection';

/** A path segment as the route will see it; a malformed escape stays as sent (the route refuses it itself). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Which PortOne operation a request is, for the rules (domain/faults.ts). */
export function classifyRequest(method: string, path: string): Omit<FaultedRequest, 'channelKey' | 'amount'> | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeSegment);
  const at = (operation: FaultOperation, paymentId?: string) => ({ operation, method, path, ...(paymentId !== undefined && { paymentId }) });
  if (segments[0] === 'payments' && segments.length === 1) return at('list');
  if (segments[0] === 'payments-by-cursor') return at('list');
  if (segments[0] === 'billing-keys') return at('billing');
  if (segments[0] === 'payment-schedules') return at('schedule');
  if (segments[0] !== 'payments') return at('other');
  const paymentId = segments[1];
  if (segments.length === 2 && method === 'GET') return at('get', paymentId);
  if (segments[2] === 'instant' || segments[2] === 'billing-key') return at('pay', paymentId);
  if (segments[2] === 'cancel') return at('cancel', paymentId);
  return at('other', paymentId);
}

const PORTONE_JSON = { 'content-type': 'application/json' };
const dropped = () => new Response(null, { status: 500, headers: { [DROP_CONNECTION_HEADER]: '1' } });
const portoneError = (status: number, type: string, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type, message }), { status, headers: { ...PORTONE_JSON, ...headers } });

/** The answer a fault gives instead of the operation's (nothing was done). */
async function refusal(effect: Exclude<FaultEffect, { kind: 'latency' | 'ambiguous' | 'async-cancel' }>): Promise<Response> {
  switch (effect.kind) {
    case 'rate-limit':
      return portoneError(429, 'TOO_MANY_REQUESTS', '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요. (injected by a pg-sandbox fault rule)', {
        'retry-after': String(effect.retryAfterSeconds),
      });
    case 'error':
      return portoneError(effect.status, 'UNAVAILABLE', `일시적인 오류입니다. (HTTP ${effect.status} injected by a pg-sandbox fault rule)`);
    case 'drop':
      return dropped();
    case 'timeout':
      await wait(effect.holdMs);
      return dropped();
  }
}

/** What the caller gets after an operation that did happen (ambiguous outcome). */
async function lostAnswer(effect: Extract<FaultEffect, { kind: 'ambiguous' }>): Promise<Response> {
  if (effect.then === 'error') return portoneError(500, 'UNAVAILABLE', '응답을 받지 못했습니다. (injected by a pg-sandbox fault rule: the operation may have been applied)');
  if (effect.then === 'timeout') await wait(effect.holdMs ?? 30_000);
  return dropped();
}

/** The request's channel and amount, for rules that match on them (pay requests name both). */
async function bodyFacts(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<Pick<FaultedRequest, 'channelKey' | 'amount'>> {
  if (c.req.method !== 'POST') return {};
  try {
    // text(), not json(): the route reads the same cached text and parses it itself.
    const body = JSON.parse(await c.req.text()) as { channelKey?: unknown; amount?: { total?: unknown } };
    return {
      ...(typeof body.channelKey === 'string' && { channelKey: body.channelKey }),
      ...(typeof body.amount?.total === 'number' && { amount: body.amount.total }),
    };
  } catch {
    return {}; // the route answers the bad body itself
  }
}

/**
 * Fault injection for the PortOne API (docs/faults.md), after authentication: free when the
 * store has no rules. A refusal answers before the route runs, so nothing is done; latency delays
 * the route; an ambiguous outcome runs the route and, if it succeeded, loses its answer.
 */
export const injectFaults: MiddlewareHandler<AppEnv> = async (c, next) => {
  const storeId = c.var.storeId;
  // The common case first: a store without rules costs one cached lookup, nothing more.
  if (storeId === undefined) return next();
  const settings = await currentFaultSettings(c.var.services, storeId);
  if (settings.rules.length === 0) return next();
  const classified = classifyRequest(c.req.method, c.req.path);
  if (!classified) return next();
  const request: FaultedRequest = { ...classified, ...(classified.operation === 'pay' || classified.operation === 'cancel' ? await bodyFacts(c) : {}) };
  const decision = await decideRequestFault(c.var.services, storeId, settings, request);
  if (!decision) return next();
  const effect = decision.rule.effect;
  if (effect.kind === 'async-cancel') {
    // The cancel route makes it pending; only a cancel that was accepted is an injected fault.
    c.set('asyncCancel', { delaySeconds: effect.delaySeconds, outcome: effect.outcome });
    await next();
    if (c.res.status < 300) await recordInjectedFault(c.var.services, storeId, request, decision);
    return;
  }
  if (effect.kind === 'ambiguous') {
    await next();
    if (c.res.status >= 300) return; // it did not happen: the real answer stands
    await recordInjectedFault(c.var.services, storeId, request, decision);
    const lost = await lostAnswer(effect);
    // Cleared first: assigning over a response would copy its headers onto the new one.
    c.res = undefined as unknown as Response;
    c.res = lost;
    return;
  }
  await recordInjectedFault(c.var.services, storeId, request, decision);
  if (effect.kind === 'latency') {
    await wait(decision.latencyMs ?? 0);
    return next();
  }
  return refusal(effect);
};
