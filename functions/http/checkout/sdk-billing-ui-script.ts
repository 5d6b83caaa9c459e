/**
 * Part of /sdk.js (spliced into its closure by sdk-script.ts): `PortOne.loadIssueBillingKeyUI` and
 * `PortOne.updateLoadIssueBillingKeyUIRequest` for PayPal's reference transactions (uiType
 * `PAYPAL_RT`, the only IssueBillingKeyUIType of browser-sdk.yml), on the shared stand-in
 * (sdk-ui-stand-in-script.ts). Plain ES2017 in a string.
 *
 * The container is `<div class="portone-ui-container" data-portone-ui-type="paypal-rt">`. A click
 * opens the sandbox's billing-key window for billingKeyMethod PAYPAL in a popup and calls
 * `onIssueBillingKeySuccess` with PortOne's IssueBillingKeyResponse, or `onIssueBillingKeyFail` with
 * an IssueBillingKeyError (the PG refused, the customer closed the popup, or the window could not open).
 */
export const SDK_BILLING_UI_JS = String.raw`
  function issueWithBillingUI(uiRequest, callbacks) {
    var request = Object.assign({}, uiRequest, { billingKeyMethod: 'PAYPAL', windowType: { pc: 'POPUP', mobile: 'POPUP' } });
    delete request.uiType;
    delete request.forceRedirect;
    openBillingWindow('ISSUE_BILLING_KEY', request).then(function (response) {
      if (response && response.code !== undefined) {
        callbacks.onIssueBillingKeyFail(portOneError('IssueBillingKeyError', 'ISSUE_BILLING_KEY', response.code, response.message,
          { pgCode: response.pgCode, pgMessage: response.pgMessage }));
        return;
      }
      callbacks.onIssueBillingKeySuccess(response);
    }, function (error) {
      callbacks.onIssueBillingKeyFail(error);
    });
  }

  var billingUI = uiStandIn({
    load: 'loadIssueBillingKeyUI', update: 'updateLoadIssueBillingKeyUIRequest', errorType: 'LoadIssueBillingKeyUIError', transactionType: 'ISSUE_BILLING_KEY',
    containers: { PAYPAL_RT: 'paypal-rt' }, callbacks: ['onIssueBillingKeySuccess', 'onIssueBillingKeyFail'],
    marker: 'paypal-rt-button', label: 'PayPal 정기결제 등록 · pg-sandbox', ariaLabel: 'PayPal 정기결제 등록 (pg-sandbox test button)', act: issueWithBillingUI
  });
`;
