import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackFromPackage, PackPackageError } from './load-pack-from-package.js';
import { loadPackFromPath } from './load-pack-from-path.js';

const repoChecklists = new URL('../../../../checklists/gas/', import.meta.url);

describe('loadPackFromPackage', () => {
  const project = mkdtempSync(join(tmpdir(), 'anjian-pack-package-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('resolves an installed pack package by name from `from`, whatever the working directory', async () => {
    // A project with the gas pack installed under node_modules/@anjian/pack-gas (a symlink, as pnpm does).
    const scope = join(project, 'node_modules', '@anjian');
    mkdirSync(scope, { recursive: true });
    symlinkSync(repoChecklists.pathname, join(scope, 'pack-gas'), 'dir');
    writeFileSync(join(project, 'index.js'), '');
    const result = await loadPackFromPackage('@anjian/pack-gas', { from: pathToFileURL(join(project, 'index.js')) });
    const direct = await loadPackFromPath(repoChecklists.pathname);
    expect(result.ok).toBe(true);
    expect(direct.ok).toBe(true);
    if (result.ok && direct.ok) expect(result.pack.id).toBe(direct.pack.id);
  });

  it('throws PACKAGE_NOT_FOUND in 中文 and English for a package that is not installed', async () => {
    const error = await loadPackFromPackage('@anjian/pack-nonexistent', { from: pathToFileURL(join(project, 'index.js')) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackPackageError);
    expect((error as PackPackageError).code).toBe('PACKAGE_NOT_FOUND');
    expect((error as PackPackageError).localized['zh-CN']).toContain('找不到检查表包 @anjian/pack-nonexistent');
    expect((error as PackPackageError).message).toContain('npm install @anjian/pack-nonexistent');
  });
});
