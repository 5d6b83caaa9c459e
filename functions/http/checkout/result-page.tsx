/** @jsxImportSource hono/jsx */
import type { BillingWindowResponse } from '../../checkout/billing-response.ts';
import type { PaymentResponse } from '../../checkout/payment-response.ts';
import type { IdentityVerificationResponse } from '../../checkout/identity-response.ts';
import type { Context } from 'hono';
import { Document, renderPage } from '../ui/document.tsx';
import { translator, type Lang } from '../ui/format.ts';

/** What a window answers the SDK call that opened it. */
export type WindowResponse = PaymentResponse | BillingWindowResponse | IdentityVerificationResponse;

/**
 * The window's last page in the overlay and popup flows: it tells the merchant page the result
 * (checkout-result.js posts it to the session's merchant origin) and says it in words for a
 * screen reader or a tester whose opener is gone.
 */
export function ResultPage(props: { lang: Lang; sessionId: string; windowType: 'IFRAME' | 'POPUP'; targetOrigin: string; response: WindowResponse }) {
  const t = translator(props.lang);
  const ok = props.response.code === undefined;
  const type = props.response.transactionType;
  const heading =
    type === 'IDENTITY_VERIFICATION'
      ? ok ? t('본인인증이 완료되었습니다', 'Identity verified') : t('본인인증이 완료되지 않았습니다', 'Not verified')
      : type !== 'PAYMENT'
        ? ok ? t('빌링키 발급이 완료되었습니다', 'Billing key issued') : t('빌링키가 발급되지 않았습니다', 'No billing key issued')
        : ok ? t('결제가 완료되었습니다', 'Payment complete') : t('결제되지 않았습니다', 'Not paid');
  return (
    <Document lang={props.lang} title={heading} scripts={['checkout-result.js']}>
      <main class="pg-window">
        <div class="pg-body stack">
          <div
            id="pg-result"
            role="status"
            class={ok ? 'notice ok' : 'notice bad'}
            data-session={props.sessionId}
            data-window={props.windowType}
            data-target-origin={props.targetOrigin}
            data-response={JSON.stringify(props.response)}
          >
            <h1>{heading}</h1>
            {!ok && <p>{props.response.message}</p>}
          </div>
          <p class="muted small">{t('가맹점 페이지로 돌아갑니다.', 'Returning to the merchant page.')}</p>
        </div>
      </main>
    </Document>
  );
}

/** A window that cannot go on (bad or expired link) and has nobody to report to. */
export function WindowErrorPage(props: { lang: Lang; title: string; message: string }) {
  return (
    <Document lang={props.lang} title={props.title}>
      <main class="pg-window">
        <div class="pg-body stack">
          <div role="alert" class="notice bad">
            <h1>{props.title}</h1>
            <p>{props.message}</p>
          </div>
        </div>
      </main>
    </Document>
  );
}

/** The window's 500 page: nothing was charged, say so. */
export function renderWindowFailure(c: Context) {
  return renderPage(
    c,
    <WindowErrorPage
      lang="ko"
      title="결제창 오류 (payment window error)"
      message="pg-sandbox가 요청을 처리하지 못했습니다. 결제는 진행되지 않았습니다. (pg-sandbox could not handle the request; nothing was charged.)"
    />,
    500,
  );
}
