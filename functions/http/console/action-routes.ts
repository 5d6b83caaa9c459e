import { Hono, type Context } from 'hono';
import { PortOneError } from '../../domain/errors.ts';
import { idParam } from '../fields.ts';
import { CancelReason } from '../../payments/request-fields.ts';
import { cancelPayment } from '../../payments/cancel-payment.ts';
import { stopPaymentCancellation } from '../../payments/stop-cancellation.ts';
import { openDispute, resolveDispute } from '../../payments/disputes.ts';
import { confirmBuyerRejection, decideAsBuyer } from '../../payments/escrow.ts';
import { notifyTestDeposit } from '../../payments/virtual-account.ts';
import { resetStoreData } from '../../stores/reset-store.ts';
import { setChannelMode } from '../../stores/channels.ts';
import { CHANNEL_MODES, type ChannelMode } from '../../domain/store.ts';
import { advanceClock, fireTimerNow } from '../../timers/test-clock.ts';
import { resendWebhook } from '../../webhooks/resend.ts';
import { addWebhookSecret, deleteWebhookSecret, setWebhookUrl } from '../../webhooks/settings.ts';
import { safeNext } from './auth.ts';
import type { FaultSettings } from '../../domain/faults.ts';
import { setFaultSettings } from '../../faults/settings.ts';
import { parseJsonText, parseWith } from '../body.ts';
import { FaultSettingsBody } from '../sandbox/fault-routes.ts';
import type { ConsoleEnv } from './env.ts';
import { setFlash } from './flash.ts';

type Form = Record<string, string>;

