/**
 * The portal's story per role, in Chromium against the real server, with a screenshot at each
 * step (examples/portal/test-results/story/; with ANJIAN_DOCS_SCREENSHOTS=1 also docs/screenshots/,
 * the pictures of docs/portal-story.md):
 *
 * 1. a general gas hazard of a restaurant: the enterprise self-inspects and reports → the grid
 *    inspector finds it in the worklist's "newly reported" queue and issues the notice → the
 *    enterprise rectifies with photos → the grid inspector sees the photos (decisions open only
 *    once they are shown), verifies and closes (销号) → it is in the archive;
 * 2. a major hazard: the enterprise reports → the grid inspector sees it → an officer files the
 *    case with a second officer, orders stop-work, lists it → the enterprise submits the
 *    treatment plan (approved where the chain has that step) and the rectification with photos
 *    and the evaluation report → one officer accepts, the other closes → 复产 and 摘牌 where the
 *    chain offers them.
 *
 * At each decision the page shows the evidence above the buttons, asks for confirmation, and
 * says what was done; a missing action has a reason.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillKitchenForm, goTo, pdf, png, shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
const storyDir = join(shots, 'story');
const docsDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const toDocs = process.env.ANJIAN_DOCS_SCREENSHOTS === '1';
const taken: string[] = [];

beforeAll(async () => {
  mkdirSync(storyDir, { recursive: true });
  if (toDocs) mkdirSync(docsDir, { recursive: true });
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
  console.log(`story screenshots (${taken.length}): ${taken.join(', ')}`);
});

/** A screenshot of the whole page under `name`. */
async function shot(page: Page, name: string): Promise<void> {
  const file = join(storyDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (toDocs) copyFileSync(file, join(docsDir, `${name}.png`));
  taken.push(name);
}

/** Opens (or re-opens: a fresh query makes a new hash) the hazard page and waits for `status`. */
const open = async (page: Page, id: string, status: string) => {
  await goTo(page, `hazard/${encodeURIComponent(id)}?at=${Date.now()}`);
  await page.waitForSelector(`#hazard-state[data-status="${status}"]`);
};
/** Clicks a command (the page asks for confirmation; the harness confirms) and waits for its success message. */
const act = async (page: Page, command: string) => {
  await page.click(`#cmd-${command}`);
  await page.waitForSelector(`#command-done[data-command="${command}"]`);
};

describe('story per role', () => {
  it('a general gas hazard of a restaurant, from self-inspection to 销号', async () => {
    const owner = await portal.signIn('owner-lvyuan', 'enterprise');
    await fillKitchenForm(owner, { premises: 'restaurant', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'false', hose_length_m: '1' });
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards tr.found[data-level="general"]');
    await shot(owner, '01-enterprise-self-inspection');
    await owner.click('#found-hazards tr.found[data-level="general"] a');
    await owner.waitForSelector('#hazard-state[data-status="reported"]');
    const id = decodeURIComponent(owner.url().split('/').pop()!);
    // due from the moment of the report
    expect(await owner.getAttribute('#hazard-deadline', 'data-deadline')).not.toBe('');

    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, 'list?queue=new');
    await grid.waitForSelector(`#worklist tr[data-hazard="${id}"]`);
    expect(await grid.textContent(`#worklist tr[data-hazard="${id}"] .title-cell`)).toContain('报警');
    await shot(grid, '02-grid-worklist-new');
    await open(grid, id, 'reported');
    await act(grid, 'issue_notice');
    await grid.waitForSelector('#hazard-state[data-status="rectifying"]');
    await shot(grid, '03-grid-notice-issued');

    await open(owner, id, 'rectifying');
    expect(await owner.textContent('#evidence-requirement')).toContain('整改后照片至少 2 份');
    await owner.setInputFiles('#photo-before', [png('s-before')]);
    await owner.setInputFiles('#photo-after', [png('s-after-1'), png('s-after-2')]);
    await owner.fill('#rectify-note', '已加装可燃气体报警器并与切断阀联动');
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#command-done[data-command="submit_rectification"]');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');
    await shot(owner, '04-enterprise-rectification');

    await goTo(grid, 'list?queue=todo');
    await grid.click(`#worklist tr[data-hazard="${id}"] a`);
    await grid.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
    expect(await grid.getAttribute('#evidence-list', 'data-count')).toBe('3');
    // the evidence stands above the decision, which opened only once the photos were shown
    const order = await grid.evaluate(() => Array.from(document.querySelectorAll('#evidence, #cmd-verify')).map((e) => e.id));
    expect(order).toEqual(['evidence', 'cmd-verify']);
    expect(await grid.isEnabled('#cmd-verify')).toBe(true);
    await grid.click('#evidence-list .thumb');
    await grid.waitForSelector('#lightbox[open]');
    await shot(grid, '05-grid-photo-full-size');
    await grid.click('#lightbox-close');
    // closing is not offered yet, and the page says why
    await grid.click('#why-not summary');
    expect(await grid.textContent('#why-not li[data-command="close"]')).toContain('已复核');
    await shot(grid, '06-grid-evidence-before-verify');
    await act(grid, 'verify');
    await act(grid, 'close');
    await grid.waitForSelector('#hazard-state[data-status="closed"]');
    await shot(grid, '07-grid-closed');
    await goTo(grid, 'list?queue=closed');
    await grid.waitForSelector(`#worklist tr[data-hazard="${id}"]`);
    await shot(grid, '08-grid-archive');
    for (const p of [owner, grid]) await p.context().close();
  });

  it('a major hazard: case, stop-work, listing, plan, acceptance by one officer and 销号 by another', async () => {
    const owner = await portal.signIn('owner-anping', 'enterprise');
    await fillKitchenForm(owner, { premises: 'restaurant', gas_type: 'lpg', below_ground: 'true', alarm_installed: 'true', alarm_working: 'true', hose_length_m: '1', cylinders_on_site: '2' });
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards tr.found[data-level="major"]');
    await owner.click('#found-hazards tr.found[data-level="major"] a');
    await owner.waitForSelector('#hazard-state[data-status="reported"]');
    const id = decodeURIComponent(owner.url().split('/').pop()!);
    await shot(owner, '11-enterprise-major-reported');

    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, `list?queue=open&level=major&q=${encodeURIComponent('安平')}`);
    await grid.waitForSelector(`#worklist tr[data-hazard="${id}"]`);
    await open(grid, id, 'reported');
    // a grid inspector does not take the major path's official acts, and is told why
    await grid.click('#why-not summary').catch(() => undefined);
    await shot(grid, '12-grid-major-reviewed');

    const li = await portal.signIn('officer-li', 'enforcement');
    await goTo(li, 'list?queue=todo');
    await li.waitForSelector(`#worklist tr[data-hazard="${id}"]`);
    await open(li, id, 'reported');
    // Before a case is filed the penalty of a case does not apply: no "why not" line for it.
    await li.click('#why-not summary').catch(() => undefined);
    expect(await li.locator('#why-not li[data-command$="_penalty"], #why-not li[data-command="record_statement"]').count()).toBe(0);
    expect(await li.$('#co-sign-code')).not.toBeNull();
    await act(li, 'file_case');
    await li.fill('#stop-reason', '液化石油气钢瓶置于地下室，停止使用燃气的后厨作业');
    await act(li, 'order_stop_work');
    await li.fill('#listing-authority', 'D1 区安全生产委员会办公室');
    await act(li, 'list_for_supervision');
    await li.waitForSelector('#listed');
    await shot(li, '13-officer-case-stop-work-listed');

    await open(owner, id, 'case_filed');
    const plan = {
      objectives: '撤出地下室内的液化石油气钢瓶，后厨改用管道天然气',
      measures: '拆除瓶组间，敷设燃气管道并安装报警和紧急切断装置',
      funds: '专项资金 6 万元；燃气管道、报警器、切断阀各一套',
      responsible: '主要负责人张某；后厨主管李某',
      milestones: '12 月 20 日前撤瓶，12 月 31 日前完成改管',
      safety: '施工期间停用燃气；配备灭火器 4 具；应急预案已报备',
    };
    for (const [name, text] of Object.entries(plan)) await owner.fill(`#plan-form [name="${name}"]`, text);
    await owner.fill('#plan-form [name="deadline"]', '2026-12-31');
    await owner.click('#submit-plan');
    await owner.waitForSelector('#command-done[data-command="submit_plan"]');
    await owner.waitForSelector('#plan');
    await shot(owner, '14-enterprise-plan');

    // where the chain approves plans, an officer approves it; its date then becomes the deadline
    await li.reload();
    await li.waitForSelector('#app[data-page="hazard"]');
    if (await li.$('#cmd-approve_plan')) {
      await act(li, 'approve_plan');
      expect(await li.getAttribute('#plan-deadline', 'data-approved')).toBe('true');
    }

    await owner.reload();
    await owner.waitForSelector('#rectify-form');
    await owner.setInputFiles('#photo-before', [png('m-before')]);
    await owner.setInputFiles('#photo-after', [png('m-after-1'), png('m-after-2'), png('m-after-3')]);
    await owner.setInputFiles('#docs', [pdf('evaluation-report')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');

    await open(li, id, 'submitted');
    await li.waitForSelector('#app[data-evidence="shown"]');
    expect(await li.getAttribute('#evidence-list', 'data-count')).toBe('5');
    await shot(li, '15-officer-evidence-before-acceptance');
    await li.fill('#accept-note', '经评估验收合格');
    await act(li, 'accept');
    // the acceptor may not close; the page says why, and core would refuse
    await shot(li, '16-officer-accepted');

    const zhao = await portal.signIn('officer-zhao', 'enforcement');
    await open(zhao, id, 'accepted');
    await zhao.waitForSelector('#app[data-evidence="shown"]');
    await act(zhao, 'close');
    await zhao.waitForSelector('#hazard-state[data-status="closed"]');
    for (const command of ['lift_stop_work', 'delist']) {
      if (await zhao.$(`#cmd-${command}`)) {
        await zhao.fill(command === 'lift_stop_work' ? '#lift-note' : '#delist-note', command === 'lift_stop_work' ? '经复查具备安全生产条件，同意复产' : '隐患已销号，解除挂牌督办');
        await act(zhao, command);
      }
    }
    await shot(zhao, '17-officer-closed');
    expect(await zhao.textContent('#history li[data-type="closed"]')).toContain('D1-ZF-2026-0101');
    for (const p of [owner, grid, li, zhao]) await p.context().close();
  });

  it('an officer records an enforcement inspection on the home page', async () => {
    const li = await portal.signIn('officer-li', 'enforcement');
    await li.selectOption('#enterprise-select', 'ent-anping');
    await fillKitchenForm(li, { premises: 'restaurant', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'true', alarm_working: 'true', hose_length_m: '1' });
    await li.click('#submit-check');
    await li.waitForSelector('#no-hazards');
    await shot(li, '18-officer-inspection');
    await li.context().close();
  });

  it("the dashboard's numbers open the worklist under the same filters; the list exports what it shows", async () => {
    const admin = await portal.signIn('admin-chen', 'dashboard');
    await goTo(admin, 'dashboard?domain=gas');
    await admin.waitForSelector('#dashboard-stats[data-query="domain=gas"]');
    const closed = (await admin.textContent('#stat-closed'))!.trim();
    const total = (await admin.textContent('#stat-total'))!.trim();
    await admin.click('#drill-closed');
    await admin.waitForSelector('#app[data-page="list"] #list-summary[data-queue="closed"]');
    expect(await admin.getAttribute('#list-summary', 'data-total')).toBe(closed);
    expect(decodeURIComponent(admin.url())).toContain('domain=gas');
    await shot(admin, '19-dashboard-drill-down-archive');
    await goTo(admin, 'dashboard?domain=gas');
    await admin.click('#drill-total');
    await admin.waitForSelector('#app[data-page="list"] #list-summary[data-queue="all"]');
    expect(await admin.getAttribute('#list-summary', 'data-total')).toBe(total);
    const href = (await admin.getAttribute('#list-export', 'href'))!;
    expect(href).toContain('domain=gas');
    const file = await admin.context().request.get(`${portal.base}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK'); // a zip: the .xlsx container
    await admin.context().close();
  });
});
