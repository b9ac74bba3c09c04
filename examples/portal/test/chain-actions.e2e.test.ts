/**
 * End-to-end: the review-chain actions of the hazard page beyond the basic paths — deadline
 * extension (requested by the enterprise, granted by the grid inspector), stop-work,
 * reopening, reclassification (with a stale page answered 412), a refused photo upload —
 * and the dashboard's filters. Every test reports its own hazard through the API (a fresh
 * Idempotency-Key), so the tests depend neither on each other nor on portal.e2e.test.ts.
 * Screenshots go to examples/portal/test-results/.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png, shots, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

const ENTERPRISES = {
  anping: { id: 'ent-anping', area: 'D1/G1' },
  ruyi: { id: 'ent-ruyi', area: 'D1/G2' },
} as const;

/** demo-kitchen answers that make one general hazard (broken alarm), or a major one (LPG below ground). */
const FINDINGS = {
  general: { gas_type: 'natural_gas', below_ground: false, alarm_installed: true, alarm_working: false, hose_length_m: 1 },
  major: { gas_type: 'lpg', below_ground: true, alarm_installed: true, alarm_working: true, hose_length_m: 1, cylinders_on_site: 2 },
} as const;

/** Reports a fresh hazard of `level` for the enterprise through the API; returns its id. */
async function reportHazard(user: string, enterprise: keyof typeof ENTERPRISES, level: 'general' | 'major'): Promise<string> {
  const e = ENTERPRISES[enterprise];
  const res = await portal.api(
    user,
    'POST',
    '/inspections?report=true',
    {
      pack: 'demo-kitchen',
      premises: 'restaurant',
      findings: FINDINGS[level],
      subject: { enterpriseId: e.id },
    },
    randomUUID(),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const rule = res.body.classification.hazards.find((h: { level: string }) => h.level === level).rule;
  return res.body.reports.find((r: { rule: string }) => r.rule === rule).hazardId;
}

async function command(user: string, hazardId: string, body: Record<string, unknown>): Promise<void> {
  const res = await portal.api(user, 'POST', `/hazards/${hazardId}/commands`, body, randomUUID());
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Opens (or, when it is open, reloads) the hazard page of `id` and waits until it shows that hazard. */
async function openHazard(page: Page, id: string): Promise<void> {
  if (new URL(page.url()).hash === `#/hazard/${id}`) await page.reload();
  else await page.evaluate((h) => (location.hash = `#/hazard/${h}`), id);
  await page.waitForSelector(`#app[data-page="hazard"] #hazard-state[data-hazard="${id}"]`);
}

const localDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('hazard page: the rest of the review chain', () => {
  it('the enterprise requests a deadline extension and the grid inspector grants it; the deadline on the card moves', async () => {
    const id = await reportHazard('owner-anping', 'anping', 'general');
    const grid = await portal.signIn('grid-wang', 'grid');
    await openHazard(grid, id);
    // The notice is numbered by the documents register: no number is typed, and the history names the notice by the number printed on it.
    expect(await grid.locator('#notice-no').count()).toBe(0);
    await grid.click('#cmd-issue_notice');
    await grid.waitForSelector('#hazard-state[data-status="rectifying"]');
    const printed = await grid.getAttribute('#documents-list li[data-doc-kind="rectification_notice"]', 'data-doc-number');
    expect(printed).toMatch(/^（D1）.+〔\d{4}〕\d+号$/);
    expect(await grid.textContent('#history li[data-type="notice_issued"] .notice-no')).toBe(printed);
    const before = (await grid.getAttribute('#hazard-deadline', 'data-deadline'))!;
    expect(before).not.toBe('');

    const owner = await portal.signIn('owner-anping', 'enterprise');
    await openHazard(owner, id);
    await owner.click('#submit-extension');
    expect(await owner.textContent('#form-error')).toBe('请选择延期后的日期');
    const wanted = plusDays(localDate(before), 7);
    await owner.fill('#extension-date', wanted);
    await owner.click('#submit-extension');
    expect(await owner.textContent('#form-error')).toBe('请填写理由');
    await owner.fill('#extension-reason', '报警器需厂家订货，到货需两周');
    await owner.click('#submit-extension');
    await owner.waitForSelector('#pending-extension');
    expect(await owner.textContent('#pending-extension')).toContain(`延长 7 天 → ${wanted}`);
    expect(await owner.$('#extension-form')).toBeNull();

    await openHazard(grid, id);
    await grid.waitForSelector('#pending-extension');
    await grid.waitForSelector('#cmd-deny_extension');
    await grid.screenshot({ path: join(shots, 'hazard-extension-grid.png'), fullPage: true });
    await grid.click('#cmd-grant_extension');
    await grid.waitForSelector('#pending-extension', { state: 'detached' });
    const after = (await grid.getAttribute('#hazard-deadline', 'data-deadline'))!;
    expect(localDate(after)).toBe(wanted);
    expect(await grid.textContent('#hazard-deadline')).toContain(wanted);
    expect(await grid.textContent('#history li[data-type="extension_requested"]')).toContain('报警器需厂家订货');
    expect(await grid.textContent('#history li[data-type="extension_granted"]')).toContain('批准延期');
    for (const p of [grid, owner]) await p.context().close();
  });

  it('enforcement orders stop-work on a major hazard; the card shows it to the officer and the enterprise', async () => {
    const id = await reportHazard('owner-ruyi', 'ruyi', 'major');
    await command('officer-li', id, { type: 'file_case', coOfficerId: 'officer-zhao' });
    const officer = await portal.signIn('officer-li', 'enforcement');
    await openHazard(officer, id);
    await officer.waitForSelector('#hazard-state[data-status="case_filed"]');
    await officer.click('#cmd-order_stop_work');
    expect(await officer.textContent('#form-error')).toBe('请填写理由');
    await officer.selectOption('#stop-scope', 'whole');
    await officer.fill('#stop-reason', '液化气钢瓶存放于地下室，立即停止使用');
    await officer.click('#cmd-order_stop_work');
    await officer.waitForSelector('#stop-work[data-scope="whole"]');
    expect(await officer.textContent('#history li[data-type="stop_work_ordered"]')).toContain('全部停产停业');
    await officer.screenshot({ path: join(shots, 'hazard-enforcement-actions.png'), fullPage: true });

    const owner = await portal.signIn('owner-ruyi', 'enterprise');
    await openHazard(owner, id);
    expect(await owner.textContent('#stop-work')).toContain('全部停产停业');
    expect(await owner.$('#cmd-order_stop_work')).toBeNull();
    for (const p of [officer, owner]) await p.context().close();
  });

  it('the grid inspector reopens a closed general hazard with a reason', async () => {
    const id = await reportHazard('owner-anping', 'anping', 'general');
    const photo = (name: string) => portal.uploadPhoto('owner-anping', id, name);
    // a general hazard is closed only after a rectification notice (core's lifecycle, issue 14)
    await command('grid-wang', id, { type: 'issue_notice' });
    await command('owner-anping', id, {
      type: 'submit_rectification',
      evidence: [
        { id: await photo('b'), kind: 'photo_before' },
        { id: await photo('a1'), kind: 'photo_after' },
        { id: await photo('a2'), kind: 'photo_after' },
      ],
    });
    await command('grid-wang', id, { type: 'verify' });
    await command('grid-wang', id, { type: 'close' });

    const grid = await portal.signIn('grid-wang', 'grid');
    await openHazard(grid, id);
    await grid.waitForSelector('#hazard-state[data-status="closed"]');
    await grid.click('#cmd-reopen');
    expect(await grid.textContent('#form-error')).toBe('请填写理由');
    await grid.fill('#reopen-reason', '回访发现报警器再次失效');
    await grid.click('#cmd-reopen');
    await grid.waitForSelector('#hazard-state[data-status="reported"]');
    expect(await grid.textContent('#reopen-count')).toContain('1');
    expect(await grid.textContent('#history li[data-type="reopened"]')).toContain('回访发现报警器再次失效');
    expect(await grid.textContent('#history li[data-type="closed"] b')).toBe('销号');
    await grid.context().close();
  });

  it('the grid inspector rejects and then verifies with the photos it took on site; the hazard page shows them as 复查照片 to it and to the enterprise', async () => {
    const id = await reportHazard('owner-anping', 'anping', 'general');
    const photo = (name: string) => portal.uploadPhoto('owner-anping', id, name);
    const rectify = async () =>
      command('owner-anping', id, {
        type: 'submit_rectification',
        evidence: [
          { id: await photo(`b-${randomUUID()}`), kind: 'photo_before' },
          { id: await photo(`a1-${randomUUID()}`), kind: 'photo_after' },
          { id: await photo(`a2-${randomUUID()}`), kind: 'photo_after' },
        ],
      });
    await command('grid-wang', id, { type: 'issue_notice' });
    // The first rectification, given on the hazard page: the photos the enterprise will try to give again once it is rejected.
    const first = { before: png('first-before'), after: [png('first-after-1'), png('first-after-2')] };
    const enterprise = await portal.signIn('owner-anping', 'enterprise');
    const rectifyOnPage = async () => {
      await openHazard(enterprise, id);
      await enterprise.waitForSelector('#rectify-form');
      await enterprise.setInputFiles('#photo-before', [first.before]);
      await enterprise.setInputFiles('#photo-after', first.after);
      await enterprise.click('#submit-rectification');
    };
    await rectifyOnPage();
    await enterprise.waitForSelector('#hazard-state[data-status="submitted"]');

    const grid = await portal.signIn('grid-wang', 'grid');
    await openHazard(grid, id);
    await grid.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
    // The review form takes photos (the rectification's upload field); the rectification's own fields are not offered.
    expect(await grid.$('#photo-after')).toBeNull();
    await grid.setInputFiles('#review-photos', [png('review-reject')]);
    await grid.fill('#reject-reason', '报警器未与切断阀联动');
    await grid.click('#cmd-reject');
    await grid.waitForSelector('#hazard-state[data-status="rectifying"]');
    await grid.waitForSelector('#evidence-list li[data-kind="photo_review"]');
    expect(await grid.textContent('#evidence-list li[data-kind="photo_review"] figcaption')).toContain('复查照片');
    expect(await grid.textContent('#evidence-list li[data-kind="photo_review"] figcaption')).toContain('驳回'); // the event that attached it
    expect(await grid.textContent('#history li[data-type="rejected"]')).toContain('1 份证据');

    // The enterprise gives the rejected photos again: the page shows the server's refusal at the first "after" photo, and nothing is submitted.
    await rectifyOnPage();
    const refusal = await enterprise.waitForSelector('#command-error');
    expect(await refusal.getAttribute('data-status')).toBe('422');
    expect(await refusal.textContent()).toContain('被驳回（复查不合格）的整改提交过');
    expect(await refusal.textContent()).toContain('请拍摄并上传隐患现状的新照片');
    const issue = '#command-issues li[data-pointer="/evidence/1"]';
    expect(await enterprise.textContent(issue)).toContain('was already submitted with the rectification rejected on');
    // … naming the file the user picked (never the upload id, which the user never saw), with what to do in both languages,
    // and the "after" field marked and focused, where the new photo is picked.
    expect(await enterprise.getAttribute(issue, 'data-file')).toBe('first-after-1.png');
    expect(await enterprise.textContent(`${issue} [lang="en"]`)).toContain('evidence “first-after-1.png” was already submitted');
    for (const text of [await refusal.textContent(), await enterprise.textContent(issue)]) {
      expect(text).toContain('「first-after-1.png」');
      expect(text).not.toMatch(/ev-/);
    }
    expect(await enterprise.textContent(`${issue} .file-todo`)).toContain('请换掉「first-after-1.png」（整改后照片）：重新拍摄一张隐患现状的照片');
    expect(await enterprise.textContent(`${issue} .file-todo`)).toContain('Replace “first-after-1.png” (Photos after): take a new photo of the current state');
    expect(await enterprise.getAttribute('#photo-after', 'aria-invalid')).toBe('true');
    expect(await enterprise.evaluate(() => document.activeElement?.id)).toBe('photo-after');
    expect(await enterprise.getAttribute('#hazard-state', 'data-status')).toBe('rectifying');
    await enterprise.screenshot({ path: join(shots, 'hazard-rejected-photos-again.png'), fullPage: true });

    await rectify();
    await openHazard(grid, id);
    await grid.waitForSelector('#hazard-state[data-status="submitted"]');
    await grid.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
    await grid.setInputFiles('#review-photos', [png('review-verify-1'), png('review-verify-2')]);
    await grid.click('#cmd-verify');
    await grid.waitForSelector('#command-done[data-command="verify"]');
    await grid.waitForSelector('#hazard-state[data-status="verified"]');
    expect(await grid.textContent('#history li[data-type="verified"]')).toContain('2 份证据');
    await grid.screenshot({ path: join(shots, 'hazard-review-photos-grid.png'), fullPage: true });
    // The verified hazard takes no more review photos: the field is gone with the acts.
    expect(await grid.$('#review-photos')).toBeNull();

    // The enterprise sees the inspector's photos with its own, each loaded, as the history recorded them.
    const owner = await portal.signIn('owner-anping', 'enterprise');
    await openHazard(owner, id);
    await owner.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
    expect(await owner.$$eval('#evidence-list li[data-kind="photo_review"]', (items) => items.length)).toBe(3);
    expect(await owner.$('#review-photos')).toBeNull();
    const history = (await portal.api('owner-anping', 'GET', `/hazards/${id}`)).body.history as { type: string; actor: { id: string }; data: { evidence?: { kind: string }[] } }[];
    const reviewed = history.filter((e) => e.type === 'rejected' || e.type === 'verified');
    expect(reviewed.map((e) => [e.type, e.actor.id, e.data.evidence?.map((x) => x.kind)])).toEqual([
      ['rejected', 'grid-wang', ['photo_review']],
      ['verified', 'grid-wang', ['photo_review', 'photo_review']],
    ]);
    for (const p of [grid, owner, enterprise]) await p.context().close();
  });

  it('a reclassification changes the level shown; a page another user moved on answers 412 with a reload link', async () => {
    const id = await reportHazard('owner-anping', 'anping', 'general');
    const owner = await portal.signIn('owner-anping', 'enterprise');
    await openHazard(owner, id);
    // The enterprise may only raise the level of its own reported hazard.
    expect(await owner.$$eval('#reclassify-level option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', 'major']);

    const officer = await portal.signIn('officer-li', 'enforcement');
    await openHazard(officer, id);
    await command('grid-wang', id, { type: 'issue_notice' }); // the officer's page is now stale
    await officer.selectOption('#reclassify-level', 'major');
    await officer.fill('#reclassify-reason', '地下室使用燃气，应按重大隐患处理');
    await officer.click('#cmd-reclassify');
    await officer.waitForSelector('#command-error[data-status="412"]');
    expect(await officer.textContent('#command-error')).toContain('已被他人更新');
    await officer.click('#reload-hazard');
    await officer.waitForSelector('#hazard-state[data-status="rectifying"]');

    await officer.selectOption('#reclassify-level', 'major');
    await officer.fill('#reclassify-reason', '地下室使用燃气，应按重大隐患处理');
    await officer.click('#cmd-reclassify');
    await officer.waitForSelector('#hazard-state[data-level="major"][data-status="reported"]');
    expect(await officer.textContent('#hazard-state .level-major')).toBe('重大事故隐患');
    expect(await officer.textContent('#history li[data-type="reclassified"]')).toContain('一般事故隐患 → 重大事故隐患');
    for (const p of [owner, officer]) await p.context().close();
  });

  it("a refused photo upload shows the server's problem (in the UI language) and sends no command", async () => {
    const id = await reportHazard('owner-anping', 'anping', 'general');
    const owner = await portal.signIn('owner-anping', 'enterprise');
    const commands: string[] = [];
    owner.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/commands')) commands.push(r.url());
    });
    await openHazard(owner, id);
    await owner.setInputFiles('#photo-before', [{ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(10_500_000, 7) }]);
    await owner.setInputFiles('#photo-after', [png('after-1'), png('after-2')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#upload-error');
    await owner.waitForSelector('#upload-error[data-status="413"]');
    const zh = (await owner.textContent('#upload-error'))!;
    expect(zh).toContain('证据上传失败');
    expect(zh).toContain('请求体超过');

    await owner.click('#lang-switch');
    await owner.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#submit-rectification')?.textContent === 'Submit rectification');
    await owner.setInputFiles('#photo-before', [{ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }]);
    await owner.setInputFiles('#photo-after', [png('after-3'), png('after-4')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#upload-error[data-status="422"]');
    expect(await owner.textContent('#upload-error')).toContain('the file is empty');

    expect(commands).toEqual([]);
    const state = await portal.api('owner-anping', 'GET', `/hazards/${id}`);
    expect(state.body.state).toMatchObject({ status: 'reported', version: 1 });
    // uploads no command refers to are not shown: the evidence section says there is none
    expect(await owner.getAttribute('#evidence-list', 'data-count')).toBe('0');
    await owner.context().close();
  });
});

describe('a manual observation', () => {
  it('the grid inspector reports what it sees outside the checklists (provisional, with a photo); an officer confirms the level', async () => {
    const grid = await portal.signIn('grid-wang', 'grid');
    await grid.selectOption('#obs-enterprise', 'ent-hongxing');
    await grid.selectOption('#obs-domain', 'gas');
    await grid.click('#submit-observation');
    expect(await grid.textContent('#observation-error')).toBe('请填写隐患名称');
    await grid.fill('#obs-title', '后厨燃气管道锈蚀');
    await grid.fill('#obs-description', '灶台下方管道多处锈蚀，未见检修记录');
    await grid.selectOption('#obs-level', 'general');
    await grid.setInputFiles('#obs-photos', [png('observation')]);
    await grid.click('#submit-observation');
    await grid.waitForSelector('#app[data-page="hazard"] #hazard-state[data-status="reported"][data-level="general"]');
    expect(await grid.textContent('#hazard-state')).toContain('疑似');
    expect(await grid.textContent('h1')).toBe('后厨燃气管道锈蚀');
    await grid.waitForSelector('#evidence-list[data-count="1"]');
    const id = decodeURIComponent(new URL(grid.url()).hash.split('/').pop()!);
    // The reporter may not confirm its own observation.
    expect(await grid.$('#cmd-confirm_level')).toBeNull();

    const officer = await portal.signIn('officer-li', 'enforcement');
    // Confirming the level rests on the photo: the button stays disabled until the officer's page has shown it.
    const held: Route[] = [];
    await officer.route('**/api/evidence/**', (route) => (route.request().url().includes('thumb=1') ? held.push(route) : route.continue()));
    await officer.evaluate((h) => (location.hash = `#/hazard/${h}`), id);
    await officer.waitForSelector('#app[data-page="hazard"][data-evidence="loading"]');
    expect(await officer.isDisabled('#cmd-confirm_level')).toBe(true);
    for (const route of held) await route.continue();
    await officer.unroute('**/api/evidence/**');
    await officer.waitForSelector('#app[data-page="hazard"][data-evidence="shown"]');
    // Why the level holds is the officer's to say: without a reason nothing is sent.
    await officer.click('#cmd-confirm_level');
    expect(await officer.textContent('#form-error')).toBe('请填写理由');
    await officer.fill('#confirm-reason', '现场查看照片，管道锈蚀属实');
    await officer.click('#cmd-confirm_level');
    await officer.waitForSelector('#history li[data-type="level_confirmed"]');
    expect(await officer.textContent('#history li[data-type="level_confirmed"] .reason')).toBe('现场查看照片，管道锈蚀属实');
    expect(await officer.textContent('#hazard-state')).not.toContain('疑似');
    for (const p of [grid, officer]) await p.context().close();
  });
});

describe('dashboard filters and the SMS panel', () => {
  it('filtering by domain changes the counts; the filters live in the hash and survive a reload', async () => {
    const admin = await portal.signIn('admin-chen', 'dashboard');
    await admin.waitForSelector('#dashboard-stats[data-query=""]');
    const all = Number(await admin.textContent('#stat-total'));

    await admin.selectOption('#filter-domain', 'fire');
    await admin.waitForSelector('#dashboard-stats[data-query="domain=fire"]');
    const fire = Number(await admin.textContent('#stat-total'));
    const fromApi = await portal.api('admin-chen', 'GET', '/stats?domain=fire');
    expect(fire).toBe(fromApi.body.total);
    expect(fire).toBeGreaterThan(0);
    expect(fire).toBeLessThan(all);

    await admin.selectOption('#filter-level', 'general');
    await admin.waitForSelector('#dashboard-stats[data-query="domain=fire&level=general"]');
    const fireGeneral = Number(await admin.textContent('#stat-total'));
    expect(fireGeneral).toBe((await portal.api('admin-chen', 'GET', '/stats?domain=fire&level=general')).body.total);
    expect(new URL(admin.url()).hash).toBe('#/dashboard?domain=fire&level=general');

    // The SMS relay keeps sending (every 2 s): the page's count lies between the gateway's before and after it loaded.
    const smsCount = async () => ((await (await portal.fetchAs('admin-chen', '/demo/sms?limit=20')).json()) as { messages: unknown[] }).messages.length;
    const smsBefore = await smsCount();
    await admin.reload();
    await admin.waitForSelector('#app[data-page="dashboard"] #dashboard-stats[data-query="domain=fire&level=general"]');
    expect(Number(await admin.textContent('#stat-total'))).toBe(fireGeneral);
    expect(await admin.inputValue('#filter-domain')).toBe('fire');
    expect(await admin.inputValue('#filter-level')).toBe('general');

    // The SMS panel lists what the demo gateway logged (newest first), or says there is none.
    const shown = Number(await admin.getAttribute('#sms-list', 'data-count'));
    expect(shown).toBeGreaterThanOrEqual(smsBefore);
    expect(shown).toBeLessThanOrEqual(await smsCount());
    await admin.waitForSelector('#chart-level canvas');
    await admin.screenshot({ path: join(shots, 'dashboard-filtered.png'), fullPage: true });

    // The department admin verifies the whole audit trail (hash chains, signed checkpoints, projection, outbox).
    await admin.click('#audit-verify');
    await admin.waitForSelector('#audit-outcome[data-ok="true"]');
    expect(await admin.textContent('#audit-outcome')).toContain('签名已验证');

    await admin.click('#clear-filters');
    await admin.waitForSelector('#dashboard-stats[data-query=""]');
    expect(Number(await admin.textContent('#stat-total'))).toBe(all);
    await admin.context().close();
  });

  it("an enterprise's dashboard counts only its own hazards and shows no outbox or SMS of others", async () => {
    const count = async (user: string) => {
      const r = await portal.fetchAs(user, '/api/stats');
      return ((await r.json()) as { total: number }).total;
    };
    const owner = await portal.signIn('owner-ruyi', 'enterprise');
    await owner.evaluate(() => (location.hash = '#/dashboard'));
    await owner.waitForSelector('#app[data-page="dashboard"] #dashboard-stats');
    const own = Number(await owner.textContent('#stat-total'));
    expect(own).toBe(await count('owner-ruyi'));
    expect(own).toBeLessThan(await count('admin-chen'));
    expect(await owner.isVisible('#stats-scope')).toBe(true);
    expect(await owner.$('#sms-list')).toBeNull();
    expect(await owner.$('#outbox-status')).toBeNull();
    await owner.context().close();
  });

  it("the area filter offers the areas the user reads (core's readScopes), not a fixed district", async () => {
    const choices = async (user: string, home: string) => {
      const page = await portal.signIn(user, home);
      await page.evaluate(() => (location.hash = '#/dashboard'));
      await page.waitForSelector('#app[data-page="dashboard"] #filter-area');
      const values = await page.$$eval('#filter-area option', (options) => options.map((o) => (o as HTMLOptionElement).value));
      await page.context().close();
      return values;
    };
    // 如意宾馆 lies in D1/G2: its owner reads nothing of D1 as a whole, nor of D1/G1.
    expect(await choices('owner-ruyi', 'enterprise')).toEqual(['', 'D1/G2']);
    // The grid inspector's grids, not the district around them.
    expect(await choices('grid-wang', 'grid')).toEqual(['', 'D1/G1', 'D1/G2']);
    // The district's officer and the admin: the district and the grids in it.
    expect(await choices('officer-li', 'enforcement')).toEqual(['', 'D1', 'D1/G1', 'D1/G2']);
    expect(await choices('admin-chen', 'dashboard')).toEqual(['', 'D1', 'D1/G1', 'D1/G2']);
  });
});
