import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run (each test file uses its own table). Cleanup is
 * layered so no java survives an interrupted run: the teardown below, a process 'exit' hook, and a
 * detached watchdog that kills java once this vitest process is gone, even after SIGKILL.
 */
export default async function setup(project: TestProject) {
  const ddb = await startDynamoDbLocal();
  const killJava = () => {
    try {
      process.kill(ddb.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killJava);
  const watchdog = spawn('sh', ['-c', `tail --pid=${process.pid} -f /dev/null; kill -9 ${ddb.pid} 2>/dev/null`], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  project.provide('dynamoEndpoint', ddb.endpoint);
  return async () => {
    await ddb.stop();
    process.removeListener('exit', killJava);
    try {
      if (watchdog.pid) process.kill(watchdog.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}
