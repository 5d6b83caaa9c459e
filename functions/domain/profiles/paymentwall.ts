import { NEVER_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/** 페이먼트월 (Paymentwall): really charges in test and never refunds by itself; signup first. */
export const PAYMENTWALL = defineProfile({
  pgProvider: 'PAYMENTWALL',
  consoleName: '페이먼트월',
  englishName: 'Paymentwall',
  kind: 'GLOBAL',
  testMerchantIds: assumed({}, 'no shared test MID: the merchant signs up first'),
  withdraws: stated(true, '실 결제가 되지만 자동 환불되지 않는 결제대행사'),
  autoRefund: stated(NEVER_AUTO_REFUND, '직접 취소까지 진행해야 합니다'),
  methods: assumed(['CARD'], 'only card payments are modelled for this overseas PG'),
  refusedIssuers: assumed<readonly string[]>(
    [],
    'not documented; an overseas PG is not the Korean acquiring path the SEED\'s KB/NH/카카오뱅크 remark is about',
  ),
  signup: stated({ required: true, features: [] }, 'signup first'),
  codes: { prefix: 'PW' },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/paymentwall.md',
  ],
});
