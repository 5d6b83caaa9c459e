/**
 * HTTP routing for the local Scheduler endpoint: restJson1 paths and query names as the SDK
 * sends them, and errors in the form the SDK turns into named exceptions.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { SchedulerApiError } from './errors.ts';
import type { SchedulerOperations } from './operations.ts';
import { parseJsonBody } from './validation.ts';
import { toGetScheduleOutput, toScheduleSummary } from './wire.ts';

export function createSchedulerApp(ops: SchedulerOperations): Hono {
  const app = new Hono();

  // The SDK copies this header into $metadata.requestId, which is what people paste into bug reports.
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('x-amzn-requestid', randomUUID());
  });

  app.post('/schedules/:name', async (c) => {
    const body = parseJsonBody(await c.req.text());
    const { arn } = ops.create(c.req.param('name'), body);
    return c.json({ ScheduleArn: arn });
  });

  app.get('/schedules/:name', (c) => {
    const schedule = ops.get(c.req.param('name'), c.req.query('groupName'));
    return c.json(toGetScheduleOutput(schedule));
  });

  app.delete('/schedules/:name', (c) => {
    ops.delete(c.req.param('name'), c.req.query('groupName'), c.req.query('clientToken'));
    return c.json({});
  });

  app.get('/schedules', (c) => {
    const { items, nextToken } = ops.list(c.req.query());
    return c.json({ Schedules: items.map(toScheduleSummary), ...(nextToken && { NextToken: nextToken }) });
  });

  app.notFound((c) =>
    errorResponse(new SchedulerApiError(404, 'UnknownOperationException',
      `The local EventBridge Scheduler does not implement ${c.req.method} ${c.req.path}.`)));

  app.onError((error) => {
    if (error instanceof SchedulerApiError) return errorResponse(error);
    // A bug of ours, not the caller's: keep the details in the local log, not in the response.
    console.error('local scheduler: unexpected error', error);
    return errorResponse(new SchedulerApiError(500, 'InternalServerException', 'Unexpected error in the local scheduler.'));
  });

  return app;
}

function errorResponse(error: SchedulerApiError): Response {
  return new Response(JSON.stringify({ Message: error.message }), {
    status: error.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.type },
  });
}
