import * as z from '../zod.ts';
import { LIMITS } from '../domain/limits.ts';
import { Id } from '../payments/request-fields.ts';
import { SdkCustomer, WindowType, httpUrl, toCustomDataString } from './payment-request.ts';

/**
 * The browser SDK's `IdentityVerificationRequest` (`PortOne.requestIdentityVerification`), as far
 * as the sandbox's window uses it. Unknown fields (PG `bypass` values, popup sizes) are ignored.
 */
export const SdkIdentityVerificationRequest = z.looseObject({
    storeId: Id,
    identityVerificationId: Id,
    channelKey: z.optional(Id),
    customer: z.optional(SdkCustomer),
    windowType: z.optional(z.looseObject({ pc: z.optional(WindowType), mobile: z.optional(WindowType) })),
    redirectUrl: z.optional(httpUrl),
    forceRedirect: z.optional(z.boolean()),
    customData: z.optional(z.unknown().check(z.refine((v) => (toCustomDataString(v)?.length ?? 0) <= LIMITS.customDataChars, `must be at most ${LIMITS.customDataChars} characters (as JSON)`))),
    locale: z.optional(z.string().check(z.maxLength(10))),
    bypass: z.optional(z.unknown()),
  });

export type SdkIdentityVerificationRequest = z.infer<typeof SdkIdentityVerificationRequest>;
