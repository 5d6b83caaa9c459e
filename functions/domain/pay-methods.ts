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

/** One choice inside an overseas method's window, in the OAS spelling the payment then shows. */
export interface OverseasOption {
  code: string;
  nameKo: string;
  nameEn: string;
}

/** 편의점 결제 (Japanese convenience-store payment): OAS `ConvenienceStoreBrand`. */
export const CONVENIENCE_STORE_BRANDS: readonly OverseasOption[] = [
  { code: 'LAWSON', nameKo: '로손', nameEn: 'Lawson' },
  { code: 'FAMILY_MART', nameKo: '패밀리마트', nameEn: 'FamilyMart' },
  { code: 'MINI_STOP', nameKo: '미니스톱', nameEn: 'Ministop' },
  { code: 'SEVEN_ELEVEN', nameKo: '세븐일레븐', nameEn: '7-Eleven' },
  { code: 'SEICOMART', nameKo: '세이코마트', nameEn: 'Seicomart' },
];

/**
 * The wallets of Alipay+ (알리페이 플러스): the browser SDK's EasyPayProvider values marked
 * "KICC V2 알리페이 플러스", in the OAS spelling (the SDK's GCASH is the OAS's G_CASH).
 */
export const ALIPAY_PLUS_WALLETS: readonly OverseasOption[] = [
  { code: 'ALIPAY', nameKo: '알리페이', nameEn: 'Alipay' },
  { code: 'ALIPAY_HK', nameKo: '알리페이 HK', nameEn: 'AlipayHK' },
  { code: 'G_CASH', nameKo: '지캐시', nameEn: 'GCash' },
  { code: 'DANA', nameKo: '다나', nameEn: 'DANA' },
  { code: 'TRUE_MONEY', nameKo: '트루머니', nameEn: 'TrueMoney' },
  { code: 'TOUCH_N_GO', nameKo: '터치앤고', nameEn: "Touch 'n Go" },
  { code: 'RABBIT_LINE_PAY', nameKo: '래빗 라인페이', nameEn: 'Rabbit LINE Pay' },
  { code: 'BOOST', nameKo: '부스트', nameEn: 'Boost' },
  { code: 'KREDIVO', nameKo: '크레디보', nameEn: 'Kredivo' },
];

/** What the window of PAYPAL, ALIPAY, ALIPAY_PLUS or CONVENIENCE_STORE lets the customer choose. */
export function overseasChoices(method: 'PAYPAL' | 'ALIPAY' | 'ALIPAY_PLUS' | 'CONVENIENCE_STORE'): readonly OverseasOption[] {
  switch (method) {
    case 'PAYPAL':
      return [{ code: 'PAYPAL', nameKo: '페이팔 계정 (샌드박스)', nameEn: 'PayPal account (sandbox)' }];
    case 'ALIPAY':
      return [{ code: 'ALIPAY', nameKo: '알리페이', nameEn: 'Alipay' }];
    case 'ALIPAY_PLUS':
      return ALIPAY_PLUS_WALLETS;
    case 'CONVENIENCE_STORE':
      return CONVENIENCE_STORE_BRANDS;
  }
}

/** The SDK's spelling of an Alipay+ wallet in the OAS's (GCASH → G_CASH). */
export const alipayPlusWalletOas = (code: string) => (code.toUpperCase() === 'GCASH' ? 'G_CASH' : code.toUpperCase());
