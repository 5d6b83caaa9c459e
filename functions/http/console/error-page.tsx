/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { Document, renderPage } from '../ui/document.tsx';
import { translator, type Lang } from '../ui/format.ts';

/** Console 404 and 500: an HTML page with a way back, not PortOne's JSON. */
export function renderConsoleError(c: Context, lang: Lang, status: 404 | 500) {
  const t = translator(lang);
  const title = status === 404 ? t('페이지를 찾을 수 없습니다', 'Page not found') : t('콘솔 오류', 'Console error');
  return renderPage(
    c,
    <Document lang={lang} title={`${title} · pg-sandbox`}>
      <main class="login stack" id="main">
        <div role="alert" class="notice bad">
          <h1>{title}</h1>
          {status === 500 && <p>{t('요청을 처리하지 못했습니다. 변경된 것은 없습니다.', 'The request failed; nothing was changed.')}</p>}
        </div>
        <p>
          <a href="/console/payments">{t('결제 내역으로', 'Back to payments')}</a>
        </p>
      </main>
    </Document>,
    status,
  );
}
