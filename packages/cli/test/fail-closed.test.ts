import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir, writeFiles } from './fixtures.js';

// Issue 13, fail closed: the built executable in a child process, on the real gas pack and a
// real example inspection — its exit code. The inspection with its premises taken away,
// misspelt, or with extra keys runs in-process (cli-in-process.test.ts): what it asserts does
// not depend on the process.
// Build first: pnpm --filter @anjian/core --filter @anjian/cli build
const BIN = join(REPO, 'packages', 'cli', 'dist', 'bin.js');
const anjian = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const LPG = readFileSync(join(REPO, 'examples', 'inspections', 'gas-basement-hotpot-lpg.yaml'), 'utf8');
const GAS = join(REPO, 'checklists', 'gas');

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first`);
});

describe('anjian classify fails closed on the envelope', () => {
  it('the example with premises exits 1 under --fail-on simple (it has hazards)', () => {
    const dir = tempDir();
    writeFiles(dir, { 'lpg.yaml': LPG });
    expect(anjian(['classify', '--pack', GAS, 'lpg.yaml', '--fail-on', 'simple'], dir).status).toBe(1);
  });
});
