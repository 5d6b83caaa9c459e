import { Hono } from 'hono';
import * as z from 'zod';
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
const int = z.number().int().safe();
const TIME_FIELDS = ['REQUESTED_AT', 'VERIFIED_AT', 'FAILED_AT', 'STATUS_UPDATED_AT'] as const;
const Operator = z.enum(OPERATORS);

const SendBody = z.object({
  storeId: z.string().optional(),
  channelKey: Id,
  customer: z.object({
    id: z.string().max(200).optional(),
    name: z.string().min(1).max(100),
    phoneNumber: z.string().max(40),
    identityNumber: z.string().max(20).optional(),
    ipAddress: z.string().max(100),
  }),
  customData: CustomData.optional(),
  bypass: z.unknown().optional(),
  operator: Operator,
  method: z.enum(['SMS', 'APP']),
});

const ConfirmBody = z.object({ storeId: z.string().optional(), otp: z.string().max(20).optional() });

const ListBody = z.object({
  page: z.object({ number: int.nonnegative().optional(), size: int.min(1).max(1000).optional() }).optional(),
  sort: z.object({ by: z.enum(TIME_FIELDS).optional(), order: z.enum(['DESC', 'ASC']).optional() }).optional() satisfies z.ZodType<IdentityVerificationSort | undefined>,
  filter: z
    .object({
      storeId: z.string().optional(),
      timeRangeField: z.enum(TIME_FIELDS).optional(),
      from: DateTime.optional(),
      until: DateTime.optional(),
      identityVerificationId: z.string().optional(),
      identityVerificationTxId: z.string().optional(),
      isTest: z.boolean().optional(),
      statuses: z.array(z.enum(['READY', 'VERIFIED', 'FAILED'])).optional(),
      pgTxId: z.string().optional(),
      pgMerchantId: z.string().optional(),
      pgProviders: z.array(z.string()).optional(),
      pgCompanies: z.array(z.string()).optional(),
      carriers: z.array(Operator).optional(),
      version: z.enum(['V1', 'V2']).optional(),
      customer: z
        .object({
          name: z.string().optional(),
          birthYear: z.string().optional(),
          birthMonth: z.string().optional(),
          birthDay: z.string().optional(),
          phoneNumber: z.string().optional(),
          gender: z.enum(['MALE', 'FEMALE', 'OTHER']).optional(),
        })
        .optional(),
    })
    .optional() satisfies z.ZodType<IdentityVerificationFilter | undefined>,
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
