import type { PgCodeMessage } from '../domain/profiles/types.ts';
import { FAILURE_TYPE_PG } from './payment-response.ts';

/**
 * What `PortOne.requestIdentityVerification` resolves with (browser SDK
 * `IdentityVerificationResponse`): `code` only when the verification did not succeed; a refusal in
 * the window carries the PG's code and message, as payments do.
 */
export interface IdentityVerificationResponse {
  transactionType: 'IDENTITY_VERIFICATION';
  identityVerificationId: string;
  identityVerificationTxId: string;
  code?: string;
  message?: string;
  pgCode?: string;
  pgMessage?: string;
}

export const identityVerified = (identityVerificationId: string, identityVerificationTxId: string): IdentityVerificationResponse => ({
  transactionType: 'IDENTITY_VERIFICATION',
  identityVerificationId,
  identityVerificationTxId,
});

export const identityFailedAtPg = (identityVerificationId: string, identityVerificationTxId: string, pg: PgCodeMessage): IdentityVerificationResponse => ({
  ...identityVerified(identityVerificationId, identityVerificationTxId),
  code: FAILURE_TYPE_PG,
  message: `[${pg.pgCode}] ${pg.pgMessage}`,
  ...pg,
});

export const identityError = (identityVerificationId: string, identityVerificationTxId: string, code: string, message: string): IdentityVerificationResponse => ({
  ...identityVerified(identityVerificationId, identityVerificationTxId),
  code,
  message,
});
