/**
 * The hazard page weighs time by the server's clock (the Date header of its answer, permissions.js
 * serverTime), never the browser's: in Chromium with the browser's clock set far from the clock
 * of a portal in this process, the page offers what the server will accept then.
 *
 * - 治理方案: the completion date the plan form allows starts the first day whose 17:00 is after
 *   the server's now (core's planDeadlineWindow); that date is accepted, the day before refused.
 * - 批准方案: once the plan's date has passed by the server's clock the officer is not offered the
 *   approval and is told why (core's planApprovalRefusal); the server refuses it too — although
 *   by the browser's clock the date is still ahead.
 * - 逾期: the days overdue on the hazard's facts card are counted to the server's now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

const DAY = 86_400_000;
const real = Date.now();
let now = real;
const clock = { now: () => new Date(now) };
let portal: PortalHarness;
let major: string;
let general: string;

type PortalPage = Awaited<ReturnType<PortalHarness['signIn']>>;
const open = async (page: PortalPage, id: string) => {
  await goTo(page, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
  await page.waitForSelector('#hazard-state');
};
/** A China date (`YYYY-MM-DD`) `days` after `iso`'s. */
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const at17 = (day: string) => Date.parse(`${day}T17:00:00+08:00`);
const zh = (text: string) => ({ 'zh-CN': text });
const plan = (deadline: string) => ({
  objectives: zh('目标'),
  measures: zh('措施'),
  fundsAndMaterials: zh('经费'),
  responsible: zh('负责人'),
  milestones: zh('时限'),
  safetyAndEmergency: zh('预案'),
  deadline,
});

beforeAll(async () => {
  portal = await startPortal({ clock });
  const list = await portal.api('admin-chen', 'GET', '/hazards?limit=100');
  major = list.body.items.find((h: { enterpriseId: string; status: string }) => h.enterpriseId === 'ent-hongxing' && h.status === 'case_filed').hazardId;
  general = list.body.items.find((h: { enterpriseId: string; level: string }) => h.enterpriseId === 'ent-lvyuan' && h.level === 'general').hazardId;
});

afterAll(async () => {
  await portal?.stop();
});

describe('the hazard page by the server’s clock, the browser’s far off', () => {
  it('offers the plan’s completion dates the server accepts', async () => {
    const owner = await portal.signIn('owner-hongxing', 'enterprise');
    await owner.clock.setFixedTime(new Date(real - 400 * DAY)); // the browser's clock: more than a year behind
    await open(owner, major);
    const first = at17(chinaDay(now)) > now ? chinaDay(now) : chinaDay(now + DAY);
    expect(await owner.getAttribute('#plan-form input[name="deadline"]', 'min')).toBe(first);
    // the day before is refused by the server, and the form does not let it through
    const before = chinaDay(at17(first) - DAY);
    const refused = await portal.api('owner-hongxing', 'POST', `/hazards/${encodeURIComponent(major)}/commands`, { type: 'submit_plan', plan: plan(`${before}T17:00:00+08:00`) }, 'plan-too-early');
    expect(refused.body.code).toBe('PLAN_INCOMPLETE');
    await owner.fill('#plan-form input[name="deadline"]', before);
    expect(await owner.$eval('#plan-form input[name="deadline"]', (i) => (i as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    // the first day it offers is accepted
    for (const [name, value] of Object.entries({ objectives: '更换钢瓶存放位置', measures: '移出地下室', funds: '2万元', responsible: '孙红星', milestones: '三日内完成', safety: '应急预案已修订' })) {
      await owner.fill(`#plan-form input[name="${name}"]`, value);
    }
    await owner.fill('#plan-form input[name="deadline"]', first);
    await owner.click('#submit-plan');
    await owner.waitForSelector('#plan-deadline');
    const state = await portal.api('owner-hongxing', 'GET', `/hazards/${encodeURIComponent(major)}`);
    expect(Date.parse(state.body.state.plan.deadline)).toBe(at17(first));
    await owner.context().close();
  });

  it('does not offer to approve a plan whose date has passed by the server’s clock, and says why', async () => {
    const state = await portal.api('officer-li', 'GET', `/hazards/${encodeURIComponent(major)}`);
    const due = Date.parse(state.body.state.plan.deadline);
    now = due + 2 * DAY; // the server's clock past the plan's date
    portal.forgetSessions();
    const li = await portal.signIn('officer-li', 'enforcement');
    await li.clock.setFixedTime(new Date(due - 2 * DAY)); // the browser's: still before it
    await open(li, major);
    expect(await li.$('#cmd-approve_plan')).toBeNull();
    const why = await li.waitForSelector('li[data-command="approve_plan"]', { state: 'attached' }); // in the folded list of why not
    expect(await why.getAttribute('data-reason')).toBe('PLAN_INCOMPLETE');
    expect(await why.textContent()).toContain('已过');
    const refused = await portal.api('officer-li', 'POST', `/hazards/${encodeURIComponent(major)}/commands`, { type: 'approve_plan' }, 'approve-late');
    expect(refused.body.code).toBe('PLAN_INCOMPLETE');
    await li.context().close();
  });

  it('counts the days overdue to the server’s now', async () => {
    now = real + 60 * DAY;
    portal.forgetSessions();
    const grid = await portal.signIn('grid-wang', 'grid');
    await grid.clock.setFixedTime(new Date(real)); // the browser's clock: two months behind
    await open(grid, general);
    const deadline = await grid.getAttribute('#hazard-deadline', 'data-deadline');
    expect(Date.parse(deadline!)).toBeLessThan(now);
    const days = Math.ceil((now - Date.parse(deadline!)) / DAY);
    expect((await grid.textContent('#days-overdue')) ?? '').toContain(String(days));
    await grid.context().close();
  });
});
