import type { ChildProcess } from 'node:child_process';
import type { ClassArchivePlan } from './class-archive.mjs';

export const DYNAMODB_LOCAL_JVM_FLAGS: readonly string[];
export function engineFolder(dataDir: string): string;
export function enginePath(folder: string | undefined): string | null;

export interface SpawnedJava {
  child: ChildProcess;
  port: number;
  path: string | null;
  /** How java ended: it could not be spawned (`error`), or it exited. */
  ended: Promise<{ error: NodeJS.ErrnoException } | { code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 2,000 characters java wrote to stderr. */
  stderr(): string;
  /** How java uses DynamoDB Local's class archive; null: it was started without one. */
  archive: ClassArchivePlan | null;
}

export function spawnJava(opts: { port: number; path: string | null; jvmFlags?: readonly string[]; classArchive?: boolean }): SpawnedJava;
export function spawnEarlyJava(folder: string | undefined): Promise<void>;
export function takeEarlyJava(path: string | null): SpawnedJava | undefined;
