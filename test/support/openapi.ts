// Validates what the sandbox returns against PortOne's own published OpenAPI
// schemas (the committed subset in test/fixtures, produced by
// scripts/extract-openapi-fixture.ts), so "looks like PortOne" is checked by
// PortOne's contract rather than by our reading of it.
//
// OpenAPI 3.0 is not plain JSON Schema; the differences that matter here:
// - Every union in PortOne's OAS is `oneOf` + `discriminator.mapping`, and the
//   variants' tag properties are bare `type: string`. Plain `oneOf` would then
//   accept a PAID payment that happens to satisfy READY's smaller `required`
//   list, or fail with "matches more than one". We pin each variant's tag to
//   its mapping key and let ajv's `discriminator` pick exactly one branch, so
//   errors come from the branch the tag names (and an unknown tag fails).
// - `format: int32|int64|date` and `x-portone-*` keywords: ajv-formats knows
//   the formats; `strict: false` ignores vendor extensions. ajv 8 implements
//   `nullable` natively (PortOne's OAS uses none today).
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export type HttpMethod = 'get' | 'post' | 'delete';

export interface ValidationOptions {
  /**
   * PortOne's schemas allow unknown properties (receivers must ignore them),
   * so by default extra fields pass. Turn this on to catch fields PortOne
   * never sends, such as a misspelt optional field (`pgTxID`), which the
   * default mode cannot notice.
   */
  rejectUnknownProperties?: boolean;
}

export class OpenApiMismatchError extends Error {
  constructor(
    message: string,
    readonly errors: readonly string[] = [],
  ) {
    super(message);
    this.name = 'OpenApiMismatchError';
  }
}

type JsonObject = Record<string, unknown>;

const FIXTURE_URL = new URL('../fixtures/portone-v2-openapi.json', import.meta.url);
const DOC_ID = 'portone-v2.json';
const SCHEMA_PREFIX = '#/components/schemas/';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function loadFixture(): JsonObject {
  const doc: unknown = JSON.parse(readFileSync(FIXTURE_URL, 'utf8'));
  if (!isObject(doc) || !isObject(doc['paths']) || !isObject(doc['components'])) {
    throw new Error(`${FIXTURE_URL.pathname} is not an OpenAPI document; regenerate it with scripts/extract-openapi-fixture.ts`);
  }
  return doc;
}

const fixture = loadFixture();
const paths = fixture['paths'] as Record<string, unknown>;
const schemas = (fixture['components'] as { schemas?: unknown }).schemas;
if (!isObject(schemas)) throw new Error('fixture has no components.schemas');

/** The path templates of the operations the fixture holds (the ones the sandbox serves). */
export const PATH_TEMPLATES: readonly string[] = Object.keys(paths);

/** The OAS version the fixture was cut from (e.g. "1.16.0"). */
export const OAS_VERSION = String((fixture['info'] as JsonObject | undefined)?.['version'] ?? 'unknown');

