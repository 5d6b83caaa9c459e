import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { vi } from 'vitest';

export type LogLine = Record<string, unknown>;

/**
 * A separate module instance of a bundle that logs at INFO, imported with what the Lambda runtime
 * sets for an on-demand function (Powertools reports cold starts only then). The other instances
 * of the test stay silent. The bundle's folder is copied first: its chunks (the logger among them)
 * would otherwise be the instances the silent imports already loaded.
 */
export async function importLogging<T>(bundle: string, tag: string): Promise<T> {
  const saved = { LOG_LEVEL: process.env.LOG_LEVEL, AWS_LAMBDA_INITIALIZATION_TYPE: process.env.AWS_LAMBDA_INITIALIZATION_TYPE };
  Object.assign(process.env, { LOG_LEVEL: 'INFO', AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' });
  try {
    const copy = mkdtempSync(join(tmpdir(), `pg-sandbox-${tag}-`));
    cpSync(dirname(bundle), copy, { recursive: true });
    return (await import(join(copy, basename(bundle)))) as T;
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The JSON log lines written to stdout and stderr while `run` runs (kept out of the test output). */
export async function captureLogLines<T>(run: () => Promise<T>): Promise<{ result: T; lines: LogLine[] }> {
  const chunks: string[] = [];
  const record = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(record);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(record);
  try {
    const result = await run();
    const lines = chunks
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
    return { result, lines };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
