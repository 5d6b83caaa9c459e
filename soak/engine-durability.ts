/**
 * Is a write DynamoDB Local answered durable if java is then SIGKILLed? 16 writers against an
 * engine on a data folder; after 2,000 acknowledged writes java is killed (or, with `idle <ms>`,
 * the writers stop and java is killed that long after the last answer); a new engine on the same
 * folder reads every acknowledged key. docs/reliability.md has the results.
 *
 * Run: node --import tsx soak/engine-durability.ts put|tx [idle <ms>]
 */
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchDynamoDbLocal, type RunningDynamoDbLocal } from '../functions/local/dynamodb-local.ts';

const [mode = 'tx', idle, idleMs = '0'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'pg-sandbox-durability-'));
const client = (endpoint: string) => new DynamoDBClient({ endpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
const engines: RunningDynamoDbLocal[] = [];
const start = async () => {
  const ddb = await launchDynamoDbLocal({ dataDir: dir });
  engines.push(ddb);
  await ddb.ready;
  return ddb;
};

try {
  const first = await start();
  let db = client(first.endpoint);
  await db.send(new CreateTableCommand({ TableName: 'durability', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
  const acked: string[] = [];
  let stop = false;
  const write = (pk: string) =>
    mode === 'put'
      ? db.send(new PutItemCommand({ TableName: 'durability', Item: { pk: { S: pk }, v: { S: 'x'.repeat(2000) } } }))
      : db.send(new TransactWriteItemsCommand({ TransactItems: [
          { Put: { TableName: 'durability', Item: { pk: { S: pk }, v: { S: 'x'.repeat(2000) } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: 'durability', Item: { pk: { S: `${pk}#b` }, v: { S: 'y' } } } },
        ] }));
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        await write(`${w}-${i}`);
        acked.push(`${w}-${i}`);
      } catch {
        return; // the engine is gone
      }
    }
  };
  const writers = Array.from({ length: 16 }, (_, w) => writer(w));
  while (acked.length < 2000) await new Promise((r) => setTimeout(r, 5));
  if (idle === 'idle') {
    stop = true;
    await Promise.all(writers);
    await new Promise((r) => setTimeout(r, Number(idleMs)));
  }
  process.kill(first.pid, 'SIGKILL');
  stop = true;
  await Promise.all(writers);
  const second = await start();
  db = client(second.endpoint);
  const lost: string[] = [];
  for (const pk of acked) if (!(await db.send(new GetItemCommand({ TableName: 'durability', Key: { pk: { S: pk } }, ConsistentRead: true }))).Item) lost.push(pk);
  console.log(`${mode}${idle === 'idle' ? ` idle ${idleMs} ms` : ''}: ${acked.length} acknowledged, ${lost.length} lost ${lost.join(' ')}`);
} finally {
  for (const e of engines) await e.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
