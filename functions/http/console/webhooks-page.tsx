/** @jsxImportSource hono/jsx */
import type { DeliveryLogEntry } from '../../webhooks/deliveries.ts';
import type { WebhookSettingsView } from '../../webhooks/settings.ts';
import { kst, translator } from '../ui/format.ts';
import { Badge, ConsoleLayout, CsrfField, type ConsoleChrome } from './layout.tsx';
import { ProbeForm } from './probe-page.tsx';

/** Webhook settings (URL, signing secrets) and the store's delivery log, newest first. */
export function WebhooksPage(props: ConsoleChrome & { settings: WebhookSettingsView; deliveries: DeliveryLogEntry[] }) {
  const { lang, settings } = props;
  const t = translator(lang);
  return (
    <ConsoleLayout {...props} title={t('웹훅', 'Webhooks')} nav="webhooks">
      <h1>{t('웹훅 (테스트 모드)', 'Webhooks (test mode)')}</h1>
      <div class="grid2">
        <section class="card stack" aria-labelledby="url-h">
          <h2 id="url-h">{t('웹훅 URL', 'Webhook URL')}</h2>
          <form method="post" action="/console/webhooks/url" class="stack">
            <CsrfField token={props.csrf} />
            <div>
              <label for="webhook-url">URL</label>
              <input id="webhook-url" name="url" type="url" value={settings.url ?? ''} placeholder="https://example.com/portone-webhook" aria-describedby="url-help" />
              <div id="url-help" class="muted small">
                {t('비우고 저장하면 해제됩니다. 결제 요청의 noticeUrls가 있으면 그쪽이 우선합니다.', "Save empty to clear it. A request's noticeUrls win over it.")}
              </div>
            </div>
            <button type="submit">{t('저장', 'Save')}</button>
          </form>
        </section>
        <section class="card stack" aria-labelledby="secrets-h">
          <h2 id="secrets-h">{t('서명 시크릿', 'Signing secrets')}</h2>
          <p class="muted small">
            {t(`최대 ${settings.maxSecrets}개. 교체 중에는 두 시크릿 모두로 서명합니다.`, `Up to ${settings.maxSecrets}. While rotating, deliveries are signed with both.`)}
          </p>
          <ul class="notes">
            {settings.secrets.map((s) => (
              <li>
                <span class="mono">{s.id}</span> <span class="muted small">({kst(s.createdAt)})</span>
                <details>
                  <summary>{t('시크릿 보기', 'Show secret')}</summary>
                  <code class="mono">{s.secret}</code>
                </details>
                {settings.secrets.length > 1 && (
                  <form method="post" action={`/console/webhooks/secrets/${encodeURIComponent(s.id)}/delete`}>
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="link">
                      {t('삭제', 'Delete')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          {settings.secrets.length === 0 && <p class="muted small">{t('URL을 저장하면 첫 시크릿이 만들어집니다.', 'Saving a URL creates the first secret.')}</p>}
          {settings.secrets.length < settings.maxSecrets && (
            <form method="post" action="/console/webhooks/secrets">
              <CsrfField token={props.csrf} />
              <button type="submit" class="secondary">
                {t('시크릿 추가', 'Add a secret')}
              </button>
            </form>
          )}
        </section>
      </div>
      <ProbeForm {...props} />
      <section aria-labelledby="log-h">
        <h2 id="log-h">{t('발송 내역', 'Delivery log')}</h2>
        <div class="scroll">
          <table data-testid="deliveries-table">
            <caption>{t(`최근 ${props.deliveries.length}건`, `Latest ${props.deliveries.length}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('생성 (KST)', 'Created (KST)')}</th>
                <th scope="col">{t('결제', 'Payment')}</th>
                <th scope="col">{t('이벤트', 'Event')}</th>
                <th scope="col">URL</th>
                <th scope="col">{t('상태', 'Status')}</th>
                <th scope="col">{t('마지막 응답', 'Last answer')}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.length === 0 && (
                <tr>
                  <td colspan={6} class="muted">
                    {t('아직 없습니다.', 'None yet.')}
                  </td>
                </tr>
              )}
              {props.deliveries.map((d) => {
                const last = d.attempts.at(-1);
                return (
                  <tr>
                    <td class="small">{kst(d.createdAt)}</td>
                    <td class="mono small">
                      <a href={`/console/payments/${encodeURIComponent(d.paymentId)}`}>{d.paymentId}</a>
                    </td>
                    <td>
                      {d.type}
                      {d.trigger && <span class="muted small"> ({d.trigger})</span>}
                    </td>
                    <td class="mono small">{d.url}</td>
                    <td>
                      <Badge text={`${d.status} ${d.executionCount}/${d.maxExecutionCount}`} tone={d.status === 'DELIVERED' ? 'ok' : d.status === 'FAILED' ? 'bad' : 'warn'} />
                    </td>
                    <td class="small">{last ? (last.status !== undefined ? `HTTP ${last.status}` : last.error ?? '') : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </ConsoleLayout>
  );
}
