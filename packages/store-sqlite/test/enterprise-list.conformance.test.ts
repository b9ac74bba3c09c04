// Directory.listEnterprises over SQLite, as a host with a large register writes it: the filter pushed
// down to SQL (an index on area and id, keyset on id, LIMIT), checked by core's conformance suite
// against the one definition (listEnterprisesOf) — ids ordered bytewise (BINARY), `q` found with
// instr (case-sensitive, no LIKE patterns), an area covering its sub-areas by prefix plus `/`; a malformed
// query refused first with core's checkEnterpriseListQuery (SQLite would read LIMIT -1 as no limit at all).
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEnterpriseListQuery, type EnterpriseListQuery, type EnterpriseRecord } from '@anjian/core/ports';
import { runEnterpriseListConformance } from '@anjian/core/testing';

const open: Database.Database[] = [];
afterAll(() => {
  for (const db of open) db.close();
});

function sqliteEnterpriseDirectory(register: readonly EnterpriseRecord[]) {
  const db = new Database(':memory:');
  open.push(db);
  db.exec(`
    CREATE TABLE enterprise (id TEXT PRIMARY KEY, name TEXT NOT NULL, area TEXT NOT NULL, body TEXT NOT NULL) STRICT;
    CREATE INDEX enterprise_area ON enterprise (area, id);
  `);
  const insert = db.prepare('INSERT INTO enterprise VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const e of register) insert.run(e.id, e.name, e.area, JSON.stringify(e));
  })();
  const one = db.prepare<[string], { body: string }>('SELECT body FROM enterprise WHERE id = ?');
  return {
    enterprise: async (id: string) => {
      const row = one.get(id);
      return row ? (JSON.parse(row.body) as EnterpriseRecord) : null;
    },
    listEnterprises: async (query: EnterpriseListQuery) => {
      checkEnterpriseListQuery(query);
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (query.areas !== undefined) {
        where.push(query.areas.length === 0 ? '0' : `(${query.areas.map(() => "(area = ? OR substr(area, 1, length(?) + 1) = ? || '/')").join(' OR ')})`);
        for (const a of query.areas) params.push(a, a, a);
      }
      if (query.q !== undefined) {
        where.push('(instr(name, ?) > 0 OR instr(id, ?) > 0)');
        params.push(query.q, query.q);
      }
      if (query.after !== undefined) {
        where.push('id > ?');
        params.push(query.after);
      }
      const sql = `SELECT body FROM enterprise ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
      return (db.prepare(sql).all(...params, query.limit) as Array<{ body: string }>).map((r) => JSON.parse(r.body) as EnterpriseRecord);
    },
  };
}

runEnterpriseListConformance({ name: 'sqlite (a host’s register table)', describe, it, expect, create: sqliteEnterpriseDirectory });
