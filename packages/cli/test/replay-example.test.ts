import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './fixtures.js';
import { runCli } from './run-cli.js';

// docs/replay-example.md is what `anjian replay` prints for the 13 example inspections between
// the packs of commit 837c0b0 (2026-11-28) and the packs of the working tree.
const OLD = '837c0b0';
const hasRevision = (() => {
  try {
    execFileSync('git', ['cat-file', '-e', `${OLD}^{commit}`], { cwd: REPO, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('docs/replay-example.md', () => {
  it.runIf(hasRevision)('is what anjian replay prints between the 2026-11-28 packs and the current ones', async () => {
    const dir = tempDir('anjian-replay-');
    execFileSync('sh', ['-c', `git archive ${OLD} checklists | tar -x -C "${dir}"`], { cwd: REPO });
    const inspections = execFileSync('sh', ['-c', 'ls examples/inspections/*.yaml'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n');
    expect(inspections).toHaveLength(13);
    const { code, out } = await runCli(['replay', '--from', join(dir, 'checklists'), '--to', 'checklists', ...inspections]);
    expect(code).toBe(0);
    const doc = readFileSync(join(REPO, 'docs', 'replay-example.md'), 'utf8');
    const shown = out.replace(/^# 回放 \/ Replay/m, '## 回放 / Replay').replace(/^## examples/gm, '### examples');
    expect(doc.slice(doc.indexOf('## 回放 / Replay')).trimEnd()).toBe(shown.trimEnd());
  });
});
