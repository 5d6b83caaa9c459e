/**
 * docs/pay-methods.md: every pay method of PortOne's browser SDK, what the sandbox's checkout window
 * asks for it, the `PaymentMethod*` the payment then shows, and per PG what its test channel does
 * with it. The per-PG cells come from the same `decideApproval` a payment runs, so the table cannot
 * drift from the sandbox's behaviour.
 */
import { carrierNameKo } from '../functions/domain/pay-methods.ts';
import { decideApproval } from '../functions/domain/pg-rules.ts';
import { BANK_NAMES_KO, METHOD_NAMES_KO } from '../functions/domain/profiles/common.ts';
import { PROFILES } from '../functions/domain/profiles/index.ts';
import { liveFactsOf } from '../functions/domain/profiles/live.ts';
import { METHOD_KINDS, type MethodKind, type PgProfile } from '../functions/domain/profiles/types.ts';
import { GENERATED, ruleShort, table } from './markdown.ts';

/** What each method is, what the window asks, what the payment shows and where the facts come from. */
const METHODS: Readonly<Record<MethodKind, { window: string; shows: string; money: string }>> = {
  CARD: {
    window: 'test card (or a typed number), expiry, installments',
    shows: '`PaymentMethodCard` (card masked, approvalNumber, installment)',
    money: "the PG's rule: real withdrawal voided by its batch, or a success answer only (SEED)",
  },
  VIRTUAL_ACCOUNT: {
    window: 'bank (preselected from `virtualAccount.bankCode`)',
    shows: '`PaymentMethodVirtualAccount`, status VIRTUAL_ACCOUNT_ISSUED',
    money: 'issuance (채번) only: a real deposit never pays it; the console\'s 테스트 입금웹훅통지 makes it PAID with no money at the PG (SEED, vbank-test-guide)',
  },
  EASY_PAY: {
    window: 'easy-pay provider (preselected from `easyPay.easyPayProvider`)',
    shows: '`PaymentMethodEasyPay` (provider)',
    money: 'through a general PG (허브형): real withdrawal, never refunded by the PG (SEED); direct (KakaoPay, NaverPay …): the PG\'s rule',
  },
  TRANSFER: {
    window: 'bank',
    shows: '`PaymentMethodTransfer` (bank, masked accountNumber)',
    money: "**assumed**: the PG's card rule (no test-mode document describes transfers apart)",
  },
  MOBILE: {
    window: 'carrier, 알뜰폰 included (preselected from `mobile.carrier`), phone number',
    shows: '`PaymentMethodMobile` (phoneNumber)',
    money: "**assumed**: the PG's card rule, charged to the phone bill",
  },
  GIFT_CERTIFICATE: {
    window: 'gift card type (preselected from `giftCertificate.giftCertificateType`)',
    shows: '`PaymentMethodGiftCertificate` (giftCertificateType in the OAS spelling: the SDK\'s `CULTURE_GIFT` is `CULTUREGIFT`; approvalNumber)',
    money: "**assumed**: the PG's card rule",
  },
  PAYPAL: {
    window: 'a PayPal account stand-in; shops call `PortOne.loadPaymentUI` (uiType `PAYPAL_SPB`) and the sandbox renders a button into their `.portone-ui-container[data-portone-ui-type="paypal-spb"]`',
    shows: '`PaymentMethodEasyPay` with provider `PAYPAL` (**assumed**: the OAS has no PayPal method type)',
    money: 'PayPal answers success only in test (test-mode-cancel.md); a channel needs the signup first',
  },
  ALIPAY: {
    window: 'an Alipay stand-in',
    shows: '`PaymentMethodEasyPay` with provider `ALIPAY`',
    money: 'no simulated PG offers it in test (no shared test channel documented)',
  },
  ALIPAY_PLUS: {
    window: 'the wallet inside Alipay+ (preselected from `alipayPlus.easyPayProvider`)',
    shows: '`PaymentMethodEasyPay` with the wallet as provider (OAS spelling: `GCASH` → `G_CASH`)',
    money: "KICC V2 offers it as 해외결제, which needs a signup: refused on the test channel, offered on a live-like KICC channel (assumed)",
  },
  CONVENIENCE_STORE: {
    window: 'the Japanese store brand (OAS `ConvenienceStoreBrand`)',
    shows: '`PaymentMethodConvenienceStore` (on the failed payment)',
    money: 'not simulated: the customer pays later at the store (a pending payment), which no simulated PG offers; every PG refuses it',
  },
};

/** What this PG's test channel does with a payment of `method`: refused (with the code) or where the money goes. */
function outcomeCell(profile: PgProfile, method: MethodKind): string {
  const decision = decideApproval(profile, { method, amount: 1_000 });
  if (decision.outcome === 'FAILED') return `refused (${decision.pgCode})`;
  if (method === 'VIRTUAL_ACCOUNT') return 'issued only';
  if (!decision.withdrawn) return 'success answer only';
  return `real · ${ruleShort(decision.autoRefund)}`;
}

function restrictions(profile: PgProfile): string {
  const out: string[] = [];
  const carriers = profile.mobileRefusedCarriers.value;
  if (carriers.length) out.push(`휴대폰결제 refused for ${carriers.map(carrierNameKo).join(', ')}`);
  const banks = profile.virtualAccountRefusedBanks.value;
  if (banks.length) out.push(`no test virtual account at ${banks.map((b) => BANK_NAMES_KO[b] ?? b).join(', ')}`);
  if (profile.hubEasyPay.value) out.push('easy pay through it (허브형): real withdrawal, never refunded');
  return out.join('; ') || '—';
}

