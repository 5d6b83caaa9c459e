import { describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { normalizeChaos, readChaos } from '../../functions/webhooks/chaos.ts';
import { deliverWebhook } from '../../functions/webhooks/deliver.ts';
import { assertWebhookUrls } from '../../functions/webhooks/outbox.ts';
import { outboxKeyOf } from '../../functions/webhooks/stream-records.ts';

const image = (item: Record<string, unknown>) => marshall(item, { removeUndefinedValues: true }) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
const rec = (eventName: DynamoDBRecord['eventName'], item: Record<string, unknown>): DynamoDBRecord => ({ eventName, dynamodb: { NewImage: image(item) } });
const outbox = { pk: 'STORE#s', sk: 'OUTBOX#p#e', itemType: 'OUTBOX', storeId: 's', paymentId: 'p', eventId: 'e', status: 'PENDING', attempts: [] };

describe('outboxKeyOf (which stream records the dispatcher acts on)', () => {
  it('takes an inserted PENDING outbox item', () => {
    expect(outboxKeyOf(rec('INSERT', outbox))).toEqual({ storeId: 's', paymentId: 'p', eventId: 'e' });
  });
  it.each([
    ['a MODIFY', rec('MODIFY', outbox)],
    ['a REMOVE', rec('REMOVE', outbox)],
    ['another item type', rec('INSERT', { ...outbox, itemType: 'PAYMENT' })],
    ['an entry already delivered', rec('INSERT', { ...outbox, status: 'DELIVERED' })],
    ['an entry without its key fields', rec('INSERT', { ...outbox, eventId: undefined })],
    ['a record without an image', { eventName: 'INSERT', dynamodb: {} } as DynamoDBRecord],
  ])('ignores %s', (_what, record) => {
    expect(outboxKeyOf(record)).toBeUndefined();
  });
});

describe('chaos settings', () => {
  it('keeps only the modes that are on', () => {
    expect(normalizeChaos({ duplicate: false, delayMs: 0, outOfOrder: true })).toEqual({ outOfOrder: true });
  });
  it('reads unreadable stored settings as "off" rather than breaking the sender', () => {
    expect(readChaos({ delayMs: 'soon' })).toEqual({});
    expect(readChaos(undefined)).toEqual({});
    expect(readChaos({ staleTimestamp: true })).toEqual({ staleTimestamp: true });
  });
});

describe('assertWebhookUrls (noticeUrls at payment time)', () => {
  it('names the offending entry', () => {
    expect(() => assertWebhookUrls(['https://ok.example/hook', 'http://169.254.169.254/'], 'noticeUrls')).toThrow(/noticeUrls\[1\]: .*169\.254/);
    expect(() => assertWebhookUrls(['javascript:alert(1)'], 'noticeUrls')).toThrow(/http or https/);
    expect(() => assertWebhookUrls(['http://127.0.0.1:3000/hook'], 'noticeUrls')).not.toThrow();
  });
});

describe('deliverWebhook cancelled by its caller', () => {
  it('rejects instead of returning a result, so no attempt is recorded', async () => {
    const controller = new AbortController();
    const fetchImpl = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    const pending = deliverWebhook({ url: 'http://127.0.0.1:9/hook', body: '{}', headers: {}, fetchImpl, signal: controller.signal });
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });
  it('still reports the receiver’s own slowness as a TIMEOUT result', async () => {
    const fetchImpl = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    const result = await deliverWebhook({ url: 'http://127.0.0.1:9/hook', body: '{}', headers: {}, fetchImpl, timeoutMs: 50, signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, error: 'TIMEOUT' });
  });
});
