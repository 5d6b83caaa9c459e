/**
 * Generates docs/profiles.md and docs/test-cards.md from the domain data, so the documentation cannot
 * drift from what the sandbox does. Run: `node --import tsx scripts/generate-docs.ts` (npm run docs).
 * test/unit/docs-fresh.test.ts fails when the committed files differ from this output.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_ISSUER,
  ISSUERS,
  TEST_CARDS,
  appendLuhnCheckDigit,
  issuerName,
  lookupTestCard,
  maskCardNumber,
  type TestCard,
} from '../functions/domain/cards.ts';
import { MESSAGES, SANDBOX_CODE_NUMBERS } from '../functions/domain/profiles/common.ts';
import { billingOf } from '../functions/domain/profiles/billing.ts';
import { identityVerificationOf } from '../functions/domain/profiles/identity-verification.ts';
import { liveDifferences, liveFactsOf } from '../functions/domain/profiles/live.ts';
import { PROFILES, assumedFields } from '../functions/domain/profiles/index.ts';
import type { CashReceiptTypeUse, Fact, PgCodeMessage, PgCodes, PgProfile } from '../functions/domain/profiles/types.ts';
import { describeRule, describeRuleKo } from '../functions/domain/pg-rules.ts';
import { withCoverage } from './coverage-doc.ts';
import { GENERATED, ruleShort, table } from './markdown.ts';
import { renderPayMethodsMd } from './pay-methods-doc.ts';
import { withIncludes } from './include-examples.ts';


const code = (text: string): string => `\`${text}\``;
const assumedMark = (fact: Fact<unknown>): string => (fact.assumed ? ' _(assumed)_' : '');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const list = (items: readonly string[], empty = '—'): string => (items.length ? items.join(', ') : empty);

const issuersText = (codes: readonly string[]): string => list(codes.map((c) => `${issuerName(c)} (${code(c)})`), 'none');

// ---------------------------------------------------------------------------------------------------
// docs/profiles.md
// ---------------------------------------------------------------------------------------------------

const CODE_LABELS: Record<keyof PgCodes, string> = {
  alreadyVoided: 'Cancel after the PG voided the payment itself',
  vaNoDeposit: 'Cancel a virtual account paid by the test-deposit button (no money at the PG)',
  vaRefundRefused: 'Refund a virtual account that received real money',
  vaRefundOutsideHours: 'Virtual-account refund outside the PG\'s hours',
  refusedIssuer: 'Card issuer refused by the test MID',
  refusedBank: 'Bank that cannot issue a test virtual account',
  refusedCarrier: 'Mobile carrier whose 휴대폰결제 cannot be tested',
  unsupportedMethod: 'Method not offered in test',
  partialCancelRefused: 'Any partial cancel',
  checkCardPartialCancelRefused: 'Partial cancel of a check card (체크카드)',
  hubEasyPayPartialCancelRefused: 'Partial cancel of easy pay through this PG',
  amountLimitExceeded: 'Amount at or over the test limit',
  cardNotAccepted: 'Card that is not a published test card',
  hubEasyPayIssuerRefused: 'Card issuer refused for easy pay through this PG',
  billingKeyPaymentRefused: 'Payment with a test billing key',
};

function mids(profile: PgProfile): string {
  const m = profile.testMerchantIds.value;
  const parts = [
    m.payment && `${code(m.payment)}`,
    m.billing && `billing ${code(m.billing)}`,
    m.virtualAccount && `virtual account ${code(m.virtualAccount)}`,
  ].filter((x): x is string => Boolean(x));
  return parts.length ? parts.join(', ') : '—';
}

function signupText(profile: PgProfile): string {
  const s = profile.signup.value;
  if (s.required) return 'required';
  if (s.features.length) return `only for ${s.features.join(', ')}`;
  return 'no';
}

function assumedCount(p: PgProfile): string {
  const all = assumedFields(p);
  const codes = all.filter((f) => f.startsWith('codes.')).length;
  return `${all.length - codes} rules, ${codes} codes`;
}

function summaryTable(): string {
  return table(
    ['PG (console)', 'pgProvider', 'Withdraws', 'Auto-refund', 'Refused card issuers', 'Methods', 'Signup', 'Test MID', 'Assumed values'],
    PROFILES.map((p) => [
      p.consoleName,
      code(p.pgProvider),
      yesNo(p.withdraws.value) + assumedMark(p.withdraws),
      ruleShort(p.autoRefund.value) + assumedMark(p.autoRefund),
      list(p.refusedIssuers.value.map(issuerName), 'none') + assumedMark(p.refusedIssuers),
      p.methods.value.join(', ') + assumedMark(p.methods),
      signupText(p) + assumedMark(p.signup),
      mids(p),
      assumedCount(p),
    ]),
  );
}

/** Billing keys (빌링키) per PG: functions/domain/profiles/billing.ts and the profile's billingKeyPayment. */
function billingTable(): string {
  return table(
    ['PG (console)', 'pgProvider', 'Issues billing keys', 'Billing test MID', 'Keys can pay', 'Refused for 비인증 payments', 'Charge on issuance', 'Issued'],
    PROFILES.map((p) => {
      const b = billingOf(p);
      const charge = b.issuanceCharge.value;
      return [
        p.consoleName,
        code(p.pgProvider),
        yesNo(b.issuesBillingKeys.value) + assumedMark(b.issuesBillingKeys),
        (b.merchantId.value === null ? '—' : code(b.merchantId.value)) + assumedMark(b.merchantId),
        yesNo(p.billingKeyPayment.value) + assumedMark(p.billingKeyPayment),
        list(b.refusedIssuers.value.map(issuerName), 'none') + assumedMark(b.refusedIssuers),
        (charge ? `${charge.amount}원, voided after ${charge.voidAfterMinutes} min` : 'none') + assumedMark(b.issuanceCharge),
        (b.windowOnly.value ? 'in its own window only' : 'API (card) and window') + assumedMark(b.windowOnly),
      ];
    }),
  );
}

