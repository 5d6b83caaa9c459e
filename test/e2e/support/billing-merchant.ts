import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A subscription shop for the billing-window browser tests, on its own origin: its page loads the
 * sandbox's /sdk.js and, on a click, calls PortOne.requestIssueBillingKey (or, with `?kind=pay`,
 * requestIssueBillingKeyAndPay) with the query's channel and window type, then writes what the
 * promise gave (resolved or rejected) into #result as JSON. `/return` is the redirect landing page.
 */
export interface BillingShop {
  url: string;
  close(): Promise<void>;
}

const SHOP_JS = String.raw`(function () {
  var config = JSON.parse(document.getElementById('config').textContent);
  var params = new URLSearchParams(location.search);
  var result = document.getElementById('result');
  function show(state, value) {
    result.setAttribute('data-json', JSON.stringify(value));
    result.setAttribute('data-state', state);
    result.textContent = state + ': ' + (value.code || value.billingKey || '');
  }
  document.getElementById('issue').addEventListener('click', function () {
    var request = {
      storeId: config.storeId,
      channelKey: config.channels[params.get('pg') || 'KCP_V2'],
      customer: { customerId: 'subscriber-1', fullName: '홍길동' },
      customData: { plan: 'monthly' },
      redirectUrl: location.origin + '/return'
    };
    if (params.get('window')) request.windowType = { pc: params.get('window') };
    var call;
    if (params.get('kind') === 'pay') {
      request.paymentId = 'first-' + Date.now() + '-' + Math.random().toString(36).slice(2, 8);
      request.orderName = '월간 구독 첫 결제';
      request.totalAmount = 9900;
      request.currency = 'KRW';
      request.billingKeyAndPayMethod = 'CARD';
      call = PortOne.requestIssueBillingKeyAndPay(request);
    } else {
      request.billingKeyMethod = 'CARD';
      request.issueName = '월간 구독';
      call = PortOne.requestIssueBillingKey(request);
    }
    show('pending', {});
    call.then(function (response) { show('resolved', response); }, function (error) {
      show('rejected', { name: error.name, code: error.code, message: error.message, transactionType: error.transactionType });
    });
  });
})();
`;

export async function startBillingShop(opts: { sandboxUrl: string; storeId: string; channels: Record<string, string> }): Promise<BillingShop> {
  const config = JSON.stringify({ storeId: opts.storeId, channels: opts.channels });
  const csp = `default-src 'none'; script-src 'self' ${opts.sandboxUrl}; connect-src 'self' ${opts.sandboxUrl}; frame-src ${opts.sandboxUrl}; form-action 'self'`;
  const page = `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>구독 가맹점</title>
<script src="${opts.sandboxUrl}/sdk.js"></script><script src="/shop.js" defer></script></head>
<body><script type="application/json" id="config">${config}</script>
<button id="issue" type="button">카드 등록</button><div id="result" data-state="idle"></div></body></html>`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://shop.invalid');
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', page, { 'content-security-policy': csp });
    if (url.pathname === '/shop.js') return send(200, 'text/javascript; charset=utf-8', SHOP_JS);
    if (url.pathname === '/return') return send(200, 'text/html; charset=utf-8', '<!DOCTYPE html><title>return</title><p id="returned">back</p>', { 'content-security-policy': "default-src 'none'" });
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
