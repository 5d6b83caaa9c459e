/** @jsxImportSource hono/jsx */
import type { CheckoutPaymentMethod } from '../../domain/checkout-profile.ts';
import type { PaymentSessionRecord } from '../../domain/payment-session.ts';
import type { PaymentRecord } from '../../domain/payment.ts';
import { Document } from '../ui/document.tsx';
import { formatAmount, kst, translator, type Lang } from '../ui/format.ts';

/** Each hosted-checkout method as the page names it. */
const METHOD_NAMES: Partial<Record<CheckoutPaymentMethod, { ko: string; en: string }>> = {
  CARD_KR: { ko: '신용·체크카드', en: 'Card (Korea)' },
  CARD_INTERNATIONAL: { ko: '해외 카드', en: 'International card' },
  N_PAY: { ko: '네이버페이', en: 'Naver Pay' },
  KAKAO_PAY: { ko: '카카오페이', en: 'KakaoPay' },
  TOSS_PAY: { ko: '토스페이', en: 'TossPay' },
  PAY_PAL: { ko: '페이팔', en: 'PayPal' },
  ALIPAY_CN: { ko: '알리페이', en: 'Alipay' },
  ALIPAY_HK: { ko: '알리페이 HK', en: 'AlipayHK' },
  TRUE_MONEY: { ko: '트루머니', en: 'TrueMoney' },
  DANA: { ko: '다나', en: 'DANA' },
  TOUCH_N_GO: { ko: '터치앤고', en: "Touch 'n Go" },
  G_CASH: { ko: '지캐시', en: 'GCash' },
  RABBIT_LINE_PAY: { ko: '래빗 라인페이', en: 'Rabbit LINE Pay' },
  CONVENIENCE_STORE_JP: { ko: '편의점 결제 (일본)', en: 'Convenience store (Japan)' },
};
export const methodName = (m: CheckoutPaymentMethod, lang: Lang) => METHOD_NAMES[m]?.[lang] ?? m;

/** The page's own style sheet carries the session's `colors` (inline styles are forbidden by the CSP). */
export const colorsCssPath = (sessionId: string) => `/checkout/payment-sessions/${encodeURIComponent(sessionId)}/colors.css`;

function Shell(props: { lang: Lang; session?: PaymentSessionRecord; title: string; children?: unknown }) {
  const t = translator(props.lang);
  return (
    <Document lang={props.lang} title={`${props.title} · pg-sandbox`}>
      {props.session?.colors && <link rel="stylesheet" href={colorsCssPath(props.session.id)} />}
      <div class="pg-window hosted-checkout">
        <header class="pg-head">
          <div class="row">
            <span class="badge test">TEST</span>
            <span class="pg-name" data-testid="store-name">{props.session?.storeName ?? t('결제하기', 'Checkout')}</span>
          </div>
          <div class="muted small">{t('포트원 호스티드 체크아웃 (pg-sandbox 테스트 모드)', 'PortOne hosted checkout (pg-sandbox test mode)')}</div>
        </header>
        <main class="pg-body stack" id="main">
          {props.children}
        </main>
      </div>
    </Document>
  );
}

function Order(props: { lang: Lang; session: PaymentSessionRecord }) {
  const { session, lang } = props;
  const t = translator(lang);
  return (
    <section aria-labelledby="order-h" class="card stack">
      <h2 id="order-h" class="small">{t('주문 정보', 'Order')}</h2>
      {session.orderImageUrl && <img src={session.orderImageUrl} alt="" width="96" height="96" />}
      <div data-testid="order-name">{session.orderName}</div>
      {session.products && (
        <ul class="notes small" data-testid="products">
          {session.products.map((p) => (
            <li>
              {p.name} × {p.quantity} — {formatAmount(p.unitPrice * p.quantity, session.currency, lang)}
            </li>
          ))}
        </ul>
      )}
      <div class="pg-amount" data-testid="amount">{formatAmount(session.totalAmount, session.currency, lang)}</div>
      {(session.customerName || session.customerEmail) && (
        <div class="muted small">
          {t('구매자', 'Buyer')}: {[session.customerName, session.customerEmail].filter(Boolean).join(' · ')}
        </div>
      )}
      <div class="muted small mono">paymentId {session.paymentId}</div>
    </section>
  );
}