/** 본인인증 per PG: functions/domain/profiles/identity-verification.ts (only the PGs that offer it). */
function identityVerificationTable(): string {
  const rows = PROFILES.map((p) => ({ p, m: identityVerificationOf(p) })).filter(({ m }) => m.supported.value);
  return table(
    ['PG (console)', 'pgProvider', 'Shared test credentials on PortOne', 'API flow (send / confirm)', 'Carriers', 'Wrong OTP', 'OTP expired', '5 wrong OTPs', 'Window closed'],
    rows.map(({ p, m }) => [
      p.consoleName,
      code(p.pgProvider),
      yesNo(m.sharedTestCredentials.value) + assumedMark(m.sharedTestCredentials),
      yesNo(m.apiFlow.value) + assumedMark(m.apiFlow),
      m.operators.value.join(', ') + assumedMark(m.operators),
      ...[m.codes.wrongOtp, m.codes.otpExpired, m.codes.tooManyWrongOtps, m.codes.userCancel].map((c) => `${code(c.value.pgCode)} ${c.value.pgMessage}${assumedMark(c)}`),
    ]),
  );
}

function factRow(label: string, fact: Fact<unknown>, text: string): string[] {
  return [label, text, fact.assumed ? `**assumed**: ${fact.note ?? ''}` : `stated${fact.note ? `: ${fact.note}` : ''}`];
}

const CASH_RECEIPT_TYPE_USE: Record<CashReceiptTypeUse, string> = {
  PRESET: 'the window starts on it; ANONYMOUS hides the choice',
  ANONYMOUS_HIDES: 'only ANONYMOUS counts (hides the choice)',
  IGNORED: 'ignored: the window asks',
};

