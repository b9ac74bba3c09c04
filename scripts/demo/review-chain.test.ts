// Keeps the demo's review-chain walk working: it must run to the end and verify its trail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('walks a general and a major hazard to closure on SQLite and verifies the audit trail', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'anjian-demo-'));
  try {
    const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/demo/review-chain.ts', dir], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/v5 closed/);
    expect(run.stdout).toMatch(/v\d+ accepted/);
    expect(run.stdout).toMatch(/audit trail: \d+ events, hash chain verifies/);
    expect(run.stdout).toMatch(/\d+ hazards, 2 closed \(closure rate \d+ %\), 0 overdue/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
