/** @jsxImportSource hono/jsx */
import { EASY_PAY_PROVIDERS } from '../../checkout/choices.ts';
import { refundSummary } from '../../checkout/test-mode-notes.ts';
import { getProfile } from '../../domain/profiles/index.ts';
import type { ChannelRecord } from '../../domain/store.ts';
import { Document } from '../ui/document.tsx';
import { translator, type Lang } from '../ui/format.ts';

/**
 * GET /demo: a sample merchant page served by the sandbox, so a newcomer can pay without writing
 * code. It loads /sdk.js exactly as a shop loads PortOne's SDK; its own code is /assets/demo.js.
 */
export function DemoPage(props: { lang: Lang; storeId?: string; channels: ChannelRecord[]; returnUrl: string; missingStore?: boolean }) {
  const t = translator(props.lang);
  const other = props.lang === 'ko' ? 'en' : 'ko';
  const switchHref = `/demo?${new URLSearchParams({ ...(props.storeId ? { storeId: props.storeId } : {}), lang: other })}`;
  return (
    <Document lang={props.lang} title={t('데모 상점 · pg-sandbox', 'Demo shop · pg-sandbox')} preScripts={['/sdk.js']} scripts={['demo.js']}>
      <main class="shop stack">
        <div class="row">
          <span class="badge test">DEMO</span>
          <a href={switchHref} lang={other}>
            {props.lang === 'ko' ? 'English' : '한국어'}
          </a>
        </div>
        <h1>{t('pg-sandbox 데모 상점', 'pg-sandbox demo shop')}</h1>
        <p class="muted">
          {t(
            '가맹점 예시 페이지입니다. 포트원 브라우저 SDK 대신 ',
            'A sample merchant page. It loads ',
          )}
          <code>/sdk.js</code>
          {t(
            '를 불러와 PortOne.requestPayment()를 호출합니다. 실제 가맹점은 결제 후 서버에서 API Secret으로 결제를 조회해 금액과 상태를 검증해야 합니다.',
            " instead of PortOne's browser SDK and calls PortOne.requestPayment(). A real shop then verifies the payment on its server with its API secret.",
          )}
        </p>
        {!props.storeId || props.missingStore ? (
          <form method="get" action="/demo" class="card stack">
            {props.missingStore && (
              <div role="alert" class="notice bad">
                {t('그런 상점이 없습니다.', 'No such store.')}
              </div>
            )}
            <div>
              <label for="storeId">{t('상점 아이디 (storeId)', 'Store id (storeId)')}</label>
              <input id="storeId" name="storeId" required value={props.storeId ?? ''} aria-describedby="storeId-help" />
              <div id="storeId-help" class="muted small">
                {t('npm start가 출력한 Store id (예: store-local-sandbox)', 'The store id npm start printed (e.g. store-local-sandbox)')}
              </div>
            </div>
            <input type="hidden" name="lang" value={props.lang} />
            <button type="submit">{t('상점 열기', 'Open the shop')}</button>
          </form>
        ) : (
          <>
            <form id="demo-form" class="card stack" data-store-id={props.storeId} data-return-url={props.returnUrl} data-console-label={t('콘솔에서 보기', 'Open in the console')}>
              <div class="muted small mono">storeId {props.storeId}</div>
              <div>
                <label for="channelKey">{t('결제 채널 (PG)', 'Channel (PG)')}</label>
                <select id="channelKey" name="channelKey">
                  {props.channels.map((ch) => {
                    const profile = getProfile(ch.pgProvider);
                    const summary = profile ? refundSummary(profile.withdraws.value, ch.autoRefundOverride ?? profile.autoRefund.value, props.lang) : '';
                    return <option value={ch.channelKey}>{`${props.lang === 'ko' ? (profile?.consoleName ?? ch.name) : (profile?.englishName ?? ch.name)} (${ch.pgProvider}) — ${summary}`}</option>;
                  })}
                </select>
              </div>
              <fieldset>
                <legend>{t('결제수단', 'Payment method')}</legend>
                <label class="choice">
                  <input type="radio" name="payMethod" value="CARD" checked /> {t('카드', 'Card')}
                </label>
                <label class="choice">
                  <input type="radio" name="payMethod" value="EASY_PAY" /> {t('간편결제', 'Easy pay')}
                </label>
                <label class="choice">
                  <input type="radio" name="payMethod" value="VIRTUAL_ACCOUNT" /> {t('가상계좌', 'Virtual account')}
                </label>
              </fieldset>
              <div>
                <label for="easyPayProvider">{t('간편결제사 (간편결제일 때)', 'Easy-pay provider (for easy pay)')}</label>
                <select id="easyPayProvider" name="easyPayProvider">
                  {EASY_PAY_PROVIDERS.map((p) => (
                    <option value={p.code}>{props.lang === 'ko' ? p.nameKo : p.nameEn}</option>
                  ))}
                </select>
              </div>
              <div class="grid2">
                <div>
                  <label for="orderName">{t('주문명', 'Order name')}</label>
                  <input id="orderName" name="orderName" required value={t('샌드박스 티셔츠', 'Sandbox T-shirt')} />
                </div>
                <div>
                  <label for="totalAmount">{t('금액 (원)', 'Amount (KRW)')}</label>
                  <input id="totalAmount" name="totalAmount" type="number" min="0" step="1" required value="15000" />
                </div>
              </div>
              <div class="grid2">
                <div>
                  <label for="windowType">{t('결제창 방식', 'Window type')}</label>
                  <select id="windowType" name="windowType">
                    <option value="IFRAME">{t('PC: 레이어(iframe)', 'PC: overlay (iframe)')}</option>
                    <option value="POPUP">{t('PC: 팝업', 'PC: popup')}</option>
                    <option value="REDIRECTION">{t('모바일: 리디렉션', 'Mobile: redirect')}</option>
                  </select>
                </div>
                <div>
                  <label for="paymentId">{t('결제 ID (paymentId)', 'Payment id (paymentId)')}</label>
                  <input id="paymentId" name="paymentId" required />
                </div>
              </div>
              <input type="hidden" name="customerName" value="홍길동" />
              <button type="submit">{t('결제하기', 'Pay')}</button>
            </form>
            <section class="card" aria-labelledby="result-h">
              <h2 id="result-h">{t('requestPayment 응답', 'requestPayment response')}</h2>
              <pre class="out" id="demo-output" aria-live="polite">
                {t('아직 결제하지 않았습니다.', 'Nothing paid yet.')}
              </pre>
              <p id="demo-links"></p>
            </section>
          </>
        )}
        <p class="small">
          <a href="/console">{t('샌드박스 콘솔 열기', 'Open the sandbox console')}</a>
        </p>
      </main>
    </Document>
  );
}

