/**
 * A shop's front end as React and Vue shops write it, minus the framework: it imports PortOne's
 * npm package `@portone/browser-sdk/v2` (the real one, bundled by esbuild in the test) and calls
 * it from click handlers, keeping its state in one object and re-rendering from it. Nothing in it
 * knows about pg-sandbox: the page's configuration decides where the SDK comes from.
 */
import * as PortOne from '@portone/browser-sdk/v2';

interface Config {
  storeId: string;
  channelKeys: { payment: string; identity: string };
}

type State =
  | { step: 'idle' }
  | { step: 'pending' }
  | { step: 'done'; kind: 'payment' | 'identity'; id: string }
  | { step: 'failed'; code: string; pgCode?: string; message: string }
  | { step: 'error'; errorType: string; code: string; message: string };

const config = JSON.parse(document.getElementById('config')!.textContent!) as Config;
let state: State = { step: 'idle' };

function render(): void {
  const el = document.getElementById('result')!;
  el.dataset.state = state.step;
  el.textContent = JSON.stringify(state);
}

function setState(next: State): void {
  state = next;
  render();
}

async function pay(): Promise<void> {
  const paymentId = `npm-${crypto.randomUUID()}`;
  setState({ step: 'pending' });
  try {
    const response = await PortOne.requestPayment({
      storeId: config.storeId,
      channelKey: config.channelKeys.payment,
      paymentId,
      orderName: '리액트 티셔츠',
      totalAmount: 12_000,
      currency: 'CURRENCY_KRW',
      payMethod: 'CARD',
      customer: { fullName: '홍길동', phoneNumber: '010-1234-5678' },
    });
    if (response?.code !== undefined) return setState({ step: 'failed', code: response.code, pgCode: response.pgCode, message: response.message ?? '' });
    setState({ step: 'done', kind: 'payment', id: response!.paymentId });
  } catch (error) {
    // The package's own type guard: the sandbox's errors must pass it like PortOne's.
    if (PortOne.isPaymentError(error)) return setState({ step: 'error', errorType: 'PaymentError', code: String(error.code), message: error.message });
    setState({ step: 'error', errorType: 'unknown', code: '', message: String(error) });
  }
}

async function verify(): Promise<void> {
  setState({ step: 'pending' });
  try {
    const response = await PortOne.requestIdentityVerification({
      storeId: config.storeId,
      channelKey: config.channelKeys.identity,
      identityVerificationId: `npm-idv-${crypto.randomUUID()}`,
      customer: { fullName: '홍길동', phoneNumber: '010-1234-5678', birthYear: '1990', birthMonth: '01', birthDay: '01' },
    });
    if (response?.code !== undefined) return setState({ step: 'failed', code: response.code, pgCode: response.pgCode, message: response.message ?? '' });
    setState({ step: 'done', kind: 'identity', id: response!.identityVerificationId });
  } catch (error) {
    if (PortOne.isIdentityVerificationError(error)) return setState({ step: 'error', errorType: 'IdentityVerificationError', code: String(error.code), message: error.message });
    setState({ step: 'error', errorType: 'unknown', code: '', message: String(error) });
  }
}

async function loadWidget(): Promise<void> {
  try {
    await PortOne.loadPaymentUI(
      { uiType: 'PAYPAL_SPB', storeId: config.storeId, channelKey: config.channelKeys.payment, paymentId: `npm-ui-${crypto.randomUUID()}`, orderName: 'x', totalAmount: 1_000, currency: 'CURRENCY_USD' },
      { onPaymentSuccess: () => undefined, onPaymentFail: () => undefined },
    );
    setState({ step: 'done', kind: 'payment', id: 'ui' });
  } catch (error) {
    if (PortOne.isLoadPaymentUIError(error)) return setState({ step: 'error', errorType: 'LoadPaymentUIError', code: String(error.code), message: error.message });
    setState({ step: 'error', errorType: 'unknown', code: '', message: String(error) });
  }
}

document.getElementById('pay')!.addEventListener('click', () => void pay());
document.getElementById('verify')!.addEventListener('click', () => void verify());
document.getElementById('widget')!.addEventListener('click', () => void loadWidget());
render();
