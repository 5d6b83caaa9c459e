import { kstDateTime } from '../../domain/kst.ts';

/**
 * Display formats shared by the checkout window and the console. Times are shown in Korean time
 * (KST, UTC+9), the clock every PG rule is written in.
 */
export type Lang = 'ko' | 'en';

export function formatAmount(amount: number, currency: string, lang: Lang): string {
  const n = amount.toLocaleString('ko-KR');
  if (currency === 'KRW') return lang === 'ko' ? `${n}원` : `₩${n}`;
  return `${n} ${currency}`;
}

/** `2025-11-26 14:03:12` (KST). */
export function kst(iso: string | undefined): string {
  if (!iso) return '';
  return kstDateTime(iso);
}

/** `11-26 14:03` for tight spaces (timeline labels). */
export const kstShort = (iso: string) => kst(iso).slice(5, 16);

/** A translator for one request: Korean first, English when the tester switched. */
export const translator = (lang: Lang) => (ko: string, en: string) => (lang === 'ko' ? ko : en);

/** Card numbers in groups of four, as printed on cards. */
export const groupDigits = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');
