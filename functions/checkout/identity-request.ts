import * as z from 'zod';
import { LIMITS } from '../domain/limits.ts';
import { Id } from '../payments/request-fields.ts';
import { SdkCustomer, WindowType, httpUrl, toCustomDataString } from './payment-request.ts';

/**
 * The browser SDK's `IdentityVerificationRequest` (`PortOne.requestIdentityVerification`), as far
 * as the sandbox's window uses it. Unknown fields (PG `bypass` values, popup sizes) are ignored.
 */
export const SdkIdentityVerificationRequest = z
  .object({
    storeId: Id,
    identityVerificationId: Id,
    channelKey: Id.optional(),
    customer: SdkCustomer.optional(),
    windowType: z.object({ pc: WindowType.optional(), mobile: WindowType.optional() }).loose().optional(),
    redirectUrl: httpUrl.optional(),
    forceRedirect: z.boolean().optional(),
    customData: z
      .unknown()
      .refine((v) => (toCustomDataString(v)?.length ?? 0) <= LIMITS.customDataChars, `must be at most ${LIMITS.customDataChars} characters (as JSON)`)
      .optional(),
    locale: z.string().max(10).optional(),
    bypass: z.unknown().optional(),
  })
  .loose();

export type SdkIdentityVerificationRequest = z.infer<typeof SdkIdentityVerificationRequest>;
