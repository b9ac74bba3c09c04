import { describe, expect, it } from 'vitest';
import { resolveIncludePath } from './resolve-include-path.js';

describe('resolveIncludePath', () => {
  it('resolves relative to the including file', () => {
    expect(resolveIncludePath('pack.yaml', 'sections/a.yaml')).toEqual({ ok: true, path: 'sections/a.yaml' });
    expect(resolveIncludePath('sections/a.yaml', 'b.yaml')).toEqual({ ok: true, path: 'sections/b.yaml' });
    expect(resolveIncludePath('pack.yaml', '燃气/用户.yaml')).toEqual({ ok: true, path: '燃气/用户.yaml' });
  });

  it.each(['../x.yaml', 'a/../../x.yaml', '/etc/passwd.yaml', 'C:/x.yaml', 'c:x.yaml', 'file:///x.yaml', 'https://x/y.yaml', 'a\\b.yaml', './a.yaml', 'a//b.yaml', 'a\u0000.yaml'])(
    'refuses %j',
    (path) => {
      const result = resolveIncludePath('pack.yaml', path);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason['zh-CN'].length).toBeGreaterThan(0);
        expect(result.reason.en.length).toBeGreaterThan(0);
      }
    },
  );
});
