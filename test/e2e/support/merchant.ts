import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IdentityVerificationClient, PaymentClient } from '@portone/server-sdk';
import type { TestSandbox } from '../../support/sandbox.ts';

/**
 * A sample merchant for the browser tests, on its own origin (another loopback port): a shop page
 * that loads the sandbox's /sdk.js exactly as a shop loads PortOne's browser SDK, the shop's own
 * script (no inline script: the page's CSP is strict, as a careful merchant's would be), a server
 * that verifies every payment with the official @portone/server-sdk, a redirect landing page for
 * mobile, webhook receivers (one healthy, one broken) and confirm-process endpoints (/confirm/approve
 * answers 200, /confirm/soldout refuses with PortOne's `errorMessage`). A 본인인증 button does the same for
 * `PortOne.requestIdentityVerification`, verified with the official IdentityVerificationClient.
 */
export const PRODUCT = { name: '샌드박스 티셔츠', amount: 15_000 };

export interface Merchant {
  url: string;
  webhooks: { path: string; body: string }[];
  close(): Promise<void>;
}

/** What every test page's script starts with: its config, the query string, and show() reporting into #result. */
const PAGE_PRELUDE = String.raw`  var config = JSON.parse(document.getElementById('config').textContent);
  var params = new URLSearchParams(location.search);
  var result = document.getElementById('result');
  function show(state, text, extra) {
    result.setAttribute('data-state', state);
    result.textContent = text;
    for (var k in extra || {}) result.setAttribute('data-' + k, extra[k]);
  }
`;

const SHOP_JS = String.raw`(function () {
${PAGE_PRELUDE}  document.getElementById('pay').addEventListener('click', function () {
    var payMethod = document.getElementById('payMethod').value;
    var paymentId = 'order-' + Date.now() + '-' + Math.random().toString(36).slice(2, 8);
    result.setAttribute('data-payment-id', paymentId);
    var request = {
      storeId: config.storeId,
      channelKey: params.get('channelKey') || config.channels[params.get('pg') || 'INICIS_V2'],
      paymentId: paymentId,
      orderName: config.product.name,
      totalAmount: config.product.amount,
      currency: 'CURRENCY_KRW',
      payMethod: payMethod,
      customer: { fullName: '홍길동', email: 'buyer@example.com', phoneNumber: '010-0000-0000' },
      redirectUrl: location.origin + '/return',
      customData: { cartId: 'cart-1' }
    };
    if (params.get('window')) request.windowType = { pc: params.get('window') };
    if (payMethod === 'EASY_PAY') request.easyPay = { easyPayProvider: params.get('provider') || 'KAKAOPAY' };
    if (payMethod === 'MOBILE' && params.get('carrier')) request.mobile = { carrier: params.get('carrier') };
    if (payMethod === 'GIFT_CERTIFICATE' && params.get('gift')) request.giftCertificate = { giftCertificateType: params.get('gift') };
    if (params.get('notice')) request.noticeUrls = [location.origin + '/webhook', location.origin + '/webhook-broken'];
    if (params.get('confirm')) request.confirmUrl = location.origin + '/confirm/' + params.get('confirm');
    show('pending', '결제 진행 중…');
    PortOne.requestPayment(request).then(function (response) {
      if (response.code !== undefined) {
        show('failed', '결제 실패: ' + response.message, { code: response.code, 'pg-code': response.pgCode || '' });
        return;
      }
      return fetch('/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) })
        .then(function (r) { return r.json(); })
        .then(function (v) { show(v.verified ? v.state : 'mismatch', v.message, { status: v.status }); });
    }, function (error) {
      show('error', error.code + ': ' + error.message, { code: error.code });
    });
  });
  // 본인인증 (identity verification) before checkout, as shops do for adult goods or sign-up.
  document.getElementById('verify').addEventListener('click', function () {
    var id = params.get('identityVerificationId') || 'idv-' + Date.now() + '-' + Math.random().toString(36).slice(2, 8);
    result.setAttribute('data-identity-verification-id', id);
    var request = {
      storeId: config.storeId,
      identityVerificationId: id,
      channelKey: params.get('channelKey') || config.channels[params.get('pg') || 'DANAL'],
      customer: { customerId: 'member-1', fullName: '홍길동', phoneNumber: '010-1234-5678', birthYear: '1990', birthMonth: '1', birthDay: '1' },
      redirectUrl: location.origin + '/identity-return',
      customData: { signup: true }
    };
    if (params.get('window')) request.windowType = { pc: params.get('window') };
    show('pending', '본인인증 진행 중…');
    PortOne.requestIdentityVerification(request).then(function (response) {
      if (response.code !== undefined) {
        show('failed', '본인인증 실패: ' + response.message, { code: response.code, 'pg-code': response.pgCode || '' });
        return;
      }
      return fetch('/verify-identity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) })
        .then(function (r) { return r.json(); })
        .then(function (v) { show(v.state, v.message, { status: v.status }); });
    }, function (error) {
      show('error', error.code + ': ' + error.message, { code: error.code, 'error-type': error.__portOneErrorType || '' });
    });
  });
})();
`;

