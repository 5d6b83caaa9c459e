// `pg-sandbox/testing`: the sandbox for a test run in one call, a webhook receiver, the typed client.
export { startSandbox } from './start-sandbox.ts';
export type { Sandbox, StartSandboxOptions } from './start-sandbox.ts';
export { startWebhookReceiver } from './webhook-receiver.ts';
export type { ReceivedEvent, WaitForEvent, WebhookReceiver, WebhookReceiverOptions } from './webhook-receiver.ts';
export { createSandboxClient, SandboxApiError } from '../client/sandbox-client.ts';
export type * from '../client/sandbox-client.ts';
export type { JsonBanner } from '../client/banner.ts';
