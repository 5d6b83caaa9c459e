// Cuts PortOne's published V2 OpenAPI document down to the operations the
// sandbox implements, so tests can validate our responses against PortOne's
// own schemas without shipping (or reading at run time) the 1.7 MB original.
//
// Usage: node --import tsx scripts/extract-openapi-fixture.ts [path-to-v2.openapi.json]
// The default source lives outside the repository (../shared), which a user's
// clone does not have: that is why the result is committed as a fixture and
// only this script ever reads the original.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const IMPLEMENTED_PATHS = [
  '/login/api-secret',
  '/token/refresh',
  '/payments/{paymentId}',
  '/payments',
  '/payments-by-cursor',
  '/payments/{paymentId}/instant',
  '/payments/{paymentId}/cancel',
  '/payments/{paymentId}/pre-register',
  '/payments/{paymentId}/virtual-account/close',
  '/payments/{paymentId}/resend-webhook',
  '/payments/{paymentId}/confirm',
  '/payments/{paymentId}/capture',
  '/payments/{paymentId}/escrow/logistics',
  '/payments/{paymentId}/escrow/complete',
  '/billing-keys',
  '/billing-keys/{billingKey}',
  '/billing-keys/confirm',
  '/billing-keys/confirm-issue-and-pay',
  '/payments/{paymentId}/billing-key',
  '/payments/{paymentId}/schedule',
  '/payment-schedules',
  '/payment-schedules/{paymentScheduleId}',
  '/identity-verifications',
  '/identity-verifications/{identityVerificationId}',
  '/identity-verifications/{identityVerificationId}/send',
  '/identity-verifications/{identityVerificationId}/confirm',
  '/identity-verifications/{identityVerificationId}/resend',
  '/banks',
  '/payments/{paymentId}/transactions',
  '/payment-events-by-cursor',
  '/cash-receipts',
  '/payments/{paymentId}/cash-receipt',
  '/payments/{paymentId}/cash-receipt/cancel',
  '/payments/{paymentId}/cancellations/{cancellationId}/stop',
  '/promotions/{promotionId}',
  '/payment-gateways/card-promotion',
  '/payments/{paymentId}/register-store-receipt',
  '/kakaopay/payment/order',
  '/paymentwall/delivery/confirm',
  '/payment-sessions',
  '/payment-sessions/{sessionId}',
  '/payment-sessions/{sessionId}/close',
  '/checkout-profiles/evaluate',
] as const;

const SCHEMA_REF_PREFIX = '#/components/schemas/';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectRefs(node: Json | undefined, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      // Anything but a component schema would silently dangle in the fixture.
      if (!value.startsWith(SCHEMA_REF_PREFIX)) throw new Error(`unsupported $ref ${value}`);
      into.add(value.slice(SCHEMA_REF_PREFIX.length));
    } else {
      collectRefs(value, into);
    }
  }
}

/** Recursively sorts object keys so regenerating from a new OAS release yields a readable diff. */
export function sortKeys(node: Json): Json {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const key of Object.keys(node).sort()) out[key] = sortKeys(node[key] as Json);
  return out;
}

export function extractFixture(source: JsonObject, sourceSha256: string): JsonObject {
  const paths = source['paths'];
  const components = source['components'];
  const info = source['info'];
  if (!isObject(paths) || !isObject(components) || !isObject(info)) {
    throw new Error('source is not an OpenAPI document (paths/components/info missing)');
  }
  const schemas = components['schemas'];
  if (!isObject(schemas)) throw new Error('source has no components.schemas');

  const keptPaths: JsonObject = {};
  const pending = new Set<string>();
  for (const path of IMPLEMENTED_PATHS) {
    const item = paths[path];
    if (!isObject(item)) throw new Error(`path ${path} is not in the source OAS`);
    keptPaths[path] = item;
    collectRefs(item, pending);
  }

  const keptSchemas: JsonObject = {};
  const queue = [...pending];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (name in keptSchemas) continue;
    const schema = schemas[name];
    if (schema === undefined) throw new Error(`dangling $ref to ${name}`);
    keptSchemas[name] = schema;
    const refs = new Set<string>();
    collectRefs(schema, refs);
    for (const ref of refs) if (!(ref in keptSchemas)) queue.push(ref);
  }

  const fixture: JsonObject = {
    openapi: source['openapi'] ?? null,
    info: { title: info['title'] ?? null, version: info['version'] ?? null },
    'x-pg-sandbox': {
      note: 'Generated by scripts/extract-openapi-fixture.ts from PortOne V2 OpenAPI; do not edit by hand.',
      sourceSha256,
    },
    paths: keptPaths,
    components: {
      schemas: keptSchemas,
      // Operations name these in `security`; keeping them leaves a self-consistent document.
      ...(isObject(components['securitySchemes']) ? { securitySchemes: components['securitySchemes'] } : {}),
    },
  };
  return sortKeys(fixture) as JsonObject;
}

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const sourcePath = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/portone/v2.openapi.json'));
  const outPath = resolve(repoRoot, 'test/fixtures/portone-v2-openapi.json');

  const raw = readFileSync(sourcePath);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const fixture = extractFixture(JSON.parse(raw.toString('utf8')) as JsonObject, sha256);

  mkdirSync(dirname(outPath), { recursive: true });
  const text = `${JSON.stringify(fixture, null, 2)}\n`;
  writeFileSync(outPath, text);

  const schemaCount = Object.keys((fixture['components'] as { schemas: JsonObject }).schemas).length;
  const version = (fixture['info'] as JsonObject)['version'];
  console.log(
    `wrote ${relative(process.cwd(), outPath)}: OAS ${String(version)}, ${IMPLEMENTED_PATHS.length} paths, ` +
      `${schemaCount} schemas, ${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
