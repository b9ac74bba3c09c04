import { describe, expect, it } from 'vitest';
import { parseYamlSafe } from './parse-yaml-safe.js';

describe('parseYamlSafe', () => {
  it('parses plain YAML and locates pointers', () => {
    const parsed = parseYamlSafe('pack: demo\nscenarios:\n  - name: a\n    findings: { x: 1 }\n', { file: 'tests/a.yaml' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value).toEqual({ pack: 'demo', scenarios: [{ name: 'a', findings: { x: 1 } }] });
    expect(parsed.locate('/scenarios/0/findings/x')).toEqual({ line: 4, column: 20 });
    expect(parsed.locate('/scenarios/0/findings', { key: true })).toEqual({ line: 4, column: 5 });
  });

  it('rejects what the pack loader rejects, located', () => {
    const cases: [string, string, number, number][] = [
      ['a: !!js/function "x"\n', 'YAML_TAG', 1, 4],
      ['%YAML 1.1\n---\na: NO\n', 'YAML_DIRECTIVE', 1, 1],
      ['a:\n  __proto__: { isAdmin: true }\n', 'FORBIDDEN_KEY', 2, 3],
      ['a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n', 'NESTING_TOO_DEEP', 1, 66],
    ];
    for (const [text, code, line, column] of cases) {
      const parsed = parseYamlSafe(text, { file: 'x.yaml' });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code, file: 'x.yaml', line, column });
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
