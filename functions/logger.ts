import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs (CloudWatch-friendly on Lambda, one line per event locally). Secrets never
 * reach a log: the auth layer logs store ids, not credentials.
 */
export const logger = new Logger({
  serviceName: 'pg-sandbox',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
