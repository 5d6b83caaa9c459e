import { Hono } from 'hono';
import * as z from '../../zod.ts';
import { OPERATORS } from '../../domain/identity-verification.ts';
import { confirmIdentityVerification, resendIdentityVerification, sendIdentityVerification } from '../../identity-verification/api-flow.ts';
import { presentIdentityVerification } from '../../identity-verification/present.ts';
import {
  getIdentityVerification,
  listIdentityVerifications,
  type IdentityVerificationFilter,
  type IdentityVerificationSort,
} from '../../identity-verification/queries.ts';
import { CustomData, DateTime, Id } from '../../payments/request-fields.ts';
import { ownStoreId } from '../auth.ts';
import { readBody, readQueryOrBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../fields.ts';

/** Request bodies of PortOne's identity-verification operations, field names as in the OAS. */
const int = z.number().check(z.int());
const TIME_FIELDS = ['REQUESTED_AT', 'VERIFIED_AT', 'FAILED_AT', 'STATUS_UPDATED_AT'] as const;
const Operator = z.enum(OPERATORS);

const SendBody = z.object({
  storeId: z.optional(z.string()),
  channelKey: Id,
  customer: z.object({
    id: z.optional(z.string().check(z.maxLength(200))),
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    phoneNumber: z.string().check(z.maxLength(40)),
    identityNumber: z.optional(z.string().check(z.maxLength(20))),
    ipAddress: z.string().check(z.maxLength(100)),
  }),
  customData: z.optional(CustomData),
  bypass: z.optional(z.unknown()),
  operator: Operator,
  method: z.enum(['SMS', 'APP']),
});

const ConfirmBody = z.object({ storeId: z.optional(z.string()), otp: z.optional(z.string().check(z.maxLength(20))) });

const ListBody = z.object({
  page: z.optional(z.object({ number: z.optional(int.check(z.nonnegative())), size: z.optional(int.check(z.minimum(1), z.maximum(1000))) })),
  sort: z.optional(z.object({ by: z.optional(z.enum(TIME_FIELDS)), order: z.optional(z.enum(['DESC', 'ASC'])) })) satisfies z.ZodMiniType<IdentityVerificationSort | undefined>,
  filter: z.optional(z.object({
      storeId: z.optional(z.string()),
      timeRangeField: z.optional(z.enum(TIME_FIELDS)),
      from: z.optional(DateTime),
      until: z.optional(DateTime),
      identityVerificationId: z.optional(z.string()),
      identityVerificationTxId: z.optional(z.string()),
      isTest: z.optional(z.boolean()),
      statuses: z.optional(z.array(z.enum(['READY', 'VERIFIED', 'FAILED']))),
      pgTxId: z.optional(z.string()),
      pgMerchantId: z.optional(z.string()),
      pgProviders: z.optional(z.array(z.string())),
      pgCompanies: z.optional(z.array(z.string())),
      carriers: z.optional(z.array(Operator)),
      version: z.optional(z.enum(['V1', 'V2'])),
      customer: z.optional(z.object({
          name: z.optional(z.string()),
          birthYear: z.optional(z.string()),
          birthMonth: z.optional(z.string()),
          birthDay: z.optional(z.string()),
          phoneNumber: z.optional(z.string()),
          gender: z.optional(z.enum(['MALE', 'FEMALE', 'OTHER'])),
        })),
    })) satisfies z.ZodMiniType<IdentityVerificationFilter | undefined>,
});

/** PortOne V2 identity-verification operations (SDK `IdentityVerificationClient`). */
export function identityVerificationRoutes() {
  const app = new Hono<AppEnv>();

  // getIdentityVerifications
  app.get('/identity-verifications', async (c) => {
    const body = await readQueryOrBody(c, ListBody);
    const storeId = ownStoreId(c.var.storeId, body.filter?.storeId);
    const result = await listIdentityVerifications(c.var.services, storeId, body);
    return c.json({ items: result.items.map(presentIdentityVerification), page: result.page });
  });

  // getIdentityVerification
  app.get('/identity-verifications/:identityVerificationId', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    return c.json(presentIdentityVerification(await getIdentityVerification(c.var.services, storeId, idParam(c, 'identityVerificationId'))));
  });

  // sendIdentityVerification
  app.post('/identity-verifications/:identityVerificationId/send', async (c) => {
    const body = await readBody(c, SendBody);
    await sendIdentityVerification(c.var.services, {
      storeId: ownStoreId(c.var.storeId, body.storeId),
      identityVerificationId: idParam(c, 'identityVerificationId'),
      channelKey: body.channelKey,
      customer: body.customer,
      operator: body.operator,
      method: body.method,
      customData: body.customData,
    });
    return c.json({});
  });

  // confirmIdentityVerification
  app.post('/identity-verifications/:identityVerificationId/confirm', async (c) => {
    const body = await readBody(c, ConfirmBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    const verified = await confirmIdentityVerification(c.var.services, storeId, idParam(c, 'identityVerificationId'), body.otp);
    return c.json({ identityVerification: presentIdentityVerification(verified) });
  });

  // resendIdentityVerification: storeId comes as a query parameter (OAS)
  app.post('/identity-verifications/:identityVerificationId/resend', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    await resendIdentityVerification(c.var.services, storeId, idParam(c, 'identityVerificationId'));
    return c.json({});
  });

  return app;
}