function schemaNameOfRef(ref: string): string {
  if (!ref.startsWith(SCHEMA_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(SCHEMA_PREFIX.length);
}

interface Discriminator {
  propertyName: string;
  /** tag value → component schema name */
  mapping: Map<string, string>;
}

function discriminatorOf(schema: unknown): Discriminator | undefined {
  if (!isObject(schema) || !isObject(schema['discriminator'])) return undefined;
  const { propertyName, mapping } = schema['discriminator'];
  if (typeof propertyName !== 'string' || !isObject(mapping)) return undefined;
  const map = new Map<string, string>();
  for (const [tag, ref] of Object.entries(mapping)) {
    if (typeof ref === 'string') map.set(tag, schemaNameOfRef(ref));
  }
  return { propertyName, mapping: map };
}

/**
 * Rewrites the document for ajv: injects `enum: [tag]` on each discriminator
 * target's tag property, drops `mapping` (ajv refuses it), and optionally
 * closes every object schema.
 */
function prepareDocument(rejectUnknownProperties: boolean): JsonObject {
  const doc = structuredClone(fixture);
  const docSchemas = (doc['components'] as { schemas: Record<string, JsonObject> }).schemas;

  const pinned = new Map<string, string>(); // "Schema/property" → tag
  for (const [unionName, union] of Object.entries(docSchemas)) {
    const disc = discriminatorOf(union);
    if (disc === undefined) continue;
    for (const [tag, targetName] of disc.mapping) {
      const target = docSchemas[targetName];
      const props = target?.['properties'];
      const tagSchema = isObject(props) ? props[disc.propertyName] : undefined;
      if (!isObject(props) || !isObject(tagSchema)) {
        throw new Error(`${unionName}: mapping target ${targetName} has no property ${disc.propertyName}`);
      }
      const key = `${targetName}/${disc.propertyName}`;
      const previous = pinned.get(key);
      // The same variant appears in many unions (e.g. ForbiddenError); pinning
      // is only sound while they all agree on its tag.
      if (previous !== undefined && previous !== tag) {
        throw new Error(`${targetName}.${disc.propertyName} is mapped to both ${previous} and ${tag}`);
      }
      pinned.set(key, tag);
      props[disc.propertyName] = { ...tagSchema, enum: [tag] };
    }
    union['discriminator'] = { propertyName: disc.propertyName };
  }

  if (rejectUnknownProperties) {
    const close = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(close);
      if (!isObject(node)) return;
      if (node['type'] === 'object' && node['additionalProperties'] === undefined) node['additionalProperties'] = false;
      for (const value of Object.values(node)) close(value);
    };
    close(docSchemas);
    close(doc['paths']);
  }

  doc['$id'] = DOC_ID;
  return doc;
}

const addFormats = addFormatsModule.default;

function createAjv(rejectUnknownProperties: boolean): Ajv {
  const ajv = new Ajv({
    strict: false, // x-portone-* and OAS-only keywords (discriminator.mapping was removed above)
    allErrors: true,
    discriminator: true,
    validateSchema: false, // the OAS root (paths, info…) is not a JSON Schema itself
  });
  addFormats(ajv); // date, date-time (timezone required), int32, int64
  ajv.addSchema(prepareDocument(rejectUnknownProperties));
  return ajv;
}

const ajvs = new Map<boolean, Ajv>();
const validators = new Map<string, ValidateFunction>();

function validatorFor(pointer: string, options: ValidationOptions | undefined): ValidateFunction {
  const strict = options?.rejectUnknownProperties === true;
  const cacheKey = `${strict}:${pointer}`;
  const cached = validators.get(cacheKey);
  if (cached !== undefined) return cached;
  let ajv = ajvs.get(strict);
  if (ajv === undefined) {
    ajv = createAjv(strict);
    ajvs.set(strict, ajv);
  }
  const validate = ajv.compile({ $ref: `${DOC_ID}${pointer}` });
  validators.set(cacheKey, validate);
  return validate;
}

function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  let detail = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') detail += `: "${String(error.params['additionalProperty'])}"`;
  if (error.keyword === 'enum') detail += `: ${JSON.stringify(error.params['allowedValues'])}`;
  if (error.keyword === 'discriminator') detail += ` (got ${JSON.stringify(error.params['tagValue'])})`;
  return `${where} ${detail}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

function runValidator(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(formatError);
}

/** The error lines for `value` against component schema `schemaName`; empty when it matches. */
export function schemaErrors(schemaName: string, value: unknown, options?: ValidationOptions): string[] {
  if (!Object.hasOwn(schemas as JsonObject, schemaName)) {
    throw new OpenApiMismatchError(`schema ${schemaName} is not in the fixture (is it reachable from an implemented path?)`);
  }
  return runValidator(validatorFor(`#/components/schemas/${escapePointer(schemaName)}`, options), value);
}

/** Throws {@link OpenApiMismatchError} unless `value` matches component schema `schemaName` (e.g. 'Payment'). */
export function validateSchema(schemaName: string, value: unknown, options?: ValidationOptions): void {
  const errors = schemaErrors(schemaName, value, options);
  if (errors.length > 0) {
    throw new OpenApiMismatchError(
      `value does not match PortOne OAS ${OAS_VERSION} schema ${schemaName}:\n  ${errors.join('\n  ')}\nvalue: ${preview(value)}`,
      errors,
    );
  }
}

