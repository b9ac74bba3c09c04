import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDeviceRegistryConformance } from '@anjian/core/testing';
import { createSqliteDeviceRegistry, type SqliteDeviceRegistry } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-devices-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runDeviceRegistryConformance({
  name: 'sqlite (file)',
  createRegistry: () => createSqliteDeviceRegistry({ path: join(dir, `registry-${++n}.db`) }),
  destroyRegistry: (r) => (r as SqliteDeviceRegistry).close(),
  describe,
  it,
  expect,
});
