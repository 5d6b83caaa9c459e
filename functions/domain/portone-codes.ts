/**
 * PortOne's code lists as its OAS (v1.16.0, test/fixtures) defines them: `Bank` (with its Korean names), `Currency` and `Country`.
 * A value outside them is refused as PortOne's own API refuses it; test/unit/limits.test.ts
 * keeps these lists equal to the fixture.
 */
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/** Each `Bank` code with its Korean name (the OAS `x-portone-enum` title), in the OAS order: getBankInfos answers them. */
export const PORTONE_BANK_NAMES: Readonly<Record<string, string>> = {
  BANK_OF_KOREA: '한국은행',
  KDB: '산업은행',
  IBK: '기업은행',
  KOOKMIN: '국민은행',
  SUHYUP: '수협은행',
  KEXIM: '수출입은행',
  NONGHYUP: 'NH농협은행',
  LOCAL_NONGHYUP: '지역농축협',
  WOORI: '우리은행',
  STANDARD_CHARTERED: 'SC제일은행',
  CITI: '한국씨티은행',
  SUHYUP_FEDERATION: '수협중앙회',
  DAEGU: '아이엠뱅크',
  BUSAN: '부산은행',
  KWANGJU: '광주은행',
  JEJU: '제주은행',
  JEONBUK: '전북은행',
  KYONGNAM: '경남은행',
  KFCC: '새마을금고',
  SHINHYUP: '신협',
  SAVINGS_BANK: '저축은행',
  MORGAN_STANLEY: '모간스탠리은행',
  HSBC: 'HSBC은행',
  DEUTSCHE: '도이치은행',
  JPMC: '제이피모간체이스은행',
  MIZUHO: '미즈호은행',
  MUFG: '엠유에프지은행',
  BANK_OF_AMERICA: 'BOA은행',
  BNP_PARIBAS: '비엔피파리바은행',
  ICBC: '중국공상은행',
  BANK_OF_CHINA: '중국은행',
  NFCF: '산림조합중앙회',
  UOB: '대화은행',
  BOCOM: '교통은행',
  CCB: '중국건설은행',
  POST: '우체국',
  KODIT: '신용보증기금',
  KIBO: '기술보증기금',
  HANA: '하나은행',
  SHINHAN: '신한은행',
  K_BANK: '케이뱅크',
  KAKAO: '카카오뱅크',
  TOSS: '토스뱅크',
  MISC_FOREIGN: '기타 외국계은행(중국 농업은행 등)',
  SGI: '서울보증보험',
  KCIS: '한국신용정보원',
  YUANTA_SECURITIES: '유안타증권',
  KB_SECURITIES: 'KB증권',
  SANGSANGIN_SECURITIES: '상상인증권',
  HANYANG_SECURITIES: '한양증권',
  LEADING_SECURITIES: '리딩투자증권',
  BNK_SECURITIES: 'BNK투자증권',
  IBK_SECURITIES: 'IBK투자증권',
  DAOL_SECURITIES: '다올투자증권',
  MIRAE_ASSET_SECURITIES: '미래에셋증권',
  SAMSUNG_SECURITIES: '삼성증권',
  KOREA_SECURITIES: '한국투자증권',
  NH_SECURITIES: 'NH투자증권',
  KYOBO_SECURITIES: '교보증권',
  HI_SECURITIES: '하이투자증권',
  HYUNDAI_MOTOR_SECURITIES: '현대차증권',
  KIWOOM_SECURITIES: '키움증권',
  EBEST_SECURITIES: 'LS증권',
  SK_SECURITIES: 'SK증권',
  DAISHIN_SECURITIES: '대신증권',
  HANHWA_SECURITIES: '한화투자증권',
  HANA_SECURITIES: '하나증권',
  TOSS_SECURITIES: '토스증권',
  SHINHAN_SECURITIES: '신한투자증권',
  DB_SECURITIES: 'DB금융투자',
  EUGENE_SECURITIES: '유진투자증권',
  MERITZ_SECURITIES: '메리츠증권',
  KAKAO_PAY_SECURITIES: '카카오페이증권',
  BOOKOOK_SECURITIES: '부국증권',
  SHINYOUNG_SECURITIES: '신영증권',
  CAPE_SECURITIES: '케이프투자증권',
  KOREA_SECURITIES_FINANCE: '한국증권금융',
  KOREA_FOSS_SECURITIES: '한국포스증권',
  WOORI_INVESTMENT_BANK: '우리종합금융',
};

export const PORTONE_BANKS: readonly string[] = Object.keys(PORTONE_BANK_NAMES);

export const PORTONE_CURRENCIES = words(
  'KRW USD JPY AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL ' +
  'BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD ' +
  'EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ' +
  'ISK JMD JOD KES KGS KHR KMF KPW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP ' +
  'MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON ' +
  'RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP ' +
  'TRY TTD TWD TZS UAH UGX USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD ' +
  'XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWL',
);

/** OAS `Country` (ISO 3166-1 alpha-2): createPaymentSession and evaluateCheckoutProfile take one. */
export const PORTONE_COUNTRIES = words(
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW',
);

const bankSet = new Set(PORTONE_BANKS);
const currencySet = new Set(PORTONE_CURRENCIES);
export const isPortOneBank = (code: string) => bankSet.has(code);
export const isPortOneCurrency = (code: string) => currencySet.has(code);
const countrySet = new Set(PORTONE_COUNTRIES);
export const isPortOneCountry = (code: string) => countrySet.has(code);
