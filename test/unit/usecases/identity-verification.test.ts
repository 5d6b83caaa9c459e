import { describe, expect, it } from 'vitest';
import { parseIdentityNumber } from '../../../functions/domain/identity-verification.ts';
import { confirmIdentityVerification, resendIdentityVerification, sendIdentityVerification } from '../../../functions/identity-verification/api-flow.ts';
import { listIdentityVerifications } from '../../../functions/identity-verification/queries.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const customer = { name: '김영희', phoneNumber: '010-9876-5432', identityNumber: '0203154', ipAddress: '127.0.0.1' };
const send = (w: UnitWorld, id: string) =>
  sendIdentityVerification(w.services, { storeId: w.storeId, identityVerificationId: id, channelKey: w.channelKey('DANAL'), customer, operator: 'SKT_MVNO', method: 'SMS' });

describe('본인인증 by API (send → confirm) on the store clock', () => {
  it('an OTP expires 3 minutes after it was sent on the test clock; resend gives a fresh one that verifies', async () => {
    const w = await unitWorld();
    await send(w, 'idv-expiry');
    await advanceClock(w.services, w.storeId, { by: 'PT3M' });
    const late = await rejection(confirmIdentityVerification(w.services, w.storeId, 'idv-expiry', '123456'));
    expect(late).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'DN082', pgMessage: '인증번호 입력 시간이 초과되었습니다' });
    await resendIdentityVerification(w.services, w.storeId, 'idv-expiry');
    await advanceClock(w.services, w.storeId, { by: 'PT2M59S' });
    const verified = await confirmIdentityVerification(w.services, w.storeId, 'idv-expiry', '123456');
    // Born 2002-03-15, female (7th digit 4: 2000s, female), from 주민등록번호 앞 7자리.
    expect(verified.verifiedCustomer).toMatchObject({ name: '김영희', operator: 'SKT_MVNO', birthDate: '2002-03-15', gender: 'FEMALE', isForeigner: false });
  });

  it('the same person gets the same CI on every site and a DI per site', async () => {
    const w = await unitWorld();
    await send(w, 'idv-ci-1');
    await send(w, 'idv-ci-2');
    const one = await confirmIdentityVerification(w.services, w.storeId, 'idv-ci-1', '123456');
    const two = await confirmIdentityVerification(w.services, w.storeId, 'idv-ci-2', '123456');
    expect(one.verifiedCustomer?.ci).toBe(two.verifiedCustomer?.ci);
    expect(one.verifiedCustomer?.di).toBe(two.verifiedCustomer?.di);
    expect(one.verifiedCustomer?.di).toHaveLength(64);
  });

  it('the API flow runs only on channels whose PG offers it (KCP: the window only)', async () => {
    const w = await unitWorld();
    const refused = await rejection(
      sendIdentityVerification(w.services, { storeId: w.storeId, identityVerificationId: 'idv-kcp', channelKey: w.channelKey('KCP_V2'), customer, operator: 'KT', method: 'SMS' }),
    );
    expect(refused).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(refused.message).toContain('API 방식 본인인증을 지원하지 않습니다');
  });

  it('lists by status and time range, newest first, with PortOne paging', async () => {
    const w = await unitWorld();
    for (const id of ['idv-1', 'idv-2', 'idv-3']) {
      await send(w, id);
      w.clock.advance(1000);
    }
    await confirmIdentityVerification(w.services, w.storeId, 'idv-2', '123456');
    const ready = await listIdentityVerifications(w.services, w.storeId, { filter: { statuses: ['READY'] }, page: { number: 0, size: 1 } });
    expect(ready.items.map((v) => v.id)).toEqual(['idv-3']);
    expect(ready.page).toEqual({ number: 0, size: 1, totalCount: 2 });
    const verified = await listIdentityVerifications(w.services, w.storeId, { filter: { timeRangeField: 'VERIFIED_AT', from: '2000-01-01T00:00:00Z' } });
    expect(verified.items.map((v) => v.id)).toEqual(['idv-2']);
    expect((await listIdentityVerifications(w.services, w.storeId, { filter: { isTest: false } })).page.totalCount).toBe(0);
  });
});

describe('주민등록번호 앞 7자리', () => {
  it('reads century, gender and nationality from the 7th digit, and refuses impossible dates', () => {
    expect(parseIdentityNumber('9001011')).toEqual({ birthDate: '1990-01-01', gender: 'MALE', isForeigner: false });
    expect(parseIdentityNumber('050607-8')).toEqual({ birthDate: '2005-06-07', gender: 'FEMALE', isForeigner: true });
    expect(parseIdentityNumber('9002301')).toBeUndefined();
    expect(parseIdentityNumber('9001019')).toBeUndefined();
  });
});
