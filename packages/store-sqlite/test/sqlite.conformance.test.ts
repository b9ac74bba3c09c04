import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDocumentRegisterConformance, runStoreConformance } from '@anjian/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../src/index.js';

// A real database file per test, in WAL mode with synchronous=FULL, as in production.
const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-conformance-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreConformance({
  name: 'sqlite',
  createStore: () => createSqliteStore({ path: join(dir, `store-${++n}.db`) }),
  destroyStore: (store) => (store as SqliteStore).close(),
  describe,
  it,
  expect,
});

runDocumentRegisterConformance({
  name: 'sqlite',
  createStore: () => createSqliteStore({ path: join(dir, `store-${++n}.db`) }),
  destroyStore: (store) => (store as SqliteStore).close(),
  describe,
  it,
  expect,
});
