/**
 * The penalty forms offer what the server would accept at that moment (docs/penalties.md), in
 * Chromium against a portal of this process whose clock the test moves past the notice's
 * periods: once the five days to ask for a hearing have run — the reply period of a notice with the
 * hearing right — the enterprise is offered no statement any more (the server refuses a late one,
 * naming the end of the period in China time) and is told why where the form was, in core's words
 * at the server's clock (中文 and English; the browser's clock still inside the period); the officers are offered the decision by the
 * server's clock, not the browser's (which is still before the period's end). Then the enterprise asks for a hearing and withdraws the request before it is
 * held (撤回听证要求) — after the notice's officer had recorded "no objection" for it, which waives
 * nothing (the party still states and asks itself, the decision still waits): no hearing is offered any more, and the officers decide without one — the
 * 行政处罚决定书 says the request was withdrawn; the decision form offers a fine no larger than the
 * notice's (core's decisionBounds), not the article's whole range. The officers' two-officer acts go over the API with
 * the second officer's co-sign code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '@anjian/core';
import { computeDeadline } from '@anjian/core/internal';
import { HOLIDAYS_2026 } from '../src/demo-users.js';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let now = Date.now();
const clock = { now: () => new Date(now) };
let portal: PortalHarness;
let id: string;
let keys = 0;

type PortalPage = Awaited<ReturnType<PortalHarness['signIn']>>;
const open = async (page: PortalPage) => {
  await goTo(page, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
  await page.waitForSelector('#hazard-state');
};
/**
 * A two-officer act of 李强 over the API: 赵敏 generates a co-sign code for it in his own session
 * and 李强 sends the act with it (the page's co-sign flow is another page's work).
 */
const coSigned = async (body: { type: string; [field: string]: unknown }) => {
  // the harness's api: 赵敏, named as coOfficerId (not sent), gives his co-sign code for what the act binds from his own session
  const res = await portal.api('officer-li', 'POST', `/hazards/${encodeURIComponent(id)}/commands`, { ...body, coOfficerId: 'officer-zhao' }, `penalty-deadlines-${++keys}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
/**
 * 李强 records the delivery (送达) of the hazard's current 行政处罚告知书 over the API, as he observed it:
 * `servedAt` when given (it may be earlier than the recording), else now by the server's clock.
 */
const serve = async (servedAt?: string) => {
  const path = `/hazards/${encodeURIComponent(id)}/documents`;
  const notice = (await portal.api('officer-li', 'GET', path)).body.items.filter((d: { kind: string }) => d.kind === 'penalty_notice').at(-1);
  return portal.api('officer-li', 'POST', `${path}/penalty_notice/${notice.year}-${notice.seq}/service`, { method: 'direct', recipient: '王建国', ...(servedAt ? { servedAt } : {}) });
};
/** The party's reply period the server derived for the hazard (`GET /hazards/{id}`'s `penaltyReplyPeriod`). */
const replyPeriodOf = async () => {
  const read = await portal.api('officer-li', 'GET', `/hazards/${encodeURIComponent(id)}`);
  expect(read.body.penaltyReplyPeriod, JSON.stringify(read.body.penaltyReplyPeriod)).not.toBeNull();
  return read.body.penaltyReplyPeriod as { servedAt: string; statementDeadline: string; hearingDeadline: string | null };
};
/** `2026-12-09 23:59:59` for an instant, in UTC+8 (seconds only when not zero). */
const beijing = (iso: string) => {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}${local.slice(17, 19) === '00' ? '' : `:${local.slice(17, 19)}`}`;
};
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount });

beforeAll(async () => {
  portal = await startPortal({ clock });
  const list = await portal.api('officer-li', 'GET', '/hazards?enterprise=ent-hongxing');
  id = list.body.items.find((h: { status: string }) => h.status === 'case_filed').hazardId;
});

afterAll(async () => {
  await portal?.stop();
});

