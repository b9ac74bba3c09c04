import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage']);

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (/\.(ts|js|mjs|md|ya?ml|json|html)$/.test(entry.name)) yield path;
  }
}

describe('one term for composites', () => {
  it('composites are 综合判定 everywhere (messages, packs, docs), one term (issue 22 item 8)', () => {
    const found: string[] = [];
    const banned = ['组合', '判定'].join('');
    for (const root of ['packages', 'checklists', 'docs', 'examples', 'README.md']) {
      const at = join(REPO, root);
      const files = root.endsWith('.md') ? [at] : [...textFiles(at)];
      for (const file of files) if (readFileSync(file, 'utf8').includes(banned)) found.push(file.slice(REPO.length));
    }
    expect(found).toEqual([]);
  });
});
