import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The floor for the api function's cold import: the least a Hono app on Lambda that reads
 * DynamoDB must load (a Hono app, its Lambda adapter, a DynamoDBClient). bench/cold-import.ts
 * bundles it exactly as the stack bundles the real functions.
 */
const client = new DynamoDBClient({});
const app = new Hono();
app.get('/payments/:paymentId', async (c) => {
  const out = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: c.req.param('paymentId') }, sk: { S: 'META' } } }));
  return out.Item ? c.json(out.Item) : c.json({ type: 'PAYMENT_NOT_FOUND' }, 404);
});
export const handler = handle(app);
