import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../functions/http/faults.ts';

describe('which PortOne operation a request is, for fault rules', () => {
  it('names the operation and the payment of each payment route', () => {
    expect(classifyRequest('POST', '/payments/p%231/instant')).toMatchObject({ operation: 'pay', paymentId: 'p#1' });
    expect(classifyRequest('POST', '/payments/p/billing-key')).toMatchObject({ operation: 'pay', paymentId: 'p' });
    expect(classifyRequest('POST', '/payments/p/cancel')).toMatchObject({ operation: 'cancel', paymentId: 'p' });
    expect(classifyRequest('GET', '/payments/p')).toMatchObject({ operation: 'get', paymentId: 'p' });
    expect(classifyRequest('GET', '/payments')).toMatchObject({ operation: 'list' });
    expect(classifyRequest('GET', '/billing-keys/k')).toMatchObject({ operation: 'billing' });
    expect(classifyRequest('POST', '/payment-schedules')).toMatchObject({ operation: 'schedule' });
    expect(classifyRequest('GET', '/banks')).toMatchObject({ operation: 'other' });
  });

  it('never throws on a malformed escape: the route answers that request with its own 400', () => {
    expect(classifyRequest('GET', '/payments/%E0%A4%A')).toMatchObject({ operation: 'get', paymentId: '%E0%A4%A' });
    expect(classifyRequest('POST', '/payments/%/cancel')).toMatchObject({ operation: 'cancel', paymentId: '%' });
  });
});
