/**
 * Part of /sdk.js (spliced into its closure by sdk-script.ts): `PortOne.loadPaymentUI` and
 * `PortOne.updateLoadPaymentUIRequest` for PayPal's Smart Payment Buttons (uiType `PAYPAL_SPB`,
 * the only PaymentUIType of browser-sdk.yml). Plain ES2017 in a string.
 *
 * PortOne renders PayPal's buttons into the shop's `<div class="portone-ui-container"
 * data-portone-ui-type="paypal-spb">` (PortOne's PayPal integration guide) and reports through the
 * callbacks, never through the promise, which only says whether the UI was rendered. The sandbox
 * renders one stand-in button there; clicking it opens the sandbox's checkout window for payMethod
 * PAYPAL in a popup (PayPal's buttons open a popup on every device) and calls `onPaymentSuccess`
 * with PortOne's PaymentResponse, or `onPaymentFail` with a PaymentError (the PG refused, the
 * customer closed the popup, or the window could not open).
 */
export const SDK_PAYMENT_UI_JS = String.raw`
  var UI_CONTAINER_TYPES = { PAYPAL_SPB: 'paypal-spb' };
  var paymentUI = null;

  function LoadPaymentUIError(code, message, paymentId) {
    return portOneError('LoadPaymentUIError', 'PAYMENT', code, message, { paymentId: paymentId });
  }

  function payWithPaymentUI() {
    var ui = paymentUI;
    var request = Object.assign({}, ui.request, { payMethod: 'PAYPAL', windowType: { pc: 'POPUP', mobile: 'POPUP' } });
    delete request.uiType;
    delete request.forceRedirect;
    requestPayment(request).then(function (response) {
      if (response && response.code !== undefined) {
        ui.callbacks.onPaymentFail(portOneError('PaymentError', 'PAYMENT', response.code, response.message,
          { paymentId: response.paymentId, txId: response.txId, pgCode: response.pgCode, pgMessage: response.pgMessage }));
        return;
      }
      ui.callbacks.onPaymentSuccess(response);
    }, function (error) {
      ui.callbacks.onPaymentFail(error);
    });
  }

  function renderPayPalButton(container) {
    var button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-pg-sandbox', 'paypal-button');
    button.setAttribute('aria-label', 'PayPal (pg-sandbox test button)');
    button.textContent = 'PayPal · pg-sandbox';
    style(button, { width: '100%', minHeight: '45px', border: '0', borderRadius: '4px', background: '#ffc439',
      color: '#003087', fontWeight: '700', fontSize: '16px', cursor: 'pointer' });
    button.addEventListener('click', payWithPaymentUI);
    container.textContent = '';
    container.appendChild(button);
  }

  function loadPaymentUI(request, callbacks) {
    if (!request || typeof request !== 'object') {
      return Promise.reject(LoadPaymentUIError('BadRequest', 'loadPaymentUI: the request must be an object'));
    }
    var containerType = UI_CONTAINER_TYPES[request.uiType];
    if (!containerType) {
      return Promise.reject(LoadPaymentUIError('BadRequest', 'uiType ' + request.uiType + ': PortOne offers PAYPAL_SPB', request.paymentId));
    }
    if (!callbacks || typeof callbacks.onPaymentSuccess !== 'function' || typeof callbacks.onPaymentFail !== 'function') {
      return Promise.reject(LoadPaymentUIError('BadRequest', 'loadPaymentUI: callbacks.onPaymentSuccess and callbacks.onPaymentFail are required', request.paymentId));
    }
    var selector = '.portone-ui-container[data-portone-ui-type="' + containerType + '"]';
    var container = document.querySelector(selector);
    if (!container) {
      return Promise.reject(LoadPaymentUIError('BadRequest', 'loadPaymentUI: the page has no ' + selector + ' element to render the buttons into', request.paymentId));
    }
    paymentUI = { request: request, callbacks: callbacks };
    renderPayPalButton(container);
    return Promise.resolve();
  }

  /** The next click pays with this request (a changed amount or a new paymentId), as PortOne's SDK does. */
  function updateLoadPaymentUIRequest(request) {
    if (!paymentUI) return Promise.reject(LoadPaymentUIError('BadRequest', 'updateLoadPaymentUIRequest: call loadPaymentUI first'));
    if (!request || typeof request !== 'object') {
      return Promise.reject(LoadPaymentUIError('BadRequest', 'updateLoadPaymentUIRequest: the request must be an object'));
    }
    paymentUI.request = request;
    return Promise.resolve();
  }
`;
