/**
 * End-to-end: the demo portal in Debian's Chromium (playwright-core). Starts the server on
 * a free port with a temporary data dir, then walks the enterprise → grid path of a general
 * hazard, the enforcement path of a major hazard, and the dashboard counts. Screenshots of
 * each role's main page go to examples/portal/test-results/.
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH); without it the tests fail, they
 * do not skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(portalDir, '../..');
const shots = join(portalDir, 'test-results');

let server: ChildProcess;
let browser: Browser;
let base: string;
let dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function startServer(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'examples/portal/src/server.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), ANJIAN_DATA_DIR: dataDir, PORTAL_STOP_ON_STDIN_END: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`http://localhost:${port}/`)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`portal exited with ${code} before listening:\n${out}`)));
    child.on('error', reject);
  });
}

async function signIn(userId: string, home: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/#/login`);
  await page.click(`[data-user="${userId}"]`);
  await page.waitForSelector(`#app[data-page="${home}"]`);
  return page;
}

async function goTo(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => (location.hash = `#/${n}`), name);
  await page.waitForSelector(`#app[data-page="${name}"]`);
}

async function dashboardCounts(page: Page): Promise<{ total: number; closed: number }> {
  await goTo(page, 'enterprise').catch(() => undefined);
  await goTo(page, 'dashboard');
  return { total: Number(await page.textContent('#stat-total')), closed: Number(await page.textContent('#stat-closed')) };
}

const png = (name: string) => ({ name: `${name}.png`, mimeType: 'image/png', buffer: Buffer.from(`demo photo ${name} ${Math.random()}`) });

async function fillKitchenForm(page: Page, answers: Record<string, string>): Promise<void> {
  await page.selectOption('#pack-select', 'demo-kitchen');
  await page.waitForSelector('#f-gas_type');
  for (const [field, value] of Object.entries(answers)) {
    const selector = `#f-${field}`;
    if (field === 'hose_length_m' || field === 'cylinders_on_site') await page.fill(selector, value);
    else await page.selectOption(selector, value);
    await page.dispatchEvent(selector, 'change');
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-portal-'));
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await startServer(port);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  // Closing stdin stops the server inside the runner, which then removes its bundle and exits.
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.stdin!.end();
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo portal', () => {
  it('a self-check form rejects out-of-range and missing answers with the server\'s messages', async () => {
    const page = await signIn('owner-lvyuan', 'enterprise');
    await fillKitchenForm(page, { premises: 'restaurant', below_ground: 'false', alarm_installed: 'false', hose_length_m: '99' });
    await page.click('#submit-check');
    await page.waitForSelector('#check-errors[data-source="browser"]');
    const browserHose = await page.textContent('[data-field="hose_length_m"] .error');
    const browserGas = await page.textContent('[data-field="gas_type"] .error');
    expect(browserHose).toContain('99');
    expect(browserGas).toContain('gas_type');

    await page.check('#skip-browser-check');
    await page.click('#submit-check');
    await page.waitForSelector('#check-errors[data-source="server"]');
    expect(await page.textContent('[data-field="hose_length_m"] .error')).toBe(browserHose);
    expect(await page.textContent('[data-field="gas_type"] .error')).toBe(browserGas);
    await page.context().close();
  });

  it('enterprise self-check → general hazard → rectification → grid verifies and closes; the dashboard counts change', async () => {
    const admin = await signIn('admin-chen', 'dashboard');
    const before = await dashboardCounts(admin);

    const owner = await signIn('owner-lvyuan', 'enterprise');
    await owner.screenshot({ path: join(shots, 'enterprise.png'), fullPage: true });
    await fillKitchenForm(owner, { premises: 'restaurant', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'true', alarm_working: 'false', hose_length_m: '1' });
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards');
    const levels = await owner.$$eval('#found-hazards tr.found', (rows) => rows.map((r) => (r as HTMLElement).dataset.level));
    expect(levels).toEqual(['general']);
    expect(await owner.textContent('#found-hazards tr.found')).toContain('疑似');
    await owner.screenshot({ path: join(shots, 'enterprise-result.png'), fullPage: true });

    await owner.click('#found-hazards tr.found a');
    await owner.waitForSelector('#hazard-state[data-status="reported"]');
    const hazardId = owner.url().split('/').pop()!;
    await owner.setInputFiles('#photo-before', [png('before')]);
    await owner.setInputFiles('#photo-after', [png('after-1'), png('after-2')]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');

    const grid = await signIn('grid-wang', 'grid');
    await grid.waitForSelector(`#verify-queue tr[data-hazard="${hazardId}"]`);
    await grid.screenshot({ path: join(shots, 'grid.png'), fullPage: true });
    await grid.click(`#verify-queue tr[data-hazard="${hazardId}"] a`);
    await grid.waitForSelector('#hazard-state[data-status="submitted"]');
    await grid.click('#cmd-verify');
    await grid.waitForSelector('#hazard-state[data-status="verified"]');
    await grid.click('#cmd-close');
    await grid.waitForSelector('#hazard-state[data-status="closed"]');
    await grid.selectOption('#spot-result', 'pass');
    await grid.click('#cmd-spot_check');
    await grid.waitForSelector('#hazard-state[data-status="closed"][data-version="5"]');

    const after = await dashboardCounts(admin);
    expect(after).toEqual({ total: before.total + 1, closed: before.closed + 1 });
    await admin.waitForSelector('#chart-level canvas');
    await admin.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    for (const p of [admin, owner, grid]) await p.context().close();
  });

  it("the grid inspector's patrol inspection reports a hazard in its area; the English switch relabels the UI", async () => {
    const grid = await signIn('grid-wang', 'grid');
    await grid.selectOption('#enterprise-select', 'ent-hongxing');
    await fillKitchenForm(grid, { premises: 'canteen', gas_type: 'natural_gas', below_ground: 'false', alarm_installed: 'true', alarm_working: 'false', hose_length_m: '1' });
    await grid.click('#submit-check');
    await grid.waitForSelector('#found-hazards tr.found[data-level="general"]');
    await grid.click('#found-hazards tr.found a');
    await grid.waitForSelector('#hazard-state[data-status="reported"]');
    expect(await grid.textContent('#hazard-state')).toContain('红星机械厂食堂');
    expect(await grid.textContent('ol')).toContain('grid-wang (grid)');

    await goTo(grid, 'grid');
    expect(await grid.textContent('#app h1')).toContain('网格员');
    await grid.click('#lang-switch');
    await grid.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#app[data-page="grid"] h1')?.textContent?.startsWith('Grid'));
    expect(await grid.textContent('.demo-banner')).toContain('NOT an authentication scheme');
    await grid.context().close();
  });

  it('a major hazard goes through enforcement to closure', async () => {
    const owner = await signIn('owner-hongxing', 'enterprise');
    await fillKitchenForm(owner, { premises: 'canteen', gas_type: 'lpg', below_ground: 'true', alarm_installed: 'true', alarm_working: 'true', hose_length_m: '1', cylinders_on_site: '2' });
    await owner.click('#submit-check');
    await owner.waitForSelector('#found-hazards tr.found[data-level="major"]');
    await owner.click('#found-hazards tr.found[data-level="major"] a');
    await owner.waitForSelector('#hazard-state[data-status="reported"]');
    const hazardId = owner.url().split('/').pop()!;

    const officer = await signIn('officer-li', 'enforcement');
    await officer.waitForSelector(`#major-queue tr[data-hazard="${hazardId}"]`);
    await officer.screenshot({ path: join(shots, 'enforcement.png'), fullPage: true });
    await officer.click(`#major-queue tr[data-hazard="${hazardId}"] a`);
    await officer.waitForSelector('#hazard-state[data-status="reported"]');
    await officer.fill('#case-no', 'D1-2026-E2E');
    await officer.click('#cmd-file_case');
    await officer.waitForSelector('#hazard-state[data-status="case_filed"]');
    await officer.click('#cmd-list_for_supervision');
    await officer.waitForSelector('#cmd-list_for_supervision', { state: 'detached' });

    await owner.reload();
    await owner.waitForSelector('#hazard-state[data-status="case_filed"]');
    for (const name of ['objectives', 'measures', 'funds', 'responsible', 'milestones', 'safety']) await owner.fill(`#plan-form [name="${name}"]`, `${name}（演示）`);
    await owner.fill('#plan-form [name="deadline"]', '2026-12-31');
    await owner.click('#submit-plan');
    await owner.waitForSelector('#hazard-state[data-status="rectifying"]');
    await owner.setInputFiles('#photo-before', [png('m-before')]);
    await owner.setInputFiles('#photo-after', [png('m-after-1'), png('m-after-2'), png('m-after-3')]);
    await owner.setInputFiles('#docs', [{ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`evaluation report ${Math.random()}`) }]);
    await owner.click('#submit-rectification');
    await owner.waitForSelector('#hazard-state[data-status="submitted"]');

    await officer.reload();
    await officer.waitForSelector('#hazard-state[data-status="submitted"]');
    await officer.fill('#accept-note', '验收合格');
    await officer.click('#cmd-accept');
    await officer.waitForSelector('#hazard-state[data-status="accepted"]');
    await officer.click('#cmd-close');
    await officer.waitForSelector('#hazard-state[data-status="closed"]');
    for (const p of [owner, officer]) await p.context().close();
  });
});
