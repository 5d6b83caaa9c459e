/** @jsxImportSource hono/jsx */
import type { CardOption, ExpectedOutcome, SimpleOption } from '../../checkout/choices.ts';
import type { CheckoutSession } from '../../checkout/session.ts';
import type { PgProfile } from '../../domain/profiles/index.ts';
import type { ChannelRecord } from '../../domain/store.ts';
import { Document } from '../ui/document.tsx';
import { formatAmount, groupDigits, translator } from '../ui/format.ts';

export interface CheckoutPageProps {
  token: string;
  session: CheckoutSession;
  profile: PgProfile;
  channel: ChannelRecord;
  notes: string[];
  cards: CardOption[];
  easyPays: SimpleOption[];
  banks: SimpleOption[];
  carriers: SimpleOption[];
  giftCertificates: SimpleOption[];
  /** PAYPAL, ALIPAY, ALIPAY_PLUS, CONVENIENCE_STORE: their one choice (account, wallet, store). */
  overseas: SimpleOption[];
  /** What the form showed last time (after a refused input). */
  form: {
    testCard?: string;
    cardNumber?: string;
    expiryMonth?: string;
    expiryYear?: string;
    installment?: string;
    provider?: string;
    bank?: string;
    carrier?: string;
    phoneNumber?: string;
    giftCertificateType?: string;
    option?: string;
    cashReceiptType?: string;
    cashReceiptNumber?: string;
  };
  error?: { field: string; message: string };
}

const INSTALLMENTS = [0, 2, 3, 4, 5, 6, 10, 12];

/**
 * The PG's window, played by the sandbox: which PG and test channel this is, what the PG does in
 * test mode, the order (amount from the signed session, never from the form), and the method's
 * choices with the outcome this PG will give each.
 */
