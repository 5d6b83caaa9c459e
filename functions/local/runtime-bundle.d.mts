/** A file URL of the bundle of `entry` (built now if missing or stale), or null: load the sources through tsx. */
export function bundledEntry(entry: string, env?: NodeJS.ProcessEnv): Promise<string | null>;
