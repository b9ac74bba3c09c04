// The invalid-pack corpus (fixtures/invalid/, written by fixtures/make-invalid-corpus.mjs):
// each case must be rejected (or warned about) with the exact code at the exact
// file:line:column recorded in its expect.json, and every issue must be located.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ISSUE_DOCS_BASE, loadPack, type LoadPackOptions } from '../src/pack/index.js';

const root = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url));

interface Expectation {
  code: string;
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  ok: boolean;
  hint?: string;
  options?: LoadPackOptions;
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) stack.push(full);
      else if (name !== 'expect.json') files[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  }
  return files;
}

const cases = readdirSync(root)
  .filter((name) => statSync(join(root, name)).isDirectory())
  .sort();

describe('invalid pack corpus', () => {
  it('has at least 70 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  it.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expect.json'), 'utf8')) as Expectation;
    const result = loadPack({ files: readTree(join(root, name)) }, expected.options);
    const summary = result.issues.map((i) => `${i.severity} ${i.file}:${i.line}:${i.column} ${i.code} ${i.message.en}`).join('\n');
    expect(result.ok, summary).toBe(expected.ok);
    const match = result.issues.find((i) => i.code === expected.code && i.file === expected.file && i.line === expected.line && i.column === expected.column);
    expect(match, `expected ${expected.code} at ${expected.file}:${expected.line}:${expected.column}, got:\n${summary}`).toBeDefined();
    expect(match!.severity).toBe(expected.severity);
    expect(match!.message['zh-CN'].length).toBeGreaterThan(0);
    expect(match!.message.en.length).toBeGreaterThan(0);
    // the issue-code page under the repository's docs (package.json `repository`), at the code's anchor
    expect(match!.docs?.startsWith(`${ISSUE_DOCS_BASE}#`)).toBe(true);
    expect(match!.docs).toMatch(/\/docs\/issue-codes\.md#[a-z_]+$/);
    if (expected.hint) expect(match!.hint?.en).toContain(expected.hint);
    for (const issue of result.issues) {
      expect(issue.file, summary).toBeTypeOf('string');
      expect(issue.line, summary).toBeGreaterThanOrEqual(1);
      expect(issue.column, summary).toBeGreaterThanOrEqual(1);
    }
  });

  afterAll(() => {
    // Prototype pollution (docs/security.md T7): no fixture may have changed Object.prototype.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
    // JSONPath payloads (docs/security.md T1) are rejected at load and never evaluated.
    expect((globalThis as Record<string, unknown>).__canary).toBeUndefined();
  });
});
