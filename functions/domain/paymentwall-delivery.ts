/**
 * Paymentwall's delivery confirmation (배송 정보 등록, OAS `ConfirmPaymentwallDeliveryBody`). Paymentwall
 * keeps it as the merchant's proof of delivery when a chargeback comes, so PortOne asks every
 * Paymentwall merchant to send it. The sandbox keeps the latest registration beside the payment and
 * shows it in the PG's view (`GET /sandbox/payments/{paymentId}`), where a test can check what the
 * integration sent.
 */
export interface PaymentwallDelivery {
  transactionId: string;
  deliveryType: 'DIGITAL' | 'PHYSICAL';
  deliveryStatus: 'ORDER_PLACED' | 'ORDER_SHIPPED' | 'DELIVERED';
  estimatedDeliveryDatetime: string;
  estimatedUpdateDatetime: string;
  reason?: string;
  refundable: boolean;
  details: string;
  shippingAddressEmail: string;
  carrierTrackingId?: string;
  carrierType?: string;
  shippingAddressCountry?: string;
  shippingAddressCity?: string;
  shippingAddressZip?: string;
  shippingAddressState?: string;
  shippingAddressStreet?: string;
  shippingAddressPhone?: string;
  shippingAddressFirstname?: string;
  shippingAddressLastname?: string;
  attachments?: string[];
}

/** What the payment keeps: the latest registration, when it came, and how many came. */
export interface PaymentwallDeliveryRecord extends PaymentwallDelivery {
  registeredAt: string;
  registrations: number;
}

/** The fields the OAS marks "배송 유형이 PHYSICAL인 경우 필수입니다." (required for a physical delivery). */
const PHYSICAL_DELIVERY_FIELDS = [
  'carrierTrackingId',
  'carrierType',
  'shippingAddressCountry',
  'shippingAddressCity',
  'shippingAddressZip',
  'shippingAddressState',
  'shippingAddressStreet',
  'shippingAddressPhone',
  'shippingAddressFirstname',
  'shippingAddressLastname',
] as const satisfies readonly (keyof PaymentwallDelivery)[];

/** The physical-delivery fields a registration lacks (none for a digital one). */
export function missingDeliveryFields(delivery: PaymentwallDelivery): string[] {
  if (delivery.deliveryType !== 'PHYSICAL') return [];
  return PHYSICAL_DELIVERY_FIELDS.filter((field) => !delivery[field]);
}

/** The record after one more registration: the new details replace the old ones. */
export function registerDelivery(previous: PaymentwallDeliveryRecord | undefined, delivery: PaymentwallDelivery, at: string): PaymentwallDeliveryRecord {
  return { ...delivery, registeredAt: at, registrations: (previous?.registrations ?? 0) + 1 };
}