/**
 * PayPal's buttons (PortOne.loadPaymentUI, uiType PAYPAL_SPB) rendered into the container PortOne's
 * PayPal guide names; the callbacks report into #result like the shop page's promise does.
 */
const PAYPAL_JS = String.raw`(function () {
${PAGE_PRELUDE}  function request(paymentId, amount) {
    result.setAttribute('data-payment-id', paymentId);
    return { uiType: 'PAYPAL_SPB', storeId: config.storeId, channelKey: params.get('channelKey'), paymentId: paymentId,
      orderName: config.product.name, totalAmount: amount, currency: 'USD' };
  }
  var first = 'paypal-' + Date.now() + '-' + Math.random().toString(36).slice(2, 8);
  PortOne.loadPaymentUI(request(first, 10), {
    onPaymentSuccess: function (response) { show('paid', 'PayPal 결제 완료', { 'response-payment-id': response.paymentId, 'tx-id': response.txId }); },
    onPaymentFail: function (error) { show('failed', error.message, { code: error.code, 'error-type': error.__portOneErrorType || '', 'response-payment-id': error.paymentId || '' }); }
  }).then(function () { show('rendered', 'PayPal 버튼 표시됨'); }, function (error) { show('error', error.message, { code: error.code }); });
  // The cart changed: the next click pays the new amount under a new paymentId.
  document.getElementById('more').addEventListener('click', function () {
    PortOne.updateLoadPaymentUIRequest(request(first + '-2', 25)).then(function () { show('updated', '금액 변경됨'); });
  });
})();
`;

/**
 * PayPal's subscription consent (PortOne.loadIssueBillingKeyUI, uiType PAYPAL_RT): a billing key
 * issued in PayPal's window, reported through the callbacks into #result.
 */
const PAYPAL_RT_JS = String.raw`(function () {
${PAGE_PRELUDE}  function request(issueId) {
    return { uiType: 'PAYPAL_RT', storeId: config.storeId, channelKey: params.get('channelKey'), billingKeyMethod: 'PAYPAL',
      issueId: issueId, issueName: '월간 구독', customer: { customerId: 'member-1' } };
  }
  PortOne.loadIssueBillingKeyUI(request('sub-' + Date.now()), {
    onIssueBillingKeySuccess: function (response) { show('issued', 'PayPal 빌링키 발급 완료', { 'billing-key': response.billingKey, 'transaction-type': response.transactionType }); },
    onIssueBillingKeyFail: function (error) { show('failed', error.message, { code: error.code, 'error-type': error.__portOneErrorType || '', 'pg-code': error.pgCode || '' }); }
  }).then(function () { show('rendered', 'PayPal 버튼 표시됨'); }, function (error) { show('error', error.message, { code: error.code }); });
  document.getElementById('again').addEventListener('click', function () {
    PortOne.updateLoadIssueBillingKeyUIRequest(request('sub-again-' + Date.now())).then(function () { show('updated', '요청 변경됨'); });
  });
})();
`;

