import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, MIGRATIONS, SqliteStoreError } from '../src/index.js';
import { appendInput } from '../../../scripts/test-utils/store-fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database file at schema version 7 (the previous release), written as its store wrote appends. */
function version7Database(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-v7-'));
  dirs.push(dir);
  const path = join(dir, 'anjian.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const [i, sql] of MIGRATIONS.slice(0, 7).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  }
  const event = db.prepare('INSERT INTO events (hazard_id, version, id, type, command_id, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const command = db.prepare('INSERT INTO commands (command_id, fingerprint, hazard_id) VALUES (?, ?, ?)');
  const hazard = db.prepare(`INSERT INTO hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
    VALUES (@hazardId, @version, @status, @level, 0, @domain, @area, @enterpriseId, NULL, @createdAt, @updatedAt)
    ON CONFLICT (hazard_id) DO UPDATE SET version = excluded.version, status = excluded.status, updated_at = excluded.updated_at`);
  const appends = [appendInput('H-1', 0, 'c1'), appendInput('H-2', 0, 'c2'), appendInput('H-1', 1, 'c3'), appendInput('H-3', 0, 'c4')];
  for (const input of appends) {
    for (const e of input.events) event.run(e.hazardId, e.version, e.id, e.type, e.commandId, e.recordedAt, JSON.stringify(e));
    command.run(input.commandId, input.commandFingerprint, input.hazardId);
    hazard.run(input.summary);
  }
  db.close();
  return path;
}

const uniqueIndexes = (path: string) => {
  const db = new Database(path, { readonly: true });
  const list = db.pragma('index_list(events)') as { name: string; unique: number }[];
  const columns = list.filter((i) => i.unique === 1).map((i) => (db.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name).join(','));
  const version = db.pragma('user_version', { simple: true });
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  return { columns, version, integrity };
};

describe('migration 8: events without UNIQUE (id)', () => {
  it('rebuilds the log of a version-7 file: same rows and seqs, one unique index (hazard_id, version), appends go on', async () => {
    const path = version7Database();
    expect(uniqueIndexes(path).columns.sort()).toEqual(['hazard_id,version', 'id']);

    const store = createSqliteStore({ path });
    expect(uniqueIndexes(path)).toEqual({ columns: ['hazard_id,version'], version: MIGRATIONS.length, integrity: 'ok' });
    expect((await store.readLog(1, 10)).map((e) => [e.seq, e.id])).toEqual([
      [1, 'H-1/1'],
      [2, 'H-2/1'],
      [3, 'H-1/2'],
      [4, 'H-3/1'],
    ]);
    expect((await store.findCommand('c3'))?.events.map((e) => e.id)).toEqual(['H-1/2']);
    expect((await store.append(appendInput('H-1', 2, 'c5'))).kind).toBe('ok');
    expect(await store.append(appendInput('H-2', 0, 'c6'))).toEqual({ kind: 'conflict', actualVersion: 1 });
    expect((await store.append(appendInput('H-4', 0, 'c7'))).kind).toBe('ok');
    expect((await store.readLog(1, 10)).map((e) => [e.seq, e.id])).toEqual([
      [1, 'H-1/1'],
      [2, 'H-2/1'],
      [3, 'H-1/2'],
      [4, 'H-3/1'],
      [5, 'H-1/3'],
      [6, 'H-4/1'],
    ]);
    store.close();
    // Opening again runs nothing more.
    createSqliteStore({ path }).close();
    expect(uniqueIndexes(path).version).toBe(MIGRATIONS.length);
  });

  it('refuses an event whose id is not <hazardId>/<version> (the index no longer would), writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-id-'));
    dirs.push(dir);
    const store = createSqliteStore({ path: join(dir, 'anjian.db') });
    const input = appendInput('H-1', 0, 'c1');
    const twin = { ...input, events: [{ ...input.events[0]!, id: 'H-0/1' }] };
    await expect(store.append(twin)).rejects.toThrow(SqliteStoreError);
    await expect(store.append(twin)).rejects.toThrow(/<hazardId>\/<version>/);
    expect(await store.readLog(1, 10)).toEqual([]);
    store.close();
  });
});
