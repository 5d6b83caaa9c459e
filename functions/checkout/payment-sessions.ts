import { randomUUID } from 'node:crypto';
import type { CheckoutPaymentMethod } from '../domain/checkout-profile.ts';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import { DEFAULT_SESSION_TTL_SECONDS, closingTime, sessionState, ttlProblem, type PaymentSessionRecord } from '../domain/payment-session.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { loadStoreProfile, methodsOf } from './checkout-profiles.ts';

/** createPaymentSession's body (OAS `CreatePaymentSessionBody`) once validated; `storeId` is the caller's. */
export type CreatePaymentSessionInput = Omit<PaymentSessionRecord, 'id' | 'storeId' | 'createdAt' | 'expiresAt' | 'closedAt'> & { ttlSeconds?: number };

export const sessionNotFound = (sessionId: string) => new PortOneError('SESSION_NOT_FOUND', `결제 세션이 존재하지 않습니다. (sessionId: ${sessionId})`);
export const sessionExpired = (sessionId: string) => new PortOneError('SESSION_EXPIRED', `결제 세션이 만료되었습니다. (sessionId: ${sessionId})`);

/**
 * createPaymentSession: the order as the hosted page will show it, valid for `ttlSeconds` of store
 * time. Refused up front (assumed, as INVALID_REQUEST: the operation has no error of its own for
 * them): a profile the store does not have, a profile that offers no method for this country,
 * currency and amount, a `paymentMethod` it does not offer, and a paymentId already paid.
 */
export async function createPaymentSession(services: Services, storeId: string, input: CreatePaymentSessionInput): Promise<PaymentSessionRecord> {
  const ttl = input.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const ttlRefused = ttlProblem(ttl);
  if (ttlRefused) throw new PortOneError(ttlRefused.type, ttlRefused.message);
  const store = await loadStore(services, storeId);
  const profile = await loadStoreProfile(services, storeId, input.profileKey);
  if (!profile) throw invalidRequest(`profileKey: 프로필 설정이 존재하지 않습니다. (${input.profileKey})`);
  const methods = await methodsOf(services, profile, { country: input.country, currency: input.currency, amount: input.totalAmount });
  if (methods.length === 0) throw invalidRequest(`profileKey: 이 프로필에는 ${input.country} / ${input.currency} / ${input.totalAmount}에 사용할 수 있는 결제 수단이 없습니다.`);
  if (input.paymentMethod && !methods.some((m) => m.paymentMethod === input.paymentMethod)) {
    throw invalidRequest(`paymentMethod: 프로필이 이 주문에 제공하지 않는 결제 수단입니다. (${input.paymentMethod}; offered: ${methods.map((m) => m.paymentMethod).join(', ')})`);
  }
  const payment = await services.repo.getPayment(storeId, input.paymentId);
  if (payment && payment.status !== 'READY' && payment.status !== 'FAILED') {
    throw invalidRequest(`paymentId: 이미 결제(또는 발급)된 결제 건입니다. (paymentId: ${input.paymentId}, status: ${payment.status})`);
  }
  const now = storeNow(services, store);
  const { ttlSeconds: _ttl, ...order } = input;
  const session: PaymentSessionRecord = {
    ...order,
    id: `payment-session-${randomUUID()}`,
    storeId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
  };
  if (!(await services.repo.createPaymentSession(session))) throw new Error('payment session id collision');
  return session;
}

/**
 * A session that can still be paid, with the store time it was read at: 404 unknown, 410 closed or
 * past `expiresAt` by the store's test clock.
 */
export async function loadOpenSession(services: Services, sessionId: string): Promise<{ session: PaymentSessionRecord; now: Date }> {
  const session = await services.repo.getPaymentSession(sessionId);
  if (!session) throw sessionNotFound(sessionId);
  const store = await loadStore(services, session.storeId);
  const now = storeNow(services, store);
  if (sessionState(session, now) !== 'OPEN') throw sessionExpired(sessionId);
  return { session, now };
}

/**
 * closePaymentSession: expires the session at once; the hosted page no longer opens a window for it.
 * Idempotent (assumed): closing again answers the first `closedAt`. Another store's session is 404.
 */
export async function closePaymentSession(services: Services, storeId: string, sessionId: string): Promise<{ closedAt: string }> {
  const session = await services.repo.getPaymentSession(sessionId);
  if (!session || session.storeId !== storeId) throw sessionNotFound(sessionId);
  const now = storeNow(services, await loadStore(services, storeId));
  const closedAt = closingTime(session, now);
  if (session.closedAt !== undefined || (await services.repo.closePaymentSession(sessionId, closedAt))) return { closedAt };
  // Another close won the race: its time is the session's.
  const closed = await services.repo.getPaymentSession(sessionId);
  return { closedAt: closed?.closedAt ?? closedAt };
}

/** The methods the hosted page offers for the session (its profile, evaluated for the order, as the channels are now). */
export async function sessionMethods(services: Services, session: PaymentSessionRecord): Promise<{ paymentMethod: CheckoutPaymentMethod; channelKey: string }[]> {
  const profile = await loadStoreProfile(services, session.storeId, session.profileKey);
  if (!profile) return [];
  const methods = await methodsOf(services, profile, { country: session.country, currency: session.currency, amount: session.totalAmount });
  return session.paymentMethod ? methods.filter((m) => m.paymentMethod === session.paymentMethod) : methods;
}

/** OAS `PaymentSession`: the record without the sandbox's own `closedAt`. */
export function presentPaymentSession(session: PaymentSessionRecord): Omit<PaymentSessionRecord, 'closedAt'> {
  const { closedAt: _closed, ...shown } = session;
  return shown;
}
