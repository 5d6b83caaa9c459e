export interface ClassArchivePlan {
  /** `use`: java maps an archive made before; `record`: java runs so that one can be dumped. */
  mode: 'use' | 'record';
  archive: string;
  jcmd: string;
  /** JVM arguments in place of `-jar <jar>`, before the main class. */
  args: string[];
  mainClass: string;
}

export function planClassArchive(opts: { jar: string; jvmFlags: readonly string[]; env?: NodeJS.ProcessEnv }): ClassArchivePlan | null;
export function discardClassArchive(plan: ClassArchivePlan): void;
export function dumpClassArchive(plan: ClassArchivePlan, pid: number): { done: Promise<boolean>; cancel(): void };
export function rewriteManifest(zip: Buffer, edit: (text: string) => string): Buffer;