function profileSection(p: PgProfile): string {
  const rows: string[][] = [
    factRow('Test MIDs (`pgMerchantId`)', p.testMerchantIds, mids(p)),
    factRow('Withdraws real money in test', p.withdraws, yesNo(p.withdraws.value)),
    factRow('Auto-refund', p.autoRefund, `${ruleShort(p.autoRefund.value)}. ${describeRule(p.autoRefund.value)}`),
    factRow('Methods in test', p.methods, p.methods.value.join(', ')),
  ];
  if (p.directEasyPayProvider) rows.push(['Easy-pay provider', code(p.directEasyPayProvider), 'stated']);
  rows.push(
    factRow(
      'Easy pay through this PG (허브형)',
      p.hubEasyPay,
      p.hubEasyPay.value ? 'yes: real withdrawal, never auto-refunded' : 'no',
    ),
  );
  if (p.hubEasyPayCardIssuers) {
    const r = p.hubEasyPayCardIssuers.value;
    rows.push(factRow('Cards for easy pay through this PG', p.hubEasyPayCardIssuers, `${r.providers.join(', ')}: only ${issuersText(r.issuers)}`));
  }
  rows.push(
    factRow('Refused card issuers', p.refusedIssuers, issuersText(p.refusedIssuers.value)),
    factRow('Only published test cards', p.onlyPublishedTestCards, yesNo(p.onlyPublishedTestCards.value)),
    factRow(
      'Amount limit',
      p.amountLimit,
      p.amountLimit.value ? `${p.amountLimit.value.appliesTo}: under ${p.amountLimit.value.maxExclusive.toLocaleString('en-US')}원` : 'none',
    ),
    factRow('Partial cancel', p.partialCancel, p.partialCancel.value.toLowerCase()),
    factRow('Partial cancel of a check card', p.checkCardPartialCancel, p.checkCardPartialCancel.value.toLowerCase()),
    factRow('Partial cancel of easy pay through this PG', p.hubEasyPayPartialCancel, p.hubEasyPayPartialCancel.value.toLowerCase()),
    factRow(
      'Partial cancel stops the auto-refund',
      p.partialCancelRemovesAutoRefund,
      p.partialCancelRemovesAutoRefund.value ? 'yes: the rest stays withdrawn until a full cancel' : 'no',
    ),
    factRow('Banks refused for virtual accounts', p.virtualAccountRefusedBanks, list(p.virtualAccountRefusedBanks.value.map(code), 'none')),
    factRow(
      'Virtual-account refund hours (KST)',
      p.virtualAccountRefundHoursKst,
      p.virtualAccountRefundHoursKst.value ? `${p.virtualAccountRefundHoursKst.value.from}–${p.virtualAccountRefundHoursKst.value.to}` : 'any time',
    ),
    factRow('Test billing keys can pay', p.billingKeyPayment, yesNo(p.billingKeyPayment.value)),
    factRow(
      'Browser SDK `cashReceiptType` (transfer / virtual account)',
      p.cashReceiptType,
      `${CASH_RECEIPT_TYPE_USE[p.cashReceiptType.value.TRANSFER]} / ${CASH_RECEIPT_TYPE_USE[p.cashReceiptType.value.VIRTUAL_ACCOUNT]}`,
    ),
    factRow('Issues the 현금영수증 asked for in test', p.cashReceiptsInTest, yesNo(p.cashReceiptsInTest.value)),
    factRow('Signup (가입신청) first', p.signup, signupText(p)),
  );

  const codeRows = (Object.keys(CODE_LABELS) as (keyof PgCodes)[])
    .map((key) => [key, p.codes[key]] as const)
    .filter((entry): entry is readonly [keyof PgCodes, Fact<PgCodeMessage>] => entry[1] !== undefined)
    .map(([key, fact]) => [
      CODE_LABELS[key],
      code(fact.value.pgCode),
      fact.value.pgMessage,
      fact.assumed ? `**assumed**: ${fact.note ?? ''}` : `stated${fact.note ? `: ${fact.note}` : ''}`,
    ]);

  const assumed = assumedFields(p);
  return [
    `### ${p.consoleName}: \`${p.pgProvider}\``,
    '',
    `${p.englishName}. Kind: ${p.kind}${p.v1PgProvider ? `; V1 pgProvider ${code(p.v1PgProvider)}` : ''}.`,
    '',
    `Korean summary: ${describeRuleKo(p.autoRefund.value)}`,
    '',
    table(['Rule', 'Value', 'Basis'], rows),
    '',
    '**PG codes and messages** (`{…}` is filled in at run time):',
    '',
    table(['Situation', 'pgCode', 'pgMessage', 'Basis'], codeRows),
    '',
    ...(p.quirks.length ? ['**Documented quirks not simulated:**', '', ...p.quirks.map((q) => `- ${q}`), ''] : []),
    ...liveSection(p),
    `**Sources:** ${p.sources.map(code).join(', ')}`,
    '',
    `**Assumed values (${assumed.length}):** ${assumed.length ? assumed.map(code).join(', ') : 'none'}`,
    '',
  ].join('\n');
}