/** GET /demo/return: where the redirect (mobile) flow lands, with PortOne's result in the query. */
export function DemoReturnPage(props: { lang: Lang; query: Record<string, string>; storeId?: string }) {
  const t = translator(props.lang);
  const ok = props.query.paymentId !== undefined && props.query.code === undefined;
  const paymentId = props.query.paymentId;
  return (
    <Document lang={props.lang} title={t('결제 결과 · 데모 상점', 'Payment result · demo shop')}>
      <main class="shop stack">
        <h1>{t('결제 결과 (리디렉션)', 'Payment result (redirect)')}</h1>
        <div role="status" class={ok ? 'notice ok' : 'notice bad'} data-testid="return-status">
          {ok ? t('결제창이 성공을 알렸습니다. 서버에서 검증하세요.', 'The window reported success. Verify it on your server.') : props.query.message ?? t('결과 없음', 'No result')}
        </div>
        <table>
          <caption>{t('쿼리 파라미터', 'Query parameters')}</caption>
          <tbody>
            {Object.entries(props.query).map(([k, v]) => (
              <tr>
                <th scope="row">{k}</th>
                <td class="mono">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="row">
          {paymentId && <a href={`/console/payments/${encodeURIComponent(paymentId)}`}>{t('콘솔에서 보기', 'Open in the console')}</a>}
          <a href={props.storeId ? `/demo?storeId=${encodeURIComponent(props.storeId)}` : '/demo'}>{t('데모 상점으로', 'Back to the demo shop')}</a>
        </p>
      </main>
    </Document>
  );
}
