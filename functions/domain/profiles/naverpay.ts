import { NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/**
 * 네이버페이 (NaverPay, contracted directly): signup first. Withdrawal and refunds in test are not
 * documented; the sandbox treats it like the other direct easy-pay companies (success answer only).
 */
export const NAVERPAY = defineProfile({
  pgProvider: 'NAVERPAY',
  consoleName: '네이버페이',
  englishName: 'NaverPay',
  kind: 'EASY_PAY_DIRECT',
  testMerchantIds: assumed({}, 'no shared test MID: keys are issued after 가입신청 (signup)'),
  withdraws: assumed(false, 'not documented; like KakaoPay, PAYCO and TossPay direct, which only answer success in test'),
  autoRefund: assumed(NO_AUTO_REFUND, 'follows from no withdrawal'),
  methods: stated(['EASY_PAY'], 'NaverPay is only an easy-pay method'),
  directEasyPayProvider: 'NAVERPAY',
  signup: stated({ required: true, features: [] }, 'key issued after 가입신청'),
  codes: { prefix: 'NP' },
  sources: ['SEED', 'HELP:core-service/channel-setting/naverpay.md', 'DEV:opi/ko/integration/pg/v2/naverpay.mdx'],
});
