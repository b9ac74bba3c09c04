/**
 * Hosts never need `@anjian/core/internal` (no semver promise): the Markdown a host developer
 * follows (DOC_FILES of check-doc-snippets.mjs) does not send them there, in prose either — the
 * snippet check only sees code — and a name the docs place in an entry point, written
 * “`name` (`@anjian/core/…`)”, is exported by that entry point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOC_FILES } from './check-doc-snippets.mjs';
import { exportedNames } from './count-exports.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORE = join(ROOT, 'packages/core');

/** Docs that may name `/internal`, and why. */
const MAY_NAME_INTERNAL: Readonly<Record<string, string>> = {
  'packages/core/README.md': 'its table of entry points says what /internal is and whom it is for',
  'docs/publishing.md': 'for maintainers: where DOCS_BASE lives when a fork rebuilds the packages',
};

describe('host docs point to public entry points', () => {
  const docs = DOC_FILES.map((file: string) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));

  it('no host doc names @anjian/core/internal, not even in prose', () => {
    const offending = docs.flatMap(({ file, text }) =>
      Object.hasOwn(MAY_NAME_INTERNAL, file)
        ? []
        : text
            .split('\n')
            .map((line, i) => (line.includes('@anjian/core/internal') ? `${file}:${i + 1}` : null))
            .filter((x) => x !== null),
    );
    expect(offending).toEqual([]);
  });

  it('a name placed in an entry point — `name` (`@anjian/core/…`) — is exported there', () => {
    const exportsField = (JSON.parse(readFileSync(join(CORE, 'package.json'), 'utf8')) as { exports: Record<string, { '@anjian/source'?: string } | string> }).exports;
    const placed = new Map<string, Set<string>>();
    for (const { text } of docs) {
      for (const m of text.matchAll(/`([A-Za-z_$][\w$]*)`\s*[（(]`(@anjian\/core(?:\/[a-z]+)?)`[）)]/g)) {
        const entry = m[2] as string;
        if (!placed.has(entry)) placed.set(entry, new Set());
        placed.get(entry)?.add(m[1] as string);
      }
    }
    expect([...(placed.get('@anjian/core/rounds') ?? [])]).toContain('drawSpotCheck');
    // Hosts run the daily early warning themselves (core has no timers): the monitoring guide places it in a public entry.
    expect([...(placed.get('@anjian/core/monitoring') ?? [])]).toContain('runDailyWarning');
    // The synthetic city is test and demo data: the reports guide places it in /testing, not in /reports.
    expect([...(placed.get('@anjian/core/testing') ?? [])]).toContain('generateCity');
    const missing: string[] = [];
    for (const [entry, names] of placed) {
      const target = exportsField[`.${entry.slice('@anjian/core'.length)}`];
      const source = typeof target === 'object' ? target['@anjian/source'] : undefined;
      if (!source) {
        missing.push(`${entry}: no such entry point`);
        continue;
      }
      const exported = new Set(exportedNames(join(CORE, source)).map((n: { name: string }) => n.name));
      for (const name of names) if (!exported.has(name)) missing.push(`${name} is not exported by ${entry}`);
    }
    expect(missing).toEqual([]);
  }, 60_000);

  it('@anjian/core/reports promises reports, not the synthetic demo city (that is /testing)', () => {
    const reports = new Set(exportedNames(join(CORE, 'src/reports.ts')).map((n: { name: string }) => n.name));
    expect(['generateCity', 'City', 'CityHazard'].filter((n) => reports.has(n))).toEqual([]);
  }, 60_000);

  it('the demo portal bundles core for the browser from public entries (a host can build the same pages)', () => {
    const bundler = readFileSync(join(ROOT, 'examples/portal/src/bundle-browser-core.ts'), 'utf8');
    const internal = [...bundler.matchAll(/export \{([^}]*)\} from '@anjian\/core\/internal'/g)].flatMap((m) => (m[1] as string).split(',').map((n) => n.trim()));
    // issueForUsers (a pack issue worded for a form's field) has no public entry yet
    expect(internal).toEqual(['issueForUsers']);
    expect(bundler).toContain("from '@anjian/core/review'");
  });
});