function payPalRtPage(sandboxUrl: string, config: unknown): string {
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>PayPal 정기결제</title><link rel="stylesheet" href="/shop.css">
<script src="${sandboxUrl}/sdk.js"></script><script src="/paypal-rt.js" defer></script></head>
<body><h1>PayPal 정기결제</h1><script type="application/json" id="config">${JSON.stringify(config)}</script>
<div class="portone-ui-container" data-portone-ui-type="paypal-rt"></div>
<button id="again" type="button">다시 등록</button><div id="result" role="status" data-state="idle">로딩 중</div></body></html>`;
}

function payPalPage(sandboxUrl: string, config: unknown): string {
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>PayPal 결제</title><link rel="stylesheet" href="/shop.css">
<script src="${sandboxUrl}/sdk.js"></script><script src="/paypal.js" defer></script></head>
<body><h1>PayPal 결제</h1><script type="application/json" id="config">${JSON.stringify(config)}</script>
<div class="portone-ui-container" data-portone-ui-type="paypal-spb"></div>
<button id="more" type="button">수량 추가</button><div id="result" role="status" data-state="idle">로딩 중</div></body></html>`;
}

const CSS = 'body{font-family:system-ui,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem}button{font-size:1.1rem;padding:.6rem 1.2rem}#result{margin-top:1rem;padding:.75rem;border:1px solid #ccc;border-radius:8px}';

