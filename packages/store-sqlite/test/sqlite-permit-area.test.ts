import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_PERMIT_RULES, handlePermitCommand, type PermitActor } from '@anjian/core/internal';
import { openPermitListSql } from '../src/create-sqlite-permit-store.js';
import { createSqlitePermitStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-permit-area-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const applicant: PermitActor = { id: 'applicant', roles: [] };
const now = new Date('2026-12-07T07:00:00.000Z');

// Everyone named on the permits is a person of E-1 (the apply checks the attendant and the workers against the directory).
const staff = {
  resolve: async (id: string) => ({ id, roles: ['enterprise' as const], enterpriseIds: ['E-1', 'E-G'] }),
  enterprise: async (id: string) => ({ id, name: id, area: '330106', regime: id === 'E-G' ? ('general' as const) : ('hazchem' as const) }),
};

// The area filter is one index range ['330106', '3301060') with a last term for the codes
// that sort inside it without being sub-areas ('330106-x': '-' sorts before '/').
it('an area covers itself and its sub-areas, not a code that shares its prefix; served by the area index', async () => {
  const path = join(dir, 'permits.db');
  const store = createSqlitePermitStore({ path });
  const areas: Record<string, string> = { 'P-1': '330106', 'P-2': '330106/G2', 'P-3': '330106-x', 'P-4': '3301060', 'P-5': '330106/G2/x', 'P-6': '33010', 'P-7': '330106.1' };
  for (const [permitId, area] of Object.entries(areas)) {
    const kind =
      permitId === 'P-2'
        ? ({ kind: 'confined_space', grade: 'none', enterpriseId: 'E-G' } as const)
        : ({ kind: 'hot_work', hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] }, enterpriseId: 'E-1', flammableLelPctVol: 5 } as const);
    const command = { type: 'apply', permitId, area, workerIds: ['w-1'], attendantId: 'attendant', validFrom: '2026-12-07T08:00:00.000Z', ...kind } as const;
    const r = await handlePermitCommand({ store, rules: DEFAULT_PERMIT_RULES, directory: staff }, { permitId, command, actor: applicant, now, commandId: `c-${permitId}` });
    expect(r.ok).toBe(true);
  }
  const ids = async (filter: Parameters<typeof store.listOpen>[0]) => (await store.listOpen(filter)).map((s) => s.permitId);
  expect(await ids({ area: '330106' })).toEqual(['P-1', 'P-2', 'P-5']);
  expect(await ids({ area: '330106/G2' })).toEqual(['P-2', 'P-5']);
  expect(await ids({ area: '330106', kind: 'hot_work' })).toEqual(['P-1', 'P-5']);
  expect(await ids({ area: '330106', afterId: 'P-1', limit: 1 })).toEqual(['P-2']);
  expect(await ids({ area: '33010' })).toEqual(['P-6']);
  expect((await store.countOpen({ area: '330106' })).reduce((n, c) => n + c.count, 0)).toBe(3);
  store.close();

  // The store's own statements, planned on that file: the area index, never the primary key in id order.
  const db = new Database(path, { readonly: true });
  const plan = (filter: Parameters<typeof openPermitListSql>[0]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${openPermitListSql(filter, 2)}`).all({ area: '330106', kind: 'hot_work', afterId: 'P-1', s0: 'applied', s1: 'in_progress', limit: 500 }) as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');
  for (const filter of [{ area: '330106' }, { area: '330106', kind: 'hot_work' as const }, { area: '330106', afterId: 'P-1' }]) {
    expect(plan(filter)).toContain('USING INDEX permit_open_area');
  }
  db.close();
});
