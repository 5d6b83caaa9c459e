import { ALL_METHODS, NO_AUTO_REFUND, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

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
  cashReceiptType: stated(
    { TRANSFER: 'PRESET', VIRTUAL_ACCOUNT: 'PRESET' },
    `${SDK_CASH_RECEIPT_TYPE}: 한국결제네트웍스 hides the setting for ANONYMOUS and forces the buyer to enter receipt data for any other value (PERSONAL and CORPORATE alike)`,
  ),
  codes: { prefix: 'KPN' },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/kpn.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
