import { NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/** 카카오페이 (KakaoPay, contracted directly): no real withdrawal in test; card payments under 1,000,000원. */
export const KAKAOPAY = defineProfile({
  pgProvider: 'KAKAOPAY',
  consoleName: '카카오페이',
  englishName: 'KakaoPay',
  kind: 'EASY_PAY_DIRECT',
  testMerchantIds: stated({ payment: 'TC0ONETIME', billing: 'TCSUBSCRIP' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: stated(['EASY_PAY'], 'KakaoPay is only an easy-pay method'),
  directEasyPayProvider: 'KAKAOPAY',
  amountLimit: stated({ maxExclusive: 1_000_000, appliesTo: 'EASY_PAY' }, 'card payments under 1,000,000원 in test'),
  codes: {
    prefix: 'KKP',
    overrides: {
      amountLimitExceeded: assumed(
        { pgCode: 'KKP061', pgMessage: '테스트 결제 한도 초과(1,000,000원 미만만 결제 가능)' },
        'the limit is documented; the code and wording are the sandbox\'s',
      ),
    },
  },
  quirks: ['The limit applies to card payments inside KakaoPay; the sandbox applies it unless the easy-pay method is explicitly CHARGE (카카오머니) or TRANSFER.'],
  sources: ['SEED', 'HELP:core-service/how-to-use/test-mode-cancel.md', 'DEV:opi/ko/integration/pg/v2/kakaopay.mdx'],
});
