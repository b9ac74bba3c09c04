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

  it('scans a 1 MiB body in a few milliseconds', () => {
    const deep = `${'['.repeat(524_288)}${']'.repeat(524_288)}`;
    const text = JSON.stringify({ a: 'x'.repeat(1_048_000) });
    jsonShapeProblem(text);
    const started = performance.now();
    expect(jsonShapeProblem(text)).toBeNull();
    expect(jsonShapeProblem(deep)).toBe('depth');
    expect(performance.now() - started).toBeLessThan(100);
  });
});
