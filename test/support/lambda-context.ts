import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/**
 * The context the Lambda runtime passes to each invocation: a fresh request id every time, and the
 * function's identity (what Powertools' `logger.addContext` puts on every log line).
 */
export function lambdaContext(functionName: string, awsRequestId: string = randomUUID()): Context {
  const name = `PgSandbox-test-${functionName}`;
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-northeast-2:111122223333:function:${name}`,
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `2026/01/01/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