async function form(c: Context<ConsoleEnv>): Promise<Form> {
  const out: Form = {};
  for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Runs one console action and comes back with its result as a flash message. PortOne's and the
 * PG's refusals are the point of many tests (e.g. cancelling after the batch void), so they are
 * shown with their type and PG code, not hidden behind a generic error.
 */
async function act(c: Context<ConsoleEnv>, next: string, run: () => Promise<{ ko: string; en: string }>) {
  const lang = c.var.lang;
  try {
    const done = await run();
    setFlash(c, { kind: 'ok', text: done[lang] });
  } catch (err) {
    if (!(err instanceof PortOneError)) throw err;
    const pg = err.pgCode ? ` (pgCode ${err.pgCode})` : '';
    setFlash(c, { kind: 'bad', text: `${err.type}: ${err.message}${pg}` });
  }
  return c.redirect(next, 303);
}

const paymentPath = (id: string) => `/console/payments/${encodeURIComponent(id)}`;

/** The console's buttons (POST, signed in, CSRF-checked): each redirects back (post/redirect/get). */
export function actionRoutes() {
  const app = new Hono<ConsoleEnv>();
  const storeOf = (c: Context<ConsoleEnv>) => c.var.consoleSession.storeId;

  app.post('/payments/:paymentId/cancel', async (c) => {
    const id = c.req.param('paymentId');
    const f = await form(c);
    const amount = f.amount?.trim() ? Number(f.amount) : undefined;
    return act(c, paymentPath(id), async () => {
      idParam(c, 'paymentId');
      if (amount !== undefined && (!Number.isInteger(amount) || amount <= 0)) throw new PortOneError('INVALID_REQUEST', 'amount: a positive whole number');
      const reason = CancelReason.safeParse(f.reason?.trim() || 'console cancel');
      if (!reason.success) throw new PortOneError('INVALID_REQUEST', `reason: ${reason.error.issues[0]?.message ?? 'invalid'}`);
      const cancellation = await cancelPayment(c.var.services, storeOf(c), id, { reason: reason.data, amount, trigger: 'CONSOLE' });
      const won = cancellation.totalAmount.toLocaleString('ko-KR');
      return { ko: `${won}원을 취소했습니다.`, en: `Cancelled ${won} KRW.` };
    });
  });

  app.post('/payments/:paymentId/cancellations/:cancellationId/stop', async (c) => {
    const id = c.req.param('paymentId');
    return act(c, paymentPath(id), async () => {
      await stopPaymentCancellation(c.var.services, storeOf(c), idParam(c, 'paymentId'), idParam(c, 'cancellationId'));
      return { ko: '취소 요청을 중단했습니다.', en: 'Stopped the cancel request.' };
    });
  });

  app.post('/payments/:paymentId/disputes', async (c) => {
    const id = c.req.param('paymentId');
    const reason = (await form(c)).reason?.trim();
    return act(c, paymentPath(id), async () => {
      const dispute = await openDispute(c.var.services, storeOf(c), idParam(c, 'paymentId'), reason ? { reason } : {});
      return { ko: `분쟁 ${dispute.pgDisputeId}이(가) 발생했습니다.`, en: `Dispute ${dispute.pgDisputeId} opened.` };
    });
  });

  app.post('/payments/:paymentId/disputes/:pgDisputeId/resolve', async (c) => {
    const id = c.req.param('paymentId');
    return act(c, paymentPath(id), async () => {
      const dispute = await resolveDispute(c.var.services, storeOf(c), idParam(c, 'paymentId'), idParam(c, 'pgDisputeId'));
      return { ko: `분쟁 ${dispute.pgDisputeId}을(를) 해소했습니다.`, en: `Dispute ${dispute.pgDisputeId} resolved.` };
    });
  });

  app.post('/payments/:paymentId/escrow/buyer-decision', async (c) => {
    const id = c.req.param('paymentId');
    const decision = (await form(c)).decision;
    return act(c, paymentPath(id), async () => {
      if (decision !== 'CONFIRM' && decision !== 'REJECT') throw new PortOneError('INVALID_REQUEST', 'decision: CONFIRM or REJECT');
      await decideAsBuyer(c.var.services, storeOf(c), idParam(c, 'paymentId'), decision);
      return decision === 'CONFIRM' ? { ko: '구매자가 구매를 확정했습니다.', en: 'The buyer confirmed the purchase.' } : { ko: '구매자가 구매를 거절했습니다.', en: 'The buyer rejected the purchase.' };
    });
  });

  app.post('/payments/:paymentId/escrow/rejection/confirm', async (c) => {
    const id = c.req.param('paymentId');
    return act(c, paymentPath(id), async () => {
      await confirmBuyerRejection(c.var.services, storeOf(c), idParam(c, 'paymentId'));
      return { ko: '구매 거절을 확정했습니다. 환불은 결제 취소로 합니다.', en: 'Rejection accepted. Refund it by cancelling the payment.' };
    });
  });

  app.post('/channels/:channelKey/mode', async (c) => {
    const f = await form(c);
    return act(c, '/console/channels', async () => {
      const key = idParam(c, 'channelKey');
      const mode = CHANNEL_MODES.find((m) => m === f.mode);
      if (!mode) throw new PortOneError('INVALID_REQUEST', `mode: one of ${CHANNEL_MODES.join(', ')}`);
      await setChannelMode(c.var.services, storeOf(c), key, mode as ChannelMode);
      return mode === 'LIVE_LIKE'
        ? { ko: `${key}: 라이브형 채널로 바꿨습니다 (새 결제부터).`, en: `${key}: now live-like (new payments).` }
        : { ko: `${key}: 테스트 채널로 바꿨습니다 (새 결제부터).`, en: `${key}: now a test channel (new payments).` };
    });
  });

  app.post('/payments/:paymentId/test-deposit', (c) => {
    const id = c.req.param('paymentId');
    return act(c, paymentPath(id), async () => {
      idParam(c, 'paymentId');
      await notifyTestDeposit(c.var.services, storeOf(c), id);
      return { ko: '테스트 입금웹훅통지를 보냈습니다: 포트원은 결제완료, PG에는 돈이 없습니다.', en: 'Test deposit notified: PortOne says PAID, the PG holds no money.' };
    });
  });

  app.post('/payments/:paymentId/resend-webhook', async (c) => {
    const id = c.req.param('paymentId');
    const f = await form(c);
    return act(c, paymentPath(id), async () => {
      idParam(c, 'paymentId');
      const entry = await resendWebhook(c.var.services, storeOf(c), id, f.webhookId || undefined);
      return { ko: `${entry.type} 웹훅을 재발송 대기열에 넣었습니다.`, en: `Queued a resend of ${entry.type}.` };
    });
  });

  app.post('/timers/:timerId/fire', async (c) => {
    const f = await form(c);
    return act(c, safeNext(f.next), async () => {
      const outcome = await fireTimerNow(c.var.services, storeOf(c), idParam(c, 'timerId'));
      return { ko: `타이머를 실행했습니다: ${outcome.detail ?? outcome.result}`, en: `Timer fired: ${outcome.detail ?? outcome.result}` };
    });
  });

  app.post('/clock', async (c) => {
    const f = await form(c);
    return act(c, safeNext(f.next), async () => {
      const view = await advanceClock(c.var.services, storeOf(c), f.to ? { to: f.to } : { by: f.by || 'PT1H' });
      const ran = view.fired.filter((o) => o.result === 'fired').length;
      const when = view.nowKst.slice(0, 16).replace('T', ' ');
      return { ko: `상점 시계: ${when} KST. 실행된 타이머 ${ran}개.`, en: `Store clock: ${when} KST. ${ran} timer(s) ran.` };
    });
  });

  app.post('/store/reset', async (c) => {
    const f = await form(c);
    if (f.confirm !== 'yes') {
      setFlash(c, { kind: 'bad', text: c.var.lang === 'ko' ? '확인란을 선택해야 초기화됩니다.' : 'Tick the confirmation to reset.' });
      return c.redirect('/console/store', 303);
    }
    return act(c, '/console/store', async () => {
      const report = await resetStoreData(c.var.services, storeOf(c), { resetClock: f.resetClock === 'yes' });
      return {
        ko: `초기화했습니다: 항목 ${report.deletedItems}개 삭제, 예약 ${report.unscheduledTimers}개 해제${report.clockReset ? ', 시계 복귀' : ''}.`,
        en: `Reset: ${report.deletedItems} items deleted, ${report.unscheduledTimers} schedules removed${report.clockReset ? ', clock back on the wall clock' : ''}.`,
      };
    });
  });

  app.post('/faults', async (c) => {
    const f = await form(c);
    return act(c, '/console/store', async () => {
      const { setAt: _ignored, ...rules } = parseWith(FaultSettingsBody, parseJsonText(f.settings ?? '', 'settings')) as FaultSettings;
      const saved = await setFaultSettings(c.var.services, storeOf(c), rules);
      return { ko: `장애 주입 규칙 ${saved.rules.length}개를 저장했습니다.`, en: `Saved ${saved.rules.length} fault rule(s).` };
    });
  });

  app.post('/webhooks/url', async (c) => {
    const f = await form(c);
    return act(c, '/console/webhooks', async () => {
      const url = f.url?.trim() || null;
      await setWebhookUrl(c.var.services, storeOf(c), url);
      return url ? { ko: '웹훅 URL을 저장했습니다.', en: 'Webhook URL saved.' } : { ko: '웹훅 URL을 해제했습니다.', en: 'Webhook URL cleared.' };
    });
  });

  app.post('/webhooks/secrets', (c) =>
    act(c, '/console/webhooks', async () => {
      const entry = await addWebhookSecret(c.var.services, storeOf(c));
      return { ko: `시크릿 ${entry.id}를 추가했습니다.`, en: `Added secret ${entry.id}.` };
    }),
  );

  app.post('/webhooks/secrets/:secretId/delete', (c) =>
    act(c, '/console/webhooks', async () => {
      await deleteWebhookSecret(c.var.services, storeOf(c), idParam(c, 'secretId'));
      return { ko: '시크릿을 삭제했습니다.', en: 'Secret deleted.' };
    }),
  );

  return app;
}
