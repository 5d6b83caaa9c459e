// Placeholder entry point; the real wiring lands with the payment API.
export const handler = async (_event: unknown): Promise<unknown> => ({ statusCode: 200, body: '{}' });
