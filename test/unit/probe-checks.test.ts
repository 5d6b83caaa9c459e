import { describe, expect, it } from 'vitest';
import { judgeCheck, PROBE_CHECKS, type ProbeCheckId, type ProbeDelivery } from '../../functions/probe/checks.ts';

const spec = (id: ProbeCheckId) => PROBE_CHECKS.find((c) => c.id === id)!;
const answer = (status: number): ProbeDelivery => ({ webhookId: 'msg_1', type: 'Transaction.Paid', status, durationMs: 12 });
const silence: ProbeDelivery = { webhookId: 'msg_1', type: 'Transaction.Paid', error: 'TIMEOUT', errorMessage: 'no answer within 500 ms', durationMs: 500 };

describe('judging a receiver\'s answers', () => {
  it('a check that must be refused passes on any non-2xx answer, and fails on 2xx or on no answer at all', () => {
    expect(judgeCheck(spec('forged-signature'), [answer(401)]).passed).toBe(true);
    expect(judgeCheck(spec('forged-signature'), [answer(302)]).passed).toBe(true);
    expect(judgeCheck(spec('forged-signature'), [answer(204)])).toMatchObject({ passed: false, detail: expect.stringMatching(/accepted what it must refuse/) });
    expect(judgeCheck(spec('stale-timestamp'), [silence])).toMatchObject({ passed: false, detail: expect.stringMatching(/no answer \(TIMEOUT/) });
  });

  it('a check that must be accepted needs 2xx for every delivery', () => {
    expect(judgeCheck(spec('out-of-order'), [answer(200), answer(201)]).passed).toBe(true);
    expect(judgeCheck(spec('out-of-order'), [answer(200), answer(409)])).toMatchObject({ passed: false, detail: expect.stringMatching(/HTTP 409/) });
    expect(judgeCheck(spec('valid'), [silence]).passed).toBe(false);
  });

  it('a repeat passes when the API saw no second processing, fails when it did, and says so when it cannot tell', () => {
    expect(judgeCheck(spec('duplicate'), [answer(200)], { readsAfterFirst: 1, readsAfterRepeat: 0 })).toMatchObject({ passed: true, detail: expect.stringMatching(/not processed again/) });
    expect(judgeCheck(spec('duplicate'), [answer(200)], { readsAfterFirst: 1, readsAfterRepeat: 1 })).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/processed the repeated webhook-id again/),
    });
    expect(judgeCheck(spec('retry'), [answer(200)], { readsAfterFirst: 0, readsAfterRepeat: 0 })).toMatchObject({ passed: true, detail: expect.stringMatching(/not visible/) });
    expect(judgeCheck(spec('retry'), [answer(500)], { readsAfterFirst: 1, readsAfterRepeat: 0 }).passed).toBe(false);
  });

  it('runs every check once, each with a Korean and an English title', () => {
    expect(new Set(PROBE_CHECKS.map((c) => c.id)).size).toBe(10);
    for (const c of PROBE_CHECKS) expect(c.title.ko && c.title.en).toBeTruthy();
  });
});
