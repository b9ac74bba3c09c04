import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, MIGRATIONS } from '../src/index.js';
import { appendInput } from '../../../scripts/test-utils/store-fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const HASH = 'a'.repeat(64);
const key = { jurisdiction: 'D1', kind: 'rectification_order', year: 2026, seq: 1 };

/** A database file at schema version 8 (the previous release) with one issued document: hash and code, no content. */
function version8Database(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-sqlite-v8-'));
  dirs.push(dir);
  const path = join(dir, 'anjian.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const [i, sql] of MIGRATIONS.slice(0, 8).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  }
  const input = appendInput('H-1', 0, 'c1');
  const e = input.events[0]!;
  db.prepare('INSERT INTO events (hazard_id, version, id, type, command_id, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.hazardId,
    e.version,
    e.id,
    e.type,
    e.commandId,
    e.recordedAt,
    JSON.stringify(e),
  );
  db.prepare(
    `INSERT INTO documents (jurisdiction, kind, year, seq, hazard_id, event_id, issued_at, content_hash, verification_code, hashed_at)
     VALUES ('D1', 'rectification_order', 2026, 1, 'H-1', ?, ?, ?, 'AAAAA-AAAAA', '2026-11-28T03:00:00.000Z')`,
  ).run(e.id, e.recordedAt, HASH);
  db.close();
  return path;
}

describe('migration 9: the content of each issued document', () => {
  it('a version-8 file keeps its register; a document issued before has no content until it is issued again with the same hash, and never another', async () => {
    const path = version8Database();
    const store = createSqliteStore({ path });
    try {
      expect(store.integrityCheck()).toBe('ok');
      const [record] = await store.readDocuments('H-1');
      expect([record?.contentHash, record?.verificationCode, record?.hashedAt]).toEqual([HASH, 'AAAAA-AAAAA', '2026-11-28T03:00:00.000Z']);
      expect(await store.readDocumentContent(key)).toBeNull();
      // Other content (another hash): refused as before, nothing stored.
      expect((await store.recordDocumentHash({ ...key, contentHash: 'b'.repeat(64), verificationCode: 'BBBBB-BBBBB', content: '{"other":1}', at: '2026-12-06T00:00:00.000Z' })).kind).toBe('exists');
      expect(await store.readDocumentContent(key)).toBeNull();
      // The same hash (the document composes as it was issued): its content is stored, the record unchanged.
      const again = await store.recordDocumentHash({ ...key, contentHash: HASH, verificationCode: 'AAAAA-AAAAA', content: '{"issued":1}', at: '2026-12-06T00:00:00.000Z' });
      expect(again.kind === 'exists' ? again.record.hashedAt : again.kind).toBe('2026-11-28T03:00:00.000Z');
      expect(await store.readDocumentContent(key)).toBe('{"issued":1}');
      expect((await store.recordDocumentHash({ ...key, contentHash: HASH, verificationCode: 'AAAAA-AAAAA', content: '{"later":1}', at: '2026-12-07T00:00:00.000Z' })).kind).toBe('exists');
      expect(await store.readDocumentContent(key)).toBe('{"issued":1}');
    } finally {
      store.close();
    }
    const db = new Database(path, { readonly: true });
    expect([db.pragma('user_version', { simple: true }), db.pragma('integrity_check', { simple: true })]).toEqual([MIGRATIONS.length, 'ok']);
    db.close();
  });
});