function operation(method: HttpMethod, pathTemplate: string): JsonObject {
  const item = paths[pathTemplate];
  if (!isObject(item)) {
    throw new OpenApiMismatchError(
      `${pathTemplate} is not in the fixture; known paths: ${Object.keys(paths).join(', ')} (add it to scripts/extract-openapi-fixture.ts)`,
    );
  }
  const op = item[method];
  if (!isObject(op)) {
    throw new OpenApiMismatchError(
      `PortOne documents no ${method.toUpperCase()} ${pathTemplate} (it has: ${Object.keys(item).join(', ')})`,
    );
  }
  return op;
}

/** The HTTP statuses PortOne documents for an operation. */
export function documentedStatuses(method: HttpMethod, pathTemplate: string): number[] {
  const responses = operation(method, pathTemplate)['responses'];
  return isObject(responses) ? Object.keys(responses).map(Number).filter(Number.isInteger) : [];
}

/**
 * PortOne error variants carry `x-portone-status-code`; a union response such
 * as `CancelPaymentError` lists every error of the operation under every
 * status, so without this a PAYMENT_NOT_FOUND sent as 409 would pass.
 */
function statusMismatch(responseSchema: unknown, status: number, body: unknown): string | undefined {
  const ref = isObject(responseSchema) ? responseSchema['$ref'] : undefined;
  if (typeof ref !== 'string' || !isObject(body)) return undefined;
  const disc = discriminatorOf((schemas as JsonObject)[schemaNameOfRef(ref)]);
  const tag = disc === undefined ? undefined : body[disc.propertyName];
  if (disc === undefined || typeof tag !== 'string') return undefined;
  const targetName = disc.mapping.get(tag);
  const target = targetName === undefined ? undefined : (schemas as JsonObject)[targetName];
  const expected = isObject(target) ? target['x-portone-status-code'] : undefined;
  if (typeof expected === 'number' && expected !== status) {
    return `${disc.propertyName} ${tag} (${targetName}) is documented with HTTP ${expected}, not ${status}`;
  }
  return undefined;
}

/**
 * Throws {@link OpenApiMismatchError} unless `body` (parsed JSON) is what
 * PortOne documents for `method pathTemplate` answering `status`. A status
 * the operation does not document fails too: the sandbox should only answer
 * what PortOne can answer.
 */
export function expectResponseMatches(
  method: HttpMethod,
  pathTemplate: string,
  status: number,
  body: unknown,
  options?: ValidationOptions,
): void {
  const label = `${method.toUpperCase()} ${pathTemplate} → ${status}`;
  const op = operation(method, pathTemplate);
  const responses = isObject(op['responses']) ? op['responses'] : {};
  const response = responses[String(status)] ?? responses['default'];
  if (!isObject(response)) {
    throw new OpenApiMismatchError(
      `${label}: HTTP ${status} is not documented for this operation; PortOne documents only ${Object.keys(responses).join(', ')}`,
    );
  }
  const content = response['content'];
  const schema = isObject(content) && isObject(content['application/json']) ? content['application/json']['schema'] : undefined;
  if (schema === undefined) {
    if (body === undefined || body === '') return;
    throw new OpenApiMismatchError(`${label}: PortOne documents no body for this response, got ${preview(body)}`);
  }
  const key = Object.hasOwn(responses, String(status)) ? String(status) : 'default';
  const pointer = ['#', 'paths', pathTemplate, method, 'responses', key, 'content', 'application/json', 'schema']
    .map((s, i) => (i === 0 ? s : escapePointer(s)))
    .join('/');
  const errors = runValidator(validatorFor(pointer, options), body);
  const mismatch = statusMismatch(schema, status, body);
  if (mismatch !== undefined) errors.push(`(root) ${mismatch}`);
  if (errors.length > 0) {
    const schemaLabel = isObject(schema) && typeof schema['$ref'] === 'string' ? ` (${schemaNameOfRef(schema['$ref'])})` : '';
    throw new OpenApiMismatchError(
      `${label}: body does not match PortOne OAS ${OAS_VERSION}${schemaLabel}:\n  ${errors.join('\n  ')}\nbody: ${preview(body)}`,
      errors,
    );
  }
}
