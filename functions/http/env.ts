import type { Services } from '../services.ts';

/** Hono context variables shared by every route. */
export interface AppEnv {
  Variables: {
    services: Services;
    /** The authenticated store (set by requireStore). */
    storeId: string;
  };
}
