import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteDeviceRegistry, createSqliteStore } from '../src/index.js';

// The README's first line, `createSqliteStore({ path: '.data/anjian.db' })`, in a fresh project:
// the folder does not exist yet. better-sqlite3 alone throws "Cannot open database because the
// directory does not exist"; the store creates the folder, as it creates the file.
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('opening a database in a folder that does not exist yet', () => {
  it('createSqliteStore creates the folder and the file', () => {
    dir = mkdtempSync(join(tmpdir(), 'anjian-open-'));
    const path = join(dir, '.data', 'nested', 'anjian.db');
    const store = createSqliteStore({ path });
    try {
      expect(existsSync(path)).toBe(true);
      expect(store.durability()).toMatchObject({ journalMode: 'wal' });
    } finally {
      store.close();
    }
  });

  it('a registry on the same new path works as well', () => {
    dir = mkdtempSync(join(tmpdir(), 'anjian-open-'));
    const path = join(dir, 'fresh', 'anjian.db');
    const registry = createSqliteDeviceRegistry({ path });
    registry.close();
    expect(existsSync(path)).toBe(true);
  });
});
