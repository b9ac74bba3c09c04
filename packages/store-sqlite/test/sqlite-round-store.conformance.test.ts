import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRoundStoreConformance } from '@anjian/core/testing';
import { createSqliteRoundStore, type SqliteRoundStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-rounds-'));
const open: SqliteRoundStore[] = [];
afterAll(() => {
  for (const s of open) s.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
// A fresh file per test (the suite needs an empty log), on disk like production.
runRoundStoreConformance({
  name: 'sqlite (file)',
  create: () => {
    const s = createSqliteRoundStore({ path: join(dir, `rounds-${++n}.db`) });
    open.push(s);
    return s;
  },
  describe,
  it,
  expect,
});
