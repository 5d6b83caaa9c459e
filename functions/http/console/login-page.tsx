/** @jsxImportSource hono/jsx */
import { Document } from '../ui/document.tsx';
import { translator, type Lang } from '../ui/format.ts';

/** Sign-in with a store's API secret (POSTed, never in a URL). */
export function LoginPage(props: { lang: Lang; next: string; error?: boolean }) {
  const t = translator(props.lang);
  const other = props.lang === 'ko' ? 'en' : 'ko';
  return (
    <Document lang={props.lang} title={t('로그인 · pg-sandbox 콘솔', 'Sign in · pg-sandbox console')}>
      <main class="login stack" id="main">
        <div class="row">
          <span class="badge test">TEST</span>
          <a href={`/console/lang?to=${other}&next=${encodeURIComponent(`/console/login?next=${encodeURIComponent(props.next)}`)}`} lang={other}>
            {other === 'en' ? 'English' : '한국어'}
          </a>
        </div>
        <h1>{t('pg-sandbox 콘솔 로그인', 'Sign in to the pg-sandbox console')}</h1>
        <p class="muted">
          {t(
            '상점의 API Secret으로 로그인합니다. Secret은 저장되지 않으며 브라우저에는 서명된 세션 쿠키만 남습니다.',
            "Sign in with your store's API secret. The secret is not stored; the browser keeps only a signed session cookie.",
          )}
        </p>
        {props.error && (
          <div role="alert" class="notice bad" data-testid="login-error">
            {t('API Secret이 올바르지 않습니다.', 'That API secret is not valid.')}
          </div>
        )}
        <form method="post" action="/console/login" class="card stack">
          <input type="hidden" name="next" value={props.next} />
          <div>
            <label for="apiSecret">API Secret</label>
            <input id="apiSecret" name="apiSecret" type="password" autocomplete="off" required aria-describedby="secret-help" aria-invalid={props.error ? 'true' : undefined} />
            <div id="secret-help" class="muted small">
              {t('npm start가 출력한 "API secret" 값입니다.', 'The "API secret" npm start printed.')}
            </div>
          </div>
          <button type="submit">{t('로그인', 'Sign in')}</button>
        </form>
        <p class="small">
          <a href="/demo">{t('데모 상점 (결제 해보기)', 'Demo shop (try a payment)')}</a>
        </p>
      </main>
    </Document>
  );
}
