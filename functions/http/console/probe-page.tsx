/** @jsxImportSource hono/jsx */
import type { ProbeReport } from '../../probe/run-probe.ts';
import { PROBE_LIMITS } from '../../probe/run-probe.ts';
import type { WebhookSettingsView } from '../../webhooks/settings.ts';
import { translator } from '../ui/format.ts';
import { Badge, ConsoleLayout, CsrfField, type ConsoleChrome } from './layout.tsx';

/** The webhooks page's "probe a receiver" form (POST /console/webhooks/probe). */
export function ProbeForm(props: ConsoleChrome & { settings: WebhookSettingsView; url?: string; timeoutMs?: number }) {
  const t = translator(props.lang);
  return (
    <section class="card stack" aria-labelledby="probe-h">
      <h2 id="probe-h">{t('수신 서버 점검', 'Probe a receiver')}</h2>
      <p class="muted small">
        {t(
          '올바른 웹훅, 중복·재시도·순서 바뀜, 모르는 타입·필드, 위조·변조·오래된·서명 없는 요청을 보내고 응답을 채점합니다. 결제 2건을 실제로 만듭니다.',
          'Sends valid, duplicate, retried and reordered webhooks, unknown types and fields, and forged, tampered, stale and unsigned requests, then scores the answers. Makes two real payments.',
        )}
      </p>
      <form method="post" action="/console/webhooks/probe" class="stack">
        <CsrfField token={props.csrf} />
        <div>
          <label for="probe-url">{t('수신 URL', 'Receiver URL')}</label>
          <input id="probe-url" name="url" type="url" required value={props.url ?? props.settings.url ?? ''} placeholder="https://example.com/portone-webhook" />
        </div>
        <div>
          <label for="probe-timeout">{t('응답 제한 시간 (ms)', 'Answer timeout (ms)')}</label>
          <input
            id="probe-timeout"
            name="timeoutMs"
            type="number"
            min={PROBE_LIMITS.timeoutMs.min}
            max={PROBE_LIMITS.timeoutMs.max}
            value={String(props.timeoutMs ?? PROBE_LIMITS.timeoutMs.default)}
          />
        </div>
        <button type="submit">{t('점검 실행', 'Run the probe')}</button>
      </form>
    </section>
  );
}

/** A probe's report: one row per check, with what the receiver answered. */
export function ProbePage(props: ConsoleChrome & { settings: WebhookSettingsView; report: ProbeReport }) {
  const { report } = props;
  const t = translator(props.lang);
  return (
    <ConsoleLayout {...props} title={t('수신 서버 점검', 'Receiver probe')} nav="webhooks">
      <h1>{t('수신 서버 점검 결과', 'Receiver probe report')}</h1>
      <p data-testid="probe-score">
        <Badge text={`${report.passed}/${report.total}`} tone={report.ok ? 'ok' : 'bad'} />{' '}
        <span class="mono small">{report.url}</span>{' '}
        <span class="muted small">
          {t(`가장 느린 응답 ${report.slowestMs} ms, 제한 ${report.timeoutMs} ms`, `slowest answer ${report.slowestMs} ms, timeout ${report.timeoutMs} ms`)}
        </span>
      </p>
      <p class="small">
        {t('사용한 결제: ', 'Payments used: ')}
        <a href={`/console/payments/${encodeURIComponent(report.payments.paid)}`}>{report.payments.paid}</a>,{' '}
        <a href={`/console/payments/${encodeURIComponent(report.payments.cancelled)}`}>{report.payments.cancelled}</a>
      </p>
      <div class="scroll">
        <table data-testid="probe-table">
          <thead>
            <tr>
              <th scope="col">{t('결과', 'Result')}</th>
              <th scope="col">{t('점검', 'Check')}</th>
              <th scope="col">{t('기대', 'Expects')}</th>
              <th scope="col">{t('응답', 'What happened')}</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((c) => (
              <tr data-check={c.id}>
                <td>
                  <Badge text={c.passed ? 'PASS' : 'FAIL'} tone={c.passed ? 'ok' : 'bad'} />
                </td>
                <td>
                  {c.title[props.lang]} <span class="muted small mono">({c.id})</span>
                </td>
                <td class="small">{c.expect === 'ACCEPT' ? '2xx' : t('2xx 아님', 'non-2xx')}</td>
                <td class="small">{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProbeForm {...props} url={report.url} timeoutMs={report.timeoutMs} />
    </ConsoleLayout>
  );
}
