/** @jsxImportSource hono/jsx */
import type { BillingCardOption } from '../../checkout/billing-choices.ts';
import type { BillingCheckoutSession } from '../../checkout/billing-session.ts';
import type { ExpectedOutcome } from '../../checkout/choices.ts';
import type { PgProfile } from '../../domain/profiles/index.ts';
import type { ChannelRecord } from '../../domain/store.ts';
import { Document } from '../ui/document.tsx';
import { formatAmount, groupDigits, translator } from '../ui/format.ts';

export interface BillingPageProps {
  token: string;
  session: BillingCheckoutSession;
  profile: PgProfile;
  channel: ChannelRecord;
  notes: string[];
  cards: BillingCardOption[];
  form: { testCard?: string; cardNumber?: string; expiryMonth?: string; expiryYear?: string };
  error?: { field: string; message: string };
}

/**
 * The PG's billing-key window (빌링키 발급창), played by the sandbox: which PG and channel, what it
 * does with billing keys in test mode, and the test cards with what issuing and paying with each
 * will give. The same element ids as the payment window, so its script (Escape, busy button) serves both.
 */
export function BillingPage(p: BillingPageProps) {
  const s = p.session;
  const t = translator(s.lang);
  const pgName = s.lang === 'ko' ? p.profile.consoleName : p.profile.englishName;
  const andPay = s.payment !== undefined;
  const amount = s.payment ? formatAmount(s.payment.amount.total, s.payment.currency, s.lang) : s.displayAmount ? formatAmount(s.displayAmount.amount, s.displayAmount.currency, s.lang) : undefined;
  const show = (e: ExpectedOutcome, ok: string, okEn: string) => (e.approved ? t(ok, okEn) : t(`거절: ${e.pgMessage}`, `refused: ${e.pgMessage}`));
  const label = (o: BillingCardOption) =>
    !o.issuance.approved
      ? `${t('발급', 'issue')} ${show(o.issuance, '', '')}`
      : `${t('발급', 'issued')} · ${andPay ? t('결제', 'payment') : t('비인증 결제', 'billing payment')} ${show(o.payment, '승인', 'approved')}`;
  const issuers = [...new Set(p.cards.map((c) => c.card.issuerName))];
  const title = andPay ? t('빌링키 발급 및 결제', 'Issue a billing key and pay') : t('빌링키 발급', 'Issue a billing key');
  return (
    <Document lang={s.lang} title={`${pgName} ${t('테스트 빌링키 발급창', 'test billing key window')} · pg-sandbox`} scripts={['checkout.js']}>
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
          <h1>{title}</h1>
          <section aria-labelledby="order-h" class="card">
            <h2 id="order-h" class="sr-only">{t('발급 정보', 'Issuance')}</h2>
            <div class="muted small">{s.payment?.orderName ?? s.issueName ?? t('정기결제 카드 등록', 'Card for recurring payments')}</div>
            {amount && (
              <div class="pg-amount" data-testid="amount">
                {amount}
              </div>
            )}
            {s.manualConfirm && <div class="muted small">{t('수동 승인: 가맹점 서버의 승인 후 발급됩니다.', "Manual confirm: issued once the merchant's server confirms.")}</div>}
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

          <form method="post" action="/checkout/billing-issue" id="pay-form" class="stack" aria-describedby={p.error ? 'form-error' : undefined}>
            <input type="hidden" name="s" value={p.token} />
            {s.method === 'CARD' ? (
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
                              {`${c.card.name.replace(`${issuer} 샌드박스 `, '')} · ${groupDigits(c.number)} — ${label(c)}`}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="cardNumber">{t('또는 카드번호 직접 입력', 'Or type a card number')}</label>
                  <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="off" placeholder="0000 0000 0000 0000" value={p.form.cardNumber ?? ''} aria-invalid={p.error?.field === 'cardNumber' ? 'true' : undefined} />
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
              </>
            ) : (
              <p>{t(`${pgName} 계정에 등록된 결제수단으로 빌링키를 발급합니다.`, `Issues a key for the payment method in the ${pgName} wallet.`)}</p>
            )}
          </form>
        </main>
        <div class="pg-actions">
          <form method="post" action="/checkout/billing-cancel" id="cancel-form">
            <input type="hidden" name="s" value={p.token} />
            <button type="submit" class="secondary" data-testid="close-window">
              {t('닫기', 'Close')}
            </button>
          </form>
          <button type="submit" form="pay-form" id="pay-button" data-testid="pay">
            {andPay && amount ? t(`발급하고 ${amount} 결제하기`, `Issue and pay ${amount}`) : t('빌링키 발급하기', 'Issue billing key')}
          </button>
        </div>
      </div>
    </Document>
  );
}
