/**
 * Links that resolve (issue 18): every relative link and anchor in the repository's Markdown,
 * every issue-code link the loader and the CLI print, the CLI's SARIF `informationUri` and the
 * `homepage` of every published package name a tracked file (and heading). No network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_BASE, docsUrl, ISSUE_CODES, issueDocsUrl, repositoryDocsBase, type IssueCode } from '@anjian/core/internal';
import { describe, expect, it } from 'vitest';
import { anchorsOf, checkLinks, checkTarget, linkContext, linksOf, slug } from './check-links.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const context = linkContext(root);

describe('link checker', () => {
  it('finds no broken link in README.md, docs/ and every other tracked Markdown file', () => {
    const { checked, problems } = checkLinks(undefined, context);
    expect(checked).toBeGreaterThan(50);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.target} — ${p.why}`)).toEqual([]);
  });

  it('every issue-code link and the SARIF informationUri point at a heading of a tracked file', () => {
    expect(DOCS_BASE.startsWith(context.prefixes[0]!)).toBe(true);
    const urls = [...(Object.keys(ISSUE_CODES) as IssueCode[]).map((c) => issueDocsUrl(c)), docsUrl('cli.md')];
    expect(urls.map((u) => [u, checkTarget(u, 'README.md', context)]).filter(([, why]) => why !== undefined)).toEqual([]);
  });

  it('every published package names this repository and a homepage that exists', () => {
    const core = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { repository: { url: string } };
    expect(repositoryDocsBase(core.repository)).toBe(DOCS_BASE);
    const rootRepo = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url;
    for (const group of ['packages', 'checklists']) {
      for (const name of readdirSync(join(root, group))) {
        let pkg: { private?: boolean; homepage?: string; repository?: { url: string; directory: string } };
        try {
          pkg = JSON.parse(readFileSync(join(root, group, name, 'package.json'), 'utf8'));
        } catch {
          continue;
        }
        if (pkg.private) continue;
        expect(pkg.repository, `${group}/${name}`).toEqual({ type: 'git', url: rootRepo, directory: `${group}/${name}` });
        expect(checkTarget(pkg.homepage ?? '', 'README.md', context), `${group}/${name} homepage`).toBeUndefined();
      }
    }
  });

  it('reports a missing file, a missing anchor and a link out of the repository; ignores code and other sites', () => {
    expect(checkTarget('docs/nope.md', 'README.md', context)).toBe('no such file');
    expect(checkTarget('docs/cli.md#nope', 'README.md', context)).toMatch(/no heading "#nope"/);
    expect(checkTarget('../../etc/passwd', 'README.md', context)).toMatch(/outside/);
    expect(checkTarget(`${context.prefixes[0]}docs/nope.md`, 'README.md', context)).toBe('no such file');
    expect(checkTarget('https://example.com/x#y', 'README.md', context)).toBeUndefined();
    const text = '# Hello, 世界 `x`\n\n## Hello, 世界 `x`\n\n[a](b.md#c) `[no](link.md)`\n\n```md\n[no](fenced.md)\n```\n<a href="d.md">d</a>\n';
    expect(linksOf(text).map((l) => l.target)).toEqual(['b.md#c', 'd.md']);
    expect([...anchorsOf(text)]).toEqual(['hello-世界-x', 'hello-世界-x-1']);
    expect(slug('HTTP API / HTTP 接口 — `@anjian/http`')).toBe('http-api--http-接口--anjianhttp');
  });
});
