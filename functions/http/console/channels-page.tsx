/** @jsxImportSource hono/jsx */
import { refundSummary, testModeNotes } from '../../checkout/test-mode-notes.ts';
import { getProfile } from '../../domain/profiles/index.ts';
import type { ChannelRecord } from '../../domain/store.ts';
import { translator } from '../ui/format.ts';
import { ConsoleLayout, type ConsoleChrome } from './layout.tsx';

/** The store's test channels, each with what its PG does in test mode (from the profile data). */
export function ChannelsPage(props: ConsoleChrome & { channels: ChannelRecord[] }) {
  const { lang } = props;
  const t = translator(lang);
  return (
    <ConsoleLayout {...props} title={t('채널', 'Channels')} nav="channels">
      <h1>{t('테스트 채널', 'Test channels')}</h1>
      <p class="muted">
        {t(
          '채널 키(channelKey)를 결제 요청에 넣으면 그 PG의 테스트 모드 동작이 재현됩니다. 출처와 가정은 docs/profiles.md에 있습니다.',
          "Put a channelKey in a payment request to get that PG's test-mode behaviour. Sources and assumptions: docs/profiles.md.",
        )}
      </p>
      <div class="scroll">
        <table data-testid="channels-table">
          <caption>{t(`채널 ${props.channels.length}개`, `${props.channels.length} channels`)}</caption>
          <thead>
            <tr>
              <th scope="col">PG</th>
              <th scope="col">{t('채널 키 · MID', 'Channel key · MID')}</th>
              <th scope="col">{t('테스트 모드 요약', 'Test mode in short')}</th>
              <th scope="col">{t('자세히', 'Details')}</th>
            </tr>
          </thead>
          <tbody>
            {props.channels.map((ch) => {
              const profile = getProfile(ch.pgProvider);
              return (
                <tr>
                  <th scope="row">
                    {profile ? (lang === 'ko' ? profile.consoleName : profile.englishName) : ch.pgProvider}
                    <div class="muted small">{ch.pgProvider}</div>
                  </th>
                  <td>
                    <span class="mono">{ch.channelKey}</span>
                    <div class="muted small">MID {ch.pgMerchantId}</div>
                  </td>
                  <td>{profile ? refundSummary(profile.withdraws.value, ch.autoRefundOverride ?? profile.autoRefund.value, lang) : '—'}</td>
                  <td class="small">
                    {profile && (
                      <ul class="notes">
                        {testModeNotes(profile, ch, lang, undefined, { summary: false }).map((n) => (
                          <li>{n}</li>
                        ))}
                        {profile.quirks.map((q) => (
                          <li>{q}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  );
}
