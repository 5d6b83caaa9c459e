/** @jsxImportSource hono/jsx */
import type { IdentitySession } from '../../checkout/identity-window.ts';
import { OPERATORS, OPERATOR_NAMES_KO, TEST_OTP, type RequestedCustomer } from '../../domain/identity-verification.ts';
import type { IdentityVerificationTestMode } from '../../domain/profiles/identity-verification.ts';
import type { PgProfile } from '../../domain/profiles/index.ts';
import type { ChannelRecord } from '../../domain/store.ts';
import { Document } from '../ui/document.tsx';
import { translator } from '../ui/format.ts';

export interface IdentityPageProps {
  token: string;
  session: IdentitySession;
  profile: PgProfile;
  mode: IdentityVerificationTestMode;
  channel: ChannelRecord;
  requested: RequestedCustomer;
  /** What the form showed last time (after a refused input). */
  form: Record<string, string>;
  error?: { field: string; message: string };
}

/**
 * The PG's 본인인증 window, played by the sandbox: the carrier (알뜰폰 included), who the customer is
 * (prefilled from the shop's `customer`), and the OTP a real carrier would text, shown on the page
 * because test channels send no SMS.
 */
export function IdentityPage(p: IdentityPageProps) {
  const t = translator(p.session.lang);
  const pgName = p.session.lang === 'ko' ? p.profile.consoleName : p.profile.englishName;
  const birth = p.requested.birthYear && p.requested.birthMonth && p.requested.birthDay ? `${p.requested.birthYear}-${p.requested.birthMonth}-${p.requested.birthDay}` : '';
  const value = (field: string, fallback = '') => p.form[field] ?? fallback;
  const invalid = (field: string) => (p.error?.field === field ? 'true' : undefined);
  const operator = value('operator', 'SKT');
  return (
    <Document lang={p.session.lang} title={`${pgName} ${t('본인인증', 'identity verification')} · pg-sandbox`} scripts={['checkout.js']}>
      <div class="pg-window">
        <header class="pg-head">
          <div class="row">
            <span class="badge test">TEST</span>
            <span class="pg-name">{pgName}</span>
            <span class="muted small">{p.profile.pgProvider}</span>
          </div>
          <div class="muted small">
            {t('테스트 채널', 'Test channel')}: {p.channel.name} · MID {p.channel.pgMerchantId} · pg-sandbox
          </div>
        </header>
        <main class="pg-body stack" id="main">
          <h1>{t('휴대폰 본인인증', 'Mobile identity verification')}</h1>
          <section aria-labelledby="mode-h" class="notice warn">
            <h2 id="mode-h" class="small">{t('테스트 모드 안내', 'Test mode')}</h2>
            <ul class="notes small" data-testid="test-mode-notes">
              <li>
                {t('실제 문자는 발송되지 않습니다. 테스트 인증번호: ', 'No SMS is sent. Test OTP: ')}
                <strong class="mono" data-testid="test-otp">{TEST_OTP}</strong>
              </li>
              {!p.mode.sharedTestCredentials.value && (
                <li>{t(`포트원에서는 ${pgName} 본인인증에 공용 테스트 계정이 없어 계약(가입) 후에만 테스트할 수 있습니다. pg-sandbox는 그대로 시뮬레이션합니다.`, `On PortOne, ${pgName} identity verification has no shared test account: it needs your own contract first. pg-sandbox simulates it anyway.`)}</li>
              )}
              <li>{t('인증번호를 5회 틀리면 본인인증이 실패합니다.', 'Five wrong OTPs fail the verification.')}</li>
            </ul>
          </section>
          {p.error && (
            <div id="form-error" role="alert" class="notice bad">
              {t('입력을 확인해 주세요: ', 'Please check: ')}
              {p.error.message}
            </div>
          )}
          <form method="post" action="/checkout/identity-verification/verify" id="pay-form" class="stack" aria-describedby={p.error ? 'form-error' : undefined}>
            <input type="hidden" name="s" value={p.token} />
            <fieldset aria-invalid={invalid('operator')}>
              <legend>{t('통신사', 'Carrier')}</legend>
              {OPERATORS.filter((o) => p.mode.operators.value.includes(o)).map((o, i) => (
                <label class="choice">
                  <input type="radio" name="operator" value={o} checked={operator === o} data-autofocus={i === 0 ? true : undefined} />
                  <span>{OPERATOR_NAMES_KO[o]}</span>
                </label>
              ))}
            </fieldset>
            <div>
              <label for="name">{t('이름', 'Name')}</label>
              <input id="name" name="name" autocomplete="name" value={value('name', p.requested.name ?? '')} aria-invalid={invalid('name')} />
            </div>
            <div>
              <label for="phoneNumber">{t('휴대폰 번호', 'Mobile number')}</label>
              <input id="phoneNumber" name="phoneNumber" inputmode="tel" autocomplete="tel" placeholder="010-0000-0000" value={value('phoneNumber', p.requested.phoneNumber ?? '')} aria-invalid={invalid('phoneNumber')} />
            </div>
            <div>
              <label for="birthDate">{t('생년월일 (YYYY-MM-DD)', 'Date of birth (YYYY-MM-DD)')}</label>
              <input id="birthDate" name="birthDate" placeholder="1990-01-01" value={value('birthDate', birth)} aria-invalid={invalid('birthDate')} />
            </div>
            <div>
              <label for="gender">{t('성별', 'Gender')}</label>
              <select id="gender" name="gender" aria-invalid={invalid('gender')}>
                <option value="MALE" selected={value('gender', 'MALE') === 'MALE'}>{t('남성', 'Male')}</option>
                <option value="FEMALE" selected={value('gender') === 'FEMALE'}>{t('여성', 'Female')}</option>
              </select>
            </div>
            <label class="choice">
              <input type="checkbox" name="isForeigner" value="true" checked={value('isForeigner') === 'true'} />
              <span>{t('외국인', 'Foreign national')}</span>
            </label>
            <div>
              <label for="otp">{t('인증번호', 'OTP')}</label>
              <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength={6} aria-invalid={invalid('otp')} aria-describedby="otp-help" />
              <div id="otp-help" class="muted small">
                {t(`테스트 인증번호 ${TEST_OTP}을(를) 입력하세요. 다른 번호는 "인증번호 불일치"가 됩니다.`, `Type the test OTP ${TEST_OTP}; any other number is a wrong OTP.`)}
              </div>
            </div>
          </form>
        </main>
        <div class="pg-actions">
          <form method="post" action="/checkout/identity-verification/cancel" id="cancel-form">
            <input type="hidden" name="s" value={p.token} />
            <button type="submit" class="secondary" data-testid="close-window">
              {t('닫기', 'Close')}
            </button>
          </form>
          <button type="submit" form="pay-form" id="pay-button" data-testid="verify">
            {t('인증 완료', 'Verify')}
          </button>
        </div>
      </div>
    </Document>
  );
}
