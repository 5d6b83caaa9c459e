/** @jsxImportSource hono/jsx */
import type { FaultLogEntry, FaultSettings } from '../../domain/faults.ts';
import { kst, translator } from '../ui/format.ts';
import { CsrfField, type ConsoleChrome } from './layout.tsx';

/** The store page's fault injection section: the rules as JSON (docs/faults.md) and the latest injected faults. */
export function FaultsSection(props: ConsoleChrome & { faults: FaultSettings; log: FaultLogEntry[] }) {
  const t = translator(props.lang);
  const { setAt: _setAt, ...editable } = props.faults;
  return (
    <section class="card stack" aria-labelledby="faults-h">
      <h2 id="faults-h">{t('장애 주입', 'Fault injection')}</h2>
      <p class="muted small">
        {t(
          '규칙에 맞는 PortOne API 요청에 지연, 429, 5xx, 연결 끊김, 타임아웃, 응답 유실(처리는 됨)을 주입합니다. 빈 목록이면 꺼집니다. 형식: docs/faults.md',
          'Injects latency, 429, 5xx, dropped connections, timeouts and lost answers (the operation done) into matching PortOne API requests. An empty list turns it off. Format: docs/faults.md',
        )}
      </p>
      <form method="post" action="/console/faults" class="stack">
        <CsrfField token={props.csrf} />
        <label for="fault-rules">{t('규칙 (JSON)', 'Rules (JSON)')}</label>
        <textarea id="fault-rules" name="settings" rows={8} class="mono">
          {JSON.stringify(editable, null, 2)}
        </textarea>
        <button type="submit">{t('저장', 'Save')}</button>
      </form>
      <h3>{t('최근 주입된 장애', 'Latest injected faults')}</h3>
      <ul class="notes" data-testid="fault-log">
        {props.log.length === 0 && <li class="muted">{t('아직 없습니다.', 'None yet.')}</li>}
        {props.log.map((f) => (
          <li class="small">
            {kst(f.at)} <span class="mono">{f.method} {f.path}</span>: {f.description} <span class="muted">({f.ruleId})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
