import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, issueDocsUrl } from './issue-codes.js';
import { renderIssueCodesMarkdown } from './render-issue-codes.js';

const docsPath = fileURLToPath(new URL('../../../../docs/issue-codes.md', import.meta.url));

describe('issue codes', () => {
  it('are UPPER_SNAKE with a bilingual title and fix', () => {
    for (const [code, spec] of Object.entries(ISSUE_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(spec.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.title.en).toMatch(/[A-Za-z]/);
      expect(spec.fix['zh-CN'].length).toBeGreaterThan(0);
      expect(spec.fix.en.length).toBeGreaterThan(0);
    }
    expect(issueDocsUrl('YAML_TAG')).toBe('https://github.com/anjian-sdk/anjian/blob/main/docs/issue-codes.md#yaml_tag');
  });

  it('docs/issue-codes.md is generated from the table (UPDATE_DOCS=1 rewrites it)', () => {
    const rendered = renderIssueCodesMarkdown();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docsPath, rendered);
    expect(readFileSync(docsPath, 'utf8')).toBe(rendered);
    for (const code of Object.keys(ISSUE_CODES)) expect(rendered).toContain(`## ${code.toLowerCase()}\n`);
  });

  it('every code the loader source emits is in the table', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const used = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'issue-codes.ts')) {
      const text = readFileSync(dir + name, 'utf8');
      for (const m of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) used.add(m[1]!);
    }
    const known = new Set(Object.keys(ISSUE_CODES));
    const unknown = [...used].filter(
      (c) =>
        !known.has(c) &&
        ![
          'PACK_INVALID',
          'INVALID_PACK_SOURCE',
          'DUPLICATE_KEY',
          'MULTIPLE_DOCS',
          'TAG_RESOLVE_FAILED',
          'BAD_DIRECTIVE',
          'BAD_ALIAS',
          'RESOURCE_EXHAUSTION',
          'TAB_AS_INDENT',
          'BAD_SCALAR_START',
          'MISSING_CHAR',
          'UNEXPECTED_TOKEN',
        ].includes(c), // the yaml parser's codes
    );
    expect(unknown).toEqual([]);
  });
});
