import { createServer, type IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { lambdaContext } from './lambda-context.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** A Lambda Function URL request event (payload format 2.0), as AWS builds it. */
export function functionUrlEvent(req: { method: string; path: string; query?: string; headers?: Record<string, string>; body?: string }): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = { host: 'abc123.lambda-url.ap-northeast-2.on.aws', 'x-forwarded-proto': 'https', ...(req.headers ?? {}) };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: req.path,
    rawQueryString: req.query ?? '',
    headers,
    queryStringParameters: req.query ? Object.fromEntries(new URLSearchParams(req.query)) : undefined,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: headers.host!,
      domainPrefix: 'abc123',
      http: { method: req.method, path: req.path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: headers['user-agent'] ?? 'test' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: req.body,
    isBase64Encoded: false,
  };
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => resolve(body));
  });

/**
 * Serves a Lambda handler on loopback the way a Function URL fronts it (HTTP → v2 event →
 * handler → HTTP), so the official SDK can talk to the *bundled* function.
 */
export async function serveFunctionUrl(handler: Handler) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const body = await readBody(req);
    const result = (await handler(
      functionUrlEvent({ method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), headers, body: body || undefined }),
      lambdaContext('api'),
    )) as { statusCode: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean };
    res.writeHead(result.statusCode, result.headers ?? {});
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Just enough of Secrets Manager's JSON protocol (GetSecretValue) for the functions: no local
 * engine exists for it. `reads` lists the secret ids asked for, in order; while `refusing` is set
 * every read is refused (AccessDeniedException, which the SDK does not retry).
 */
export async function startFakeSecretsManager(secrets: Record<string, string>) {
  const state = { reads: [] as string[], refusing: false };
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { SecretId?: string };
    const value = body.SecretId ? secrets[body.SecretId] : undefined;
    if (body.SecretId) state.reads.push(body.SecretId);
    if (state.refusing) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'AccessDeniedException', message: 'refused by the test' }));
      return;
    }
    if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue' || value === undefined) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'not found' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ ARN: body.SecretId, Name: body.SecretId, SecretString: value }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}
