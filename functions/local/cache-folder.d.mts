export function cacheFolder(env?: NodeJS.ProcessEnv): string;
export function stamp(file: string): string;
