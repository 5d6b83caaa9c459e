/**
 * Part of /sdk.js (spliced into its closure by sdk-script.ts): `PortOne.loadPaymentUI` and
 * `PortOne.updateLoadPaymentUIRequest` for PayPal's Smart Payment Buttons (uiType `PAYPAL_SPB`,
 * the only PaymentUIType of browser-sdk.yml), on the shared stand-in (sdk-ui-stand-in-script.ts).
 * Plain ES2017 in a string.
 *
 * The container is `<div class="portone-ui-container" data-portone-ui-type="paypal-spb">` (PortOne's
 * PayPal integration guide). A click opens the sandbox's checkout window for payMethod PAYPAL in a
 * popup (PayPal's buttons open a popup on every device) and calls `onPaymentSuccess` with PortOne's
 * PaymentResponse, or `onPaymentFail` with a PaymentError (the PG refused, the customer closed the
 * popup, or the window could not open).
 */
export const SDK_PAYMENT_UI_JS = String.raw`
  function payWithPaymentUI(uiRequest, callbacks) {
    var request = Object.assign({}, uiRequest, { payMethod: 'PAYPAL', windowType: { pc: 'POPUP', mobile: 'POPUP' } });
    delete request.uiType;
    delete request.forceRedirect;
    requestPayment(request).then(function (response) {
      if (response && response.code !== undefined) {
        callbacks.onPaymentFail(portOneError('PaymentError', 'PAYMENT', response.code, response.message,
          { paymentId: response.paymentId, txId: response.txId, pgCode: response.pgCode, pgMessage: response.pgMessage }));
        return;
      }
      callbacks.onPaymentSuccess(response);
    }, function (error) {
      callbacks.onPaymentFail(error);
    });
  }

  var paymentUI = uiStandIn({
    load: 'loadPaymentUI', update: 'updateLoadPaymentUIRequest', errorType: 'LoadPaymentUIError', transactionType: 'PAYMENT',
    containers: { PAYPAL_SPB: 'paypal-spb' }, callbacks: ['onPaymentSuccess', 'onPaymentFail'],
    marker: 'paypal-button', label: 'PayPal · pg-sandbox', ariaLabel: 'PayPal (pg-sandbox test button)', act: payWithPaymentUI
  });
`;
