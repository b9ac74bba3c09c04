import { describe, expect, it } from 'vitest';
import { jsonShapeProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-shape-problem.js';

describe('jsonShapeProblem', () => {
  it('passes ordinary bodies, brackets and commas inside strings included', () => {
    expect(jsonShapeProblem(JSON.stringify({ type: 'reject', reason: { 'zh-CN': '[[[{{{,,,"\\' } }))).toBeNull();
    expect(jsonShapeProblem(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeNull();
    expect(jsonShapeProblem(`[${'0,'.repeat(MAX_JSON_VALUES - 2)}0]`)).toBeNull();
  });

  it('refuses nesting deeper than MAX_JSON_DEPTH and more than MAX_JSON_VALUES values', () => {
    expect(jsonShapeProblem(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe('depth');
    expect(jsonShapeProblem(`${'{"a":'.repeat(500_000)}1${'}'.repeat(500_000)}`)).toBe('depth');
    expect(jsonShapeProblem(`[${'{},'.repeat(MAX_JSON_VALUES)}{}]`)).toBe('values');
    expect(jsonShapeProblem(`{${Array.from({ length: 80_000 }, (_, i) => `"k${i}":1`).join(',')}}`)).toBe('values');
  });

  it('reads each character of a 1 MiB body at most once, and stops at the first excess', () => {
    // The work is counted, not timed: a string-like view that counts the characters read.
    // (jsonShapeProblem reads `length` and `charCodeAt`; a rewrite reading otherwise updates this view.)
    function counted(text: string) {
      const view = { reads: 0, length: text.length, charCodeAt: (i: number) => (view.reads++, text.charCodeAt(i)) };
      return view;
    }
    const text = counted(JSON.stringify({ a: 'x'.repeat(1_048_000) }));
    expect(jsonShapeProblem(text as unknown as string)).toBeNull();
    expect(text.reads).toBe(text.length); // one pass
    // Escapes skip the escaped character: never more reads than characters.
    const escaped = counted(JSON.stringify({ a: '\\"'.repeat(300_000) }));
    expect(jsonShapeProblem(escaped as unknown as string)).toBeNull();
    expect(escaped.reads).toBeLessThanOrEqual(escaped.length);
    // Half a million nested arrays: refused at the 65th bracket, the rest unread.
    const deep = counted(`${'['.repeat(524_288)}${']'.repeat(524_288)}`);
    expect(jsonShapeProblem(deep as unknown as string)).toBe('depth');
    expect(deep.reads).toBe(MAX_JSON_DEPTH + 1);
    // 80 000 values: refused at the 20 001st separator.
    const wide = counted(`[${'0,'.repeat(80_000)}0]`);
    expect(jsonShapeProblem(wide as unknown as string)).toBe('values');
    expect(wide.reads).toBe(1 + 2 * MAX_JSON_VALUES);
  });
});
