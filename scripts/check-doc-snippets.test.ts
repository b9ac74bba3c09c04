/**
 * Doc snippets stay honest (scripts/check-doc-snippets.mjs): every ```ts block of the Markdown a
 * host developer follows compiles against the built packages (`dist/` types, node16 and
 * bundler), and a snippet naming an export that does not exist is reported at its Markdown line.
 * Needs `pnpm build` first (the consumer test runs the same check on the packed tarballs).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocSnippets, DOC_FILES, snippetsOf } from './check-doc-snippets.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('doc snippet extraction', () => {
  it('reads ```ts blocks with their first line, skip reasons and stacked context markers', () => {
    const markdown = [
      '# Title', // 1
      '',
      '```ts', // 3
      "import { compilePack } from '@anjian/core';", // 4
      '```',
      '',
      '<!-- doc-snippet: skip needs a generated file -->', // 7
      '```ts',
      "import type { paths } from './generated';",
      '```',
      '',
      '- a list item:', // 12
      '',
      '  <!-- doc-snippet: context',
      '  declare const store: Store;',
      '  -->',
      '  ```ts', // 17
      '  await store.stats({ now: "" });', // 18
      '  ```',
      '',
      '```js',
      'not compiled',
      '```',
    ].join('\n');
    const snippets = snippetsOf(markdown);
    expect(snippets.map((s) => [s.line, s.skip, s.context.trim(), s.code.trim()])).toEqual([
      [4, undefined, '', "import { compilePack } from '@anjian/core';"],
      [9, 'needs a generated file', '', "import type { paths } from './generated';"],
      [18, undefined, 'declare const store: Store;', 'await store.stats({ now: "" });'],
    ]);
  });

  it('a skip marker without a reason is an error', () => {
    expect(() => snippetsOf('<!-- doc-snippet: skip -->\n```ts\nx\n```\n')).toThrow(/must say why/);
  });
});

describe('host docs use public entry points', () => {
  it('no snippet of the host docs (nor its hidden context) imports @anjian/core/internal — hosts never need it', () => {
    const offending = DOC_FILES.flatMap((file) =>
      snippetsOf(readFileSync(join(ROOT, file), 'utf8'))
        .filter((s) => /from\s+['"]@anjian\/core\/internal['"]/.test(`${s.context}\n${s.code}`))
        .map((s) => `${file}:${s.line}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('doc snippets compile against the built packages', () => {
  it('every ```ts block of the host docs compiles; a wrong one is reported at its line', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjian-doc-snippets-'));
    const wrong = join(dir, 'wrong.md');
    writeFileSync(
      wrong,
      [
        '<!-- doc-snippet: context',
        "import type { Store } from '@anjian/core';",
        'declare const store: Store;',
        '-->',
        '```ts',
        "import { compilePackage } from '@anjian/core';", // line 6: no such export
        'await store.stats({ now: 1 });', // line 7: now is a string
        '```',
      ].join('\n'),
    );
    try {
      // node16 only here (half the time); the consumer test compiles them under bundler too.
      const result = checkDocSnippets({ files: [...DOC_FILES, wrong], configs: ['node16'] });
      const located = [...new Set(result.problems.map((p) => `${p.file === wrong ? 'wrong.md' : p.file}:${p.line} ${p.code}`))];
      expect(located).toEqual(['wrong.md:6 TS2724', 'wrong.md:7 TS2322']);
      expect(result.checked).toBeGreaterThanOrEqual(20);
      expect(result.skipped.every((s) => s.why.length > 10)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
