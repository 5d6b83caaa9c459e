/**
 * Time to advance one store's test clock over N due PG auto-cancel timers (default 1,000): each
 * timer voids its payment (conditional write), is marked fired and its schedule is deleted.
 * Run: node --import tsx bench/clock-advance.ts [timers=1000]
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { machine, withLocalRuntime, writeBenchmarkSection } from './harness.ts';

const count = Number(process.argv[2] ?? 1000);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

await withLocalRuntime(async ({ runtime, store, channelKey }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await sdk.payInstantly({ paymentId: `clock-${i}`, channelKey: channelKey('INICIS_V2'), orderName: 'clock bench', amount: { total: 1_000 }, currency: 'KRW', method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } });
    }
  };
  const seeding = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const seededMs = performance.now() - seeding;

  const started = performance.now();
  const res = await fetch(`${runtime.url}/sandbox/clock`, {
    method: 'POST',
    headers: { authorization: `PortOne ${store.apiSecret}` },
    body: JSON.stringify({ by: 'P2D' }),
  });
  const body = (await res.json()) as { fired: { result: string }[] };
  const ms = performance.now() - started;
  const fired = body.fired.filter((f) => f.result === 'fired').length;
  if (fired !== count) throw new Error(`expected ${count} fired timers, got ${fired}`);
  const line = `${count} due timers: advance took ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(1)} ms per timer); creating the ${count} payments took ${(seededMs / 1000).toFixed(1)} s with 8 concurrent clients.`;
  console.log(line);
  writeBenchmarkSection(
    'Test clock over many timers',
    `Command: \`node --import tsx bench/clock-advance.ts ${count}\` — one store, ${count} INICIS payments (one PG auto-cancel timer each), then \`POST /sandbox/clock {"by":"P2D"}\`, which runs every due timer in due order (void, mark fired, delete schedule).\nMachine: ${machine()}.\n\n${line}`,
  );
});
