import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackDirs, loadPackFromPath, PackPathError } from './index.js';

const head = `format: anjian/pack@1
id: t
version: 1.0.0
domain: gas
title: { zh-CN: 测试, en: Test }
issuer: { zh-CN: 单位, en: Issuer }
premises: []
regulations: []
facts: []
`;

/** The folders {@link tree} made, removed when the file's tests are done. */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'anjian-node-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('loadPackFromPath', () => {
  it('loads a folder or its entry file, with issue paths as given', async () => {
    const root = tree({ 'p/pack.yaml': head + 'include: [more.yaml]\n', 'p/more.yaml': 'facts: 1\n' });
    const result = await loadPackFromPath(join(root, 'p'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'SCHEMA_TYPE', file: join(root, 'p', 'more.yaml'), line: 1, column: 8 });
    const rel = relative(process.cwd(), join(root, 'p', 'pack.yaml'));
    const viaFile = await loadPackFromPath(rel);
    expect(viaFile.issues[0]?.file).toBe(relative(process.cwd(), join(root, 'p', 'more.yaml')));
  });

  it('reports a missing pack as FILE_NOT_FOUND', async () => {
    const root = tree({});
    const result = await loadPackFromPath(join(root, 'nothing'));
    expect(result.issues.map((i) => i.code)).toEqual(['FILE_NOT_FOUND']);
  });

  it('refuses a symbolic link that leads outside the pack folder', async () => {
    const root = tree({ 'p/pack.yaml': head + 'include: [link.yaml]\n', 'secret.yaml': 'facts: []\n' });
    symlinkSync(join(root, 'secret.yaml'), join(root, 'p', 'link.yaml'));
    const result = await loadPackFromPath(join(root, 'p'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'INCLUDE_NOT_FOUND', line: 10 });
    expect(result.issues[0]?.message.en).toContain('outside the pack folder');
  });

  it('never reads more than the size cap', async () => {
    const root = tree({ 'p/pack.yaml': head + `x: "${'a'.repeat(3000)}"\n` });
    const result = await loadPackFromPath(join(root, 'p'), { maxFileSize: 1000 });
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([['FILE_TOO_LARGE', 1, 1]]);
  });
});

describe('findPackDirs', () => {
  it('finds pack folders recursively, skips node_modules and hidden folders, does not search inside packs', async () => {
    const root = tree({
      'a/pack.yaml': head,
      'a/sub/pack.yaml': head,
      'b/c/pack.yaml': head,
      'node_modules/x/pack.yaml': head,
      '.hidden/pack.yaml': head,
      'd/readme.md': '',
    });
    expect(await findPackDirs([root])).toEqual([join(root, 'a'), join(root, 'b', 'c')]);
    expect(await findPackDirs([join(root, 'b', 'c', 'pack.yaml'), join(root, 'b')])).toEqual([join(root, 'b', 'c')]);
  });

  it('throws PackPathError (PATH_NOT_FOUND) for a path that does not exist', async () => {
    await expect(findPackDirs(['/no/such/anjian/path'])).rejects.toSatisfy((e: unknown) => PackPathError.is(e) && (e as PackPathError).code === 'PATH_NOT_FOUND');
  });
});
