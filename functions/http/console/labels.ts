import type { Lang } from '../ui/format.ts';

/** Korean (console-style) and English names of PortOne's statuses and the PG ledger's states. */
const PAYMENT_STATUS: Record<string, [string, string, string]> = {
  READY: ['결제대기', 'Ready', ''],
  PAY_PENDING: ['승인대기', 'Pay pending', 'info'],
  VIRTUAL_ACCOUNT_ISSUED: ['가상계좌 발급', 'VA issued', 'info'],
  PAID: ['결제완료', 'Paid', 'ok'],
  FAILED: ['결제실패', 'Failed', 'bad'],
  PARTIAL_CANCELLED: ['부분취소', 'Partially cancelled', 'warn'],
  CANCELLED: ['결제취소', 'Cancelled', ''],
};

const PG_STATUS: Record<string, [string, string, string]> = {
  APPROVED: ['승인', 'Approved', 'ok'],
  VOIDED_BY_BATCH: ['PG 일괄취소', 'Voided by PG batch', 'bad'],
  AWAITING_DEPOSIT: ['입금 없음', 'No deposit', 'info'],
  DEPOSIT_RECEIVED: ['실입금', 'Deposit received', 'warn'],
  CANCELLED: ['취소', 'Cancelled', ''],
  PARTIALLY_CANCELLED: ['부분취소', 'Partially cancelled', 'warn'],
  DECLINED: ['거절', 'Declined', 'bad'],
  NOT_APPROVED: ['미승인', 'Not approved', ''],
};

const pick = (table: Record<string, [string, string, string]>, key: string, lang: Lang) => {
  const row = table[key];
  return { text: row ? (lang === 'ko' ? row[0] : row[1]) : key, tone: row?.[2] ?? '' };
};

export const paymentStatusLabel = (status: string, lang: Lang) => pick(PAYMENT_STATUS, status, lang);
export const pgStatusLabel = (status: string, lang: Lang) => pick(PG_STATUS, status, lang);

export const METHOD_LABEL: Record<string, [string, string]> = {
  CARD: ['카드', 'Card'],
  EASY_PAY: ['간편결제', 'Easy pay'],
  VIRTUAL_ACCOUNT: ['가상계좌', 'Virtual account'],
};

const METHOD_TYPE: Record<string, string> = {
  PaymentMethodCard: 'CARD',
  PaymentMethodEasyPay: 'EASY_PAY',
  PaymentMethodVirtualAccount: 'VIRTUAL_ACCOUNT',
};

/** "카드 · 신한카드 4518 01** **** 0008" style summary of a payment's method. */
export function methodSummary(method: Record<string, unknown> | undefined, lang: Lang): string {
  if (!method) return '—';
  const kind = METHOD_TYPE[String(method.type)] ?? String(method.type);
  const name = METHOD_LABEL[kind]?.[lang === 'ko' ? 0 : 1] ?? kind;
  if (kind === 'CARD') {
    const card = (method.card ?? {}) as Record<string, string>;
    return `${name} · ${card.name ?? card.issuer ?? ''} ${card.number ?? ''}`.trim();
  }
  if (kind === 'EASY_PAY') return `${name} · ${String(method.provider ?? '')}`;
  if (kind === 'VIRTUAL_ACCOUNT') return `${name} · ${String(method.bank ?? '')} ${String(method.accountNumber ?? '')}`;
  return name;
}
