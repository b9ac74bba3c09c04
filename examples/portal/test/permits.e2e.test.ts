/**
 * Hazardous-work permits in the portal (issue 19), end to end in Chromium at phone size
 * (390×844) against the real portal server and its SQLite file: 绿园餐厅's owner applies for
 * confined-space work (GB 46768, 隔油池清掏), the safety officer approves it, the gas test is
 * entered, the attendant taps 在场, the work starts with the signed briefing, a reading is
 * recorded, the attendant taps 离开 — the job is suspended and says why; the grid inspector
 * finds it among the open jobs of the grid, reports the hazard the record shows with the
 * permit's events as evidence, and the owner closes the job. Every step is a tap in the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { goTo, shots, startPortal, type PortalHarness } from './portal-harness.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let portal: PortalHarness;
/** Script errors in any page: a page that throws while rendering would otherwise only time out. */
const pageErrors: string[] = [];
async function signIn(user: string, home: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await portal.signIn(user, home, 'zh-CN', { ...PHONE, ...options });
  page.on('pageerror', (e) => pageErrors.push(`${user}: ${e.message}`));
  return page;
}
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's serious and critical violations (WCAG 2.1 A/AA, best practices) on the page, as `id: targets`. */
async function seriousA11y(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type V = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: V[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Inputs and selects without an accessible name. */
const unlabelled = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
      .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.id || el.outerHTML.slice(0, 80)),
  );

/** Nothing wider than the phone: no sideways scrolling. */
async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function openPermit(page: Page, id: string): Promise<void> {
  await goTo(page, `permit/${encodeURIComponent(id)}`).catch((e: Error) => {
    throw new Error(`${e.message}\npage errors: ${pageErrors.join('; ')}`);
  });
}

/** Taps a command button and waits for the page to say it was done (the confirm dialog is accepted by the harness). */
async function tap(page: Page, selector: string, action: string): Promise<void> {
  await page.tap(selector);
  await page.waitForSelector(`#permit-done[data-action="${action}"]`);
}

async function status(page: Page): Promise<string | null> {
  return page.getAttribute('#app [data-status]', 'data-status');
}