describe('penalty forms by the server’s clock', () => {
  it('after the five days no statement (refused, naming the period’s end in China time); the decision is offered when the server says the period ran', async () => {
    await coSigned({ type: 'notify_penalty', penalty: fine(50_000) });
    // Handed over at once: the periods run from now, in working days of the server's calendar (the hazard carries them).
    expect((await serve()).status).toBe(201);
    const period = await replyPeriodOf();
    const hearingDeadline = period.hearingDeadline!;

    // Within the five days the enterprise may ask for a hearing.
    const early = await portal.signIn('owner-hongxing', 'enterprise');
    await open(early);
    expect(await early.$('#statement-hearing')).not.toBeNull();
    await early.context().close();

    // Past the fifth working day (by the server's clock; the browser's has not moved).
    const servedAt = now;
    now = Date.parse(hearingDeadline) + 60_000;
    portal.forgetSessions();
    const owner = await portal.signIn('owner-hongxing', 'enterprise');
    await owner.clock.setFixedTime(new Date(servedAt)); // the browser's clock: still inside the period
    await open(owner);
    // The reply period has run: no statement is offered, and one sent anyway is refused, naming when the period ended.
    expect(await owner.$('#cmd-record_statement')).toBeNull();
    const late = await portal.api(
      'owner-hongxing',
      'POST',
      `/hazards/${encodeURIComponent(id)}/commands`,
      { type: 'record_statement', statement: { 'zh-CN': '逾期陈述：已停用地下室钢瓶' }, hearingRequested: false },
      `penalty-deadlines-${++keys}`,
    );
    expect([late.status, late.body.code]).toEqual([422, 'INVALID_TRANSITION']);
    expect(late.body.detail).toContain(`${beijing(hearingDeadline)}（北京时间）届满`);
    // Where the form was, the page says why, in the server's own words (中文, then English).
    const closed = await owner.$('#actions #statement-closed');
    expect(closed).not.toBeNull();
    expect(await closed!.getAttribute('data-reason')).toBe('INVALID_TRANSITION');
    const words = `陈述、申辩期限已于 ${beijing(hearingDeadline)}（北京时间）届满，不再记录陈述、申辩`;
    expect(late.body.detail).toContain(words);
    expect(await closed!.textContent()).toContain(words);
    expect(await closed!.textContent()).toContain('a statement is no longer recorded');

    // The reply period has run: the officers are offered the decision, with nothing said against it.
    const li = await portal.signIn('officer-li', 'enforcement');
    await open(li);
    expect(await li.$('#cmd-decide_penalty')).not.toBeNull();
    expect(await li.$('#why-not li[data-command="decide_penalty"]')).toBeNull();
    for (const p of [owner, li]) await p.context().close();
  });

  it('a notice served late: the periods run from its service — the page shows core’s deadline from it, the statement is taken, the decision waits', async () => {
    // A new notice (no statement was made in time of the first): not served yet.
    const notifiedAt = now;
    const notice = await coSigned({ type: 'notify_penalty', penalty: fine(20_000) });
    const li = await portal.signIn('officer-li', 'enforcement');
    await open(li);
    expect(await li.textContent('#penalty-not-served')).toContain('尚未登记送达');
    expect(await li.$('#cmd-decide_penalty')).toBeNull();
    expect(await li.textContent('#why-not li[data-command="decide_penalty"]')).toContain('行政处罚告知书尚未登记送达');

    // The three working days counted from the notice's record have run; 李强 records on the page what he observed: handed
    // over on their last evening (the form under the notice in the documents; China time).
    const recordEnd = Date.parse(notice.events[0].data.statementDeadline);
    now = recordEnd + 3_600_000;
    portal.forgetSessions();
    const officer = await portal.signIn('officer-li', 'enforcement');
    await open(officer);
    const form = officer.locator('#documents-list li[data-doc-kind="penalty_notice"] .doc-serve');
    expect(await form.count()).toBe(1); // the first notice, served at once, offers none
    const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
    await form.locator('select').selectOption('post');
    await form.locator('[data-pointer="/recipient"]').fill('王建国');
    // Before the notice was issued: refused at its field, nothing recorded.
    await form.locator('[data-pointer="/servedAt"]').fill(local(notifiedAt - 60_000));
    await form.locator('button').click();
    await officer.waitForSelector('#documents-error');
    expect(await form.locator('[data-pointer="/servedAt"]').getAttribute('aria-invalid')).toBe('true');
    const servedAt = new Date(Math.floor((recordEnd - 3_600_000) / 60_000) * 60_000).toISOString();
    await form.locator('[data-pointer="/servedAt"]').fill(local(Date.parse(servedAt)));
    await form.locator('button').click();
    await officer.waitForSelector('#penalty-served');
    expect(await officer.locator('#documents-list li[data-doc-kind="penalty_notice"] .doc-serve').count()).toBe(0);
    await officer.context().close();
    // The page shows the server's period: three working days from the service (the host's calendar, China time), after the
    // end counted from the record.
    const period = await replyPeriodOf();
    expect(period.servedAt).toBe(servedAt);
    expect(period.statementDeadline).toBe(computeDeadline({ workingDays: 3 }, new Date(servedAt), createWorkingDayCalendar(HOLIDAYS_2026)).toISOString());
    expect(Date.parse(period.statementDeadline)).toBeGreaterThan(recordEnd);
    const due = beijing(period.statementDeadline).slice(0, 16);
    const owner = await portal.signIn('owner-hongxing', 'enterprise');
    await owner.clock.setFixedTime(new Date(notifiedAt)); // the browser's clock: not the server's
    await open(owner);
    expect(await owner.textContent('#penalty-served')).toContain(local(Date.parse(servedAt)).replace('T', ' '));
    expect(await owner.textContent('#penalty-statement-due')).toContain(due);
    // Inside the period counted from service: the statement form is offered, not why it closed.
    expect(await owner.$('#cmd-record_statement')).not.toBeNull();
    expect(await owner.$('#statement-closed')).toBeNull();
    const li2 = await portal.signIn('officer-li', 'enforcement');
    await open(li2);
    expect(await li2.$('#cmd-decide_penalty')).toBeNull();
    expect(await li2.textContent('#why-not li[data-command="decide_penalty"]')).toContain(`陈述、申辩期限至 ${due}`);
    for (const p of [li, owner, li2]) await p.context().close();
  });

  it('the enterprise withdraws the hearing it asked for; no hearing is then offered, and the case is decided without one', async () => {
    // A new notice (the proceeding starts again; no statement was made in time): 60 000 yuan under 第一百零一条 (up to 100 000).
    const art101 = (fineAmount: number) => ({ article: 'work-safety-law-2021/101', kind: 'fine', fineAmount });
    await coSigned({ type: 'notify_penalty', penalty: art101(60_000) });
    expect((await serve()).status).toBe(201);
    const act = async (page: PortalPage, type: string) => {
      await page.click(`#cmd-${type}`);
      await page.waitForSelector(`#command-done[data-command="${type}"]`);
    };
    // The notice's officer records "no objection, no hearing" for the party: that waives nothing (docs/security.md T40).
    const recorded = await portal.api(
      'officer-li',
      'POST',
      `/hazards/${encodeURIComponent(id)}/commands`,
      { type: 'record_statement', statement: { 'zh-CN': '当事人口头表示无异议' }, hearingRequested: false },
      `penalty-deadlines-${++keys}`,
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const early = await portal.signIn('officer-li', 'enforcement');
    await open(early);
    expect(await early.$('#cmd-decide_penalty')).toBeNull();
    expect(await early.getAttribute('#why-not li[data-command="decide_penalty"]', 'data-reason')).toBe('NOT_DUE');
    await early.context().close();
    const owner = await portal.signIn('owner-hongxing', 'enterprise');
    await open(owner);
    expect(await owner.textContent('#penalty-statement')).toContain('执法人员记录');
    expect(await owner.$('#cmd-withdraw_hearing')).toBeNull();
    await owner.fill('#statement-text', '请求听证');
    await owner.check('#statement-hearing');
    await act(owner, 'record_statement');
    // Asked for: the party may withdraw it; the hearing is offered to an officer outside the case; the decision waits.
    expect(await owner.$('#cmd-withdraw_hearing')).not.toBeNull();
    const sun = await portal.signIn('officer-sun', 'enforcement');
    await open(sun);
    expect(await sun.$('#cmd-record_hearing')).not.toBeNull();
    const li = await portal.signIn('officer-li', 'enforcement');
    await open(li);
    expect(await li.$('#cmd-decide_penalty')).toBeNull();
    expect(await li.textContent('#why-not li[data-command="decide_penalty"]')).toContain('撤回听证要求');

    await owner.fill('#withdraw-reason', '已与执法机关沟通，书面撤回听证申请');
    await act(owner, 'withdraw_hearing');
    expect(await owner.textContent('#penalty-hearing-withdrawn')).toContain('撤回听证要求');
    expect(await owner.$('#cmd-withdraw_hearing')).toBeNull();
    await open(sun);
    expect(await sun.$('#cmd-record_hearing')).toBeNull();

    await open(li);
    expect(await li.$('#cmd-decide_penalty')).not.toBeNull();
    expect(await li.$('#why-not li[data-command="decide_penalty"]')).toBeNull();
    // Never heavier than the notice: the fine is offered up to the notified 60 000, not the article's 100 000.
    expect(await li.getAttribute('#decide-fine', 'max')).toBe('60000');
    expect(await li.textContent('#decide-range')).toContain('60000');
    await coSigned({ type: 'decide_penalty', penalty: art101(40_000) });
    await open(li);
    await li.waitForSelector('#documents-list li[data-doc-kind="penalty_decision"]');
    const href = (await li.getAttribute('#documents-list li[data-doc-kind="penalty_decision"] a[id^="doc-preview-"]', 'href'))!;
    const decision = (await (await portal.fetchAs('officer-li', href)).text()).replace(/<[^>]+>/g, '');
    expect(decision).toContain('撤回了听证要求');
    expect(decision).not.toContain('举行了听证');
    for (const p of [owner, sun, li]) await p.context().close();
  });
});