/** All declines in one row: they share one basis per PG (the card company's codes, or the PG's own). */
function declinesRow(facts: readonly Fact<PgCodeMessage>[]): string[] {
  const text = facts.map((f) => `${code(f.value.pgCode)} ${f.value.pgMessage}`).join(' · ');
  const notes = [...new Set(facts.map((f) => f.note ?? ''))];
  const fact = facts.find((f) => f.assumed) ?? facts[0]!;
  return factRow('Declines (test cards: docs/test-cards.md)', { ...fact, note: notes.join('; ') }, text);
}

/** A profile's live-like channel (`mode: 'LIVE_LIKE'`): what differs from the test channel, and the PG's declines. */
function liveSection(p: PgProfile): string[] {
  const live = liveFactsOf(p);
  const permission = (v: string) => v.toLowerCase();
  const rows = [
    factRow('Methods', live.methods, live.methods.value.join(', ')),
    factRow('Partial cancel', live.partialCancel, permission(live.partialCancel.value)),
    factRow('Partial cancel of a check card', live.checkCardPartialCancel, permission(live.checkCardPartialCancel.value)),
    factRow('Partial cancel of easy pay through this PG', live.hubEasyPayPartialCancel, permission(live.hubEasyPayPartialCancel.value)),
    factRow(
      'Virtual-account refund hours (KST)',
      live.virtualAccountRefundHoursKst,
      live.virtualAccountRefundHoursKst.value ? `${live.virtualAccountRefundHoursKst.value.from}–${live.virtualAccountRefundHoursKst.value.to}` : 'any time',
    ),
    declinesRow(Object.values(live.declines)),
  ];
  return [
    '**On a live-like channel** (`mode: "LIVE_LIKE"`, docs/live-like-channels.md), unlike the test channel:',
    '',
    ...liveDifferences(p).map((d) => `- ${d.en}`),
    '',
    table(['Live rule', 'Value', 'Basis'], rows),
    '',
  ];
}

