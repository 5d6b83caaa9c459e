import type { CheckoutProfileRecord } from '../domain/checkout-profile.ts';
import type { PaymentSessionRecord } from '../domain/payment-session.ts';

/**
 * Hosted checkout's records as the use cases see them (part of the Repository port). Both are
 * found by their key alone: evaluateCheckoutProfile and getPaymentSession name no store and need no
 * authentication, so a profile key and a session id are unique across stores.
 */
export interface CheckoutRepository {
  getCheckoutProfile(profileKey: string): Promise<CheckoutProfileRecord | undefined>;
  /** The store's profiles, newest first (a console's handful). */
  listCheckoutProfiles(storeId: string): Promise<CheckoutProfileRecord[]>;
  /** Stores a new profile; false when the key is taken (by any store). */
  createCheckoutProfile(profile: CheckoutProfileRecord): Promise<boolean>;
  /** Deletes the store's profile; false when the store has no profile with that key. */
  deleteCheckoutProfile(storeId: string, profileKey: string): Promise<boolean>;
  getPaymentSession(sessionId: string): Promise<PaymentSessionRecord | undefined>;
  /** Stores a new session; false when the id exists. */
  createPaymentSession(session: PaymentSessionRecord): Promise<boolean>;
  /** Sets `closedAt` once: false when the session is gone or already closed (nothing written). */
  closePaymentSession(sessionId: string, closedAt: string): Promise<boolean>;
}
