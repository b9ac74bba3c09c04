// What the conformance suite cannot see: the journal outlives the process. Report hazards
// through one store, open the file again, read the same log back (its hash chain verifies);
// a journal whose last line was cut off is refused.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createStaticDirectory, handleCommand } from '@anjian/core';
import { verifyChain } from '@anjian/core/audit';
import { createFixedClock, reportCommand, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES } from '@anjian/core/testing';
import { openJournalStore } from '../journal-store.mjs';

const dir = mkdtempSync(join(tmpdir(), 'anjian-journal-reopen-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('a reopened journal has every event and list row, and the hash chain verifies', async () => {
  const path = join(dir, 'store.jsonl');
  const first = await openJournalStore(path);
  const deps = { store: first, clock: createFixedClock('2026-09-28T01:00:00.000Z'), directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES), calendar: TEST_CALENDAR_2026 };
  for (const id of ['H-1', 'H-2']) {
    const result = await handleCommand(deps, reportCommand(id), 'grid-g1');
    assert.ok(!('rejection' in result), JSON.stringify(result));
  }
  const log = await first.readLog(1, 100);
  const rows = await first.query({}, { limit: 10 });
  await first.close();

  const again = await openJournalStore(path);
  assert.equal(log.length, 2);
  assert.deepEqual(await again.readLog(1, 100), log);
  assert.deepEqual(await again.query({}, { limit: 10 }), rows);
  assert.equal(verifyChain(await again.readLog(1, 100)).ok, true);
  // A replayed command is answered from the journal, not written twice.
  const replay = await handleCommand({ ...deps, store: again }, reportCommand('H-1'), 'grid-g1');
  assert.ok(!('rejection' in replay));
  assert.equal((await again.readLog(1, 100)).length, 2);
  await again.close();
});

it('a journal whose last line was cut off is refused with a located message', async () => {
  const path = join(dir, 'cut.jsonl');
  appendFileSync(path, '{"op":"recordDenial","args":[{"commandId"');
  await assert.rejects(openJournalStore(path), /line 1 is incomplete/);
});
