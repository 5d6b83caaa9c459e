import type { TestCard } from '../../functions/domain/cards.ts';
import { approvePayment, type ApproveMethod, type ApproveRequest } from '../../functions/payments/approve.ts';
import { card } from './cards.ts';
import type { UnitWorld } from './unit-services.ts';

/**
 * payInstantly as the API hands it to the use case, built in one place so a change of the request
 * type touches one file. Defaults: 10,000 KRW by a Shinhan credit card, from an API call.
 */
export interface PayOptions {
  pg?: string;
  channelKey?: string;
  total?: number;
  taxFree?: number;
  vat?: number;
  currency?: string;
  noticeUrls?: string[];
  customData?: string;
}

export function payRequest(world: UnitWorld, paymentId: string, method: ApproveMethod, o: PayOptions = {}): ApproveRequest {
  return {
    storeId: world.storeId,
    paymentId,
    channelKey: o.channelKey ?? world.channelKey(o.pg ?? 'KCP_V2'),
    orderName: '테스트 주문',
    amount: { total: o.total ?? 10_000, ...(o.taxFree !== undefined ? { taxFree: o.taxFree } : {}), ...(o.vat !== undefined ? { vat: o.vat } : {}) },
    currency: o.currency ?? 'KRW',
    method,
    ...(o.noticeUrls ? { noticeUrls: o.noticeUrls } : {}),
    ...(o.customData ? { customData: o.customData } : {}),
    origin: { platformType: 'API', ipAddress: '127.0.0.1' },
  };
}

export const cardMethod = (c: TestCard = card('SHINHAN_CARD')): ApproveMethod => ({
  kind: 'CARD',
  credential: { number: c.number, expiryYear: '30', expiryMonth: '12' },
});

export const virtualAccountMethod = (bank = 'SHINHAN', validHours = 24): ApproveMethod => ({ kind: 'VIRTUAL_ACCOUNT', bank, validHours });

export const easyPayMethod = (provider: string): ApproveMethod => ({ kind: 'EASY_PAY', provider });

export const payByCard = (world: UnitWorld, paymentId: string, o: PayOptions & { card?: TestCard } = {}) =>
  approvePayment(world.services, payRequest(world, paymentId, cardMethod(o.card), o));

export const issueVirtualAccount = (world: UnitWorld, paymentId: string, o: PayOptions & { bank?: string } = {}) =>
  approvePayment(world.services, payRequest(world, paymentId, virtualAccountMethod(o.bank), { pg: 'INICIS_V2', total: 20_000, ...o }));

export const payByEasyPay = (world: UnitWorld, paymentId: string, provider: string, o: PayOptions = {}) =>
  approvePayment(world.services, payRequest(world, paymentId, easyPayMethod(provider), o));
