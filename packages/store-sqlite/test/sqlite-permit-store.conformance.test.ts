import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPermitStoreConformance } from '@anjian/core/testing';
import { createSqlitePermitStore, type SqlitePermitStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-permits-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runPermitStoreConformance({
  name: 'sqlite (file)',
  createStore: () => createSqlitePermitStore({ path: join(dir, `permits-${++n}.db`) }),
  destroyStore: (s) => (s as SqlitePermitStore).close(),
  describe,
  it,
  expect,
});
