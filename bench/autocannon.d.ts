// The few parts of autocannon's result the benches read (the package ships no types).
declare module 'autocannon' {
  interface Result {
    requests: { average: number };
    non2xx: number;
  }
  export default function autocannon(options: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<Result>;
}
