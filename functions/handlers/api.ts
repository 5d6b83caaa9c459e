import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.ts';
import { createApp } from '../http/app.ts';
import { createServices } from '../wiring.ts';

/**
 * The `api` Lambda behind the Function URL: wiring only. Configuration is read once per cold
 * start; everything else lives in the app and the use cases.
 */
const services = createServices(loadConfig());
export const handler = handle(createApp(services));
