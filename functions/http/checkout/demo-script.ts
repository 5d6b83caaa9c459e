/**
 * /assets/demo.js: the demo shop's "merchant code". It is what a merchant writes against PortOne's
 * browser SDK, unchanged: build the request, await `PortOne.requestPayment`, look at `code`.
 */
export const DEMO_JS = String.raw`(function () {
  'use strict';
  var form = document.getElementById('demo-form');
  if (!form) return;
  var out = document.getElementById('demo-output');
  var links = document.getElementById('demo-links');
  var paymentId = document.getElementById('paymentId');
  function newId() {
    return 'demo-' + new Date().toISOString().replace(/\D/g, '').slice(0, 14) + '-' + Math.random().toString(36).slice(2, 6);
  }
  if (!paymentId.value) paymentId.value = newId();
  function show(result, id) {
    out.textContent = JSON.stringify(result, null, 2);
    var a = document.createElement('a');
    a.href = '/console/payments/' + encodeURIComponent(id);
    a.textContent = form.getAttribute('data-console-label') + ' (' + id + ')';
    links.replaceChildren(a);
    paymentId.value = newId();
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var f = new FormData(form);
    var windowType = String(f.get('windowType'));
    var id = String(f.get('paymentId'));
    var request = {
      storeId: form.getAttribute('data-store-id'),
      channelKey: String(f.get('channelKey')),
      paymentId: id,
      orderName: String(f.get('orderName')),
      totalAmount: Number(f.get('totalAmount')),
      currency: 'KRW',
      payMethod: String(f.get('payMethod')),
      customer: { fullName: String(f.get('customerName') || '홍길동') },
      redirectUrl: form.getAttribute('data-return-url'),
      windowType: { pc: windowType === 'REDIRECTION' ? 'IFRAME' : windowType, mobile: windowType === 'REDIRECTION' ? 'REDIRECTION' : windowType },
      forceRedirect: windowType === 'REDIRECTION',
      locale: document.documentElement.lang === 'en' ? 'EN_US' : 'KO_KR'
    };
    if (request.payMethod === 'EASY_PAY') request.easyPay = { easyPayProvider: String(f.get('easyPayProvider')) };
    out.textContent = '…';
    window.PortOne.requestPayment(request).then(
      function (response) { show(response, id); },
      function (error) { show({ thrown: error.name, code: error.code, message: error.message }, id); }
    );
  });
})();
`;