/** The order form: methods from the profile, agreements the customer must accept (required checkboxes). */
export function HostedCheckoutPage(props: {
  lang: Lang;
  session: PaymentSessionRecord;
  methods: { paymentMethod: CheckoutPaymentMethod; channelKey: string }[];
  error?: string;
}) {
  const { session, lang } = props;
  const t = translator(lang);
  return (
    <Shell lang={lang} session={session} title={t('주문서', 'Checkout')}>
      <h1>{t('주문서', 'Checkout')}</h1>
      <Order lang={lang} session={session} />
      {props.error && (
        <div role="alert" class="notice bad" data-testid="error">
          {props.error}
        </div>
      )}
      {props.methods.length === 0 ? (
        <div role="alert" class="notice bad" data-testid="no-methods">
          {t('이 주문에 사용할 수 있는 결제 수단이 없습니다. (체크아웃 프로필을 확인해 주세요)', 'No pay method is available for this order (check the checkout profile).')}
        </div>
      ) : (
        <form method="post" action={`/checkout/payment-sessions/${encodeURIComponent(session.id)}/pay?lang=${lang}`} class="stack">
          <fieldset class="stack">
            <legend>{t('결제 수단', 'Pay with')}</legend>
            {props.methods.map((m, i) => (
              <label class="choice">
                <input type="radio" name="paymentMethod" value={m.paymentMethod} checked={i === 0} />
                <span>{methodName(m.paymentMethod, lang)}</span>
              </label>
            ))}
          </fieldset>
          {session.agreements && session.agreements.length > 0 && (
            <fieldset class="stack">
              <legend>{t('약관 동의', 'Agreements')}</legend>
              {session.agreements.map((a, i) => (
                <label class="choice">
                  <input type="checkbox" name={`agree-${i}`} value="yes" required />
                  <span>
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      {a.name}
                    </a>{' '}
                    {t('에 동의합니다', '— I agree')}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" data-testid="pay">
            {t(`${formatAmount(session.totalAmount, session.currency, lang)} 결제하기`, `Pay ${formatAmount(session.totalAmount, session.currency, lang)}`)}
          </button>
          <div class="muted small">
            {t('이 결제 세션은 다음 시각에 만료됩니다', 'This session expires at')}: {kst(session.expiresAt)} (KST)
          </div>
        </form>
      )}
    </Shell>
  );
}

/** The default result page (no `redirectUrl`), and what a settled session's page shows: the payment as PortOne has it. */
export function HostedResultPage(props: { lang: Lang; session: PaymentSessionRecord; payment?: PaymentRecord; failure?: { code?: string; message?: string } }) {
  const { session, payment, lang } = props;
  const t = translator(lang);
  const status = payment?.status;
  const done = status === 'PAID' || status === 'VIRTUAL_ACCOUNT_ISSUED' || status === 'PAY_PENDING';
  return (
    <Shell lang={lang} session={session} title={t('결제 결과', 'Payment result')}>
      <h1>{done ? t('결제가 완료되었습니다', 'Payment complete') : t('결제가 완료되지 않았습니다', 'Payment not completed')}</h1>
      <Order lang={lang} session={session} />
      <div role="status" class={`notice ${done ? 'ok' : 'bad'}`} data-testid="result">
        <div>
          {t('결제 상태', 'Payment status')}: <span class="mono" data-testid="payment-status">{status ?? t('없음', 'none')}</span>
        </div>
        {!done && props.failure?.message && <div>{props.failure.message}</div>}
      </div>
      {!done && (
        <a href={`/checkout/payment-sessions/${encodeURIComponent(session.id)}?lang=${lang}`} data-testid="retry">
          {t('다시 결제하기', 'Try again')}
        </a>
      )}
    </Shell>
  );
}

/** A session that is unknown, closed or expired: its page says so (PortOne's 404 / 410). */
export function HostedSessionGonePage(props: { lang: Lang; expired: boolean; message: string }) {
  const t = translator(props.lang);
  return (
    <Shell lang={props.lang} title={t('결제 세션', 'Payment session')}>
      <div role="alert" class="notice bad" data-testid="gone">
        <h1>{props.expired ? t('만료된 결제 세션입니다', 'This payment session has expired') : t('결제 세션을 찾을 수 없습니다', 'Payment session not found')}</h1>
        <p>{props.message}</p>
      </div>
    </Shell>
  );
}
