import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInspectionLogConformance } from '@anjian/core/testing';
import { createSqliteInspectionLog, type SqliteInspectionLog } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-inspections-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runInspectionLogConformance({
  name: 'sqlite (file)',
  createLog: () => createSqliteInspectionLog({ path: join(dir, `inspections-${++n}.db`) }),
  destroyLog: (log) => (log as SqliteInspectionLog).close(),
  describe,
  it,
  expect,
});
