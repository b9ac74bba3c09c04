// `pnpm bench` lists every `bench:<subject>` script of the root package.json and runs one by
// subject; an unknown subject is refused with the list, in 中文 and English.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bench = (...args: string[]) => spawnSync(process.execPath, ['scripts/bench/bench.mjs', ...args], { cwd: root, encoding: 'utf8' });
const subjects = Object.keys((JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts)
  .filter((name) => name.startsWith('bench:'))
  .map((name) => name.slice('bench:'.length));

describe('pnpm bench', () => {
  it('lists every bench:<subject> script with what it measures', () => {
    const r = bench();
    expect(r.status).toBe(0);
    expect(subjects).toContain('rules');
    for (const subject of subjects) expect(r.stdout).toMatch(new RegExp(`pnpm bench:${subject} +\\S`));
  });

  it('refuses an unknown subject with the list of known ones', () => {
    const r = bench('no-such-bench');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有名为“no-such-bench”的基准');
    expect(r.stderr).toContain('no benchmark named "no-such-bench"');
    expect(r.stderr).toContain('rules');
  });
});
