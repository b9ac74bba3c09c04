/**
 * A pack argument that is not a path but a package name (`@acme/pack-x`) is the folder of that
 * package as Node resolves it from the working directory: validate, test, facts and classify
 * find an installed pack by name (issue 18). A name that resolves nowhere stays a missing path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { tempDir } from './fixtures.js';

describe('packs by package name', () => {
  it('validate, test and facts load @acme/pack-x from node_modules', async () => {
    const cwd = tempDir('anjian-by-name-');
    mkdirSync(join(cwd, 'node_modules', '@acme'), { recursive: true });
    expect((await runCli(['new', 'pack', 'pack-x', '--output', 'node_modules/@acme/pack-x'], { cwd })).code).toBe(0);
    writeFileSync(
      join(cwd, 'node_modules', '@acme', 'pack-x', 'package.json'),
      JSON.stringify({ name: '@acme/pack-x', version: '0.1.0', exports: { './pack.yaml': './pack.yaml', './package.json': './package.json' } }),
    );

    const validated = await runCli(['validate', '@acme/pack-x', '--format', 'json'], { cwd });
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.out).packs).toEqual([{ path: 'node_modules/@acme/pack-x', id: 'pack-x', version: '0.1.0', ok: true }]);
    expect((await runCli(['test', '@acme/pack-x', '--coverage-threshold', '100'], { cwd })).code).toBe(0);
    const facts = await runCli(['facts', '@acme/pack-x'], { cwd });
    expect(facts.code).toBe(0);
    expect(facts.out).toContain('hazard_system_in_place');

    const missing = await runCli(['validate', '@acme/pack-y'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or folder: @acme/pack-y');
  });
});
