import type { Services } from '../services.ts';
import type { AsyncCancel } from '../payments/async-cancel.ts';

/** Hono context variables shared by every route. */
export interface AppEnv {
  Variables: {
    services: Services;
    /** The authenticated store (set by requireStore). */
    storeId: string;
    /** A fault rule made this cancel asynchronous (http/faults.ts → the cancel route). */
    asyncCancel?: AsyncCancel;
  };
}