export function CheckoutPage(p: CheckoutPageProps) {
  const lang = p.session.lang;
  const t = translator(lang);
  const pgName = lang === 'ko' ? p.profile.consoleName : p.profile.englishName;
  const amount = formatAmount(p.session.amount.total, p.session.currency, lang);
  const expect = (e: ExpectedOutcome) =>
    e.approved ? t('승인', 'approves') : t(`거절: ${e.pgMessage}`, `refused: ${e.pgMessage}`);
  const methodName = {
    CARD: t('신용·체크카드', 'Card'),
    EASY_PAY: t('간편결제', 'Easy pay'),
    VIRTUAL_ACCOUNT: t('가상계좌', 'Virtual account'),
    TRANSFER: t('실시간 계좌이체', 'Bank transfer'),
    MOBILE: t('휴대폰', 'Mobile'),
    GIFT_CERTIFICATE: t('상품권', 'Gift card'),
    PAYPAL: 'PayPal',
    ALIPAY: t('알리페이', 'Alipay'),
    ALIPAY_PLUS: t('알리페이 플러스', 'Alipay+'),
    CONVENIENCE_STORE: t('편의점 결제', 'Convenience store'),
  }[p.session.payMethod];
  const overseasLegend = {
    PAYPAL: t('페이팔로 결제', 'Pay with PayPal'),
    ALIPAY: t('알리페이로 결제', 'Pay with Alipay'),
    ALIPAY_PLUS: t('지갑 선택', 'Wallet'),
    CONVENIENCE_STORE: t('결제할 편의점', 'Store to pay at'),
  } as Record<string, string>;
  const choice = (name: string, options: SimpleOption[], selected: string | undefined) =>
    options.map((o, i) => (
      <label class="choice">
        <input type="radio" name={name} value={o.code} checked={(selected ?? options.find((x) => x.expected.approved)?.code ?? options[0]?.code) === o.code} data-autofocus={i === 0 ? true : undefined} />
        <span>
          {lang === 'ko' ? o.nameKo : o.nameEn} <span class="muted small">— {expect(o.expected)}</span>
        </span>
      </label>
    ));
  const errorId = p.error ? 'form-error' : undefined;
  const issuers = [...new Set(p.cards.map((c) => c.card.issuerName))];

  return (
    <Document lang={lang} title={`${pgName} ${t('테스트 결제창', 'test payment window')} · pg-sandbox`} scripts={['checkout.js']}>
      <div class="pg-window">
        <header class="pg-head">
          <div class="row">
            <span class="badge test">TEST</span>
            <span class="pg-name">{pgName}</span>
            <span class="muted small">{p.profile.pgProvider}</span>
          </div>
          <div class="muted small">
            {t('테스트 채널', 'Test channel')}: {p.channel.name} · MID {p.channel.pgMerchantId} · pg-sandbox
          </div>
        </header>
        <main class="pg-body stack" id="main">
          <h1>{t(`${methodName} 결제`, `Pay by ${methodName.toLowerCase()}`)}</h1>
          <section aria-labelledby="order-h" class="card">
            <h2 id="order-h" class="sr-only">{t('주문 정보', 'Order')}</h2>
            <div class="muted small">{p.session.orderName}</div>
            <div class="pg-amount" data-testid="amount">{amount}</div>
            <div class="muted small mono">paymentId {p.session.paymentId}</div>
          </section>

          <section aria-labelledby="mode-h" class="notice warn">
            <h2 id="mode-h" class="small">{t(`${pgName} 테스트 모드에서는`, `In test mode, ${pgName}`)}</h2>
            <ul class="notes small" data-testid="test-mode-notes">
              {p.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          </section>

          {p.error && (
            <div id="form-error" role="alert" class="notice bad">
              {t('입력을 확인해 주세요: ', 'Please check: ')}
              {p.error.message}
            </div>
          )}

          <form method="post" action="/checkout/pay" id="pay-form" class="stack" aria-describedby={errorId}>
            <input type="hidden" name="s" value={p.token} />
            {p.session.payMethod === 'CARD' && (
              <>
                <div>
                  <label for="testCard">{t('테스트 카드 (발급사)', 'Test card (issuer)')}</label>
                  <select id="testCard" name="testCard" data-autofocus>
                    {issuers.map((issuer) => (
                      <optgroup label={issuer}>
                        {p.cards
                          .filter((c) => c.card.issuerName === issuer)
                          .map((c) => (
                            <option value={c.number} selected={c.number === p.form.testCard}>
                              {`${c.card.name.replace(`${issuer} 샌드박스 `, '')} · ${groupDigits(c.number)} — ${expect(c.expected)}`}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="cardNumber">{t('또는 카드번호 직접 입력', 'Or type a card number')}</label>
                  <input
                    id="cardNumber"
                    name="cardNumber"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="0000 0000 0000 0000"
                    value={p.form.cardNumber ?? ''}
                    aria-describedby="cardNumber-help"
                    aria-invalid={p.error?.field === 'cardNumber' ? 'true' : undefined}
                  />
                  <div id="cardNumber-help" class="muted small">
                    {t('입력하면 위 선택 대신 사용됩니다. 표에 없는 번호는 Luhn 검사를 통과해야 합니다.', 'Used instead of the list when filled. Numbers not in the table must pass the Luhn check.')}
                  </div>
                </div>
                <fieldset>
                  <legend>{t('유효기간', 'Expiry')}</legend>
                  <div class="expiry">
                    <div>
                      <label for="expiryMonth">{t('월 (MM)', 'Month (MM)')}</label>
                      <input id="expiryMonth" name="expiryMonth" inputmode="numeric" maxlength={2} value={p.form.expiryMonth ?? '12'} aria-invalid={p.error?.field === 'expiry' ? 'true' : undefined} />
                    </div>
                    <div>
                      <label for="expiryYear">{t('년 (YY)', 'Year (YY)')}</label>
                      <input id="expiryYear" name="expiryYear" inputmode="numeric" maxlength={4} value={p.form.expiryYear ?? '30'} aria-invalid={p.error?.field === 'expiry' ? 'true' : undefined} />
                    </div>
                  </div>
                </fieldset>
                <div>
                  <label for="installment">{t('할부', 'Installments')}</label>
                  <select id="installment" name="installment">
                    {INSTALLMENTS.map((m) => (
                      <option value={String(m)} selected={String(m) === (p.form.installment ?? String(p.session.installmentMonth ?? 0))}>
                        {m === 0 ? t('일시불', 'Single payment') : t(`${m}개월`, `${m} months`)}
                      </option>
                    ))}
                  </select>
                </div>
              </>
            )}
            {p.session.payMethod === 'EASY_PAY' && (
              <fieldset>
                <legend>{t('간편결제 선택', 'Easy-pay provider')}</legend>
                {p.easyPays.map((o, i) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name="provider"
                      value={o.code}
                      checked={(p.form.provider ?? p.session.easyPayProvider ?? p.easyPays[0]?.code) === o.code}
                      data-autofocus={i === 0 ? true : undefined}
                    />
                    <span>
                      {lang === 'ko' ? o.nameKo : o.nameEn} <span class="muted small">— {expect(o.expected)}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            {p.session.payMethod === 'TRANSFER' && (
              <div>
                <label for="bank">{t('출금 은행', 'Bank')}</label>
                <select id="bank" name="bank" data-autofocus>
                  {p.banks.map((o) => (
                    <option value={o.code} selected={(p.form.bank ?? 'SHINHAN') === o.code}>
                      {`${lang === 'ko' ? o.nameKo : o.nameEn} — ${expect(o.expected)}`}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {p.session.payMethod === 'MOBILE' && (
              <>
                <fieldset>
                  <legend>{t('통신사 (알뜰폰 포함)', 'Carrier (MVNOs included)')}</legend>
                  {choice('carrier', p.carriers, p.form.carrier ?? p.session.carrier)}
                </fieldset>
                <div>
                  <label for="phoneNumber">{t('휴대폰 번호', 'Mobile number')}</label>
                  <input id="phoneNumber" name="phoneNumber" inputmode="tel" autocomplete="tel" placeholder="010-0000-0000" value={p.form.phoneNumber ?? '010-1234-5678'} aria-invalid={p.error?.field === 'phoneNumber' ? 'true' : undefined} />
                </div>
              </>
            )}
            {p.session.payMethod === 'GIFT_CERTIFICATE' && (
              <fieldset>
                <legend>{t('상품권 종류', 'Gift card')}</legend>
                {choice('giftCertificateType', p.giftCertificates, p.form.giftCertificateType ?? p.session.giftCertificateType)}
              </fieldset>
            )}
            {p.overseas.length > 0 && (
              <fieldset>
                <legend>{overseasLegend[p.session.payMethod]}</legend>
                {choice('option', p.overseas, p.form.option ?? p.session.easyPayProvider)}
              </fieldset>
            )}
            {p.session.payMethod === 'VIRTUAL_ACCOUNT' && (
              <div>
                <label for="bank">{t('입금 은행', 'Bank')}</label>
                <select id="bank" name="bank" data-autofocus>
                  {p.banks.map((o) => (
                    <option value={o.code} selected={(p.form.bank ?? p.session.bankCode ?? 'SHINHAN') === o.code}>
                      {`${lang === 'ko' ? o.nameKo : o.nameEn} — ${expect(o.expected)}`}
                    </option>
                  ))}
                </select>
                <div class="muted small">
                  {t(
                    `입금 기한: 발급 후 ${p.session.validHours ?? 72}시간${p.session.dueDate ? ` (${p.session.dueDate}까지)` : ''}`,
                    `Deposit deadline: ${p.session.validHours ?? 72} hours after issuance${p.session.dueDate ? ` (until ${p.session.dueDate})` : ''}`,
                  )}
                </div>
              </div>
            )}
            {p.session.cashReceipt && (
              <fieldset data-testid="cash-receipt">
                <legend>{t('현금영수증', 'Cash receipt')}</legend>
                {(
                  [
                    ['PERSONAL', t('소득공제용 (개인)', 'Income deduction (personal)')],
                    ['CORPORATE', t('지출증빙용 (사업자)', 'Proof of expense (business)')],
                    ['NONE', t('미발행', 'No receipt')],
                  ] as const
                ).map(([code, label]) => (
                  <label class="choice">
                    <input type="radio" name="cashReceiptType" value={code} checked={(p.form.cashReceiptType ?? p.session.cashReceipt!.preset) === code} />
                    <span>{label}</span>
                  </label>
                ))}
                <label for="cashReceiptNumber">{t('휴대폰 번호 · 사업자등록번호 · 현금영수증 카드 번호', 'Mobile, business registration or cash receipt card number')}</label>
                <input
                  id="cashReceiptNumber"
                  name="cashReceiptNumber"
                  inputmode="numeric"
                  placeholder="010-0000-0000"
                  value={p.form.cashReceiptNumber ?? p.session.cashReceipt.customerIdentifier ?? ''}
                  aria-invalid={p.error?.field === 'cashReceiptNumber' ? 'true' : undefined}
                />
              </fieldset>
            )}
          </form>
        </main>
        <div class="pg-actions">
          <form method="post" action="/checkout/cancel" id="cancel-form">
            <input type="hidden" name="s" value={p.token} />
            <button type="submit" class="secondary" data-testid="close-window">
              {t('닫기', 'Close')}
            </button>
          </form>
          <button type="submit" form="pay-form" id="pay-button" data-testid="pay">
            {p.session.payMethod === 'VIRTUAL_ACCOUNT' ? t('계좌 발급받기', 'Issue account') : t(`${amount} 결제하기`, `Pay ${amount}`)}
          </button>
        </div>
      </div>
    </Document>
  );
}
