export const EXIT_USAGE: number;
export const HELP: string;

export interface CliOptions {
  port: number;
  host: string;
  inMemory: boolean;
  dataDir: string;
  /** Print the banner as one JSON line (for scripts) instead of the human one. */
  json: boolean;
}

/** Parses argv; prints help or a one-line usage error and exits when there is nothing to start. */
export function parseCliArgs(argv: readonly string[], env?: NodeJS.ProcessEnv): CliOptions;
