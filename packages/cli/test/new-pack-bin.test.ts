/**
 * Issue 18's acceptance line, verbatim, with the built CLI on PATH in a fresh folder:
 * `anjian new pack demo-x && anjian validate demo-x && anjian test demo-x`. Build first:
 *   pnpm --filter @anjian/core --filter @anjian/cli build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './fixtures.js';

const SHIM = join(REPO, 'packages', 'cli', 'bin', 'anjian.js');

describe('anjian new pack with the built bin', () => {
  it('new pack demo-x && validate demo-x && test demo-x passes in a fresh folder', () => {
    if (!existsSync(join(REPO, 'packages', 'cli', 'dist', 'bin.js'))) throw new Error('run "pnpm --filter @anjian/core --filter @anjian/cli build" first');
    const bin = tempDir('anjian-bin-');
    symlinkSync(SHIM, join(bin, 'anjian'));
    const cwd = tempDir('anjian-fresh-');
    const r = spawnSync('sh', ['-c', 'anjian new pack demo-x && anjian validate demo-x && anjian test demo-x'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
    });
    expect(r.stderr).toContain('wrote demo-x/');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('0 errors, 0 warnings, 0 info');
    expect(r.stdout).toContain('coverage: 1/1 rules (100%)');
  });
});
