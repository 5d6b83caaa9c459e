// Signing checked without a network: the wire-level checks with a real
// receiver live in webhook-delivery.test.ts.
import { createHmac } from 'node:crypto';
import { Webhook as PortOneWebhook } from '@portone/server-sdk';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  isValidWebhookSecret,
  signWebhook,
  signWithStaleTimestamp,
  signWithWrongKey,
} from '../../functions/webhooks/signing.ts';

const body = '{"type":"Transaction.Paid","timestamp":"2024-04-25T10:00:00.000Z","data":{"storeId":"s","paymentId":"p","transactionId":"t"}}';

describe('generateWebhookSecret', () => {
  it('is whsec_ + base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isValidWebhookSecret(a)).toBe(true);
  });

  it('validates secrets the way receivers decode them', () => {
    expect(isValidWebhookSecret('c2VjcmV0')).toBe(true); // bare base64 is allowed too
    expect(isValidWebhookSecret('whsec_')).toBe(false);
    expect(isValidWebhookSecret('whsec_not base64!')).toBe(false);
  });
});

describe('signWebhook', () => {
  const secret = generateWebhookSecret();
  const timestamp = new Date('2024-04-25T10:00:00.900Z');

  it('matches the Standard Webhooks definition: HMAC-SHA256(key, "{id}.{seconds}.{body}")', () => {
    const headers = signWebhook({ msgId: 'msg_1', timestamp, body, secrets: [secret] });
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`msg_1.1714039200.${body}`).digest('base64');
    expect(headers).toEqual({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1714039200', 'webhook-signature': `v1,${expected}` });
  });

  it('emits one v1 signature per active secret, space separated', () => {
    const other = generateWebhookSecret();
    const signature = signWebhook({ msgId: 'msg_1', timestamp, body, secrets: [secret, other] })['webhook-signature'];
    const parts = signature.split(' ');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(new StandardWebhook(secret).sign('msg_1', timestamp, body));
    expect(parts[1]).toBe(new StandardWebhook(other).sign('msg_1', timestamp, body));
  });

  it('verifies with the official PortOne SDK and with standardwebhooks', async () => {
    const headers = signWebhook({ msgId: 'msg_2', timestamp: new Date(), body, secrets: [secret] });
    await expect(PortOneWebhook.verify(secret, body, headers)).resolves.toMatchObject({ type: 'Transaction.Paid' });
    expect(new StandardWebhook(secret).verify(body, headers)).toMatchObject({ type: 'Transaction.Paid' });
  });

  it('refuses 0 or 3 secrets, an invalid secret and an unsafe msgId', () => {
    expect(() => signWebhook({ msgId: 'm', timestamp, body, secrets: [] })).toThrow(RangeError);
    const three = [secret, secret, secret];
    expect(() => signWebhook({ msgId: 'm', timestamp, body, secrets: three })).toThrow(RangeError);
    expect(() => signWebhook({ msgId: 'm', timestamp, body, secrets: [secret, 'whsec_%%'] })).toThrow(/secret #2/);
    expect(() => signWebhook({ msgId: 'a\r\nx-injected: 1', timestamp, body, secrets: [secret] })).toThrow(TypeError);
    expect(() => signWebhook({ msgId: '', timestamp, body, secrets: [secret] })).toThrow(TypeError);
  });
});

describe('chaos helpers', () => {
  const secret = generateWebhookSecret();

  it('signWithWrongKey is well-formed but fails verification', async () => {
    const headers = signWithWrongKey({ msgId: 'msg_3', timestamp: new Date(), body });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    await expect(PortOneWebhook.verify(secret, body, headers)).rejects.toMatchObject({ reason: 'NO_MATCHING_SIGNATURE' });
  });

  it('signWithStaleTimestamp signs correctly but outside the 5-minute window', async () => {
    const now = new Date();
    const headers = signWithStaleTimestamp({ msgId: 'msg_4', body, secrets: [secret], now });
    expect(Number(headers['webhook-timestamp'])).toBe(Math.floor(now.getTime() / 1000) - 600);
    await expect(PortOneWebhook.verify(secret, body, headers)).rejects.toMatchObject({ reason: 'TIMESTAMP_TOO_OLD' });
    const justInside = signWithStaleTimestamp({ msgId: 'msg_5', body, secrets: [secret], now, ageSeconds: 240 });
    await expect(PortOneWebhook.verify(secret, body, justInside)).resolves.toBeDefined();
  });
});
