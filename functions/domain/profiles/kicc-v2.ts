import { ALL_METHODS, NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/** 이지페이 (KICC EasyPay): no real withdrawal in test; overseas payments (해외결제) need a signup. */
export const KICC_V2 = defineProfile({
  pgProvider: 'KICC_V2',
  consoleName: '이지페이',
  englishName: 'KICC EasyPay',
  kind: 'GENERAL',
  v1PgProvider: 'KICC',
  testMerchantIds: stated({ payment: 'T5102001' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(
    ALL_METHODS,
    'no unsupported domestic method documented; 알리페이 플러스 (ALIPAY_PLUS, KICC V2 per the browser SDK\'s EasyPayProvider) is 해외결제, which needs a signup first, so the test channel has no ALIPAY_PLUS',
  ),
  hubEasyPay: assumed(
    true,
    'KICC is not in the documented 허브형 list, but offers easy pay; the sandbox applies the general 허브형 rule (real withdrawal, never refunded)',
  ),
  signup: stated({ required: false, features: ['해외결제 (overseas payments)'] }, 'KICC 해외결제 needs signup first'),
  codes: { prefix: 'KICC' },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/kicc.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
