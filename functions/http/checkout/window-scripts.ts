/**
 * The checkout window's own scripts, served as files (`/assets/…`) because its CSP allows no
 * inline script. Both are progressive: the window works with forms alone.
 */

/** Escape closes the window like the cancel button; a second press of "pay" is ignored. */
export const CHECKOUT_JS = String.raw`(function () {
  'use strict';
  var cancel = document.getElementById('cancel-form');
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && cancel) cancel.requestSubmit ? cancel.requestSubmit() : cancel.submit();
  });
  var pay = document.getElementById('pay-form');
  if (pay) pay.addEventListener('submit', function (event) {
    if (pay.getAttribute('data-busy')) { event.preventDefault(); return; }
    pay.setAttribute('data-busy', '1');
    var button = document.getElementById('pay-button');
    if (button) button.setAttribute('aria-disabled', 'true');
  });
  var typed = document.getElementById('cardNumber');
  var select = document.getElementById('testCard');
  if (typed && select) typed.addEventListener('input', function () { select.disabled = typed.value.trim() !== ''; });
  var first = document.querySelector('[data-autofocus]');
  if (first) first.focus();
})();
`;

/**
 * The result page hands the PaymentResponse to the merchant page that opened the window, and only
 * to its origin (from the signed session); a popup then closes itself.
 */
export const RESULT_JS = String.raw`(function () {
  'use strict';
  var el = document.getElementById('pg-result');
  if (!el) return;
  var message = {
    type: 'pg-sandbox:result',
    sessionId: el.getAttribute('data-session'),
    response: JSON.parse(el.getAttribute('data-response'))
  };
  var target = el.getAttribute('data-target-origin');
  var popup = el.getAttribute('data-window') === 'POPUP';
  var host = popup ? window.opener : window.parent !== window ? window.parent : null;
  if (host && target) host.postMessage(message, target);
  if (popup) window.close();
})();
`;