describe('a hazardous-work permit, at phone size', () => {
  it('apply → approve → test → start → readings → attendant leaves → suspended → hazard reported → closed', async () => {
    // 1. The owner applies (the enterprise's list and form).
    const owner = await signIn('owner-lvyuan', 'enterprise');
    await goTo(owner, 'permits');
    // The seed's permit of the day: confined space awaiting approval. (Its hot work is 东方化工仓储's: a restaurant's
    // directory record says general, and GB 30871 hot work is for hazardous-chemical enterprises.)
    expect(await owner.getAttribute('#my-permits', 'data-count')).toBe('1');
    await owner.selectOption('#pa-kind', 'confined_space');
    await owner.selectOption('#pa-grade', 'none');
    // No regime to declare: the form shows the standard the directory's record of 绿园餐厅 (a restaurant) sets.
    expect(await owner.$('#pa-premises')).toBeNull();
    expect([await owner.getAttribute('#pa-regime', 'data-regime'), await owner.textContent('#pa-regime')]).toEqual([
      'general',
      '适用标准（名录登记，由服务器确定）：一般企业（有限空间按 GB 46768-2025）',
    ]);
    // A request declaring hazchem (GB 30871: a reading every 2 h, no briefing) is refused, nothing applied.
    const declared = await owner.evaluate(async () => {
      const r = await fetch('/api/permits', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'declared-hazchem' },
        body: JSON.stringify({
          kind: 'confined_space',
          grade: 'none',
          premises: 'hazchem',
          enterpriseId: 'ent-lvyuan',
          workerIds: ['王师傅'],
          attendantId: 'attendant-lvyuan',
          validFrom: new Date().toISOString(),
        }),
      });
      return [r.status, ((await r.json()) as { issues: Array<{ pointer: string }> }).issues.map((i) => i.pointer)];
    });
    expect(declared).toEqual([422, ['/premises']]);
    // A worker's name is data: shown as text, never markup.
    await owner.fill('#pa-workers', '王师傅，<img src=x onerror="window.__pwned=1">');
    await owner.selectOption('#pa-attendant', 'attendant-lvyuan');
    await fitsPhone(owner);
    expect(await unlabelled(owner)).toEqual([]);
    await owner.screenshot({ path: `${shots}/permit-01-apply.png`, fullPage: true });
    await owner.tap('#apply-submit');
    await owner.waitForSelector('#app[data-page="permit"] #permit-title');
    const permitId = decodeURIComponent((await owner.evaluate(() => location.hash)).split('/')[2]!);
    expect(await owner.textContent('#permit-title')).toBe('有限空间作业');
    expect(await status(owner)).toBe('applied');
    // Workers the directory does not know (a contractor's hands) are stored as declared and shown as such.
    expect(await owner.textContent('#permit-workers')).toBe('王师傅（申报，目录中无此人）、<img src=x onerror="window.__pwned=1">（申报，目录中无此人）');
    expect(await owner.$$eval('#permit-workers [data-declared]', (els) => els.length)).toBe(2);
    expect(await owner.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The owner is not this permit's approver (the rule names 所在基层单位; the owner holds 主管领导 only): the server says so
    // (core's permitApprovalRefusal), so no 审批 button is offered and the page says who approves, in words.
    expect(await owner.locator('#permit-approve').count()).toBe(0);
    expect(await owner.getAttribute('#permit-approve-why', 'data-reason')).toBe('APPROVER_ROLE');
    expect(await owner.textContent('#permit-approve-why')).toContain('有限空间作业须由所在基层单位审批');
    expect(await owner.textContent('#permit-approve-why')).not.toContain('unit');

    // 2. The safety officer approves.
    const safety = await signIn('safety-lvyuan', 'enterprise');
    await openPermit(safety, permitId);
    await tap(safety, '#permit-approve', 'approve');
    expect(await status(safety)).toBe('approved');

    // 3. The gas test: the fields are the rule's measures (O₂ %VOL, flammable %LEL for GB 46768).
    await openPermit(owner, permitId);
    expect(await owner.$$eval('#reading-form [data-measure]', (els) => els.map((e) => e.getAttribute('data-measure')).sort())).toEqual(['flammable_pct_lel', 'o2_pct_vol']);
    await owner.fill('#pr-instrument', '四合一气体检测仪 MX4');
    await owner.fill('#pr-place', '隔油池入口');
    await owner.fill('#pr-o2_pct_vol', '20.8');
    await owner.fill('#pr-flammable_pct_lel', '0');
    await tap(owner, '#permit-gas-test', 'gas-tests');
    expect(await owner.textContent('#last-test')).toContain('合格');
    expect(await unlabelled(owner)).toEqual([]);
    // Starting without the attendant on site is refused, with the reason.
    await owner.fill('#ps-signed_briefing', 'JD-2026-0412');
    await owner.tap('#permit-start');
    await owner.waitForSelector('#permit-refused');
    expect(await owner.textContent('#permit-refused')).toContain('监护人未到位');

    // 4. The attendant taps 在场 (one tap, no dialog).
    const attendant = await signIn('attendant-lvyuan', 'enterprise');
    await openPermit(attendant, permitId);
    expect(await attendant.getAttribute('#permit-present', 'aria-pressed')).toBe('false');
    await tap(attendant, '#permit-present', 'attendant-present');
    expect(await attendant.getAttribute('#permit-present', 'aria-pressed')).toBe('true');
    expect(await attendant.getAttribute('#attendant-state', 'data-present')).toBe('true');
    await fitsPhone(attendant);
    await attendant.screenshot({ path: `${shots}/permit-02-attendant.png`, fullPage: true });

    // 5. Start, with the signed briefing the rule asks for.
    await openPermit(owner, permitId);
    await owner.fill('#ps-signed_briefing', 'JD-2026-0412');
    await tap(owner, '#permit-start', 'start');
    expect(await status(owner)).toBe('in_progress');
    // The briefing's number is a paper record: recorded as declared, and shown so to whoever checks the permit.
    expect(await owner.textContent('#permit-attachments [data-attachment-source="paper"]')).toBe('签字的安全交底（纸质记录编号）：JD-2026-0412（纸质记录（申报，未经系统核验，须现场核对））');

    // 6. A reading during the work.
    await owner.fill('#pr-instrument', '四合一气体检测仪 MX4');
    await owner.fill('#pr-place', '隔油池底部');
    await owner.fill('#pr-o2_pct_vol', '20.6');
    await owner.fill('#pr-flammable_pct_lel', '1');
    await tap(owner, '#permit-reading', 'readings');
    expect(await owner.$$eval('#permit-history li', (els) => els.map((e) => e.getAttribute('data-event')))).toEqual([
      'applied',
      'approved',
      'gas_tested',
      'attendant_present',
      'started',
      'reading_recorded',
    ]);

    // 7. The attendant taps 离开 (confirmed): the job is suspended and says why.
    await openPermit(attendant, permitId);
    await tap(attendant, '#permit-left', 'attendant-left');
    expect(await status(attendant)).toBe('suspended');
    expect(await attendant.getAttribute('[data-suspended]', 'data-suspended')).toBe('attendant_absent');
    expect(await attendant.textContent('[data-suspended]')).toContain('监护人离开现场');
    // The same page in English: every label has its English text (no key shows through).
    await attendant.tap('#lang-switch');
    await attendant.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('permit-title')?.textContent === 'Confined-space work');
    expect(await attendant.textContent('[data-suspended]')).toContain('the attendant left');
    expect(await attendant.textContent('#app')).not.toMatch(/\b(permit[A-Z]\w*|p[segk]_\w+|psr_\w+|m_\w+|att_\w+)\b/);

    // The suspension's text: from the permit store's outbox through the portal's SMS relay to the SMS log the dashboard shows.
    // The administrator has the dashboard open; once the relay (every 2 s) has sent the text — waited for from here, since a
    // page's waitForFunction takes an async predicate's promise as true at once — a reload in the same session shows it.
    const admin = await signIn('admin-chen', 'dashboard');
    await admin.waitForSelector('#sms-list');
    await vi.waitFor(
      async () => {
        const sms = (await (await portal.fetchAs('admin-chen', '/demo/sms?limit=50')).json()) as { messages: { permitId?: string }[] };
        expect(sms.messages.some((m) => m.permitId === permitId)).toBe(true);
      },
      { timeout: 15_000, interval: 500 },
    );
    await admin.reload();
    await admin.waitForSelector('#sms-list');
    const smsRow = admin.locator('#sms-list tr', { has: admin.locator(`a[data-permit="${permitId}"]`) });
    expect(await smsRow.locator('[data-kind]').textContent()).toBe('作业暂停');
    expect(await smsRow.textContent()).toContain('有限空间作业');
    await admin.context().close();

    // 8. The grid inspector: open jobs now in the grid, the suspended job with its reason, the hazard in its record.
    // (Its context lets axe-core in: the CSP would refuse the injected script; the other users' pages run under the CSP.)
    const grid = await signIn('grid-wang', 'grid', { bypassCSP: true });
    await goTo(grid, 'permits');
    const row = grid.locator(`section[data-area="D1/G1"] tr[data-permit="${permitId}"]`);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('suspended');
    expect(await row.locator('[data-reason]').textContent()).toBe('监护人离开现场');
    expect(await grid.textContent('section[data-area="D1/G1"] li[data-kind="confined_space"][data-status="suspended"]')).toContain('1');
    await fitsPhone(grid);
    await grid.screenshot({ path: `${shots}/permit-03-supervisor.png`, fullPage: true });
    expect(await seriousA11y(grid)).toEqual([]);
    await row.locator('a').tap();
    await grid.waitForSelector('#app[data-page="permit"] #permit-finding-list');
    expect(await grid.getAttribute('#permit-finding-list li', 'data-rule')).toBe('HW-003-H1');
    // The evidence: the permit's events up to the attendant leaving (the 7th).
    expect(await grid.getAttribute('#permit-finding-list [data-evidence]', 'data-evidence')).toBe(`${permitId}/7`);
    expect(await seriousA11y(grid)).toEqual([]);
    await grid.tap('#permit-report');
    await grid.waitForSelector('#reported-hazards li[data-hazard]');
    const hazardId = (await grid.getAttribute('#reported-hazards li[data-hazard]', 'data-hazard'))!;
    expect(await grid.textContent('#reported-hazards li')).toContain('许可事件 7 条');
    await grid.screenshot({ path: `${shots}/permit-04-reported.png`, fullPage: true });
    // The hazard is in the review chain, reported by the inspector from the permit record.
    const hazard = await portal.api('grid-wang', 'GET', `/hazards/${encodeURIComponent(hazardId)}`);
    expect(hazard.status).toBe(200);
    expect(hazard.body.state).toMatchObject({ enterpriseId: 'ent-lvyuan', status: 'reported' });
    expect(hazard.body.history[0]).toMatchObject({ type: 'reported', actor: { id: 'grid-wang' }, data: { source: 'permit', area: 'D1/G1' } });
    await grid.tap('#reported-hazards a');
    await grid.waitForSelector('#app[data-page="hazard"]');

    // The officer of the district bureau (its department supervises hazardous work in D1) sees it under D1.
    const officer = await signIn('officer-li', 'enforcement');
    await goTo(officer, 'permits');
    expect(await officer.locator(`section[data-area="D1"] tr[data-permit="${permitId}"] [data-status]`).getAttribute('data-status')).toBe('suspended');
    await officer.context().close();

    // 9. The owner closes the job.
    await openPermit(owner, permitId);
    await tap(owner, '#permit-close', 'close');
    expect(await status(owner)).toBe('closed');
    const read = await portal.api('owner-lvyuan', 'GET', `/permits/${encodeURIComponent(permitId)}`);
    expect(read.body.events.map((e: { type: string }) => e.type)).toEqual([
      'applied',
      'approved',
      'gas_tested',
      'attendant_present',
      'started',
      'reading_recorded',
      'attendant_absent',
      'suspended',
      'closed',
    ]);
    // No longer among the open jobs.
    await goTo(grid, 'permits');
    expect(await grid.locator(`tr[data-permit="${permitId}"]`).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    for (const p of [owner, safety, attendant, grid]) await p.context().close();
  });

  it('the signed briefing uploaded on the start form: the server checks it, binds it to the permit, and the page links the file', async () => {
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const applied = await portal.api(
      'owner-lvyuan',
      'POST',
      '/permits',
      { kind: 'confined_space', grade: 'none', enterpriseId: 'ent-lvyuan', workerIds: ['孙师傅'], attendantId: 'attendant-lvyuan', validFrom: ago(60_000) },
      'e2e-upload-apply',
    );
    expect(applied.status).toBe(201);
    const id = encodeURIComponent(applied.body.permit.permitId as string);
    expect((await portal.api('safety-lvyuan', 'POST', `/permits/${id}/approve`, {}, 'e2e-upload-approve')).status).toBe(200);
    const test = { sampledAt: ago(30_000), instrument: '四合一气体检测仪 MX4', place: '隔油池入口', o2PctVol: 20.8, flammablePctLel: 0 };
    expect((await portal.api('owner-lvyuan', 'POST', `/permits/${id}/gas-tests`, test, 'e2e-upload-test')).status).toBe(200);
    expect((await portal.api('attendant-lvyuan', 'POST', `/permits/${id}/attendant-present`, {}, 'e2e-upload-present')).status).toBe(200);

    const owner = await signIn('owner-lvyuan', 'enterprise');
    await openPermit(owner, applied.body.permit.permitId as string);
    expect(await unlabelled(owner)).toEqual([]);
    await owner.setInputFiles('#psf-signed_briefing', { name: 'briefing.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 安全交底 signed\n') });
    await tap(owner, '#permit-start', 'start');
    expect(await status(owner)).toBe('in_progress');
    const link = await owner.getAttribute('#permit-attachments [data-attachment-source="upload"] a', 'href');
    expect(link).toMatch(/^\/api\/permits\/.+\/attachments\/.+/);
    expect(await owner.evaluate(async (href) => (await fetch(href!)).headers.get('content-type'), link)).toBe('application/pdf');
    expect((await portal.api('owner-lvyuan', 'POST', `/permits/${id}/close`, {}, 'e2e-upload-close')).status).toBe(200);
    expect(pageErrors).toEqual([]);
    await owner.context().close();
  });
});
