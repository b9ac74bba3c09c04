/**
 * A penalty notice served in late December, on a portal without the demo's Mon–Fri assumption for
 * later years (strictCalendar, as a real host runs): its reply period reaches 2027, whose holiday
 * arrangement is not loaded. The hazard page still opens for the party and the officer — every
 * known field — and where the reply deadlines would be it says, in 中文 and English, that they
 * cannot be computed and why (the server's `penaltyReplyPeriodUnavailable`): never a date, never
 * "not served". The decision is not offered, for that reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

// Tue 1 December 2026, 10:00 China time: the demo's data and the notice are inside 2026.
let now = Date.parse('2026-12-01T02:00:00Z');
const clock = { now: () => new Date(now) };
let portal: PortalHarness;
let id: string;
let keys = 0;

type PortalPage = Awaited<ReturnType<PortalHarness['signIn']>>;
const open = async (page: PortalPage) => {
  await goTo(page, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
  await page.waitForSelector('#hazard-state');
};
/** A two-officer act of 李强 over the API, with 赵敏's co-sign code. */
const coSigned = async (body: { type: string; [field: string]: unknown }) => {
  // the harness's api: 赵敏, named as coOfficerId (not sent), gives his co-sign code for what the act binds from his own session
  const res = await portal.api('officer-li', 'POST', `/hazards/${encodeURIComponent(id)}/commands`, { ...body, coOfficerId: 'officer-zhao' }, `penalty-unavailable-${++keys}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  portal = await startPortal({ clock, strictCalendar: true });
  const list = await portal.api('officer-li', 'GET', '/hazards?enterprise=ent-hongxing');
  id = list.body.items.find((h: { status: string }) => h.status === 'case_filed').hazardId;
});

afterAll(async () => {
  await portal?.stop();
});

describe('a reply period the server cannot compute (2027 not loaded)', () => {
  it('the hazard page opens and says, in both languages, that the reply period cannot be computed and why — no date, not "not served"', async () => {
    await coSigned({ type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 50_000 } });
    // Served (直接送达) on Tue 29 December: the three working days reach 1 January 2027.
    now = Date.parse('2026-12-29T02:00:00Z');
    portal.forgetSessions();
    const path = `/hazards/${encodeURIComponent(id)}/documents`;
    const notice = (await portal.api('officer-li', 'GET', path)).body.items.filter((d: { kind: string }) => d.kind === 'penalty_notice').at(-1);
    const served = await portal.api('officer-li', 'POST', `${path}/penalty_notice/${notice.year}-${notice.seq}/service`, { method: 'direct', recipient: '王建国' });
    expect(served.status, JSON.stringify(served.body)).toBe(201);
    const read = await portal.api('owner-hongxing', 'GET', `/hazards/${encodeURIComponent(id)}`);
    expect([read.status, read.body.penaltyReplyPeriod, read.body.penaltyReplyPeriodUnavailable?.code]).toEqual([200, null, 'CALENDAR_NOT_COVERED']);

    for (const [user, role] of [
      ['owner-hongxing', 'enterprise'],
      ['officer-li', 'enforcement'],
    ] as const) {
      const page = await portal.signIn(user, role);
      await open(page);
      const line = await page.textContent('#penalty-status #penalty-period-unavailable');
      expect(line, user).toContain('陈述申辩与听证期限无法计算：工作日日历未载入 2027 年的节假日安排（国务院办公厅关于2027年部分节假日安排的通知）');
      expect(line, user).toContain('The reply period (statement, hearing) cannot be computed: the 2027 holiday arrangement');
      // No date and no "not served" in its place; the rest of the proceeding is shown.
      for (const absent of ['#penalty-not-served', '#penalty-served', '#penalty-statement-due', '#penalty-hearing-due']) expect(await page.$(absent), `${user} ${absent}`).toBeNull();
      expect(await page.textContent('#penalty-status')).toContain('50000');
      if (role === 'enforcement') {
        expect(await page.$('#cmd-decide_penalty')).toBeNull();
        const why = await page.textContent('#why-not li[data-command="decide_penalty"]');
        expect(why).toContain('2027');
        expect(why).not.toContain('尚未登记送达');
      }
      await page.context().close();
    }
  });
});
