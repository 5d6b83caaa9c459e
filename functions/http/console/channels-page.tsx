/** @jsxImportSource hono/jsx */
import { refundSummary, testModeNotes } from '../../checkout/test-mode-notes.ts';
import { getProfile } from '../../domain/profiles/index.ts';
import { liveDifferences } from '../../domain/profiles/live.ts';
import { channelModeOf, type ChannelRecord } from '../../domain/store.ts';
import { translator } from '../ui/format.ts';
import { Badge, ConsoleLayout, CsrfField, type ConsoleChrome } from './layout.tsx';

/** Switches a channel to the other mode (new payments only). */
function ModeForm(props: { channel: ChannelRecord; csrf: string; lang: 'ko' | 'en' }) {
  const t = translator(props.lang);
  const live = channelModeOf(props.channel) === 'LIVE_LIKE';
  return (
    <form method="post" action={`/console/channels/${encodeURIComponent(props.channel.channelKey)}/mode`}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="mode" value={live ? 'TEST' : 'LIVE_LIKE'} />
      <button type="submit" class="small" data-testid={`mode-${props.channel.channelKey}`}>
        {live ? t('테스트 채널로', 'Make it a test channel') : t('라이브형으로', 'Make it live-like')}
      </button>
    </form>
  );
}

/**
 * The store's channels, each with its mode and what its PG does in it (from the profile data): the
 * test channel's rules, or for a live-like channel what differs from them (docs/live-like-channels.md).
 */
export function ChannelsPage(props: ConsoleChrome & { channels: ChannelRecord[] }) {
  const { lang } = props;
  const t = translator(lang);
  return (
    <ConsoleLayout {...props} title={t('채널', 'Channels')} nav="channels">
      <h1>{t('채널', 'Channels')}</h1>
      <p class="muted">
        {t(
          '채널 키(channelKey)를 결제 요청에 넣으면 그 PG의 테스트 모드 동작이 재현됩니다. 출처와 가정은 docs/profiles.md에 있습니다.',
          "Put a channelKey in a payment request to get that PG's test-mode behaviour. Sources and assumptions: docs/profiles.md.",
        )}{' '}
        {t(
          '라이브형 채널은 그 PG의 실제(라이브) 채널처럼 동작합니다: 일괄취소 없음, 거절 카드는 모든 PG에서 실패, 가상계좌 입금 시 결제완료. 포트원 응답의 channel.type은 그대로 TEST입니다.',
          "A live-like channel behaves like the PG's live channel: no batch void, decline cards fail on every PG, virtual-account deposits pay. PortOne's channel.type stays TEST.",
        )}
      </p>
      <div class="scroll">
        <table data-testid="channels-table">
          <caption>{t(`채널 ${props.channels.length}개`, `${props.channels.length} channels`)}</caption>
          <thead>
            <tr>
              <th scope="col">PG</th>
              <th scope="col">{t('채널 키 · MID', 'Channel key · MID')}</th>
              <th scope="col">{t('모드', 'Mode')}</th>
              <th scope="col">{t('요약', 'In short')}</th>
              <th scope="col">{t('자세히', 'Details')}</th>
            </tr>
          </thead>
          <tbody>
            {props.channels.map((ch) => {
              const profile = getProfile(ch.pgProvider);
              const live = channelModeOf(ch) === 'LIVE_LIKE';
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
                  <td>
                    <Badge text={live ? t('라이브형 · LIVE_LIKE', 'live-like · LIVE_LIKE') : t('테스트 · TEST', 'test · TEST')} tone={live ? 'ok' : ''} />
                    <ModeForm channel={ch} csrf={props.csrf} lang={lang} />
                  </td>
                  <td>
                    {live
                      ? t('실제 승인, PG 일괄취소 없음: 취소로만 환불', 'real approval, no PG batch void: only a cancel refunds')
                      : profile
                        ? refundSummary(profile.withdraws.value, ch.autoRefundOverride ?? profile.autoRefund.value, lang)
                        : '—'}
                  </td>
                  <td class="small">
                    {profile && live && (
                      <ul class="notes">
                        {liveDifferences(profile).map((d) => (
                          <li>{d[lang]}</li>
                        ))}
                      </ul>
                    )}
                    {profile && !live && (
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
