/**
 * Rental premises, rounds and the enterprise file in the portal, end to end in Chromium
 * (issue 17): a tenant's inspection at its landlord's premises gives hazards that carry the
 * premises; the landlord sees them rolled up on its rental points and in the tenant's file —
 * and nothing else of the tenant; the administrator opens the demo round, sees its coverage and
 * seed commitment, draws (the committed seed is revealed and verifies), re-draws with a reason (marked);
 * the grid inspector's worklist lists the round's members still to patrol; the grid inspector
 * ends the tenancy (结束租赁), which stays in the landlord's history with its period, and records
 * the tenant renting again (a second period).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoPng } from '../src/demo-png.js';
import { goTo, startPortal, type PortalHarness } from './portal-harness.js';

let portal: PortalHarness;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const inspection = parse(readFileSync(new URL('../../inspections/gas-basement-hotpot-lpg.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('rental premises, rounds and the enterprise file', () => {
  it('the landlord sees its tenant’s hazards at its premises only; rounds show coverage and recorded 双随机 draws', async () => {
    // 安平火锅店 rents p-lvyuan-2 from 绿园餐厅 (its one premises: the seed's report there names none, the server derives it): a self-inspection there.
    const seeded = await portal.api('owner-anping', 'GET', '/hazards?enterprise=ent-anping');
    const seedIds = (seeded.body.items as Array<{ hazardId: string; premisesId?: string; status: string }>)
      .filter((h) => h.premisesId === 'p-lvyuan-2' && h.status !== 'closed')
      .map((h) => h.hazardId);
    expect(seedIds.length).toBe(1);
    const { source: _source, ...answers } = inspection;
    const body = { ...answers, subject: { enterpriseId: 'ent-anping', premisesId: 'p-lvyuan-2' } };
    const reported = await portal.api('owner-anping', 'POST', '/inspections?report=true', body, 'relations-e2e-1');
    expect(reported.status).toBe(200);
    const reportedIds = (reported.body.reports as Array<{ hazardId: string; ok: boolean }>).filter((r) => r.ok).map((r) => r.hazardId);
    expect(reportedIds.length).toBeGreaterThan(0);
    const ids = [...seedIds, ...reportedIds];

    const landlord = await portal.signIn('owner-lvyuan', 'enterprise');
    await goTo(landlord, 'landlord/ent-lvyuan');
    expect(Number(await landlord.getAttribute('#landlord-totals', 'data-open'))).toBe(ids.length);
    // Each count says what it counts: overdue hazards are 逾期未整改 (逾期未检 is a round's word for an enterprise not yet inspected).
    expect(await landlord.textContent('#landlord-totals')).toMatch(new RegExp(`^合计：出租点 1 · 承租方 1 · 未销号 ${ids.length} · 逾期未整改 0 · 重大 \\d+$`));
    expect(await landlord.locator('tr[data-tenant="ent-anping"]').count()).toBe(1);
    expect(await landlord.locator('button.end-tenancy').count()).toBe(0); // a landlord does not end its tenancies
    await goTo(landlord, 'dossier/ent-anping');
    await landlord.waitForSelector('#file-partial');
    const rows = await landlord.locator('#file-open tr[data-hazard]').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.hazard));
    expect(rows.sort()).toEqual([...ids].sort());
    await landlord.context().close();

    // The tenant's own file: the rented premises with its landlord, and every hazard of its own.
    const tenant = await portal.signIn('owner-anping', 'enterprise');
    await goTo(tenant, 'file');
    expect(await tenant.locator('#file-rented tr[data-premises="p-lvyuan-2"]').count()).toBe(1);
    expect(await tenant.locator('#file-partial').count()).toBe(0);
    expect(await tenant.locator('#file-rounds tr[data-round="demo-gas-patrol"]').count()).toBe(1);
    await tenant.context().close();
    // Another enterprise may not read 绿园's rental points.
    expect((await portal.fetchAs('owner-ruyi', '/api/landlords/ent-lvyuan/rental-points')).status).toBe(403);

    // The grid inspector patrols 绿园餐厅: it covers the demo's patrol round (a self-check does not).
    const patrol = await portal.api('grid-wang', 'POST', '/inspections?report=true', { ...answers, subject: { enterpriseId: 'ent-lvyuan' } }, 'relations-e2e-2');
    expect(patrol.status).toBe(200);
    // Coverage drives the inspector's worklist: 安平 is still to patrol this round, 绿园 is done.
    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, 'list?queue=all');
    await grid.waitForSelector('#worklist-rounds tr[data-round="demo-gas-patrol"][data-enterprise="ent-anping"][data-status="due"]');
    expect(await grid.locator('#worklist-rounds tr[data-enterprise="ent-lvyuan"]').count()).toBe(0);
    await grid.context().close();

    const admin = await portal.signIn('admin-chen', 'dashboard');
    await goTo(admin, 'rounds');
    expect(await admin.textContent('#round-log')).toContain('哈希链完好');
    await admin.click('tr[data-round="demo-gas-patrol"] a');
    await admin.waitForSelector('#app[data-page="round"] #round-entries');
    expect(await admin.getAttribute('tr[data-enterprise="ent-lvyuan"]', 'data-status')).toBe('done');
    expect(await admin.getAttribute('tr[data-enterprise="ent-anping"]', 'data-status')).toBe('due');
    // 双随机 (T33): the round shows the commitment published when it opened; the officer gives only a count — the draw
    // reveals the committed seed (sha256 checks); a re-draw asks for a reason and is marked.
    const commitment = (await admin.textContent('#round-commitment code')) ?? '';
    expect(await admin.locator('#draw-form input[name=seed]').count()).toBe(0);
    await admin.click('#draw-form button[type=submit]');
    await admin.waitForSelector('#round-draws li:nth-child(1)');
    await admin.fill('#draw-form input[name=reason]', '抽中企业已停业');
    await admin.click('#draw-form button[type=submit]');
    await admin.waitForSelector('#round-draws li:nth-child(2)');
    const draws = await admin
      .locator('#round-draws li')
      .evaluateAll((lis) =>
        lis.map((li) => [(li as HTMLElement).dataset.seedChanged, (li as HTMLElement).dataset.seedCheck, li.querySelector('code')?.textContent, (li as HTMLElement).dataset.actor]),
      );
    // Each draw shows who drew it (the trail: drawer, seed, list, reason).
    expect(draws.map((d) => d[3])).toEqual(['admin-chen', 'admin-chen']);
    expect(draws.map((d) => [d[0], d[1]])).toEqual([
      ['false', 'verified'],
      ['true', 'verified'],
    ]);
    expect(createHash('sha256').update(draws[0]![2]!).digest('hex')).toBe(commitment);
    // The round's checklist and the drawn enterprises are named in words (ids stay in data attributes).
    expect(await admin.textContent('#round-pack')).toBe(((await portal.api('admin-chen', 'GET', '/packs/gas')).body as { title: { 'zh-CN': string } }).title['zh-CN']);
    const drawn = await admin
      .locator('#round-draws li .selected')
      .first()
      .evaluate((el) => [(el as HTMLElement).dataset.selected, el.textContent]);
    expect(drawn[0]!.split(' ').length).toBe(2);
    expect(drawn[1]).not.toMatch(/ent-/);
    expect(drawn[1]!.split('、').length).toBe(2);
    // The last re-draw core allows (MAX_ROUND_REDRAWS): then the form is gone and the page says why.
    expect(await admin.$('#draw-limit')).toBeNull();
    await admin.fill('#draw-form input[name=reason]', '抽中企业正在搬迁');
    await admin.click('#draw-form button[type=submit]');
    await admin.waitForSelector('#round-draws li:nth-child(3)');
    await admin.waitForSelector('#draw-limit');
    expect(await admin.$('#draw-form')).toBeNull();
    expect(await admin.textContent('#draw-limit')).toContain('最多重新抽取 2 次');
    await admin.context().close();
    const log = (await portal.api('admin-chen', 'GET', '/rounds')).body as { log: { ok: boolean; entries: number } };
    expect(log.log).toEqual({ ok: true, entries: 4 });
    // The monthly bulletin lists the round's coverage (core's roundCoverageForReport as the reports' hook).
    const bulletin = (await portal.api('admin-chen', 'GET', '/reports/monthly')).body as { coverage: Array<{ roundId: string; done: number }> | null };
    expect(bulletin.coverage?.find((c) => c.roundId === 'demo-gas-patrol')?.done).toBeGreaterThanOrEqual(1);
    // The printable bulletin names the domain as the served pack does (燃气), not by its code.
    expect(await (await portal.fetchAs('admin-chen', '/api/reports/monthly?format=html&lang=zh-CN')).text()).toContain('<td>燃气</td>');

    // 结束租赁: the grid inspector of the area ends 安平's tenancy at 绿园's shopfront; it moves to the
    // past tenancies with its period and what was found during it; ending it again is a conflict.
    const staff = await portal.signIn('grid-wang', 'grid');
    await goTo(staff, 'landlord/ent-lvyuan');
    await staff.click('button.end-tenancy[data-tenant="ent-anping"]'); // the harness confirms the dialog
    await staff.waitForSelector('tr[data-past-tenant="ent-anping"][data-period="1"]');
    expect(await staff.locator('button.end-tenancy[data-tenant="ent-anping"]').count()).toBe(0);
    expect(await staff.textContent('tr[data-past-tenant="ent-anping"] td.num')).toBe(`${ids.length} / 0`);
    expect((await portal.api('grid-wang', 'POST', '/premises/p-lvyuan-2/tenancies/ent-anping/end', {})).status).toBe(409);
    // 安平 rents the shopfront again: a second period, the first kept in the history.
    await staff.selectOption('form.start-tenancy[data-premises="p-lvyuan-2"] select', 'ent-anping');
    await staff.click('form.start-tenancy[data-premises="p-lvyuan-2"] button[type=submit]');
    await staff.waitForSelector('tr[data-tenant="ent-anping"][data-period="2"]');
    expect(await staff.locator('tr[data-past-tenant="ent-anping"][data-period="1"]').count()).toBe(1);
    await goTo(staff, 'dossier/ent-anping');
    await staff.waitForSelector('#file-past li[data-premises="p-lvyuan-2"][data-period="1"]');
    await staff.context().close();
  }, 120_000);

  it("the file names checklists, premises kinds and hazards in words, times inspections as the record does; the record shows an answer's photos", async () => {
    // 如意宾馆 (a hotel renting a crowded place of 红星) inspects itself with the fire checklist: a locked exit, a site photo.
    const photo = await portal.fetchAs('owner-ruyi', '/api/evidence', { method: 'POST', headers: { 'content-type': 'image/png' }, body: demoPng(`ruyi ${Math.random()}`) });
    const photoId = ((await photo.json()) as { id: string }).id;
    const hotel = (
      parse(readFileSync(new URL('../../../checklists/fire/tests/compliant.yaml', import.meta.url), 'utf8')) as {
        scenarios: Array<{ premises: string; inspectedAt: string; findings: Record<string, unknown> }>;
      }
    ).scenarios[0]!;
    const body = {
      pack: 'fire',
      premises: hotel.premises,
      inspectedAt: hotel.inspectedAt,
      subject: { enterpriseId: 'ent-ruyi' },
      findings: { ...hotel.findings, exit_obstruction: 'locked', site_photos: [photoId] },
    };
    const reported = await portal.api('owner-ruyi', 'POST', '/inspections?report=true', body, 'relations-e2e-file-names');
    expect(reported.status).toBe(200);
    const inspectionId = reported.body.inspectionId as string;
    const hazardId = (reported.body.reports as Array<{ hazardId: string }>)[0]!.hazardId;

    const owner = await portal.signIn('owner-ruyi', 'enterprise');
    await goTo(owner, 'file');
    expect(await owner.textContent('#file-packs li[data-pack="fire"]')).toBe('消防安全检查表（人员密集场所）');
    expect(await owner.textContent('#file-rented tr[data-premises="p-hongxing-2"] td[data-kinds]')).toBe('人员密集场所、旅馆住宿场所');
    expect(await owner.textContent(`#file-open tr[data-hazard="${hazardId}"] td`)).toMatch(/^疏散通道.* YH-\d{4}$/);
    // The same time as the record's 检查时间 (when it was inspected, not when the server stored it).
    expect(await owner.textContent(`#file-inspections li[data-inspection="${inspectionId}"]`)).toBe('2026-11-20 10:00 消防安全检查表 · 发现隐患 1 项');
    await goTo(owner, `inspection/${inspectionId}`);
    const thumb = owner.locator('#inspection-answers [data-photos="1"] img');
    await thumb.waitFor();
    // drawn once its bytes have arrived (the element appears before the image has loaded)
    await owner.waitForFunction((img) => (img as HTMLImageElement).complete, await thumb.elementHandle());
    expect(await thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    expect(await owner.textContent('#inspection-answers')).not.toContain(photoId);
    // In English the records are of the enterprise's English name (the server's name is one language).
    await owner.click('#lang-switch');
    await goTo(owner, 'inspections?enterprise=ent-ruyi');
    expect(await owner.textContent('h1')).toBe('Inspection records of Ruyi Hotel');
    await owner.context().close();
    // The grid inspector reads the record and its photo (attached to the hazard it reported, which he reads too).
    const grid = await portal.signIn('grid-wang', 'grid');
    await goTo(grid, `inspection/${inspectionId}`);
    const seen = grid.locator('#inspection-answers [data-photos="1"] img');
    await seen.waitFor();
    await expect.poll(() => seen.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await grid.context().close();
  }, 120_000);
});

describe('the portal’s own reads decide as the API (core’s read policy over the API’s directory)', () => {
  it('the landlord reads its tenant’s inspections at its premises as the API’s enterprise file does; a stranger reads none; devices carry no premises, so neither reads the tenant’s devices', async () => {
    // 安平火锅店 inspects itself at p-lvyuan-2, rented from 绿园餐厅.
    const { source: _source, ...answers } = inspection;
    const body = { ...answers, subject: { enterpriseId: 'ent-anping', premisesId: 'p-lvyuan-2' } };
    const reported = await portal.api('owner-anping', 'POST', '/inspections?report=true', body, 'relations-e2e-landlord-inspections');
    expect(reported.status).toBe(200);
    const recordId = reported.body.inspectionId as string;
    expect(recordId).toBeTruthy();
    // The API's enterprise file shows the landlord the tenant's inspections at its premises …
    const file = await portal.api('owner-lvyuan', 'GET', '/enterprises/ent-anping/file');
    expect(file.status).toBe(200);
    const inFile = (file.body.inspections as { id: string; premisesId?: string }[]).map((i) => i.id);
    expect(inFile).toContain(recordId);
    // … and the portal's inspection list and record answer it the same (before: 403 and 404, the portal's directory knew no tenancy).
    const list = await portal.fetchAs('owner-lvyuan', '/inspections?enterprise=ent-anping');
    expect(list.status).toBe(200);
    const listed = ((await list.json()) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(listed).toEqual(inFile.slice(0, 20));
    const record = await portal.fetchAs('owner-lvyuan', `/inspections/${encodeURIComponent(recordId)}`);
    expect(record.status).toBe(200);
    expect(((await record.json()) as { record: { premisesId?: string } }).record.premisesId).toBe('p-lvyuan-2');
    // Strangers: another enterprise, and a landlord of other premises (红星 rents to 如意) — refused the list, the record unknown.
    for (const stranger of ['owner-ruyi', 'owner-hongxing']) {
      expect((await portal.fetchAs(stranger, '/inspections?enterprise=ent-anping')).status, stranger).toBe(403);
      expect((await portal.fetchAs(stranger, `/inspections/${encodeURIComponent(recordId)}`)).status, stranger).toBe(404);
      expect((await portal.api(stranger, 'GET', '/enterprises/ent-anping/file')).status, stranger).toBe(403);
    }
    // Monitoring: a device is at no premises, and core grants a landlord only what is found at its premises.
    expect((await portal.fetchAs('owner-anping', '/monitoring?enterprise=ent-anping')).status).toBe(200);
    for (const reader of ['owner-lvyuan', 'owner-hongxing']) expect((await portal.fetchAs(reader, '/monitoring?enterprise=ent-anping')).status, reader).toBe(404);
    const own = (await (await portal.fetchAs('owner-lvyuan', '/monitoring')).json()) as { enterprises: { id: string }[] };
    expect(own.enterprises.map((e) => e.id)).toEqual(['ent-lvyuan']);
  }, 120_000);
});
