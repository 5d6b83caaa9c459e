// The few parts of autocannon's result the benches read (the package ships no types).
declare module 'autocannon' {
  interface Result {
    requests: { average: number; total: number };
    /** Seconds from the first connection to the end of the run. */
    duration: number;
    non2xx: number;
  }
  export default function autocannon(options: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<Result>;
}
