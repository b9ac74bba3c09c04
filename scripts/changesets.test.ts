/**
 * Every pending changeset can be released: `changeset version` refuses a changeset that names
 * both a package the config ignores (the examples) and a published one ("mixed changeset") —
 * found so far only by the consumer test's release rehearsal, after a whole suite. A changeset
 * names published packages or ignored ones, never both (a portal change gets its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../.changeset', import.meta.url));

/** The package names of a changeset's front matter. */
function changesetPackages(text: string): string[] {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return [...front.matchAll(/^\s*['"]?(@?[^'":\s]+)['"]?\s*:/gm)].map((m) => m[1] as string);
}

describe('pending changesets', () => {
  const ignored = new Set((JSON.parse(readFileSync(join(DIR, 'config.json'), 'utf8')) as { ignore: string[] }).ignore);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it('reads the packages of a front matter', () => {
    expect(changesetPackages('---\n\'@anjian/core\': minor\n"@anjian/http": patch\n---\n\ntext: not a package\n')).toEqual(['@anjian/core', '@anjian/http']);
  });

  it('none names an ignored package beside a published one (changeset version would refuse it)', () => {
    const mixed = files.filter((f) => {
      const names = changesetPackages(readFileSync(join(DIR, f), 'utf8'));
      return names.some((n) => ignored.has(n)) && names.some((n) => !ignored.has(n));
    });
    expect(mixed).toEqual([]);
  });
});
