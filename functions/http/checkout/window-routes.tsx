/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { bankOptions, cardOptions, carrierOptions, defaultCard, easyPayOptions, giftCertificateOptions, overseasOptions } from '../../checkout/choices.ts';
import { completeCheckout, settledResponse, type CheckoutChoice } from '../../checkout/complete-payment.ts';
import { isOverseas } from '../../checkout/payment-request.ts';
import type { PaymentResponse } from '../../checkout/payment-response.ts';
import { openSession, type CheckoutSession } from '../../checkout/session.ts';
import { testModeNotes } from '../../checkout/test-mode-notes.ts';
import { cancelCheckout } from '../../checkout/user-cancel.ts';
import type { CashReceiptRequest } from '../../domain/cash-receipt.ts';
import { getProfile } from '../../domain/profiles/index.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../ui/document.tsx';
import { translator } from '../ui/format.ts';
import { clientInfo } from '../ui/request-info.ts';
import { CheckoutPage, type CheckoutPageProps } from './checkout-page.tsx';
import { finish, invalidLink, readForm, setWindowCsp, type Form } from './window-common.tsx';
import { sdkErrorOf } from '../../checkout/sdk-errors.ts';
import { logger } from '../../logger.ts';

const expiredResponse = (s: CheckoutSession): PaymentResponse => ({
  transactionType: 'PAYMENT',
  paymentId: s.paymentId,
  txId: s.txId,
  code: 'DeadlineExceeded',
  message: '결제 가능 시간이 지났습니다. 결제창을 다시 열어 주세요. (checkout session expired)',
});

/**
 * A window whose request failed for a reason no refusal covers (a dependency failed) still ends
 * with an answer to the merchant's promise, never a page that leaves it pending.
 */
function finishWithFailure(c: Context<AppEnv>, session: CheckoutSession, err: unknown) {
  logger.error('checkout window error', { error: err as Error, path: c.req.path });
  const { code, message } = sdkErrorOf(err);
  return finish(c, session, { transactionType: 'PAYMENT', paymentId: session.paymentId, txId: session.txId, code, message });
}

function choiceFrom(session: CheckoutSession, form: Form): CheckoutChoice {
  switch (session.payMethod) {
    case 'CARD':
      return {
        kind: 'CARD',
        number: (form.cardNumber ?? '').trim() || (form.testCard ?? ''),
        expiryMonth: (form.expiryMonth ?? '').trim(),
        expiryYear: (form.expiryYear ?? '').trim(),
        installmentMonth: /^\d{1,2}$/.test(form.installment ?? '') ? Number(form.installment) : undefined,
      };
    case 'EASY_PAY':
      return { kind: 'EASY_PAY', provider: form.provider ?? session.easyPayProvider ?? '' };
    case 'VIRTUAL_ACCOUNT':
      return { kind: 'VIRTUAL_ACCOUNT', bank: form.bank ?? session.bankCode ?? '', cashReceipt: receiptChoice(session, form) };
    case 'TRANSFER':
      return { kind: 'TRANSFER', bank: form.bank ?? '', cashReceipt: receiptChoice(session, form) };
    case 'MOBILE':
      return { kind: 'MOBILE', carrier: form.carrier ?? session.carrier ?? '', phoneNumber: form.phoneNumber ?? '' };
    case 'GIFT_CERTIFICATE':
      return { kind: 'GIFT_CERTIFICATE', giftCertificateType: form.giftCertificateType ?? session.giftCertificateType ?? '' };
    case 'PAYPAL':
    case 'ALIPAY':
    case 'ALIPAY_PLUS':
    case 'CONVENIENCE_STORE':
      return { kind: session.payMethod, option: form.option ?? '' };
  }
}

/** The buyer's 현금영수증 choice, in a window that offers one: 소득공제 or 지출증빙 with the number typed (미발행: none). */
function receiptChoice(session: CheckoutSession, form: Form): CashReceiptRequest | undefined {
  if (!session.cashReceipt) return undefined;
  const type = form.cashReceiptType ?? session.cashReceipt.preset;
  if (type !== 'PERSONAL' && type !== 'CORPORATE') return undefined;
  return { type, customerIdentityNumber: (form.cashReceiptNumber ?? session.cashReceipt.customerIdentifier ?? '').trim() };
}

