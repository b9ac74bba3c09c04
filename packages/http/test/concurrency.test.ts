import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type Store } from '@anjian/core';
import { createSqliteStore } from '../../store-sqlite/src/index.js';
import { createHarness } from './harness.js';

const STORES: [string, () => { store: Store; close(): void }][] = [
  ['memory', () => ({ store: createMemoryStore(), close() {} })],
  [
    'SQLite file',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'anjian-http-cc-'));
      const store = createSqliteStore({ path: join(dir, 'anjian.db') });
      return { store, close: () => (store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  ],
];

describe.each(STORES)('parallel transitions on one hazard and version over HTTP (T17, T18) — %s', (_name, open) => {
  it('200 parallel commands with distinct keys and the same If-Match: exactly one is written, the others are 412 CONFLICT', async () => {
    const { store, close } = open();
    try {
      const h = await createHarness('2026-11-02T01:00:00Z', store);
      await h.seed('H-RACE');
      const replies = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          h.call(i % 2 === 0 ? 'grid-g1' : 'officer-gas-d1', 'POST', '/hazards/H-RACE/commands', {
            body: { type: 'issue_notice', note: { 'zh-CN': `N-${i}` } },
            headers: { 'idempotency-key': `race-${i}`, 'if-match': '"1"' },
          }),
        ),
      );
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(199);
      expect(replies.filter((r) => r.status === 412).every((r) => r.body.code === 'CONFLICT')).toBe(true);
      expect((await h.store.readEvents('H-RACE')).map((e) => e.type)).toEqual(['reported', 'notice_issued']);
      // Every accepted key replays to the one result; nothing more is written.
      const winner = replies.findIndex((r) => r.status === 200);
      const replay = await h.call(winner % 2 === 0 ? 'grid-g1' : 'officer-gas-d1', 'POST', '/hazards/H-RACE/commands', {
        body: { type: 'issue_notice', note: { 'zh-CN': `N-${winner}` } },
        headers: { 'idempotency-key': `race-${winner}`, 'if-match': '"1"' },
      });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(replies[winner]!.body);
      expect(await h.store.readEvents('H-RACE')).toHaveLength(2);
    } finally {
      close();
    }
  });
});
