import { describe, expect, it } from 'vitest';
import { buildWebhookBody, isCancellationEvent, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../functions/webhooks/event.ts';

const base = {
  timestamp: new Date('2024-04-25T10:00:00Z'),
  storeId: 'store-4f1a',
  paymentId: 'order-1',
  transactionId: '55451513-9763-4a7a-bb43-78a4c65be843',
};

describe('buildWebhookBody', () => {
  it('produces PortOne’s documented shape byte for byte', () => {
    expect(buildWebhookBody({ ...base, type: 'Transaction.Cancelled', cancellationId: '0cdd91e9-4e7c-44a3-a72e-1a6511826c2b' })).toBe(
      '{"type":"Transaction.Cancelled","timestamp":"2024-04-25T10:00:00.000Z","data":{"storeId":"store-4f1a","paymentId":"order-1",' +
        '"transactionId":"55451513-9763-4a7a-bb43-78a4c65be843","cancellationId":"0cdd91e9-4e7c-44a3-a72e-1a6511826c2b"}}',
    );
  });

  it('omits cancellationId for non-cancellation events', () => {
    const body = JSON.parse(buildWebhookBody({ ...base, type: 'Transaction.Paid' })) as { data: Record<string, unknown> };
    expect(Object.keys(body.data)).toEqual(['storeId', 'paymentId', 'transactionId']);
  });

  it('writes the timestamp as RFC 3339 UTC regardless of the Date’s origin', () => {
    const timestamp = new Date('2025-01-01T08:59:59.5+09:00');
    const body = JSON.parse(buildWebhookBody({ ...base, type: 'Transaction.Ready', timestamp })) as { timestamp: string };
    expect(body.timestamp).toBe('2024-12-31T23:59:59.500Z');
  });

  it.each(WEBHOOK_EVENT_TYPES)('%s requires cancellationId exactly when it is about a cancellation', (type: WebhookEventType) => {
    if (isCancellationEvent(type)) {
      expect(() => buildWebhookBody({ ...base, type })).toThrow(/needs a cancellationId/);
      expect(() => buildWebhookBody({ ...base, type, cancellationId: 'c-1' })).not.toThrow();
    } else {
      expect(() => buildWebhookBody({ ...base, type, cancellationId: 'c-1' })).toThrow(/carries no cancellationId/);
      expect(() => buildWebhookBody({ ...base, type })).not.toThrow();
    }
  });

  it('refuses unknown types and invalid dates', () => {
    expect(() => buildWebhookBody({ ...base, type: 'Transaction.Refunded' as WebhookEventType })).toThrow(/unknown/);
    expect(() => buildWebhookBody({ ...base, type: 'Transaction.Paid', timestamp: new Date(Number.NaN) })).toThrow(/invalid Date/);
  });
});
