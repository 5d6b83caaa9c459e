/**
 * What settling a due PG void costs DynamoDB Local, by the shape of the writes: the items are the
 * adapter's own (a real paid INICIS payment and its PG void timer, copied under N payment ids in one
 * store), each shape run on its own fresh copies, shapes interleaved over several rounds. Java's CPU
 * (from /proc) and wall time per timer; one write call in flight at a time.
 *
 * The `one write:` shapes are a redesign measured before building it (issue 11 item 11): the
 * payment item holds its timers (a map by timer id) and, while one is pending, a sparse due-time
 * attribute pair in a third index (byDue, on a second table of the same engine with the adapter's
 * two indexes plus that one), so firing a timer is one conditional update of the payment (its
 * change, the timer marked FIRED, the due attribute removed), and an advance's reads are the due
 * index pages alone (the index holds the payments themselves) instead of timer pages plus a
 * BatchGetItem of their payments. The `reads` rows are those reads, per timer.
 *
 * The `packed` shapes store the payment's record as one JSON string attribute (keys, index
 * attributes and version stay attributes), to measure DynamoDB Local's per-attribute work.
 *
 * Run: node --import tsx bench/clock-writes.ts [timers per shape and round=1000] [rounds=2] [--only <regex>]   (prints only)
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { paymentItem, timerItem, timerSettleUpdate } from '../functions/adapters/dynamodb/items.ts';
import { PAYMENT_PREFIX, dueTimersIndexPk, paymentSk, storePk, timeSortKey } from '../functions/adapters/dynamodb/keys.ts';
import { INDEX } from '../functions/adapters/dynamodb/schema.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import type { PaymentRecord } from '../functions/domain/payment.ts';
import type { TimerRecord } from '../functions/domain/timer.ts';
import { loadAverage, positional, processCpuMs, withLocalRuntime } from './harness.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
const perShape = Number(positional(0) ?? 1000);
const rounds = Number(positional(1) ?? 2);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

const loadBefore = loadAverage();
await withLocalRuntime(async ({ runtime, store, channelKey, dynamoEndpoint, tableName: TableName, javaPid }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  await sdk.payInstantly({ paymentId: 'sample', channelKey: channelKey('INICIS_V2'), orderName: 'bench', amount: { total: 1_000 }, currency: 'KRW', method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } });
  const paid = (await runtime.services.repo.getPayment(store.storeId, 'sample'))!;
  const [sampleTimer] = await runtime.services.repo.listPaymentTimers(store.storeId, 'sample');
  const db = createDocumentClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

  // The redesign's table: the adapter's two indexes and byDue, projecting all (the advance reads the
  // payments from it) or keys only (cheaper to keep, a BatchGetItem after each page). Without a
  // stream: with one, every write to a table created here cost DynamoDB Local 10–20× more java CPU
  // than the same write to the runtime's table (which has one too), a bench artifact.
  const DUE = { name: 'byDue', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' };
  const raw = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const createTable = async (name: string, dueProjection: 'ALL' | 'KEYS_ONLY' | 'none') => {
    const indexes = [...Object.values(INDEX), ...(dueProjection === 'none' ? [] : [DUE])];
    const input: CreateTableCommandInput = {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' }, { AttributeName: i.sortKey, KeyType: 'RANGE' }],
        Projection: { ProjectionType: i === DUE && dueProjection !== 'none' ? dueProjection : 'ALL' },
      })),
    };
    await raw.send(new CreateTableCommand(input));
    return name;
  };
  const dueAll = await createTable(`${TableName}-due-all`, 'ALL');
  const dueKeys = await createTable(`${TableName}-due-keys`, 'KEYS_ONLY');
  // A control: created like those, with the adapter's two indexes only (is a second table itself slower?).
  const control = await createTable(`${TableName}-control`, 'none');

  type CopySet = { storeId: string; table: string; inside: boolean; packed: boolean; copies: { payment: PaymentRecord; timer: TimerRecord }[] };
  // Each set is its own store, so a due-index query reads that set only.
  const copies = (tag: string, table = TableName, inside = table === dueAll || table === dueKeys, packed = false): CopySet => {
    const storeId = `bench-${tag}`;
    return {
      storeId,
      table,
      inside,
      packed,
      copies: Array.from({ length: perShape }, (_, i) => {
        const paymentId = `${tag}-${i}`;
        const payment: PaymentRecord = { ...structuredClone(paid), storeId, paymentId };
        const timer: TimerRecord = { ...sampleTimer!, storeId, paymentId, timerId: `t-${paymentId}`, scheduleName: `t-${paymentId}` };
        return { payment, timer };
      }),
    };
  };
  const { storeId: _s, paymentId: _p, ...timerOnPayment } = sampleTimer!;
  /** The redesign's payment item: its timers inside, its earliest pending one in byDue. */
  const paymentWithTimers = (p: PaymentRecord, t: TimerRecord) => ({
    ...paymentItem(p),
    timers: { [t.timerId]: { ...timerOnPayment, timerId: t.timerId, scheduleName: t.scheduleName } },
    [DUE.partitionKey]: dueTimersIndexPk(p.storeId),
    [DUE.sortKey]: timeSortKey(t.dueAt, p.paymentId),
  });
  /**
   * The payment item with its record packed into one JSON string (keys, index attributes, item type
   * and version stay attributes): what DynamoDB Local's per-attribute work costs (bench/jfr.ts).
   */
  const packedPaymentItem = (p: PaymentRecord) => {
    const item = paymentItem(p);
    const { pk, sk, itemType, gsi1pk, gsi1sk, gsi2pk, gsi2sk, version, ...record } = item;
    return { pk, sk, itemType, gsi1pk, gsi1sk, gsi2pk, gsi2sk, version, record: JSON.stringify(record) };
  };
  const seed = async (set: CopySet) => {
    const items = set.inside
      ? set.copies.map(({ payment, timer }) => paymentWithTimers(payment, timer))
      : set.copies.flatMap(({ payment, timer }) => [set.packed ? packedPaymentItem(payment) : paymentItem(payment), timerItem(timer)]);
    for (let i = 0; i < items.length; i += 25) {
      await db.send(new BatchWriteCommand({ RequestItems: { [set.table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
  };
  const at = new Date().toISOString();
  const voided = (p: PaymentRecord): PaymentRecord => {
    const next = structuredClone(p);
    next.pg!.voidedAt = at;
    next.pg!.pendingVoidTimerId = null;
    next.version = p.version + 1;
    return next;
  };
  const paymentPut = (p: PaymentRecord): TransactItem => ({
    Put: { TableName, Item: paymentItem(voided(p)), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': p.version } },
  });
  const paymentUpdate = (p: PaymentRecord, table = TableName): TransactItem => ({
    Update: {
      TableName: table,
      Key: { pk: storePk(p.storeId), sk: paymentSk(p.paymentId) },
      UpdateExpression: 'SET pg.voidedAt = :at, pg.pendingVoidTimerId = :none, version = :next',
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': p.version, ':next': p.version + 1, ':at': at, ':none': null },
    },
  });
  const packedPaymentPut = (p: PaymentRecord): TransactItem => ({
    Put: { TableName, Item: packedPaymentItem(voided(p)), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': p.version } },
  });
  const timerUpdate = (t: TimerRecord): TransactItem => ({ Update: { TableName, ...timerSettleUpdate(t.storeId, t.timerId, 'FIRED', at) } });
  /** The redesign's one write: the payment's change, its timer FIRED and out of byDue, under both conditions. */
  const oneWriteUpdate = (table: string, p: PaymentRecord, t: TimerRecord): TransactItem => ({
    Update: {
      TableName: table,
      Key: { pk: storePk(p.storeId), sk: paymentSk(p.paymentId) },
      UpdateExpression: `SET pg.voidedAt = :at, pg.pendingVoidTimerId = :none, version = :next, timers.#t.#s = :fired, timers.#t.firedAt = :at REMOVE ${DUE.partitionKey}, ${DUE.sortKey}`,
      ConditionExpression: 'version = :v AND timers.#t.#s = :pending',
      ExpressionAttributeNames: { '#t': t.timerId, '#s': 'state' },
      ExpressionAttributeValues: { ':v': p.version, ':next': p.version + 1, ':at': at, ':none': null, ':fired': 'FIRED', ':pending': 'PENDING' },
    },
  });
  /** The same as a whole-item Put (what commitPayment writes today): the timer FIRED inside, no due attributes. */
  const oneWritePut = (table: string, p: PaymentRecord, t: TimerRecord): TransactItem => {
    const item: Record<string, unknown> = paymentWithTimers(voided(p), t);
    (item.timers as Record<string, Record<string, unknown>>)[t.timerId] = { ...timerOnPayment, timerId: t.timerId, scheduleName: t.scheduleName, state: 'FIRED', firedAt: at };
    delete item[DUE.partitionKey];
    delete item[DUE.sortKey];
    return { Put: { TableName: table, Item: item, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': p.version } } };
  };
  /** An advance's reads: due-index pages of 500, each followed (when the page holds no payments) by BatchGetItems of 100 side by side. */
  const readDue = async (set: CopySet, index: { name: string; partitionKey: string; sortKey: string }, thenBatchGet: boolean) => {
    let start: Record<string, unknown> | undefined;
    let read = 0;
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: set.table,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk <= :until',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': dueTimersIndexPk(set.storeId), ':until': '9999-12-31T23:59:59.999Z\uffff' /* every seeded timer is due */ },
          Limit: 500,
          ExclusiveStartKey: start,
        }),
      );
      const items = out.Items ?? [];
      if (thenBatchGet) {
        const keys = items.map((i) => ({ pk: storePk(set.storeId), sk: paymentSk(String(i.paymentId ?? String(i.sk).slice(PAYMENT_PREFIX.length))) }));
        const got = await Promise.all(chunks(keys, 100).map((Keys) => db.send(new BatchGetCommand({ RequestItems: { [set.table]: { Keys, ConsistentRead: true } } }))));
        read += got.reduce((n, g) => n + (g.Responses?.[set.table]?.length ?? 0), 0);
      } else read += items.length;
      start = out.LastEvaluatedKey;
    } while (start);
    if (read !== set.copies.length) throw new Error(`read ${read} of ${set.copies.length}`);
  };
  const timerPut = (t: TimerRecord) => ({ PutRequest: { Item: timerItem({ ...t, state: 'FIRED', firedAt: at } as TimerRecord) } });
  const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  const tx = (TransactItems: TransactItem[]) => db.send(new TransactWriteCommand({ TransactItems }));
  const batchPutTimers = async ({ copies: set }: CopySet) => {
    for (const c of chunks(set, 25)) await db.send(new BatchWriteCommand({ RequestItems: { [TableName]: c.map(({ timer }) => timerPut(timer)) } }));
  };

  /** `inside`: the payment items hold their timer (the redesign's layout); default: by table. */
  type Shape = { table?: string; inside?: boolean; packed?: boolean; run: (set: CopySet) => Promise<void> };
  type Copy = CopySet['copies'][number];
  /** The set's writes, `per` copies a transaction, `inFlight` transactions at a time. */
  const transactions =
    (per: number, items: (copy: Copy, table: string) => TransactItem[], inFlight = 1) =>
    async (set: CopySet) => {
      const batches = chunks(set.copies, per);
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          for (let c = batches.shift(); c; c = batches.shift()) await tx(c.flatMap((copy) => items(copy, set.table)));
        }),
      );
    };
  const pair = ({ payment, timer }: Copy) => [paymentPut(payment), timerUpdate(timer)];
  const put = ({ payment }: Copy) => [paymentPut(payment)];
  const update = ({ payment }: Copy, table: string) => [paymentUpdate(payment, table)];
  const oneWrite = ({ payment, timer }: Copy, table: string) => [oneWriteUpdate(table, payment, timer)];
  const shapes: Record<string, Shape> = {
    'today: tx of 25 × (payment Put + timer Update)': { run: transactions(25, pair) },
    'tx of 50 × (payment Put + timer Update)': { run: transactions(50, pair) },
    'tx of 50 × (packed payment Put + timer Update)': { packed: true, run: transactions(50, ({ payment, timer }) => [packedPaymentPut(payment), timerUpdate(timer)]) },
    'tx of 100 packed payment Puts only': { packed: true, run: transactions(100, ({ payment }) => [packedPaymentPut(payment)]) },
    'tx of 100 payment Puts, then BatchWrite timer Puts': {
      run: async (set) => {
        await transactions(100, put)(set);
        await batchPutTimers(set);
      },
    },
    'tx of 100 payment Puts, then tx of 100 timer Updates': {
      run: async (set) => {
        await transactions(100, put)(set);
        await transactions(100, ({ timer }) => [timerUpdate(timer)])(set);
      },
    },
    'tx of 100 payment Updates, then BatchWrite timer Puts': {
      run: async (set) => {
        await transactions(100, update)(set);
        await batchPutTimers(set);
      },
    },
    'tx of 100 payment Puts only': { run: transactions(100, put) },
    'tx of 100 payment Updates only': { run: transactions(100, update) },
    'BatchWrite timer Puts only': { run: batchPutTimers },
    'single timer Updates only (8 in flight)': {
      run: async ({ copies: set }) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let i = next++; i < set.length; i = next++) await db.send(new UpdateCommand({ TableName, ...timerSettleUpdate(set[i]!.timer.storeId, set[i]!.timer.timerId, 'FIRED', at) }));
          }),
        );
      },
    },
    'one write: tx of 100 payment Updates (timer inside, byDue ALL)': { table: dueAll, run: transactions(100, oneWrite) },
    'one write: tx of 50 payment Updates (timer inside, byDue ALL)': { table: dueAll, run: transactions(50, oneWrite) },
    "one write on the adapter's own table (timer inside, no third index to leave)": { inside: true, run: transactions(100, oneWrite) },
    'control table (2 indexes, created by the bench): tx of 100 payment Updates only': { table: control, run: transactions(100, update) },
    'byDue ALL table, payment Updates leaving timer and byDue as they are (tx of 100)': { table: dueAll, run: transactions(100, update) },
    'one write: tx of 50 payment Updates, 2 in flight (timer inside, byDue ALL)': { table: dueAll, run: transactions(50, oneWrite, 2) },
    'tx of 50 × (payment Put + timer Update), 2 in flight': { run: transactions(50, pair, 2) },
    'one write: tx of 100 payment Puts (timer inside, byDue ALL)': { table: dueAll, run: transactions(100, ({ payment, timer }, table) => [oneWritePut(table, payment, timer)]) },
    'one write: tx of 100 payment Updates (timer inside, byDue KEYS_ONLY)': { table: dueKeys, run: transactions(100, oneWrite) },
    'reads today: due timers (byTime, pages of 500) + BatchGet payments': { run: (set) => readDue(set, INDEX.BY_TIME, true) },
    'reads packed: due timers (byTime, pages of 500) + BatchGet packed payments': { packed: true, run: (set) => readDue(set, INDEX.BY_TIME, true) },
    'reads one write: byDue ALL pages of 500 (the payments themselves)': { table: dueAll, run: (set) => readDue(set, DUE, false) },
    'reads one write: byDue KEYS_ONLY pages of 500 + BatchGet payments': { table: dueKeys, run: (set) => readDue(set, DUE, true) },
  };
  const spent: Record<string, { java: number[]; node: number[]; wall: number[] }> = {};
  const chosen = Object.entries(shapes).filter(([name]) => only === undefined || new RegExp(only).test(name));
  for (let round = 0; round < rounds; round++) {
    for (const [name, { table, inside, packed, run }] of chosen) {
      const set = copies(`r${round}-${Object.keys(shapes).indexOf(name)}`, table, inside, packed);
      await seed(set);
      const java = processCpuMs(javaPid);
      const node = process.cpuUsage();
      const started = performance.now();
      await run(set);
      const row = (spent[name] ??= { java: [], node: [], wall: [] });
      row.wall.push((performance.now() - started) / perShape);
      const nodeUsed = process.cpuUsage(node);
      row.node.push((nodeUsed.user + nodeUsed.system) / 1000 / perShape);
      row.java.push((processCpuMs(javaPid) - java) / perShape);
    }
  }
  console.log(`load average ${loadBefore}–${loadAverage()}; ${perShape} timers per shape and round, ${rounds} rounds; per timer: java CPU ms · node CPU ms · wall ms (each round)`);
  const each = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  for (const [name, { java, node, wall }] of Object.entries(spent)) console.log(`| ${name} | ${each(java)} | ${each(node)} | ${each(wall)} |`);
  raw.destroy();
});
