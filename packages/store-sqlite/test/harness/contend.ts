// Child process: waits for the parent's "go" file, then tries `attempts` appends on one
// hazard, all expecting version 1, and prints how many succeeded and conflicted.
import { existsSync } from 'node:fs';
import { createSqliteStore } from '../../src/index.js';
import { appendInput } from '../../../../scripts/test-utils/store-fixtures.js';

async function main(): Promise<void> {
  const [dbPath, worker, attempts, goFile] = process.argv.slice(2) as [string, string, string, string];
  const store = createSqliteStore({ path: dbPath, busyTimeoutMs: 30_000 });
  while (!existsSync(goFile)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
  const tally = { ok: 0, conflict: 0, duplicate: 0 };
  for (let i = 0; i < Number(attempts); i++) {
    const result = await store.append(appendInput('H-1', 1, `w${worker}-c${i}`));
    if (result.kind === 'ok') tally.ok++;
    else if (result.kind === 'conflict') tally.conflict++;
    else tally.duplicate++;
  }
  store.close();
  process.stdout.write(JSON.stringify(tally));
}

void main();
