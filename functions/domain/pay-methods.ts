/**
 * The choices of the methods beyond cards and accounts, as PortOne's browser SDK names them:
 * 휴대폰 소액결제 (MOBILE: small payments added to the phone bill) by carrier, 알뜰폰 (MVNO brands)
 * included, and 상품권 (GIFT_CERTIFICATE: culture gift cards) by issuer.
 */

/** Browser SDK `Carrier`: the three networks and the 알뜰폰 brands it lists. */
export const MOBILE_CARRIERS: readonly { code: string; nameKo: string; nameEn: string; mvno: boolean }[] = [
  { code: 'SKT', nameKo: 'SK텔레콤', nameEn: 'SK Telecom', mvno: false },
  { code: 'KT', nameKo: 'KT', nameEn: 'KT', mvno: false },
  { code: 'LGU', nameKo: 'LG U+', nameEn: 'LG U+', mvno: false },
  { code: 'HELLO', nameKo: '헬로모바일 (알뜰폰)', nameEn: 'Hello Mobile (MVNO)', mvno: true },
  { code: 'KCT', nameKo: '티플러스 (알뜰폰)', nameEn: 'Tplus (MVNO)', mvno: true },
  { code: 'SK7', nameKo: 'SK 7mobile (알뜰폰)', nameEn: 'SK 7mobile (MVNO)', mvno: true },
];

/**
 * Browser SDK `GiftCertificateType`, with the OAS `PaymentMethodGiftCertificateType` the payment
 * then shows (the SDK spells 문화상품권 `CULTURE_GIFT`, the REST API `CULTUREGIFT`).
 */
export const GIFT_CERTIFICATES: readonly { code: string; oas: string; nameKo: string; nameEn: string }[] = [
  { code: 'CULTURELAND', oas: 'CULTURELAND', nameKo: '컬쳐랜드 문화상품권', nameEn: 'Cultureland' },
  { code: 'SMART_MUNSANG', oas: 'SMART_MUNSANG', nameKo: '스마트문상', nameEn: 'Smart Munsang' },
  { code: 'BOOKNLIFE', oas: 'BOOKNLIFE', nameKo: '도서문화상품권', nameEn: 'Book & Life' },
  { code: 'CULTURE_GIFT', oas: 'CULTUREGIFT', nameKo: '문화상품권', nameEn: 'Culture gift card' },
];

/** The SDK's codes may carry their enum prefix (`CARRIER_SKT`, `GIFT_CERTIFICATE_TYPE_BOOKNLIFE`). */
export const withoutPrefix = (value: string, prefix: string) => value.toUpperCase().replace(new RegExp(`^${prefix}_`), '');

export const isCarrier = (code: string) => MOBILE_CARRIERS.some((c) => c.code === code);
export const isGiftCertificate = (code: string) => GIFT_CERTIFICATES.some((g) => g.code === code);
export const carrierNameKo = (code: string) => MOBILE_CARRIERS.find((c) => c.code === code)?.nameKo ?? code;
export const giftCertificateOas = (code: string) => GIFT_CERTIFICATES.find((g) => g.code === code)?.oas ?? code;
