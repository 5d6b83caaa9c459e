import { ALL_METHODS, NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/** 한국결제네트웍스 (KPN): no real withdrawal in test. */
export const KPN = defineProfile({
  pgProvider: 'KPN',
  consoleName: '한국결제네트웍스',
  englishName: 'Korea Payment Network (KPN)',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: 'merchantest6' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(ALL_METHODS, 'no unsupported method documented'),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay'),
  codes: { prefix: 'KPN' },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/kpn.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