function liveAdded(profile: PgProfile): string {
  const live = liveFactsOf(profile).methods;
  const added = live.value.filter((m) => !profile.methods.value.includes(m));
  const removed = profile.methods.value.filter((m) => !live.value.includes(m));
  const parts = [...added.map((m) => `+${m}`), ...removed.map((m) => `−${m}`)];
  return parts.length ? `${parts.join(', ')}${live.assumed ? ' _(assumed)_' : ''}: ${live.note ?? ''}` : 'same as test';
}

export function renderPayMethodsMd(): string {
  return [
    GENERATED,
    '',
    '# Pay methods (결제수단)',
    '',
    "Every `payMethod` of PortOne's browser SDK (`PaymentPayMethod`) opens the sandbox's checkout window (overlay on PC,",
    'popup on request, full page on mobile) through `PortOne.requestPayment`. The window asks what the PG\'s own window would',
    'ask, shows beside every choice what this PG\'s test channel will answer, and the payment then carries the method in',
    "PortOne's shape (`PaymentMethod*` of the OAS). Facts and assumptions per PG: [profiles.md](profiles.md).",
    '',
    'A method a PG does not offer is refused **by the PG**, as PortOne relays it: the payment ends `FAILED` with the PG\'s',
    '`pgCode`/`pgMessage` (지원하지 않는 결제수단입니다), the SDK\'s promise resolves with `code: "FAILURE_TYPE_PG"`, and',
    '`Transaction.Failed` is sent. A `payMethod` outside the SDK\'s list is refused before any window opens (`BadRequest`).',
    '',
    '## The methods',
    '',
    table(
      ['payMethod', '한국어', 'The window asks', 'The payment shows', 'Money in test'],
      METHOD_KINDS.map((m) => [`\`${m}\``, METHOD_NAMES_KO[m], METHODS[m].window, METHODS[m].shows, METHODS[m].money]),
    ),
    '',
    '## Per PG: what its test channel does with each method',
    '',
    "Cells: `refused (code)`: the PG refuses the method; `real · …`: money really leaves the tester's account and the PG's",
    'void rule applies (PortOne is not told of the void); `success answer only`: nothing is withdrawn; `issued only`: a',
    'virtual account number, no money. Computed from the profiles by the rules the payments run.',
    '',
    table(
      ['PG', ...METHOD_KINDS.map((m) => `\`${m}\``), 'Restrictions'],
      PROFILES.map((p) => [`${p.consoleName} (\`${p.pgProvider}\`)`, ...METHOD_KINDS.map((m) => outcomeCell(p, m)), restrictions(p)]),
    ),
    '',
    'Where each PG\'s method list comes from:',
    '',
    table(
      ['PG', 'Methods in test', 'Basis', 'Live-like channel'],
      PROFILES.map((p) => [p.pgProvider, p.methods.value.join(', '), `${p.methods.assumed ? '**assumed**: ' : 'stated: '}${p.methods.note ?? ''}`, liveAdded(p)]),
    ),
    '',
    '## Live-like channels',
    '',
    'On a live-like channel (`mode: "LIVE_LIKE"`, [live-like-channels.md](live-like-channels.md)) every offered method is a',
    'real sale that stays until cancelled: no batch void, no test-only refusal (NICE\'s KT 휴대폰결제 included), and the',
    'methods of the last column above.',
    '',
    "## PayPal's buttons: `PortOne.loadPaymentUI`",
    '',
    '```html',
    '<div class="portone-ui-container" data-portone-ui-type="paypal-spb"></div>',
    '<script>',
    'PortOne.loadPaymentUI(',
    "  { uiType: 'PAYPAL_SPB', storeId, channelKey, paymentId, orderName, totalAmount: 10, currency: 'USD' },",
    '  { onPaymentSuccess: (response) => verifyOnServer(response.paymentId), onPaymentFail: (error) => show(error.message) },',
    ');',
    '</script>',
    '```',
    '',
    'The sandbox renders one button into that container (PortOne renders PayPal\'s). A click opens the checkout window for',
    '`payMethod: "PAYPAL"` in a popup, as PayPal\'s buttons do on every device; its answer goes to `onPaymentSuccess` (PortOne\'s',
    '`PaymentResponse`) or `onPaymentFail` (a `PaymentError`: the PG refused, or the customer closed the popup). The promise',
    'only says whether the buttons were rendered (it rejects with a `LoadPaymentUIError` when the container or a callback is',
    'missing). `PortOne.updateLoadPaymentUIRequest(request)` changes what the next click pays (a new amount or paymentId).',
    '',
    '`PortOne.loadIssueBillingKeyUI({ uiType: "PAYPAL_RT", storeId, channelKey, billingKeyMethod: "PAYPAL", issueId, … }, {',
    'onIssueBillingKeySuccess, onIssueBillingKeyFail })` (PayPal reference transactions, for subscriptions) works the same way',
    'with the container `<div class="portone-ui-container" data-portone-ui-type="paypal-rt">`: the button opens the billing-key',
    'window for `billingKeyMethod: "PAYPAL"` in a popup on a PayPal channel (`PAYPAL_V2`), and the callbacks get PortOne\'s',
    '`IssueBillingKeyResponse` or an `IssueBillingKeyError`. The key shows as `BillingKeyPaymentMethodPaypal` and pays as',
    'PayPal (`payWithBillingKey`, schedules). `PortOne.updateLoadIssueBillingKeyUIRequest(request)` changes what the next click',
    'issues. PayPal keys are issued only in this window (not from a card number, not on other PGs\' channels).',
    '',
  ].join('\n');
}