async function showWindow(c: Context<AppEnv>, token: string, session: CheckoutSession, form: CheckoutPageProps['form'], error?: CheckoutPageProps['error']) {
  const { services } = c.var;
  const channel = await services.repo.getChannel(session.storeId, session.channelKey);
  const profile = channel && getProfile(channel.pgProvider);
  if (!channel || !profile) return finish(c, session, { transactionType: 'PAYMENT', paymentId: session.paymentId, txId: session.txId, code: 'ChannelNotFound', message: `채널이 존재하지 않습니다. (channelKey: ${session.channelKey})` });
  const amount = session.amount.total;
  const cards = session.payMethod === 'CARD' ? cardOptions(profile, amount) : [];
  setWindowCsp(c, session);
  return renderPage(
    c,
    <CheckoutPage
      token={token}
      session={session}
      profile={profile}
      channel={channel}
      notes={testModeNotes(profile, channel, session.lang, session.payMethod)}
      cards={cards}
      easyPays={session.payMethod === 'EASY_PAY' ? easyPayOptions(profile, amount) : []}
      banks={session.payMethod === 'VIRTUAL_ACCOUNT' || session.payMethod === 'TRANSFER' ? bankOptions(profile, amount, session.payMethod) : []}
      carriers={session.payMethod === 'MOBILE' ? carrierOptions(profile, amount) : []}
      giftCertificates={session.payMethod === 'GIFT_CERTIFICATE' ? giftCertificateOptions(profile, amount) : []}
      overseas={isOverseas(session.payMethod) ? overseasOptions(profile, session.payMethod, amount) : []}
      form={{ ...form, testCard: form.testCard ?? defaultCard(cards) }}
      error={error}
    />,
    error ? 400 : 200,
  );
}

/**
 * The PG window: GET shows it, POST /checkout/pay lets the PG decide, POST /checkout/cancel is the
 * customer closing it (also called by the SDK shim, cross-origin, when a popup is closed).
 */
export function windowRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/checkout/window', async (c) => {
    const token = c.req.query('s') ?? '';
    const opened = openSession(c.var.services, token);
    if (!opened.ok) return opened.reason === 'expired' ? finish(c, opened.session, expiredResponse(opened.session)) : invalidLink(c);
    const { session } = opened;
    const payment = await c.var.services.repo.getPayment(session.storeId, session.paymentId);
    const settled = payment && settledResponse(session, payment);
    if (settled) return finish(c, session, settled);
    return showWindow(c, token, session, {});
  });

  app.post('/checkout/pay', async (c) => {
    const form = await readForm(c);
    const token = form.s ?? '';
    const opened = openSession(c.var.services, token);
    if (!opened.ok) return opened.reason === 'expired' ? finish(c, opened.session, expiredResponse(opened.session)) : invalidLink(c);
    const { session } = opened;
    let outcome;
    try {
      outcome = await completeCheckout(c.var.services, session, choiceFrom(session, form), clientInfo(c));
    } catch (err) {
      return finishWithFailure(c, session, err);
    }
    if (outcome.kind === 'retry') {
      const t = translator(session.lang);
      const message =
        outcome.field === 'cardNumber'
          ? t(`카드번호를 확인하세요 (${outcome.message})`, `card number: ${outcome.message}`)
          : outcome.field === 'expiry'
            ? t('유효기간은 MM / YY 형식입니다', 'expiry must be MM / YY')
            : outcome.field === 'phoneNumber'
              ? t('휴대폰 번호를 확인하세요 (010…)', 'mobile number: 010…')
              : outcome.field === 'cashReceiptNumber'
                ? t('현금영수증 발급 번호를 확인하세요 (휴대폰·사업자등록번호·현금영수증 카드 번호)', `cash receipt number: ${outcome.message}`)
                : outcome.message;
      return showWindow(c, token, session, form, { field: outcome.field, message });
    }
    return finish(c, session, outcome.response);
  });

  app.use('/checkout/cancel', cors({ origin: '*', allowMethods: ['POST'], maxAge: 600 }));
  app.post('/checkout/cancel', async (c) => {
    const form = await readForm(c);
    const opened = openSession(c.var.services, form.s);
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    // Closing an expired window is still the customer closing it.
    const session = opened.ok ? opened.session : opened.reason === 'expired' ? opened.session : undefined;
    if (!session) return wantsJson ? c.json({ code: 'BadRequest', message: 'invalid checkout session' }, 400) : invalidLink(c);
    const response = await cancelCheckout(c.var.services, session);
    return wantsJson ? c.json(response) : finish(c, session, response);
  });

  return app;
}
