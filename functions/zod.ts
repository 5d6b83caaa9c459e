import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod for every schema of the sandbox: `import * as z from '…/zod.ts'`. zod/mini rather than
 * classic zod: a classic schema carries all of its methods as closures, so building the HTTP
 * schemas was most of a cold start's zod cost (docs/benchmarks.md, "zod/mini"). Mini loads no
 * locale by itself (every issue would read "Invalid input"); this module sets the English
 * messages classic zod gives, so a 400 still says what is wrong with which field.
 */
config(en());

export * from 'zod/mini';
