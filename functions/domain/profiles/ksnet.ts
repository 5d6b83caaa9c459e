import { NO_AUTO_REFUND, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

/**
 * KSNET: withdrawal and refunds in test are not documented; the sandbox treats it like the other
 * VAN-born PGs (KCP, KPN, Welcome) that only answer success. Virtual-account refunds only 06:00–23:00 KST.
 */
export const KSNET = defineProfile({
  pgProvider: 'KSNET',
  consoleName: 'KSNET',
  englishName: 'KSNET',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: '2999199999' }),
  withdraws: assumed(false, 'not documented; the sandbox picks "success answer only"'),
  autoRefund: assumed(NO_AUTO_REFUND, 'follows from no withdrawal'),
  methods: stated(
    ['CARD', 'VIRTUAL_ACCOUNT', 'MOBILE', 'EASY_PAY'],
    'offers CARD, TRANSFER, VIRTUAL_ACCOUNT, MOBILE, EASY_PAY; 실시간 계좌이체 cannot be tested on the test channel (DEV:opi/ko/integration/pg/v2/ksnet.mdx)',
  ),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay'),
  virtualAccountRefundHoursKst: stated(
    { from: '06:00', to: '23:00' },
    '가상계좌 결제 건 결제취소(환불)은 06:00 ~ 23:00 까지만 가능',
  ),
  cashReceiptType: stated(
    { TRANSFER: 'ANONYMOUS_HIDES', VIRTUAL_ACCOUNT: 'IGNORED' },
    `${SDK_CASH_RECEIPT_TYPE}: KSNET hides the setting of a transfer for ANONYMOUS and ignores other values; not listed for virtual accounts`,
  ),
  codes: {
    prefix: 'KS',
    overrides: {
      vaRefundOutsideHours: assumed(
        { pgCode: 'KS033', pgMessage: '가상계좌 환불은 06:00~23:00에만 가능합니다' },
        'the hours are documented; code and wording are the sandbox\'s',
      ),
    },
  },
  quirks: [
    'Partial cancels: at most 9 per payment (not simulated; PortOne\'s own MAX_CANCEL_COUNT_REACHED applies).',
    'Cancels only within 6 months of payment (not simulated).',
  ],
  sources: ['SEED', 'DEV:opi/ko/integration/pg/v2/ksnet.mdx', 'HELP:faq/payment-faq/vbank-test-guide.md'],
});
