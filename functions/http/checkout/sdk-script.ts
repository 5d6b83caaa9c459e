/**
 * GET /sdk.js: the sandbox's stand-in for PortOne's browser SDK
 * (`<script src="https://cdn.portone.io/v2/browser-sdk.js">`). It defines the same global,
 * `PortOne.requestPayment(request)`, so a merchant page switches to the sandbox by changing that
 * one script URL. Plain ES2017 in a string: it runs in the merchant's browser, not in node.
 *
 * Behaviour, as PortOne's SDK:
 * - PC (`windowType.pc`, default IFRAME; POPUP also): the PG window opens over the page and the
 *   promise resolves with PortOne's `PaymentResponse` (`code` present on failure).
 * - Mobile (`windowType.mobile`, default REDIRECTION; or `forceRedirect`): the page goes to the PG
 *   window and comes back to `redirectUrl` with the response in the query string; the promise
 *   never settles because the page is gone.
 * - Errors before the window opens (unknown channel, paid paymentId, bad request) reject with a
 *   `PaymentError` carrying `code` and `message`, as the SDK throws them.
 * - `PortOne.requestIdentityVerification`: sdk-identity-script.ts, through the same window code.
 * - `PortOne.loadPaymentUI` (PayPal's buttons): sdk-payment-ui-script.ts, paying through requestPayment.
 * - `PortOne.loadIssueBillingKeyUI` (PayPal's reference transactions): sdk-billing-ui-script.ts,
 *   issuing through the billing-key window.
 * - Every function of the SDK exists (sdk-errors-script.ts): one the sandbox lacks rejects.
 */
import { SDK_BILLING_UI_JS } from './sdk-billing-ui-script.ts';
import { SDK_ERRORS_JS } from './sdk-errors-script.ts';
import { SDK_IDENTITY_VERIFICATION_JS } from './sdk-identity-script.ts';
import { SDK_PAYMENT_UI_JS } from './sdk-payment-ui-script.ts';
import { SDK_UI_STAND_IN_JS } from './sdk-ui-stand-in-script.ts';

