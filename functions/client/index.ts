// `pg-sandbox/client`: the typed client for the sandbox API (docs/sandbox-api.md).
export { createSandboxClient, SandboxApiError } from './sandbox-client.ts';
export type * from './sandbox-client.ts';
export { formatProbeReport } from './probe-report.ts';
