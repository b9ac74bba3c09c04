/**
 * The penalty of a filed case on the hazard page, in Chromium against the real server
 * (docs/penalties.md): on the seed's 红星 major hazard with its case, officer 李强 notifies a
 * 50 000 yuan fine under 第一百零二条 with 赵敏 confirming (a fine above the article's range is
 * refused and the page marks the field, in both languages); the 行政处罚告知书 is listed at once;
 * the enterprise states its defence and asks for a hearing; the officers of the notice may not
 * record the hearing and the decision waits for it (the page says why, in core's words); 孙洁,
 * who investigated nothing of the case, records it; the officers decide a lighter fine and the
 * 行政处罚决定书 is listed, its 违反 line citing 《安全生产法》第四十一条第二款.
 */
import { PENALTY_ARTICLES } from '@anjian/core/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

describe('penalty path on the hazard page', () => {
  it('notice → statement with a hearing asked → hearing by an officer outside the case → decision; documents at once', async () => {
    const list = await portal.api('officer-li', 'GET', '/hazards?enterprise=ent-hongxing');
    const id: string = list.body.items.find((h: { status: string }) => h.status === 'case_filed').hazardId;
    const open = async (page: Awaited<ReturnType<PortalHarness['signIn']>>) => {
      await goTo(page, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
      await page.waitForSelector('#hazard-state');
    };
    const act = async (page: Awaited<ReturnType<PortalHarness['signIn']>>, command: string) => {
      await page.click(`#cmd-${command}`);
      await page.waitForSelector(`#command-done[data-command="${command}"]`);
    };

    const li = await portal.signIn('officer-li', 'enforcement');
    await open(li);
    // The articles are core's law table, no copy: one option per entry, its citation and conduct.
    const options = await li.$$eval('#notify-article option', (o) => o.map((x) => [(x as HTMLOptionElement).value, x.textContent ?? '']));
    expect(options.map(([v]) => v)).toEqual(Object.keys(PENALTY_ARTICLES));
    for (const [v, text] of options) expect(text).toContain(PENALTY_ARTICLES[v!]!.conduct['zh-CN']);
    // Another article redraws its kinds and fine: 拒不执行 sets no fine on the unit.
    await li.selectOption('#notify-article', 'work-safety-law-2021/102-refusal');
    expect(await li.$$eval('#notify-kind option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['suspend_production']);
    expect(await li.$('#notify-fine')).toBeNull();
    await li.selectOption('#notify-article', 'work-safety-law-2021/102');
    expect(await li.textContent('#notify-range')).toContain('1–50000');
    expect(await li.textContent('#notify-violates')).toContain('《中华人民共和国安全生产法》第四十一条第二款');
    expect(await li.$('#co-sign-code')).not.toBeNull();

    // Above the range: the server refuses, located and in both languages; the field is marked; nothing recorded.
    await li.fill('#notify-fine', '60000');
    await li.click('#cmd-notify_penalty');
    await li.waitForSelector('#command-error[data-status="422"]');
    expect(await li.textContent('#command-issues li[data-pointer="/penalty/fineAmount"]')).toMatch(/1–50000 元.*between 1 and 50000 yuan/s);
    expect(await li.getAttribute('#notify-fine', 'aria-invalid')).toBe('true');
    expect(await li.$('#penalty-status')).toBeNull();

    await li.fill('#notify-fine', '50000');
    await act(li, 'notify_penalty');
    // The notice is listed at once, and where the proceeding stands (the server's deadlines).
    await li.waitForSelector('#documents-list li[data-doc-kind="penalty_notice"]');
    const state = (await portal.api('officer-li', 'GET', `/hazards/${encodeURIComponent(id)}`)).body.state;
    // Handed over when issued (直接送达, recorded over the API): the periods run from the service.
    const docs = `/hazards/${encodeURIComponent(id)}/documents`;
    const notice = (await portal.api('officer-li', 'GET', docs)).body.items.find((d: { kind: string }) => d.kind === 'penalty_notice');
    const service = { method: 'direct', recipient: '王建国', servedAt: state.penalty.notifiedAt };
    expect((await portal.api('officer-li', 'POST', `${docs}/penalty_notice/${notice.year}-${notice.seq}/service`, service)).status).toBe(201);
    await open(li);
    expect(await li.textContent('#penalty-status')).toContain(new Date(Date.parse(state.penalty.hearingDeadline) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
    // The decision is not due (the reply period runs): not offered, and the page says why in core's words.
    expect(await li.$('#cmd-decide_penalty')).toBeNull();
    expect(await li.getAttribute('#why-not li[data-command="decide_penalty"]', 'data-reason')).toBe('NOT_DUE');

    // The enterprise states its defence and asks for a hearing (the notice carried the right).
    const owner = await portal.signIn('owner-hongxing', 'enterprise');
    await open(owner);
    expect(await owner.$('#cmd-notify_penalty')).toBeNull();
    await owner.fill('#statement-text', '已停用地下室钢瓶，请求从轻处罚');
    await owner.check('#statement-hearing');
    await act(owner, 'record_statement');
    expect(await owner.$('#co-sign-row')).toBeNull();

    // The officers of the notice may not preside the hearing; the decision waits for it.
    await open(li);
    expect(await li.$('#cmd-record_hearing')).toBeNull();
    expect(await li.getAttribute('#why-not li[data-command="record_hearing"]', 'data-reason')).toBe('SEPARATION_OF_DUTIES');
    expect(await li.textContent('#why-not li[data-command="decide_penalty"]')).toContain('听证');

    const sun = await portal.signIn('officer-sun', 'enforcement');
    await open(sun);
    await sun.fill('#hearing-report', '听证会已举行，当事人陈述了撤瓶情况，建议从轻处罚');
    await act(sun, 'record_hearing');

    // The decision: the notice's article, a lighter fine.
    await open(li);
    expect(await li.textContent('#decide-article')).toContain('第一百零二条');
    expect(await li.inputValue('#decide-fine')).toBe('50000');
    await li.fill('#decide-fine', '30000');
    await act(li, 'decide_penalty');
    await li.waitForSelector('#documents-list li[data-doc-kind="penalty_decision"]');
    expect(await li.textContent('#penalty-status')).toContain('30000');
    expect(await li.$('[data-action$="_penalty"], [data-action="record_statement"], [data-action="record_hearing"]')).toBeNull();
    const href = (await li.getAttribute('#documents-list li[data-doc-kind="penalty_decision"] a[id^="doc-preview-"]', 'href'))!;
    // the printed text, without the markup that underlines filled values
    const decision = (await (await portal.fetchAs('officer-li', href)).text()).replace(/<[^>]+>/g, '');
    expect(decision).toContain('违反了《中华人民共和国安全生产法》第四十一条第二款的规定');
    expect(decision).toContain('应你单位要求，本机关于');
    for (const p of [li, owner, sun]) await p.context().close();
  });
});