export const SDK_JS = String.raw`/*! pg-sandbox browser SDK shim: PortOne's browser SDK for PortOne V2 test mode */
(function () {
  'use strict';
  var script = document.currentScript;
  function scriptSrc() {
    if (script && script.src) return script.src;
    var all = document.querySelectorAll('script[src]');
    for (var i = all.length - 1; i >= 0; i--) if (/\/sdk\.js(\?|#|$)/.test(all[i].src)) return all[i].src;
    return location.href;
  }
  var BASE = new URL(scriptSrc(), location.href).origin;
  var MESSAGE_TYPE = 'pg-sandbox:result';

  function PaymentError(code, message, paymentId, txId) {
    return portOneError('PaymentError', 'PAYMENT', code, message, { paymentId: paymentId, txId: txId });
  }
${SDK_ERRORS_JS}

  function isMobile() {
    if (navigator.userAgentData && typeof navigator.userAgentData.mobile === 'boolean') return navigator.userAgentData.mobile;
    return /Android|iPhone|iPad|iPod|Mobile|IEMobile|Opera Mini/i.test(navigator.userAgent);
  }

  function windowTypeFor(request, mobile) {
    var types = request.windowType || {};
    var chosen = mobile ? types.mobile || 'REDIRECTION' : types.pc || 'IFRAME';
    if (request.forceRedirect && request.redirectUrl) chosen = 'REDIRECTION';
    return chosen === 'UI' ? 'IFRAME' : chosen;
  }

  function style(el, props) {
    for (var k in props) el.style[k] = props[k];
  }

  function awaitResult(session, origin, onResult) {
    function onMessage(event) {
      var data = event.data;
      if (event.origin !== origin || !data || data.type !== MESSAGE_TYPE || data.sessionId !== session.sessionId) return;
      window.removeEventListener('message', onMessage);
      onResult(data.response);
    }
    window.addEventListener('message', onMessage);
    return function stop() { window.removeEventListener('message', onMessage); };
  }

  function viaIframe(session) {
    return new Promise(function (resolve) {
      var origin = new URL(session.checkoutUrl).origin;
      var returnFocus = document.activeElement;
      var overlay = document.createElement('div');
      overlay.setAttribute('data-pg-sandbox', 'overlay');
      style(overlay, { position: 'fixed', top: '0', left: '0', right: '0', bottom: '0', zIndex: '2147483647',
        background: 'rgba(15,23,42,0.55)', display: 'flex', alignItems: 'center', justifyContent: 'center' });
      var frame = document.createElement('iframe');
      frame.src = session.checkoutUrl;
      frame.name = 'pg-sandbox-checkout';
      frame.title = 'pg-sandbox 테스트 결제창 (test payment window)';
      style(frame, { border: '0', width: 'min(480px, 100vw)', height: 'min(760px, 100vh)', background: '#fff',
        borderRadius: '12px', boxShadow: '0 20px 50px rgba(0,0,0,0.35)' });
      overlay.appendChild(frame);
      var root = document.documentElement;
      var overflow = root.style.overflow;
      root.style.overflow = 'hidden';
      document.body.appendChild(overlay);
      frame.focus();
      awaitResult(session, origin, function (response) {
        overlay.remove();
        root.style.overflow = overflow;
        if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus();
        resolve(response);
      });
    });
  }

  function viaPopup(popup, session, closed) {
    return new Promise(function (resolve) {
      var origin = new URL(session.checkoutUrl).origin;
      var settled = false;
      function finish(response) {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        stop();
        resolve(response);
      }
      var stop = awaitResult(session, origin, finish);
      // The customer may close the popup itself: ask the sandbox what that means (user cancel,
      // or the result if the window finished just before).
      var watch = setInterval(function () {
        if (!popup.closed || settled) return;
        clearInterval(watch);
        var body = new URLSearchParams({ s: session.token });
        fetch(session.cancelUrl, { method: 'POST', body: body, headers: { accept: 'application/json' }, credentials: 'omit' })
          .then(function (r) { return r.json(); })
          .then(finish, function () { finish(closed(session)); });
      }, 400);
      popup.location.href = session.checkoutUrl;
      popup.focus();
    });
  }

  /**
   * Opens one of the sandbox's hosted windows for an SDK call: asks path for a session, then
   * shows the window as PortOne would on this device. fail(code, message, session) builds the
   * calling function's own error; closed(session) is the answer when a popup vanished and the
   * sandbox could not be asked what that meant.
   */
  function openWindow(path, request, fail, closed) {
    var mobile = isMobile();
    var windowType = windowTypeFor(request, mobile);
    var popup = null;
    if (windowType === 'POPUP') {
      // Opened now, inside the click, or popup blockers refuse it; it is pointed at the window later.
      popup = window.open('', 'pg_sandbox_' + Date.now(), 'popup,width=520,height=780');
      if (!popup) windowType = 'IFRAME';
    }
    var payload = JSON.stringify({ request: request, windowType: windowType, platform: mobile ? 'MOBILE' : 'PC', pageUrl: location.href });
    return fetch(BASE + path, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: payload,
      credentials: 'omit',
    }).then(function (res) {
      return res.json();
    }, function (err) {
      if (popup) popup.close();
      throw fail('Unavailable', 'pg-sandbox is unreachable at ' + BASE + ': ' + err.message);
    }).then(function (session) {
      if (!session || session.code) {
        if (popup) popup.close();
        throw fail((session && session.code) || 'Unknown', (session && session.message) || 'the window could not be opened', session);
      }
      if (windowType === 'REDIRECTION') {
        location.assign(session.checkoutUrl);
        return new Promise(function () {});
      }
      return popup ? viaPopup(popup, session, closed) : viaIframe(session);
    });
  }

  function requestPayment(request) {
    if (!request || typeof request !== 'object') {
      return Promise.reject(PaymentError('BadRequest', 'requestPayment: the request must be an object'));
    }
    return openWindow('/checkout/sessions', request, function (code, message, session) {
      return PaymentError(code, message, request.paymentId, session && session.txId);
    }, function (session) {
      return { transactionType: 'PAYMENT', paymentId: session.paymentId, txId: session.txId, code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다' };
    });
  }
${SDK_IDENTITY_VERIFICATION_JS}
${SDK_UI_STAND_IN_JS}
${SDK_PAYMENT_UI_JS}

  // Billing keys (빌링키): requestIssueBillingKey and requestIssueBillingKeyAndPay open the PG's
  // billing window like requestPayment opens the payment window, and resolve with PortOne's
  // IssueBillingKeyResponse / IssueBillingKeyAndPayResponse (code present on failure). Errors before
  // the window opens reject with IssueBillingKeyError / IssueBillingKeyAndPayError.
  function BillingError(transactionType, code, message, extra) {
    var error = new Error(message);
    error.name = transactionType === 'ISSUE_BILLING_KEY' ? 'IssueBillingKeyError' : 'IssueBillingKeyAndPayError';
    error.__portOneErrorType = error.name;
    error.transactionType = transactionType;
    error.code = code;
    for (var k in extra || {}) error[k] = extra[k];
    return error;
  }

  function openBillingWindow(kind, request) {
    if (!request || typeof request !== 'object') {
      return Promise.reject(BillingError(kind, 'BadRequest', 'the request must be an object'));
    }
    var mobile = isMobile();
    var windowType = windowTypeFor(request, mobile);
    var popup = null;
    if (windowType === 'POPUP') {
      popup = window.open('', 'pg_sandbox_' + Date.now(), 'popup,width=520,height=780');
      if (!popup) windowType = 'IFRAME';
    }
    var payload = JSON.stringify({ kind: kind, request: request, windowType: windowType, platform: mobile ? 'MOBILE' : 'PC', pageUrl: location.href });
    return fetch(BASE + '/checkout/billing-sessions', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: payload,
      credentials: 'omit',
    }).then(function (res) {
      return res.json();
    }, function (err) {
      if (popup) popup.close();
      throw BillingError(kind, 'Unavailable', 'pg-sandbox is unreachable at ' + BASE + ': ' + err.message, { paymentId: request.paymentId });
    }).then(function (session) {
      if (!session || session.code) {
        if (popup) popup.close();
        throw BillingError(kind, (session && session.code) || 'Unknown', (session && session.message) || 'billing key window failed', { paymentId: request.paymentId });
      }
      if (windowType === 'REDIRECTION') {
        location.assign(session.checkoutUrl);
        return new Promise(function () {});
      }
      if (!popup) return viaIframe(session);
      return viaPopup(popup, session, function () {
        var closed = { transactionType: kind, billingKey: session.billingKey, code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다' };
        if (session.paymentId) { closed.paymentId = session.paymentId; closed.txId = ''; }
        return closed;
      });
    });
  }

  function requestIssueBillingKey(request) { return openBillingWindow('ISSUE_BILLING_KEY', request); }
  function requestIssueBillingKeyAndPay(request) { return openBillingWindow('ISSUE_BILLING_KEY_AND_PAY', request); }
${SDK_BILLING_UI_JS}

  var api = {
    requestPayment: requestPayment,
    requestIdentityVerification: requestIdentityVerification,
    requestIssueBillingKey: requestIssueBillingKey,
    requestIssueBillingKeyAndPay: requestIssueBillingKeyAndPay,
    loadPaymentUI: paymentUI.load,
    updateLoadPaymentUIRequest: paymentUI.update,
    loadIssueBillingKeyUI: billingUI.load,
    updateLoadIssueBillingKeyUIRequest: billingUI.update,
    sandbox: { baseUrl: BASE, version: 1 },
  };
  window.PortOne = Object.assign(window.PortOne || {}, withEveryFunction(api));
})();
`;
