/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { Document } from '../ui/document.tsx';
import { kst, translator, type Lang } from '../ui/format.ts';
import type { Flash } from './flash.ts';

export type NavKey = 'payments' | 'channels' | 'billing' | 'webhooks' | 'store';

export interface ConsoleChrome {
  lang: Lang;
  storeId: string;
  csrf: string;
  /** Store clock now (ISO). */
  now: string;
  /** This page's path, for the language switch and actions to come back to. */
  here: string;
  flash?: Flash;
}

/** The hidden field every console form carries. */
export const CsrfField = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;

/**
 * Every signed-in page: skip link, header with navigation, the store and its test clock, the
 * language switch and sign-out; the action result (flash) announced at the top of main.
 */
export function ConsoleLayout(props: ConsoleChrome & { title: string; nav: NavKey; children?: Child }) {
  const t = translator(props.lang);
  const other = props.lang === 'ko' ? 'en' : 'ko';
  const items: [NavKey, string, string][] = [
    ['payments', '/console/payments', t('결제 내역', 'Payments')],
    ['channels', '/console/channels', t('채널', 'Channels')],
    ['billing', '/console/billing', t('빌링키·예약', 'Billing')],
    ['webhooks', '/console/webhooks', t('웹훅', 'Webhooks')],
    ['store', '/console/store', t('상점·시계', 'Store & clock')],
  ];
  return (
    <Document lang={props.lang} title={`${props.title} · pg-sandbox ${t('콘솔', 'console')}`}>
      <a class="skip" href="#main">
        {t('본문으로 건너뛰기', 'Skip to content')}
      </a>
      <header class="c-head">
        <div class="inner">
          <a class="brand" href="/console/payments">
            pg-sandbox {t('콘솔', 'console')} <span class="badge test">TEST</span>
          </a>
          <nav aria-label={t('콘솔 메뉴', 'Console menu')}>
            <ul>
              {items.map(([key, href, label]) => (
                <li>
                  <a href={href} aria-current={key === props.nav ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="meta">
            <span class="mono">{props.storeId}</span>
            <span data-testid="store-clock">
              {t('상점 시계', 'Store clock')} <time datetime={props.now}>{kst(props.now)}</time> KST
            </span>
            <a href={`/console/lang?to=${other}&next=${encodeURIComponent(props.here)}`} lang={other}>
              {other === 'en' ? 'English' : '한국어'}
            </a>
            <form method="post" action="/console/logout">
              <CsrfField token={props.csrf} />
              <button type="submit" class="link">
                {t('로그아웃', 'Sign out')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" class="c-main stack" tabindex={-1}>
        {props.flash && (
          <div role={props.flash.kind === 'bad' ? 'alert' : 'status'} class={`notice ${props.flash.kind}`} data-testid="flash">
            {props.flash.text}
          </div>
        )}
        {props.children}
      </main>
    </Document>
  );
}

/** A status badge: text plus a colour class; the colour never carries meaning alone. */
export const Badge = (props: { text: string; tone?: string; testid?: string }) => (
  <span class={`badge ${props.tone ?? ''}`} data-testid={props.testid}>
    {props.text}
  </span>
);
