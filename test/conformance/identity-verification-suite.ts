/**
 * Conformance of the identity-verification (본인인증) operations: driven through the official SDK's
 * `IdentityVerificationClient`, every answer validated by the suite's recorder against PortOne's
 * OAS (unknown properties rejected). Runs inside defineConformanceSuite, on its target.
 */
import { describe, expect, it } from 'vitest';
import { IdentityVerificationClient } from '@portone/server-sdk';
import type { ConformanceTarget } from './target.ts';

export interface IdentityConformanceContext {
  target: () => ConformanceTarget;
  id: (tag: string) => string;
  swallow: (p: Promise<unknown>) => Promise<string>;
}

export function defineIdentityVerificationConformance({ target, id, swallow }: IdentityConformanceContext): void {
  const sdk = () => IdentityVerificationClient({ secret: target().apiSecret, baseUrl: target().baseUrl });
  const customer = { id: 'member-7', name: '홍길동', phoneNumber: '010-1234-5678', identityNumber: '9001011', ipAddress: '127.0.0.1' };
  const send = (identityVerificationId: string, pg = 'DANAL') =>
    sdk().sendIdentityVerification({ identityVerificationId, channelKey: target().channelKey(pg), customer, operator: 'KT_MVNO', method: 'SMS', customData: 'conformance' });

  describe('identity verification (본인인증) by API', () => {
    it('send 200 / 409 ALREADY_SENT / 404 CHANNEL_NOT_FOUND / 400; confirm 502 PG_PROVIDER (wrong OTP), 200, 409 ALREADY_VERIFIED, 404 NOT_SENT / NOT_FOUND; resend 200 / 404 / 409', async () => {
      const verification = id('idv');
      await send(verification);
      expect(await swallow(send(verification))).toBe('IDENTITY_VERIFICATION_ALREADY_SENT');
      expect(await swallow(sdk().sendIdentityVerification({ identityVerificationId: id('idv'), channelKey: 'missing', customer, operator: 'SKT', method: 'SMS' }))).toBe('CHANNEL_NOT_FOUND');
      expect(await swallow(sdk().sendIdentityVerification({ identityVerificationId: id('idv'), channelKey: target().channelKey('DANAL'), customer: { ...customer, phoneNumber: '02-123-4567' }, operator: 'SKT', method: 'SMS' }))).toBe('INVALID_REQUEST');
      // INICIS_V2 is a payment channel: 본인인증 needs a Danal or KCP channel.
      expect(await swallow(send(id('idv'), 'INICIS_V2'))).toBe('INVALID_REQUEST');

      expect(await sdk().getIdentityVerification({ identityVerificationId: verification })).toMatchObject({ status: 'READY', requestedCustomer: { name: '홍길동', birthYear: '1990' } });
      expect(await swallow(sdk().confirmIdentityVerification({ identityVerificationId: verification, otp: '000000' }))).toBe('PG_PROVIDER');
      await sdk().resendIdentityVerification({ identityVerificationId: verification });
      const { identityVerification } = await sdk().confirmIdentityVerification({ identityVerificationId: verification, otp: '123456' });
      expect(identityVerification).toMatchObject({
        status: 'VERIFIED',
        customData: 'conformance',
        verifiedCustomer: { id: 'member-7', name: '홍길동', operator: 'KT_MVNO', phoneNumber: '01012345678', birthDate: '1990-01-01', gender: 'MALE', isForeigner: false },
      });
      expect(identityVerification.verifiedCustomer.ci).toHaveLength(88);
      expect(await swallow(sdk().confirmIdentityVerification({ identityVerificationId: verification, otp: '123456' }))).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
      expect(await swallow(sdk().resendIdentityVerification({ identityVerificationId: verification }))).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
      expect(await swallow(send(verification))).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
      expect(await swallow(sdk().confirmIdentityVerification({ identityVerificationId: id('missing'), otp: '123456' }))).toBe('IDENTITY_VERIFICATION_NOT_FOUND');
      expect(await swallow(sdk().resendIdentityVerification({ identityVerificationId: id('missing') }))).toBe('IDENTITY_VERIFICATION_NOT_FOUND');
    });

    it('get 200 (READY, VERIFIED, FAILED) / 404; list 200 with filters; confirm without an OTP 400', async () => {
      const failing = id('idv-fail');
      await send(failing);
      expect(await swallow(sdk().confirmIdentityVerification({ identityVerificationId: failing }))).toBe('INVALID_REQUEST');
      for (let i = 0; i < 5; i++) expect(await swallow(sdk().confirmIdentityVerification({ identityVerificationId: failing, otp: '999999' }))).toBe('PG_PROVIDER');
      expect(await sdk().getIdentityVerification({ identityVerificationId: failing })).toMatchObject({ status: 'FAILED', failure: { pgCode: 'DN083' } });
      // A failed verification is not "sent" any more: confirm says so, a new send starts over.
      expect(await swallow(sdk().confirmIdentityVerification({ identityVerificationId: failing, otp: '123456' }))).toBe('IDENTITY_VERIFICATION_NOT_SENT');
      expect(await swallow(sdk().getIdentityVerification({ identityVerificationId: id('missing') }))).toBe('IDENTITY_VERIFICATION_NOT_FOUND');

      const list = await sdk().getIdentityVerifications({ page: { size: 50 }, sort: { by: 'STATUS_UPDATED_AT', order: 'DESC' }, filter: { statuses: ['FAILED'], carriers: ['KT_MVNO'], pgProviders: ['DANAL'] } });
      expect(list.items.map((v) => (v as { id: string }).id)).toContain(failing);
      expect(list.items.every((v) => v.status === 'FAILED')).toBe(true);
      const byCustomer = await sdk().getIdentityVerifications({ filter: { customer: { name: '홍길동', birthYear: '1990' }, identityVerificationId: failing } });
      expect(byCustomer.page.totalCount).toBe(1);
    });
  });
}
