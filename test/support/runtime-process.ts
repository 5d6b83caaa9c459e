/**
 * The local runtime as a separate OS process, so a test can SIGKILL it mid-delivery (a real
 * crash: no finally blocks, no graceful close). Run with `node --import tsx`; configured by
 * environment; prints one line `READY <url>` when it serves.
 */
import { startLocalRuntime } from '../../functions/local/runtime.ts';

const endpoint = process.env.PG_SANDBOX_DYNAMO_ENDPOINT;
const tableName = process.env.PG_SANDBOX_TABLE;
if (!endpoint || !tableName) throw new Error('PG_SANDBOX_DYNAMO_ENDPOINT and PG_SANDBOX_TABLE are required');
const runtime = await startLocalRuntime({ dynamoEndpoint: endpoint, tableName, port: 0, autoFire: false });
process.stdout.write(`READY ${runtime.url}\n`);
