import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleHarness } from '../../../scripts/test-utils/bundle-harness.js';
import { createSqliteStore, InvalidCursorError, MIGRATIONS, SqliteStoreError } from '../src/index.js';
import { appendInput } from '../../../scripts/test-utils/store-fixtures.js';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-'));
  dirs.push(dir);
  return join(dir, 'anjian.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening a database file', () => {
  it('asserts WAL and synchronous=FULL, and migrates to the latest schema', () => {
    const path = tempDb();
    const store = createSqliteStore({ path });
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2, walAutocheckpoint: 4000 });
    store.close();
    const tuned = createSqliteStore({ path, walAutocheckpoint: 1000 });
    expect(tuned.durability().walAutocheckpoint).toBe(1000);
    tuned.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('refuses a database whose schema is newer than this release', () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => createSqliteStore({ path })).toThrow(SqliteStoreError);
  });

  it('keeps acknowledged commands across close and reopen', async () => {
    const path = tempDb();
    let store = createSqliteStore({ path });
    expect((await store.append(appendInput('H-1', 0, 'c1'))).kind).toBe('ok');
    store.close();
    store = createSqliteStore({ path });
    expect((await store.load('H-1'))?.map((e) => e.version)).toEqual([1]);
    expect((await store.findCommand('c1'))?.fingerprint).toBe('fp-c1');
    store.close();
  });
});

describe('append', () => {
  it('writes nothing on a conflict and nothing on a duplicate command', async () => {
    const store = createSqliteStore({ path: tempDb() });
    await store.append(appendInput('H-1', 0, 'c1'));
    expect(await store.append(appendInput('H-1', 0, 'c2'))).toEqual({ kind: 'conflict', actualVersion: 1 });
    const dup = await store.append(appendInput('H-2', 0, 'c1'));
    expect(dup.kind).toBe('duplicate-command');
    expect(await store.load('H-2')).toBeNull();
    expect((await store.readLog(1, 100)).map((e) => e.seq)).toEqual([1]);
    const claimed = await store.claimOutbox({ owner: 'r', now: '2030-01-01T00:00:00.000Z', leaseMs: 1000, limit: 10 });
    expect(claimed.map((m) => m.id)).toEqual(['out-c1']);
    store.close();
  });

  it('rejects malformed input by throwing, before touching the file', async () => {
    const store = createSqliteStore({ path: tempDb() });
    const bad = appendInput('H-1', 0, 'c1');
    await expect(store.append({ ...bad, events: [] })).rejects.toThrow(SqliteStoreError);
    await expect(store.append({ ...bad, expectedVersion: 3 })).rejects.toThrow(/expectedVersion/);
    expect(await store.readLog(1, 10)).toEqual([]);
    store.close();
  });
});

describe('group commit', () => {
  it('writes concurrent appends in one transaction, each with its own result; a failing one leaves no trace', async () => {
    const store = createSqliteStore({ path: tempDb() });
    const broken = appendInput('G-bad', 0, 'g-bad');
    (broken.events[0] as unknown as { data: unknown }).data = { n: 10n }; // JSON.stringify throws inside the transaction
    const results = await Promise.allSettled([
      store.append(appendInput('G-1', 0, 'g1')),
      store.append(appendInput('G-1', 0, 'g1-twin')), // same version, same batch: conflicts
      store.append(broken),
      store.append(appendInput('G-2', 0, 'g1')), // same command id as the first: duplicate
      store.append(appendInput('G-3', 0, 'g3')),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.kind : 'rejected'))).toEqual(['ok', 'conflict', 'rejected', 'duplicate-command', 'ok']);
    expect(await store.load('G-bad')).toBeNull();
    expect(await store.findCommand('g-bad')).toBeNull();
    expect((await store.readLog(1, 10)).map((e) => [e.seq, e.hazardId])).toEqual([
      [1, 'G-1'],
      [2, 'G-3'],
    ]);
    store.close();
  });
});

describe('concurrency across processes', () => {
  let contend = '';
  beforeAll(async () => {
    contend = await bundleHarness(fileURLToPath(new URL('./harness/contend.ts', import.meta.url)), {
      external: ['better-sqlite3'],
      outDir: fileURLToPath(new URL('../.tmp', import.meta.url)),
    });
  });
  afterAll(() => {
    if (contend) rmSync(dirname(contend), { recursive: true, force: true });
  });

  it('100 concurrent appends on the same hazard version from 4 processes: exactly one succeeds', async () => {
    const path = tempDb();
    const setup = createSqliteStore({ path });
    await setup.append(appendInput('H-1', 0, 'create'));
    setup.close();
    const go = `${path}.go`;
    const children = [0, 1, 2, 3].map(
      (worker) =>
        new Promise<{ ok: number; conflict: number; duplicate: number }>((resolve, reject) => {
          const child = spawn(process.execPath, [contend, path, String(worker), '25', go], { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { ok: number; conflict: number; duplicate: number }) : reject(new Error(err))));
        }),
    );
    setTimeout(() => writeFileSync(go, ''), 300);
    const tallies = await Promise.all(children);
    const total = tallies.reduce((a, t) => ({ ok: a.ok + t.ok, conflict: a.conflict + t.conflict, duplicate: a.duplicate + t.duplicate }), { ok: 0, conflict: 0, duplicate: 0 });
    expect(total).toEqual({ ok: 1, conflict: 99, duplicate: 0 });
    const store = createSqliteStore({ path });
    expect((await store.load('H-1'))?.map((e) => e.version)).toEqual([1, 2]);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });
});

describe('queries', () => {
  it('pages by (updatedAt, hazardId) without repeats or gaps and rejects foreign cursors', async () => {
    const store = createSqliteStore({ path: tempDb() });
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.UTC(2026, 10, 1 + (i % 5))).toISOString();
      await store.append(appendInput(`H-${String(i).padStart(2, '0')}`, 0, `c${i}`, at));
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await store.query({ area: 'D1' }, { limit: 7, after });
      seen.push(...page.items.map((h) => h.hazardId));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect((await store.query({ area: 'D10' }, { limit: 50 })).items).toEqual([]);
    await expect(store.query({}, { limit: 5, after: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(InvalidCursorError);
    store.close();
  });
});

describe('backup', () => {
  it('takes a consistent online copy that includes what is still in the WAL', async () => {
    const path = tempDb();
    const store = createSqliteStore({ path });
    for (let i = 0; i < 50; i++) await store.append(appendInput(`H-${i}`, 0, `c${i}`));
    const copy = `${path}.backup`;
    await store.backup(copy);
    store.close();
    const restored = createSqliteStore({ path: copy });
    expect((await restored.readLog(1, 1000)).length).toBe(50);
    expect(restored.integrityCheck()).toBe('ok');
    restored.close();
  });
});
