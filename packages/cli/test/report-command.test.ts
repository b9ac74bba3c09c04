import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCity } from '@anjian/core/testing';
import { createSqliteBulkLoader } from '@anjian/store-sqlite';
import { tempDir } from './fixtures.js';
import { runCli } from './run-cli.js';

const dir = tempDir('anjian-report-');
const db = join(dir, 'city.db');
const NOW = '2026-12-01T00:00:00.000Z';

beforeAll(() => {
  const city = generateCity({ seed: 'cli-report', enterprises: 40, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
  const loader = createSqliteBulkLoader({ path: db });
  for (const chunk of city.chunks()) {
    loader.writeHazards(chunk.hazards);
    loader.writeInspections(chunk.inspections);
  }
  loader.close();
});

describe('anjian report', () => {
  it('prints the monthly bulletin as JSON and HTML, for the city and for an area', async () => {
    const json = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `sqlite:${db}`, '--format', 'json', '--now', NOW]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report).toMatchObject({ kind: 'monthly', period: { label: '2026-11' }, area: null });
    expect(report.summary.found).toBeGreaterThan(0);
    const area = report.areas[0].area as string;
    const scoped = JSON.parse((await runCli(['report', 'monthly', '--month', '2026-11', '--area', area, '--store', `sqlite:${db}`, '--format', 'json', '--now', NOW])).out);
    expect(scoped.summary.found).toBe(report.areas[0].found);
    const html = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `sqlite:${db}`, '--now', NOW, '--lang', 'zh-CN', '--packs', 'checklists']);
    expect(html.out).toMatch(/^<!doctype html>/);
    expect(html.out).toContain('安全生产隐患月通报（2026-11）');
    expect(html.out).toContain('<svg');
    // The domains as the packs name them, not their codes.
    for (const name of ['燃气', '消防', '有限空间', '危险化学品', '危险作业']) expect(html.out).toContain(`<td>${name}</td>`);
    expect(html.out).not.toContain('<td>gas</td>');
    // Without packs, the codes show, marked.
    const bare = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `sqlite:${db}`, '--now', NOW, '--lang', 'zh-CN']);
    expect(bare.out).toContain('<td>gas（无对应检查表）</td>');
  });

  it('writes the quarterly assessment as an .xlsx workbook', async () => {
    const file = join(dir, 'q3.xlsx');
    const r = await runCli(['report', 'quarterly', '--quarter', '2026-Q3', '--store', `sqlite:${db}`, '--format', 'xlsx', '--output', file, '--now', NOW, '--packs', 'checklists']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote Quarterly hazard assessment \(2026-Q3\)/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('Areas ranked');
    const byDomain = book.worksheets.find((s) => s.name.startsWith('By domain'))!;
    const names = byDomain.getColumn(1).values.slice(3);
    expect(names.sort()).toEqual(['Confined spaces', 'Fire', 'Gas', 'Hazardous chemicals', 'Hazardous work']);
  });

  it('refuses a bad month, an unknown area and a missing store, in both languages, with exit 2', async () => {
    const bad = await runCli(['report', 'monthly', '--month', '2026-13', '--store', `sqlite:${db}`]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('the report period "2026-13" is not valid: expected a month like 2026-11');
    const zh = await runCli(['report', 'monthly', '--month', '2026-13', '--store', `sqlite:${db}`, '--lang', 'zh-CN']);
    expect(zh.err).toContain('报表期间 "2026-13" 无效');
    const unknown = await runCli(['report', 'monthly', '--month', '2026-11', '--area', 'D99', '--store', `sqlite:${db}`]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('nothing is recorded in area D99');
    const missing = await runCli(['report', 'weekly', '--week', '2026-W47', '--store', `sqlite:${join(dir, 'nope.db')}`]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such database file');
    const wrongOption = await runCli(['report', 'weekly', '--month', '2026-11', '--store', `sqlite:${db}`]);
    expect(wrongOption.code).toBe(2);
  });
});

describe('anjian report on PostgreSQL', () => {
  it('reads the same city from a PostgreSQL schema, and refuses a schema without a store', async () => {
    const { createPostgresBulkLoader } = await import('@anjian/store-postgres');
    const pg = (await import('pg')).default;
    const url = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `cli_report_${process.pid}`;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const loader = createPostgresBulkLoader({ pool, schema });
      await loader.migrate();
      const city = generateCity({ seed: 'cli-report', enterprises: 40, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
      for (const chunk of city.chunks()) {
        await loader.writeHazards(chunk.hazards);
        await loader.writeInspections(chunk.inspections);
      }
      const fromPg = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `postgres:${url}`, '--schema', schema, '--format', 'json', '--now', NOW]);
      expect(fromPg.code).toBe(0);
      const fromSqlite = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `sqlite:${db}`, '--format', 'json', '--now', NOW]);
      const { generatedAt: _a, ...pgReport } = JSON.parse(fromPg.out);
      const { generatedAt: _b, ...sqliteReport } = JSON.parse(fromSqlite.out);
      expect(pgReport).toEqual(sqliteReport);
      const missing = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `postgres:${url}`, '--schema', `${schema}_none`]);
      expect([missing.code, missing.err]).toEqual([2, expect.stringContaining(`schema ${schema}_none holds no anjian tables`)]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    }
  }, 60_000);
});

describe('anjian report on an empty store', () => {
  it('says the store holds nothing rather than printing a clean city', async () => {
    const { createSqliteStore } = await import('@anjian/store-sqlite');
    const empty = join(dir, 'empty.db');
    createSqliteStore({ path: empty }).close();
    const r = await runCli(['report', 'monthly', '--month', '2026-11', '--store', `sqlite:${empty}`]);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('holds no hazards and no inspections')]);
  });
});
