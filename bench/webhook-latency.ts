/**
 * How long after a payment commits does its webhook reach the merchant, on the local runtime?
 * Sequential card payments through the official SDK; a loopback receiver (in this process, so one
 * clock) timestamps each Transaction.Paid on arrival and then verifies it with the SDK.
 *
 *   commit → arrival     the payment's DynamoDB transaction returned → the receiver has the body
 *                        (the commit hook the in-process dispatcher is woken by, timed here)
 *   response → arrival   payInstantly's answer reached the client → arrival (negative: the
 *                        webhook beat the API answer)
 *   request → arrival    payInstantly sent → arrival (an upper bound of commit → arrival that
 *                        needs no hook)
 *
 * Run: node --import tsx bench/webhook-latency.ts [payments=200]
 */
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PaymentClient, Webhook } from '@portone/server-sdk';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { setWebhookUrl } from '../functions/webhooks/settings.ts';
import { machine, median, percentile, withLocalRuntime, writeBenchmarkSection } from './harness.ts';

const payments = Number(process.argv[2] ?? 200);
if (!Number.isInteger(payments) || payments < 100) throw new Error('give at least 100 payments (the median is reported over them)');
const WARM_UP = 10;
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

interface Arrival {
  at: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

await withLocalRuntime(async ({ runtime, store, channelKey }) => {
  const arrivals = new Map<string, Arrival>();
  const waiting = new Map<string, (a: Arrival) => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      res.writeHead(200).end();
      const paymentId = (JSON.parse(body) as { data: { paymentId: string } }).data.paymentId;
      const arrival = { at, body, headers: req.headers };
      arrivals.set(paymentId, arrival);
      waiting.get(paymentId)?.(arrival);
    });
  });
  try {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const settings = await setWebhookUrl(runtime.services, store.storeId, `http://127.0.0.1:${port}/portone`);
    const secret = settings.secrets[0]!.secret;

    // Time the commit itself: the hook the outbox worker is woken by runs right after the
    // transaction returns. The services object is the one the app uses, so wrapping it here
    // wraps every commit.
    const commits = new Map<string, number>();
    const wake = runtime.services.onOutboxCommitted;
    runtime.services.onOutboxCommitted = (keys) => {
      const at = performance.now();
      for (const k of keys) commits.set(k.paymentId, at);
      wake?.(keys);
    };

    const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
    const commitToArrival: number[] = [];
    const responseToArrival: number[] = [];
    const requestToArrival: number[] = [];
    let verified = 0;
    for (let i = 0; i < payments + WARM_UP; i++) {
      const paymentId = `wh-bench-${i}`;
      const arrived = new Promise<Arrival>((resolve) => {
        const done = arrivals.get(paymentId);
        if (done) resolve(done);
        else waiting.set(paymentId, resolve);
      });
      const requestAt = performance.now();
      await sdk.payInstantly({
        paymentId,
        channelKey: channelKey('KCP_V2'),
        orderName: 'webhook latency',
        amount: { total: 10_000 },
        currency: 'KRW',
        method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
      });
      const responseAt = performance.now();
      const arrival = await arrived;
      waiting.delete(paymentId);
      await Webhook.verify(secret, arrival.body, arrival.headers);
      verified++;
      if (i < WARM_UP) continue; // JIT, connection pools
      commitToArrival.push(arrival.at - commits.get(paymentId)!);
      responseToArrival.push(arrival.at - responseAt);
      requestToArrival.push(arrival.at - requestAt);
    }
    await runtime.webhooks.idle();

    const row = (name: string, xs: number[]) => `| ${name} | ${median(xs).toFixed(1)} | ${percentile(xs, 95).toFixed(1)} |`;
    const table = [
      '| interval | median ms | p95 ms |',
      '|---|---|---|',
      row('commit → webhook arrival', commitToArrival),
      row('payInstantly response → webhook arrival', responseToArrival),
      row('payInstantly request → webhook arrival', requestToArrival),
    ].join('\n');
    console.log(table);
    console.log(`${verified} deliveries, all verified with the official SDK`);
    writeBenchmarkSection(
      'Webhook delivery latency (local runtime)',
      [
        `Command: \`node --import tsx bench/webhook-latency.ts ${payments}\` — ${payments} sequential KCP card payments (after ${WARM_UP} warm-up) through \`@portone/server-sdk\` against the local runtime (DynamoDB Local in memory), each followed by waiting for its \`Transaction.Paid\` at a loopback receiver in the same process, which then verifies it with \`Webhook.verify\`.`,
        `Machine: ${machine()}.`,
        '',
        table,
        '',
        'Commit → arrival is the in-process dispatcher: two parallel DynamoDB Local reads (the outbox entry and the store), signing, the HTTP POST. ' +
          'A negative or near-zero "response → arrival" means the webhook reached the merchant before (or as) the API answer did: receivers must not assume the API call finished first.',
      ].join('\n'),
    );
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
