import { DAILY_BATCH_23, assumed, defineProfile, stated } from './common.ts';

/** 헥토파이낸셜 (Hecto Financial, formerly 세틀뱅크 Settlebank): really withdraws; nightly batch. */
export const SETTLE = defineProfile({
  pgProvider: 'SETTLE',
  consoleName: '헥토파이낸셜',
  englishName: 'Hecto Financial',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: 'portone1' }),
  withdraws: stated(true, 'listed among the PGs that really charge and void the same day'),
  autoRefund: stated(DAILY_BATCH_23),
  methods: assumed(
    ['CARD', 'VIRTUAL_ACCOUNT', 'TRANSFER'],
    'not documented; Hecto is not in the list of PGs offering 허브형 easy pay, so EASY_PAY is refused',
  ),
  codes: { prefix: 'ST' },
  sources: ['SEED', 'HELP:core-service/how-to-use/test-mode-cancel.md', 'HELP:faq/payment-faq/vbank-test-guide.md'],
});
