// A custom Store adapter: every write is appended to a JSON Lines journal file (synced to disk
// before the write returns) and the state is rebuilt by replaying the journal when the file is
// opened again. The state machine itself is core's in-memory store, so the adapter's own work
// is what any adapter must get right: durability, atomic writes (one journal line per call)
// and one writer order (writes run one at a time, in the order they are journaled).
//
// A database adapter implements the same `Store` interface with tables and transactions
// instead (see @anjian/store-sqlite and @anjian/store-postgres); either way, the conformance
// suite of @anjian/core/testing is the contract (test/conformance.test.mjs).
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createMemoryStore } from '@anjian/core';
import { StoreError } from '@anjian/core/ports';

/** The Store methods that change state: these are journaled. */
const WRITES = new Set(['append', 'recordDenial', 'appendCheckpoint', 'claimOutbox', 'ackOutbox', 'failOutbox', 'requeueDeadLetters', 'recordDocumentHash', 'voidDocument', 'pruneOutbox']);
/** The Store methods that only read. */
const READS = new Set([
  'load',
  'readEvents',
  'readLog',
  'findCommand',
  'readDenials',
  'query',
  'stats',
  'outboxStatus',
  'readOutbox',
  'readDeadLetters',
  'latestCheckpoint',
  'readCheckpoints',
  'readDocuments',
  'readDocumentSeries',
  'findDocumentByCode',
  'readDocumentContent',
  'readDocumentTrail',
  'readDocumentRegister',
  'readHazardDocumentTrail',
  'readPrunedOutbox',
  'readDocumentIssueBefore',
]);

/**
 * Opens (or creates) the journal at `path` and returns a Store over it, plus `close()`.
 * A journal whose last line is cut short (a crash mid-write) is refused, not repaired.
 */
export async function openJournalStore(path) {
  const state = createMemoryStore();
  if (existsSync(path)) {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      if (line === '') continue;
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        throw new StoreError('TRAIL_MISMATCH', {
          'zh-CN': `日志文件 ${path} 第 ${i + 1} 行不完整：请从备份恢复`,
          en: `journal ${path}, line ${i + 1} is incomplete: restore it from a backup`,
        });
      }
      if (!WRITES.has(entry.op)) {
        throw new StoreError('TRAIL_MISMATCH', { 'zh-CN': `日志文件 ${path} 第 ${i + 1} 行：未知操作 ${entry.op}`, en: `journal ${path}, line ${i + 1}: unknown operation ${entry.op}` });
      }
      await state[entry.op](...entry.args);
    }
  }
  const fd = openSync(path, 'a');
  let closed = false;
  // Writes run one at a time: the journal's order is the order they took effect in.
  let queue = Promise.resolve();

  const store = {};
  for (const name of Object.keys(state)) {
    if (name.startsWith('unsafe') || typeof state[name] !== 'function') continue;
    // A method this adapter does not know (a newer @anjian/core) might write: refuse to open
    // rather than lose its writes on the next start.
    if (!WRITES.has(name) && !READS.has(name)) {
      closeSync(fd);
      throw new Error(`journal store: @anjian/core's Store has a method ${name} this adapter does not know; update WRITES or READS / 存储接口新增方法 ${name}，请更新适配器`);
    }
    store[name] = WRITES.has(name)
      ? (...args) => {
          const line = `${JSON.stringify({ op: name, args })}\n`;
          const run = queue.then(async () => {
            if (closed) throw new Error('the journal store is closed / 存储已关闭');
            const result = await state[name](...args);
            // Only calls that returned are journaled; one that threw changed nothing.
            writeSync(fd, line);
            fsyncSync(fd);
            return result;
          });
          queue = run.catch(() => undefined);
          return run;
        }
      : (...args) => state[name](...args);
  }
  store.close = async () => {
    await queue;
    if (!closed) closeSync(fd);
    closed = true;
  };
  return store;
}
