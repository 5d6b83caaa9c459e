import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import type { MountRoutes } from '../app-shell.ts';
import { unsupportedOperationRoutes } from './unsupported-routes.ts';
import { requireStore } from '../auth.ts';
import { injectFaults } from '../faults.ts';
import { authRoutes } from './auth-routes.ts';
import { bankRoutes } from './bank-routes.ts';
import { billingKeyRoutes } from './billing-key-routes.ts';
import { identityVerificationRoutes } from './identity-verification-routes.ts';
import { cashReceiptRoutes } from './cash-receipt-routes.ts';
import { paymentRoutes } from './payment-routes.ts';
import { paymentProcessRoutes } from './payment-process-routes.ts';
import { pgSpecificRoutes } from './pg-specific-routes.ts';
import { promotionRoutes } from './promotion-routes.ts';
import { paymentSessionRoutes } from './payment-session-routes.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { resendWebhookRoutes } from './webhook-routes.ts';

/** PortOne V2-compatible API, at the root of the host (the SDK drops any path prefix of baseUrl). */
export function portoneRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', authRoutes());
  app.route('/', bankRoutes());
  app.use('/payments/*', requireStore);
  app.use('/payments', requireStore);
  app.use('/payments-by-cursor', requireStore);
  app.use('/payment-events-by-cursor', requireStore);
  for (const path of ['/billing-keys', '/billing-keys/*', '/payment-schedules', '/payment-schedules/*', '/identity-verifications', '/identity-verifications/*', '/cash-receipts', '/promotions/*', '/payment-gateways/*', '/kakaopay/*', '/paymentwall/*']) {
    app.use(path, requireStore);
  }
  // After authentication (it needs the store); a no-op for stores without fault rules (docs/faults.md).
  app.use('*', injectFaults);
  app.route('/', paymentRoutes());
  app.route('/', paymentProcessRoutes());
  app.route('/', billingKeyRoutes());
  app.route('/', cashReceiptRoutes());
  app.route('/', scheduleRoutes());
  app.route('/', identityVerificationRoutes());
  app.route('/', promotionRoutes());
  app.route('/', paymentSessionRoutes());
  app.route('/', pgSpecificRoutes());
  app.route('/', resendWebhookRoutes());
  return app;
}

/**
 * The PortOne API, then the 501 answers for the PortOne operations none of its routes serve
 * (built from the routes registered so far, so it goes last).
 */
export const mountPortoneRoutes: MountRoutes = (app) => {
  app.route('/', portoneRoutes());
  app.route('/', unsupportedOperationRoutes(app.routes));
};
