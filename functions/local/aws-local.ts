import type { Endpoints } from '../wiring.ts';

/**
 * Local engines accept any credentials, so the AWS SDK clients that talk to them get a region and
 * credentials here, explicitly: never through process.env, which the developer's own code (and the
 * tests) share with the sandbox.
 */
export const LOCAL_REGION = 'ap-northeast-2';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * What the SDK puts in a local request's Authorization header instead of a SigV4 signature.
 * DynamoDB Local checks no signature (it only wants the header to be there and to name an access
 * key, and with `-sharedDb`, which we always pass, not even the key matters); the local Scheduler
 * endpoint reads no header at all. Signing costs node CPU on every call (a SHA-256 of the body,
 * four HMACs, canonical headers: about a fifth of node's CPU per DynamoDB call,
 * docs/benchmarks.md), all of it on the request path. Only the local runtime's clients get this
 * signer; on Lambda `createServices` gets no endpoints and the SDK signs as it must.
 */
const LOCAL_AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=${LOCAL_CREDENTIALS.accessKeyId}/20000101/${LOCAL_REGION}/local/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;

export const LOCAL_SIGNER: NonNullable<Endpoints['signer']> = {
  sign: (request) => {
    request.headers.authorization = LOCAL_AUTHORIZATION;
    return Promise.resolve(request);
  },
};

/** What every SDK client talking to a local engine gets besides its endpoint. */
const LOCAL_CLIENT = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, signer: LOCAL_SIGNER };

/** Client configuration for an SDK client talking to a local engine. */
export const localClientConfig = (endpoint: string) => ({ endpoint, ...LOCAL_CLIENT });

/** The local runtime's endpoints for createServices: DynamoDB Local and the local Scheduler, unsigned. */
export const localEndpoints = (dynamodb: string, scheduler: string): Endpoints => ({ dynamodb, scheduler, ...LOCAL_CLIENT });
