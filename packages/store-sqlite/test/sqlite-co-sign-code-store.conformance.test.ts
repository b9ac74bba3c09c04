import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoSignCodeStoreConformance } from '@anjian/core/testing';
import { createSqliteCoSignCodeStore, type SqliteCoSignCodeStore } from '../src/index.js';

// A real file per test; the peer is a second connection to it, as a second server process would have.
const dir = mkdtempSync(join(tmpdir(), 'anjian-co-sign-'));
let n = 0;
const files = new Map<SqliteCoSignCodeStore, string>();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runCoSignCodeStoreConformance({
  name: 'sqlite (file)',
  createStore: () => {
    const path = join(dir, `codes-${++n}.db`);
    const store = createSqliteCoSignCodeStore({ path });
    files.set(store, path);
    return store;
  },
  peer: (store) => createSqliteCoSignCodeStore({ path: files.get(store as SqliteCoSignCodeStore) as string }),
  rows: async (store) => {
    const db = new Database(files.get(store as SqliteCoSignCodeStore) as string, { readonly: true });
    try {
      return { codes: db.prepare('SELECT * FROM co_sign_codes').all() as Record<string, unknown>[], attempts: db.prepare('SELECT * FROM co_sign_attempts').all() as Record<string, unknown>[] };
    } finally {
      db.close();
    }
  },
  destroyStore: (store, peer) => {
    (store as SqliteCoSignCodeStore).close();
    if (peer !== store) (peer as SqliteCoSignCodeStore).close();
  },
  describe,
  it,
  expect,
});