export function renderProfilesMd(): string {
  const codeScheme = table(
    ['Situation', 'Number', 'Standard message'],
    (Object.keys(SANDBOX_CODE_NUMBERS) as (keyof PgCodes)[]).map((k) => [CODE_LABELS[k], code(SANDBOX_CODE_NUMBERS[k]), MESSAGES[k]]),
  );
  return [
    GENERATED,
    '',
    '# PG profiles: how each PG behaves on a PortOne test channel',
    '',
    'A *profile* is the sandbox\'s data about one PG (payment gateway, 결제대행사) in PortOne V2 **test mode**: whether a test',
    'payment really takes money (실제 출금), when the PG gives it back by itself (it voids the payment before 매입, acquiring,',
    'without telling PortOne, whose record stays `PAID`), which cards, banks and methods its test MID refuses, which cancels it',
    'refuses, and the PG code and Korean message for each refusal. `GET /sandbox/profiles` serves the same data as JSON.',
    '',
    'Every value is either **stated** by a cited document or **assumed**: picked by the sandbox where the documents are silent,',
    'with the reason next to it. Sources use the facts file\'s notation: `SEED` (PortOne\'s 테스트 연동 page the project started',
    'from), `HELP:x` (PortOne help center), `DEV:x` (PortOne developer docs).',
    '',
    'Easy pay used *through* a general PG (허브형, e.g. KakaoPay under an INICIS contract) always really withdraws and is never',
    'auto-refunded, whatever the PG does for cards. Virtual accounts only issue (채번) in test: the console\'s test-deposit button',
    'marks them paid without money, so a later cancel fails with the PG\'s "입금된 내역이 없습니다".',
    '',
    'A channel created with `mode: "LIVE_LIKE"` behaves like the PG\'s *live* channel instead (docs/live-like-channels.md): no',
    'batch void, no test-only refusal, decline cards fail on every PG, virtual accounts are paid by a deposit and refunded to the',
    '`refundAccount`. Each PG\'s section ends with what changes and the live rules, each stated or assumed like the rest.',
    '',
    '## Summary',
    '',
    summaryTable(),
    '',
    '## Billing keys (빌링키) in test mode',
    '',
    'Which PGs issue billing keys on their shared test channel, on which MID, whether those keys can pay, which cards the PG',
    'refuses for 비인증 payments (billing-key payments, without card authentication) on top of its refusals for every payment,',
    'and what the PG charges on issuance. A billing payment is otherwise a card payment: it follows its PG\'s void rule like any',
    'other (docs/billing.md).',
    '',
    billingTable(),
    '',
    '## Identity verification (본인인증) in test mode',
    '',
    'The PGs whose test channel offers 본인인증 in the sandbox (PortOne\'s browser SDK has identity-verification parameters for',
    'these; KG이니시스 통합인증, the third, is a channel type the sandbox does not simulate), whether PortOne gives shared test',
    'credentials for it (if not, a shop must sign up first; the sandbox simulates it anyway), and the PG codes of its refusals.',
    'Every other PG\'s channel refuses 본인인증 with `INVALID_REQUEST`. The flow: docs/identity-verification.md.',
    '',
    identityVerificationTable(),
    '',
    '## PG codes the documents do not give',
    '',
    'Where no document gives a PG\'s code for a situation, the sandbox uses `<PG prefix><number>` with one number per situation',
    '(e.g. `ST013` = Hecto, already voided), so a sandbox code is recognisable at a glance. The message is the documented Korean',
    'text where one exists ("기 취소 거래", "입금된 내역이 없습니다", "간편결제 부분취소 제한 가맹점", "… 부분취소 불가능 거래(전체취소 요망)"),',
    'otherwise the sandbox\'s wording of a documented refusal.',
    '',
    codeScheme,
    '',
    '## Per PG',
    '',
    ...PROFILES.map(profileSection),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// docs/test-cards.md
// ---------------------------------------------------------------------------------------------------

const spaced = (n: string): string => n.replace(/(\d{4})(?=\d)/g, '$1 ');

function refusedAt(card: TestCard): string {
  return list(
    PROFILES.filter((p) => p.refusedIssuers.value.includes(card.issuer)).map((p) => code(p.pgProvider)),
    'nowhere',
  );
}

function issuerTable(): string {
  const domestic = ISSUERS.filter((i) => TEST_CARDS.some((c) => c.issuer === i.code && !c.published));
  return table(
    ['Issuer (발급사)', 'Code', 'Credit (신용카드)', 'Check (체크카드)', 'Refused in test at'],
    domestic.map((i) => {
      const mine = TEST_CARDS.filter((c) => c.issuer === i.code && !c.decline && !c.published && c.ownerType === 'PERSONAL');
      const credit = mine.find((c) => c.type === 'CREDIT');
      const debit = mine.find((c) => c.type === 'DEBIT');
      const any = credit ?? debit;
      return [
        i.nameKo,
        code(i.code),
        credit ? `${code(spaced(credit.number))} ${credit.brand}` : '—',
        debit ? `${code(spaced(debit.number))} ${debit.brand}` : '—',
        any ? refusedAt(any) : '—',
      ];
    }),
  );
}

function fullTable(): string {
  return table(
    ['Number', 'issuer', 'publisher', 'brand', 'type', 'ownerType', 'bin', 'name'],
    TEST_CARDS.filter((c) => !c.decline && !c.published).map((c) => [
      code(c.number),
      code(c.issuer),
      code(c.publisher),
      c.brand,
      c.type,
      c.ownerType,
      code(c.bin),
      c.name,
    ]),
  );
}

function declineTable(): string {
  const withdraw = PROFILES.filter((p) => p.withdraws.value).map((p) => code(p.pgProvider));
  const success = PROFILES.filter((p) => !p.withdraws.value).map((p) => code(p.pgProvider));
  const rows = TEST_CARDS.filter((c) => c.decline).map((c) => {
    const d = c.decline as NonNullable<TestCard['decline']>;
    return [code(spaced(c.number)), `${c.issuerName} ${c.type === 'DEBIT' ? '체크' : '신용'} ${c.brand}`, d.reason, code(d.pgCode), d.pgMessage];
  });
  return [
    table(['Number', 'Card', 'reason', 'pgCode', 'pgMessage'], rows),
    '',
    `They **fail** (payment \`FAILED\`, \`failure.pgCode\`/\`pgMessage\` as above) at the PGs that really withdraw in test: ${withdraw.join(', ')},`,
    'and in easy pay through a general PG (허브형, real money) anywhere.',
    '',
    `They **succeed** at the PGs that only answer success in test, exactly as on PortOne ("잔액부족 등 … 테스트가 불가"): ${success.join(', ')}.`,
    'At those PGs, failure cases can only be tested after signing with the PG, with live credentials, or here on a live-like',
    'channel (`mode: "LIVE_LIKE"`, docs/live-like-channels.md), where every decline card fails on **every** PG, with that PG\'s',
    'code and message (docs/profiles.md lists them per PG).',
  ].join('\n');
}

function eximbayTable(): string {
  const rows = TEST_CARDS.filter((c) => c.published).map((c) => {
    const p = c.published as NonNullable<TestCard['published']>;
    return [
      c.brand,
      code(spaced(c.number)),
      p.flow === 'FRICTIONLESS' ? 'frictionless' : '3-D Secure challenge',
      p.expiry,
      p.cvc,
      p.authCode ?? '—',
      p.passesLuhn ? 'yes' : '**no** (accepted anyway)',
    ];
  });
  return table(['Brand', 'Number', 'Flow', 'Expiry', 'CVC', 'Auth code', 'Passes Luhn'], rows);
}

function exampleLookup(number: string): string[] {
  const r = lookupTestCard(number);
  if (!r.ok) return [code(number), `refused: "${r.message}"`];
  const c = r.card;
  return [code(number), `${code(c.issuer)} ${c.issuerName}, ${c.brand} ${c.type}, bin ${code(c.bin)}, "${c.name}"`];
}

export function renderTestCardsMd(): string {
  const kb = TEST_CARDS.find((c) => c.issuer === 'KOOKMIN_CARD' && c.type === 'CREDIT');
  const kbSibling = kb ? appendLuhnCheckDigit(`${kb.bin}1234567`) : '';
  const maskExamples = ['5310111111111111', '375987000126600', '36070500001038', '4518-0140 0000 0008'];
  return [
    GENERATED,
    '',
    '# Test cards',
    '',
    'Card numbers for the sandbox\'s checkout page and for `POST /payments/{paymentId}/instant` (`method.card.credential`).',
    'The Korean cards are **sandbox numbers**: Luhn-valid, with made-up BINs that only look plausible (VISA `4…`, Mastercard',
    '`5…`, JCB `35…`, domestic-only cards `9…`). They are not real BINs and will not work at a real PG. Eximbay\'s cards',
    'are the ones Eximbay publishes for its test mode, copied exactly.',
    '',
    'What the sandbox reports for a card is PortOne\'s `PaymentMethodCard.card`: `issuer` and `publisher` are PortOne card',
    'company codes (`issuer` = 발급사, who issued the card; `publisher` = 발행사, whose product it is: they differ for 카카오뱅크',
    'cards, which are KB국민카드 products), `brand`, `type` (`CREDIT` = 신용카드, `DEBIT` = 체크카드, check card), `ownerType`,',
    '`bin` (first 8 digits of a 16+-digit number, else 6), `name` (product name) and `number`, masked.',
    '',
    '## What to type',
    '',
    '- **Number**: spaces and hyphens are ignored; otherwise digits only, 13–19 of them, passing the Luhn check (Eximbay\'s',
    '  published numbers are accepted even where they fail it). Anything else is refused with `400 INVALID_REQUEST`.',
    '- **Expiry** (`expiryYear` 2 digits, `expiryMonth` 2 digits): any month that is not over yet in Korean time (e.g. `12`/`33`).',
    '  A card is valid through the last day of its expiry month, KST. A past expiry is declined with `54` 유효기간 오류 where',
    '  money really moves; PGs that only answer success accept it.',
    '- **`birthOrBusinessRegistrationNumber`, `passwordTwoDigits`, CVC**: accepted, never checked (test PGs do not verify them',
    '  against a real card either).',
    '',
    '## Cards by issuer',
    '',
    'Each issuer has a personal credit card and a check card that are approved wherever the issuer is accepted. The last',
    'column comes from the PG profiles (docs/profiles.md): KB국민카드, NH농협카드 and 카카오뱅크 "usually fail in test".',
    '',
    issuerTable(),
    '',
    'Every card with all its fields (including the 신한카드 corporate card, `ownerType: CORPORATE`):',
    '',
    fullTable(),
    '',
    '## Declines (magic numbers)',
    '',
    'Issued by 신한카드, which no PG refuses, so the decline is the only thing that can fail. The two digits before the check',
    'digit are the pgCode: the card company\'s response code, which Korean PGs pass through.',
    '',
    declineTable(),
    '',
    '## Eximbay\'s published test cards',
    '',
    'At `EXIMBAY_V2` only these are accepted ("테스트 결제는 엑심베이에서 제공하는 테스트 카드 정보로만 진행 가능합니다"); any other',
    'number fails there. Elsewhere they behave like any overseas card. Eximbay also publishes a Discover card',
    '(`6510 0000 0000 0174`); PortOne\'s `CardBrand` has no DISCOVER, so the sandbox treats it as an ordinary unknown number',
    '(and `EXIMBAY_V2` refuses it).',
    '',
    eximbayTable(),
    '',
    '## Numbers that are not in the tables',
    '',
    `A Luhn-valid number whose BIN is one of the tables' BINs takes that card's issuer, brand, type and name (never its`,
    `decline) and keeps its own number and BIN. Any other Luhn-valid number is a personal credit card of`,
    `${issuerName(DEFAULT_ISSUER)} (${code(DEFAULT_ISSUER)}), which no PG refuses, with the brand its prefix implies (4 VISA,`,
    '51–55/2221–2720 MASTER, 34/37 AMEX, 3528–3589 JCB, 36/38/39/300–305 DINERS, 62 UNIONPAY, anything else LOCAL).',
    '',
    table(['Typed', 'Result'], [
      exampleLookup(kbSibling),
      exampleLookup('4242424242424242'),
      exampleLookup('5555555555554444'),
      exampleLookup('1234567812345670'),
      exampleLookup('4242 4242 4242 4241'),
      exampleLookup('4242-4242-4242'),
      exampleLookup('4242abcd42424242'),
    ]),
    '',
    '## Masking',
    '',
    'Responses carry the number masked like PortOne: the BIN and the last four digits stay, every digit between becomes `*`',
    '(the length is kept).',
    '',
    table(['Number', 'Masked'], maskExamples.map((n) => [code(n), code(maskCardNumber(n))])),
    '',
  ].join('\n');
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Output files, relative to the repository root. */
export const DOC_FILES: Readonly<Record<string, () => string>> = {
  'docs/profiles.md': renderProfilesMd,
  'docs/test-cards.md': renderTestCardsMd,
  'docs/pay-methods.md': renderPayMethodsMd,
  // Hand-written but for its coverage section, which scripts/coverage-doc.ts generates.
  'docs/api.md': () => withCoverage(readFileSync(resolve(REPO_ROOT, 'docs/api.md'), 'utf8')),
  // Hand-written recipes whose code blocks are the files in examples/failure-recipes/, which tests run.
  'docs/testing-failure-paths.md': () => withIncludes(readFileSync(resolve(REPO_ROOT, 'docs/testing-failure-paths.md'), 'utf8'), REPO_ROOT),
};

function main(): void {
  for (const [relative, render] of Object.entries(DOC_FILES)) {
    const path = resolve(REPO_ROOT, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, render());
    console.log(`wrote ${relative}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
