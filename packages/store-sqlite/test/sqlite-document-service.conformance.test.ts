import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDocumentServiceConformance } from '@anjian/core/testing';
import { createSqliteDocumentServiceLog, type SqliteDocumentServiceLog } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-doc-service-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runDocumentServiceConformance({
  name: 'sqlite (file)',
  createLog: () => createSqliteDocumentServiceLog({ path: join(dir, `service-${++n}.db`) }),
  destroyLog: (log) => (log as SqliteDocumentServiceLog).close(),
  describe,
  it,
  expect,
});