function shopPage(sandboxUrl: string, config: unknown): string {
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>샘플 가맹점</title><link rel="stylesheet" href="/shop.css">
<script src="${sandboxUrl}/sdk.js"></script><script src="/shop.js" defer></script></head>
<body><h1>샘플 가맹점</h1><p>${PRODUCT.name} · ${PRODUCT.amount.toLocaleString('ko-KR')}원</p>
<script type="application/json" id="config">${JSON.stringify(config)}</script>
<label for="payMethod">결제수단</label> <select id="payMethod"><option value="CARD">카드</option><option value="EASY_PAY">간편결제</option><option value="VIRTUAL_ACCOUNT">가상계좌</option><option value="TRANSFER">실시간 계좌이체</option><option value="MOBILE">휴대폰결제</option><option value="GIFT_CERTIFICATE">상품권</option><option value="ALIPAY_PLUS">알리페이 플러스</option><option value="CONVENIENCE_STORE">편의점 결제</option></select>
<button id="pay" type="button">결제하기</button> <button id="verify" type="button">본인인증</button><div id="result" role="status" data-state="idle">결제 전</div></body></html>`;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

export async function startMerchant(opts: { sandboxUrl: string; storeId: string; apiSecret: string; channels: Record<string, string> }): Promise<Merchant> {
  const portone = PaymentClient({ secret: opts.apiSecret, baseUrl: opts.sandboxUrl });
  const identity = IdentityVerificationClient({ secret: opts.apiSecret, baseUrl: opts.sandboxUrl });
  const webhooks: Merchant['webhooks'] = [];

  /** The merchant's server-side check: the payment exists, is ours, and has the price we charge. */
  async function verify(paymentId: string) {
    const payment = (await portone.getPayment({ paymentId })) as { status: string; amount: { total: number } };
    const amountOk = payment.amount.total === PRODUCT.amount;
    if (payment.status === 'PAID' && amountOk) return { verified: true, state: 'paid', status: payment.status, message: '결제 완료 (서버 검증됨)' };
    if (payment.status === 'VIRTUAL_ACCOUNT_ISSUED' && amountOk) return { verified: true, state: 'va-issued', status: payment.status, message: '가상계좌 발급됨 (입금 대기)' };
    return { verified: false, state: 'mismatch', status: payment.status, message: `검증 실패: ${payment.status} ${payment.amount.total}` };
  }

  /** The merchant's server-side check of a 본인인증: the verification exists and is VERIFIED. */
  async function verifyIdentity(identityVerificationId: string) {
    const verification = (await identity.getIdentityVerification({ identityVerificationId })) as { status: string; verifiedCustomer?: { name: string; operator: string } };
    if (verification.status !== 'VERIFIED') return { state: 'mismatch', status: verification.status, message: `검증 실패: ${verification.status}` };
    return { state: 'verified', status: verification.status, message: `본인인증 완료 (서버 검증됨): ${verification.verifiedCustomer?.name} · ${verification.verifiedCustomer?.operator}` };
  }

  const csp = `default-src 'none'; script-src 'self' ${opts.sandboxUrl}; connect-src 'self' ${opts.sandboxUrl}; frame-src ${opts.sandboxUrl}; style-src 'self'; form-action 'self'`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://merchant.invalid');
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      };
      try {
        if (req.method === 'GET' && url.pathname === '/') {
          return send(200, 'text/html; charset=utf-8', shopPage(opts.sandboxUrl, { storeId: opts.storeId, channels: opts.channels, product: PRODUCT }), { 'content-security-policy': csp });
        }
        if (req.method === 'GET' && url.pathname === '/paypal') {
          return send(200, 'text/html; charset=utf-8', payPalPage(opts.sandboxUrl, { storeId: opts.storeId, product: PRODUCT }), { 'content-security-policy': csp });
        }
        if (url.pathname === '/shop.js') return send(200, 'text/javascript; charset=utf-8', SHOP_JS);
        if (url.pathname === '/paypal.js') return send(200, 'text/javascript; charset=utf-8', PAYPAL_JS);
        if (req.method === 'GET' && url.pathname === '/paypal-rt') {
          return send(200, 'text/html; charset=utf-8', payPalRtPage(opts.sandboxUrl, { storeId: opts.storeId }), { 'content-security-policy': csp });
        }
        if (url.pathname === '/paypal-rt.js') return send(200, 'text/javascript; charset=utf-8', PAYPAL_RT_JS);
        if (url.pathname === '/shop.css') return send(200, 'text/css; charset=utf-8', CSS);
        if (req.method === 'POST' && url.pathname === '/verify') {
          const response = JSON.parse(await readBody(req)) as { paymentId: string };
          return send(200, 'application/json', JSON.stringify(await verify(response.paymentId)));
        }
        if (req.method === 'POST' && url.pathname === '/verify-identity') {
          const response = JSON.parse(await readBody(req)) as { identityVerificationId: string };
          return send(200, 'application/json', JSON.stringify(await verifyIdentity(response.identityVerificationId)));
        }
        if (url.pathname === '/identity-return') {
          const q = url.searchParams;
          const id = q.get('identityVerificationId') ?? '';
          const outcome = q.get('code') ? { state: 'failed', message: `본인인증 실패: ${q.get('message') ?? ''}` } : await verifyIdentity(id);
          const html = `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>본인인증 결과</title></head><body><h1>본인인증 결과</h1><div id="result" data-state="${outcome.state}" data-identity-verification-id="${id.replace(/[<>&"]/g, '')}">${outcome.message.replace(/[<>&"]/g, '')}</div></body></html>`;
          return send(200, 'text/html; charset=utf-8', html, { 'content-security-policy': "default-src 'none'" });
        }
        if (url.pathname === '/return') {
          const q = url.searchParams;
          const outcome = q.get('code') ? { state: 'failed', message: `결제 실패: ${q.get('message') ?? ''}` } : await verify(q.get('paymentId') ?? '');
          const html = `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>결제 결과</title></head><body><h1>결제 결과</h1><div id="result" data-state="${outcome.state}" data-payment-id="${q.get('paymentId') ?? ''}">${outcome.message.replace(/[<>&"]/g, '')}</div></body></html>`;
          return send(200, 'text/html; charset=utf-8', html, { 'content-security-policy': "default-src 'none'" });
        }
        if (req.method === 'POST' && url.pathname.startsWith('/confirm/')) {
          webhooks.push({ path: url.pathname, body: await readBody(req) });
          if (url.pathname === '/confirm/approve') return send(200, 'application/json', '{}');
          return send(409, 'application/json', JSON.stringify({ errorMessage: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' }));
        }
        if (req.method === 'POST' && (url.pathname === '/webhook' || url.pathname === '/webhook-broken')) {
          webhooks.push({ path: url.pathname, body: await readBody(req) });
          return url.pathname === '/webhook' ? send(200, 'text/plain', 'ok') : send(500, 'text/plain', 'receiver is down');
        }
        send(404, 'text/plain', 'not found');
      } catch (err) {
        send(500, 'text/plain', String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    webhooks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The sample shop for a test sandbox's seeded store, with every seeded channel on offer. */
export function startMerchantFor(sandbox: TestSandbox): Promise<Merchant> {
  const channels = Object.fromEntries(sandbox.store.channels.map((c) => [c.pgProvider, c.channelKey]));
  return startMerchant({ sandboxUrl: sandbox.url, storeId: sandbox.store.storeId, apiSecret: sandbox.store.apiSecret, channels });
}
