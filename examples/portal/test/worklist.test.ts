/**
 * The portal's worklists (GET /worklist, GET /worklist.xlsx) on the seeded demo data and a real
 * SQLite file: rows carry titles and due dates (core's dueDate), queues follow core's authorize,
 * search, filters, sort and paging, the archive, rankings, the .xlsx export read back with
 * exceljs, and located errors for bad queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../src/create-portal.js';
import type { WorklistRow } from '../src/worklist.js';

let dataDir: string;
let portal: Portal;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'anjian-worklist-'));
  // A small generated city (districts C1 … C8, only the admin reads it): enterprises the API's directory knows beyond the demo's four.
  portal = await createPortal({ dataDir, tickMs: 0, trustIdentityHeader: true, cityEnterprises: 4 });
}, 120_000);

afterAll(async () => {
  await portal?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string, user?: string) => portal.fetch(new Request(`http://portal.test${path}`, { headers: user ? { 'x-demo-user': user } : {} }));
type Page = { items: WorklistRow[]; total: number; page: number; size: number; counts: Record<string, number>; rankings: { byEnterprise: { key: string; open: number }[]; byArea: { key: string }[] } };
const list = async (query: string, user: string): Promise<Page> => {
  const res = await get(`/worklist?${query}`, user);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

describe('GET /worklist', () => {
  it('lists what the user may read, with titles, enterprises and due dates from the report on', async () => {
    const officer = await list('queue=all&size=100', 'officer-li');
    expect(officer.total).toBe(portal.seeded);
    for (const row of officer.items) {
      expect(row.title['zh-CN']).not.toBe('');
      expect(row.enterpriseName['zh-CN']).not.toBe('');
      expect(row.due).not.toBeNull(); // every open hazard has a due date, notice or not
      expect(row.dueSource).toMatch(/^(notice|extension|plan|report)$/);
    }
    // an enterprise sees its own hazards, and as a landlord its tenant's at its premises (安平火锅店
    // rents from 绿园; its hazards carry the premises the directory gives its one place)
    const owner = await list('queue=all&size=100', 'owner-lvyuan');
    expect(owner.total).toBeGreaterThan(0);
    expect(owner.items.some((r) => r.enterpriseId === 'ent-lvyuan')).toBe(true);
    expect(owner.items.every((r) => r.enterpriseId === 'ent-lvyuan' || r.enterpriseId === 'ent-anping')).toBe(true);
    const tenant = await list('queue=all&size=100', 'owner-anping');
    expect(tenant.total).toBeGreaterThan(0);
    expect(tenant.items.every((r) => r.enterpriseId === 'ent-anping')).toBe(true);
  });

  it('queues: for me (core authorize), newly reported, open, closed archive', async () => {
    const grid = await list('queue=todo&size=100', 'grid-wang');
    // the grid inspector verifies the submitted rectification and issues notices on reported general hazards
    expect(grid.items.some((r) => r.status === 'submitted')).toBe(true);
    expect(grid.items.every((r) => r.level !== 'major')).toBe(true);
    const fresh = await list('queue=new&size=100', 'officer-li');
    expect(fresh.items.every((r) => r.status === 'reported')).toBe(true);
    expect(fresh.counts.new).toBe(fresh.total);
    const closed = await list('queue=closed', 'officer-li');
    expect(closed.items.every((r) => r.status === 'closed')).toBe(true);
    const open = await list('queue=open&size=100', 'officer-li');
    expect(open.total + closed.total).toBe(portal.seeded);
  });

  it('searches title, enterprise and rule; filters; sorts; pages', async () => {
    const byTitle = await list(`queue=all&q=${encodeURIComponent('报警器')}`, 'officer-li');
    expect(byTitle.total).toBeGreaterThan(0);
    expect(byTitle.items.every((r) => `${r.title['zh-CN']}${r.enterpriseName['zh-CN']}${r.rule}`.includes('报警器'))).toBe(true);
    const byEnterprise = await list(`queue=all&q=${encodeURIComponent('如意')}`, 'officer-li');
    expect(byEnterprise.items.length).toBeGreaterThan(0);
    expect(byEnterprise.items.every((r) => r.enterpriseId === 'ent-ruyi')).toBe(true);
    const rule = byTitle.items.find((r) => r.rule)!.rule!;
    expect((await list(`queue=all&q=${encodeURIComponent(rule)}`, 'officer-li')).items.some((r) => r.rule === rule)).toBe(true);
    const major = await list('queue=all&level=major', 'officer-li');
    expect(major.items.every((r) => r.level === 'major')).toBe(true);

    const byDue = await list('queue=all&sort=due&size=100', 'officer-li');
    const dues = byDue.items.map((r) => (r.due ? Date.parse(r.due) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const byLevelDesc = await list('queue=all&sort=level&dir=desc&size=100', 'officer-li');
    expect(byLevelDesc.items[0]!.level).toBe('major');

    const first = await list('queue=all&size=3&page=1', 'officer-li');
    const second = await list('queue=all&size=3&page=2', 'officer-li');
    expect(first.items).toHaveLength(3);
    expect(second.items.map((r) => r.hazardId)).not.toContain(first.items[0]!.hazardId);
    expect(first.total).toBe(second.total);
  });

  it('ranks enterprises and grid areas by overdue, then open hazards', async () => {
    const { rankings } = await list('queue=all', 'officer-li');
    expect(rankings.byEnterprise.length).toBeGreaterThan(1);
    const open = rankings.byEnterprise.map((r) => r.open);
    expect(open[0]).toBe(Math.max(...open));
    expect(rankings.byArea.map((r) => r.key).sort()).toEqual(['D1/G1', 'D1/G2']);
  });

  it('exports the same selection as .xlsx with the terms of the pages', async () => {
    const res = await get(`/worklist.xlsx?queue=all&sort=due`, 'officer-li');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="hazards-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('隐患清单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('隐患');
    expect(sheet.rowCount - 1).toBe(portal.seeded);
    const statuses = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) statuses.add(String(row.getCell(7).value));
    });
    for (const s of statuses) expect(['已上报', '整改中', '已提交整改', '已复核', '已升级', '已立案', '已验收', '已销号']).toContain(s);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(await (await get('/worklist.xlsx?queue=all&lang=en', 'officer-li')).arrayBuffer());
    expect(en.getWorksheet('Hazards')!.getRow(1).getCell(1).value).toBe('Hazard');
  });

  it("names every enterprise as the API's directory registers it, on the page, in search and in the export", async () => {
    // The city's enterprises are in the directory the API uses, not among the demo's four: rows, search,
    // rankings and the .xlsx name them by the directory's record (GET /api/enterprises/{id}/file), never by a bare id.
    const cityId = (await list('queue=all', 'admin-chen')).rankings.byEnterprise.map((r) => r.key).find((k) => k.startsWith('city-'));
    expect(cityId).toBeDefined();
    const row = (await list(`queue=all&enterprise=${cityId}`, 'admin-chen')).items[0]!;
    const file = await get(`/api/enterprises/${row.enterpriseId}/file`, 'admin-chen');
    expect(file.status).toBe(200);
    const registered = ((await file.json()) as { profile: { name: string } }).profile.name;
    expect(registered).not.toBe(row.enterpriseId);
    expect(row.enterpriseName['zh-CN']).toBe(registered);
    const found = await list(`queue=all&size=100&q=${encodeURIComponent(registered)}`, 'admin-chen');
    expect(found.items.some((r) => r.enterpriseId === row.enterpriseId)).toBe(true);
    const ranked = (await list('queue=all', 'admin-chen')).rankings.byEnterprise as unknown as { key: string; name: { 'zh-CN': string } }[];
    expect(ranked.find((r) => r.key === row.enterpriseId)?.name['zh-CN']).toBe(registered);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await get(`/worklist.xlsx?queue=all&enterprise=${row.enterpriseId}`, 'admin-chen')).arrayBuffer());
    const names = new Set<string>();
    book.getWorksheet('隐患清单')!.eachRow((r, n) => {
      if (n > 1) names.add(String(r.getCell(2).value));
    });
    expect([...names]).toEqual([registered]);
    // The demo's own keep their English names on the English pages and sheets.
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(await (await get('/worklist.xlsx?queue=all&enterprise=ent-ruyi&lang=en', 'officer-li')).arrayBuffer());
    expect(String(en.getWorksheet('Hazards')!.getRow(2).getCell(2).value)).toBe('Ruyi Hotel');
  });

  it('refuses a bad query with a located message and an anonymous caller with 401', async () => {
    const sort = await get('/worklist?sort=colour', 'officer-li');
    expect(sort.status).toBe(400);
    const body = (await sort.json()) as { detail: string };
    expect(body.detail).toContain('colour');
    expect((await get('/worklist?queue=mine', 'officer-li')).status).toBe(400);
    expect((await get('/worklist')).status).toBe(401);
    expect((await get('/worklist.xlsx')).status).toBe(401);
  });

  it('fails closed on a query it does not take, as the API: a misspelt filter, a second value, an unknown enterprise, echoed quoted and cut', async () => {
    type Problem = { code: string; detail: string; issues?: { code: string; parameter: string; hint?: { en: string } }[] };
    const refused = async (path: string, status: number, user = 'officer-li') => {
      const res = await get(path, user);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return (await res.json()) as Problem;
    };
    // ?levle=major listed every hazard
    for (const path of ['/worklist?queue=all&levle=major', '/worklist.xlsx?levle=major']) {
      const typo = await refused(path, 400);
      expect(typo.code).toBe('UNKNOWN_QUERY_PARAMETER');
      expect(typo.issues).toEqual([expect.objectContaining({ code: 'UNKNOWN_PARAMETER', parameter: 'levle', hint: expect.objectContaining({ en: 'did you mean "level"?' }) })]);
      expect(typo.detail).toContain('"levle"');
    }
    expect((await refused('/worklist?level=major&level=general', 400)).issues?.[0]).toMatchObject({ code: 'REPEATED_PARAMETER', parameter: 'level' });
    // an enterprise the directory does not know was an empty list
    const unknown = await refused('/worklist?queue=all&enterprise=ent-nowhere', 422);
    expect(unknown.code).toBe('UNKNOWN_QUERY_VALUE');
    expect(unknown.issues?.[0]).toMatchObject({ code: 'UNKNOWN_ENTERPRISE', parameter: 'enterprise' });
    // another enterprise's, asked by an enterprise user: 403 whether registered or not
    expect((await refused('/worklist?enterprise=ent-ruyi', 403, 'owner-lvyuan')).code).toBe('FORBIDDEN');
    expect((await refused('/worklist?enterprise=ent-nowhere', 403, 'owner-lvyuan')).code).toBe('FORBIDDEN');
    // what is echoed is quoted and cut: a long value and a parameter name shown at most 64 characters and …
    const long = 'x'.repeat(500);
    for (const [path, shown] of [
      [`/worklist?queue=${long}`, `"${'x'.repeat(64)}…"`],
      [`/worklist?sort=${long}`, `"${'x'.repeat(64)}…"`],
      [`/worklist?sort=a%22b`, '"a\\"b"'],
      [`/worklist?${long}=1`, `"${'x'.repeat(64)}…"`],
    ] as const) {
      const body = await refused(path, 400);
      expect(body.detail, path).toContain(shown);
      expect(body.detail).not.toContain('x'.repeat(65));
    }
    // the page's own queries still answer
    expect((await list('queue=open&size=100&enterprise=ent-lvyuan', 'owner-lvyuan')).total).toBeGreaterThan(0);
  });
});
