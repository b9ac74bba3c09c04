// The published packages pass publint and attw, and the checker really fails
// on a broken package. Runs on the built packages: `pnpm test` runs `pnpm build` first.
// All packages get both checks here (one `pnpm -r pack`, then publint and attw's analysis on
// each tarball in the script's one process); docs/publishing.md says what is checked.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts/check-packages.mjs');

function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: root, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('scripts/check-packages.mjs', () => {
  it('finds no problem in the built workspace packages', async () => {
    const unbuilt = ['core', 'cli', 'http', 'notify-sms', 'notify-webhook', 'store-sqlite', 'store-postgres'].filter((p) => !existsSync(join(root, 'packages', p, 'dist')));
    expect(unbuilt, 'run `pnpm build` first: the check reads dist/').toEqual([]);
    const { code, stdout, stderr } = await check();
    expect(stderr).toBe('');
    expect(stdout).toContain('✓ @anjian/core (packages/core; publint, attw)');
    expect(stdout).toContain('✓ @anjian/pack-fire (checklists/fire; publint)');
    expect(stdout, stdout).not.toContain('✗');
    expect(code, stdout).toBe(0);
  }, 120_000);

  it('fails on a broken package and names each problem where it is', async () => {
    const { code, stdout } = await check('scripts/fixtures/broken-package');
    expect(code, stdout).toBe(1);
    expect(stdout).toContain('✗ @anjian-fixture/broken-package');
    // publint: an export names a file that does not exist.
    expect(stdout).toMatch(/error FILE_DOES_NOT_EXIST at scripts\/fixtures\/broken-package\/package\.json exports › \.\/missing: .*lib\/missing\.js/);
    // ours: a custom condition consumers may enable points at an unpublished file.
    expect(stdout).toMatch(/error CUSTOM_CONDITION_NOT_PUBLISHED at .* exports › \. › source: condition "source" points at \.\/src\/index\.ts/);
    // attw: `require` gets ESM types for CommonJS JavaScript.
    expect(stdout).toMatch(/error FalseESM at .* import "@anjian-fixture\/broken-package"/);
  }, 60_000);

  it('exits 2 on bad usage', async () => {
    expect((await check('--nope')).code).toBe(2);
    expect((await check('scripts/fixtures/no-such-package')).code).toBe(2);
  }, 30_000);
});
