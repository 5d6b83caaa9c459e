/**
 * Part of /sdk.js (spliced into its closure by sdk-script.ts): what PortOne's rendered UIs
 * (`loadPaymentUI`, `loadIssueBillingKeyUI`: PayPal's buttons) have in common, once. Plain ES2017
 * in a string.
 *
 * PortOne renders the PG's buttons into the shop's `<div class="portone-ui-container"
 * data-portone-ui-type="…">` and reports through the callbacks, never through the promise, which
 * only says whether the UI was rendered (it rejects with the function's own error when the request,
 * the container or a callback is missing). The sandbox renders one stand-in button there; a click
 * runs `spec.act(request, callbacks)` with the request as the latest update left it.
 *
 * spec: { load, update: the two function names; errorType, transactionType: their error (browser-sdk.yml);
 *   containers: uiType → data-portone-ui-type; callbacks: [success, fail] names; marker, label,
 *   ariaLabel: the button; act }.
 */
export const SDK_UI_STAND_IN_JS = String.raw`
  function uiStandIn(spec) {
    var current = null;
    function fail(code, message, request) {
      return portOneError(spec.errorType, spec.transactionType, code, spec.load + ': ' + message, { paymentId: request && request.paymentId });
    }
    function render(container) {
      var button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('data-pg-sandbox', spec.marker);
      button.setAttribute('aria-label', spec.ariaLabel);
      button.textContent = spec.label;
      style(button, { width: '100%', minHeight: '45px', border: '0', borderRadius: '4px', background: '#ffc439',
        color: '#003087', fontWeight: '700', fontSize: '16px', cursor: 'pointer' });
      button.addEventListener('click', function () { spec.act(current.request, current.callbacks); });
      container.textContent = '';
      container.appendChild(button);
    }
    function load(request, callbacks) {
      if (!request || typeof request !== 'object') return Promise.reject(fail('BadRequest', 'the request must be an object'));
      var containerType = spec.containers[request.uiType];
      if (!containerType) return Promise.reject(fail('BadRequest', 'uiType ' + request.uiType + ': PortOne offers ' + Object.keys(spec.containers).join(', '), request));
      var names = spec.callbacks;
      if (!callbacks || typeof callbacks[names[0]] !== 'function' || typeof callbacks[names[1]] !== 'function') {
        return Promise.reject(fail('BadRequest', 'callbacks.' + names[0] + ' and callbacks.' + names[1] + ' are required', request));
      }
      var selector = '.portone-ui-container[data-portone-ui-type="' + containerType + '"]';
      var container = document.querySelector(selector);
      if (!container) return Promise.reject(fail('BadRequest', 'the page has no ' + selector + ' element to render into', request));
      current = { request: request, callbacks: callbacks };
      render(container);
      return Promise.resolve();
    }
    /** The next click uses this request (a new amount, paymentId or issueId), as PortOne's SDK does. */
    function update(request) {
      if (!current) return Promise.reject(fail('BadRequest', spec.update + ' needs ' + spec.load + ' first'));
      if (!request || typeof request !== 'object') return Promise.reject(fail('BadRequest', spec.update + ': the request must be an object'));
      current.request = request;
      return Promise.resolve();
    }
    return { load: load, update: update };
  }
`;
