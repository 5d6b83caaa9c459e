import { NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/** 페이팔 (PayPal): no real withdrawal in test; signup first (Express Checkout uses PayPal's own sandbox). */
export const PAYPAL_V2 = defineProfile({
  pgProvider: 'PAYPAL_V2',
  consoleName: '페이팔',
  englishName: 'PayPal',
  kind: 'GLOBAL',
  v1PgProvider: 'PAYPAL',
  testMerchantIds: assumed({}, 'no shared test MID: the merchant signs up and uses its own PayPal sandbox account'),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(
    ['PAYPAL', 'EASY_PAY'],
    "payMethod PAYPAL is PayPal's Smart Payment Buttons (browser SDK PaymentPayMethod: 페이팔(SPB), loadPaymentUI uiType PAYPAL_SPB); the payment shows as the easy-pay provider PAYPAL (OAS EasyPayProvider; the OAS has no PayPal method type)",
  ),
  directEasyPayProvider: 'PAYPAL',
  signup: stated({ required: true, features: [] }, 'signup first (Express Checkout: own sandbox)'),
  codes: { prefix: 'PPL' },
  sources: ['SEED', 'HELP:core-service/how-to-use/test-mode-cancel.md', 'DEV:opi/ko/integration/pg/v2/paypal-v2.mdx'],
});
