/**
 * `pnpm docs:build` documents every public entry point: typedoc's "packages" strategy cannot
 * map the packages' dist exports back to their sources, so each package lists its entry
 * points in its own typedoc.json. This keeps that list equal to the package's exports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

/** The TypeScript source of every export subpath (the condition whose target is a .ts file). */
function sourceEntries(exportsField: unknown): string[] {
  const out: string[] = [];
  for (const target of Object.values((exportsField ?? {}) as Record<string, unknown>)) {
    if (typeof target !== 'object' || target === null) continue;
    for (const value of Object.values(target)) if (typeof value === 'string' && value.endsWith('.ts') && !value.endsWith('.d.ts')) out.push(value.replace(/^\.\//, ''));
  }
  return out.sort();
}

describe('typedoc configuration', () => {
  const packages = (readJson('typedoc.json').entryPoints as string[]).sort();

  it('covers every published package under packages/', () => {
    const published = readdirSync(join(root, 'packages'))
      .filter((p) => existsSync(join(root, 'packages', p, 'package.json')) && readJson(`packages/${p}/package.json`).private !== true)
      .sort()
      .map((p) => `packages/${p}`);
    expect(packages).toEqual(published);
  });

  it.each(packages)('%s documents each source entry point of its exports', (dir) => {
    const config = readJson(`${dir}/typedoc.json`);
    const entries = (config.entryPoints as string[]).slice().sort();
    for (const entry of entries) expect(existsSync(join(root, dir, entry)), `${dir}/${entry}`).toBe(true);
    expect(entries).toEqual(sourceEntries(readJson(`${dir}/package.json`).exports));
  });
});
