import { describe, expect, it, vi } from 'vitest';
import { loadPack, PackSourceError } from './index.js';

const head = `format: anjian/pack@1
id: t
version: 1.0.0
domain: fire
title: { zh-CN: 测试, en: Test }
issuer: { zh-CN: 单位, en: Issuer }
premises:
  - { id: shop, label: { zh-CN: 商店, en: Shop } }
regulations:
  - { id: r, title: { zh-CN: 规范, en: Code }, number: GB 3-2000, edition: 2000, status: current, confidence: verified, determination: true }
`;
const fact = (id: string) => `  - { id: ${id}, type: boolean, label: { zh-CN: ${id}, en: ${id} } }\n`;
const section = (id: string, item: string, factId: string) => `  - id: ${id}
    title: { zh-CN: 组, en: Group }
    items:
      - id: ${item}
        title: { zh-CN: 项, en: Item }
        asks: [${factId}]
        hazards:
          - id: ${item}-H1
            level: major
            title: { zh-CN: 隐患, en: Hazard }
            when: { fact: ${factId}, operator: equal, value: false }
            basis: [{ regulation: r, clause: "1" }]
`;

describe('loadPack', () => {
  it('merges files depth-first in include order and applies defaults', () => {
    const files = {
      'pack.yaml': head + 'facts:\n' + fact('a') + 'include:\n  - parts/one.yaml\n  - two.yaml\nsections:\n' + section('s0', 'I0', 'a'),
      'parts/one.yaml': 'include:\n  - nested.yaml\nfacts:\n' + fact('b') + 'sections:\n' + section('s1', 'I1', 'b'),
      'parts/nested.yaml': 'facts:\n' + fact('c') + 'conditions:\n  c_false: { fact: c, operator: equal, value: false }\n',
      'two.yaml': 'facts:\n' + fact('d') + 'sections:\n' + section('s2', 'I2', 'd'),
    };
    const result = loadPack({ files });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { pack } = result;
    expect(pack.facts.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(pack.sections.map((s) => s.id)).toEqual(['s0', 's1', 's2']);
    expect(pack.facts.every((f) => f.required === false)).toBe(true);
    expect(pack.sections[0]?.items[0]?.hazards[0]?.party).toBe('user');
    expect(pack.composites).toEqual([]);
    expect(pack.conditions).toEqual({ c_false: { fact: 'c', operator: 'equal', value: false } });
    expect(pack.regulations[0]?.edition).toBe('2000');
    expect(result.issues).toEqual([]);
  });

  it('gives defaults for absent collections', () => {
    const result = loadPack({ files: { 'pack.yaml': head + 'facts:\n' + fact('a') } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.conditions).toEqual({});
    expect(result.pack.sections).toEqual([]);
    expect(result.pack.composites).toEqual([]);
  });

  it('reports warnings with a pack, and stops on errors', () => {
    const warned = loadPack({ files: { 'pack.yaml': head.replace('{ zh-CN: 单位, en: Issuer }', '{ zh-CN: 单位 }') + 'facts: []\n' } });
    expect(warned.ok).toBe(true);
    expect(warned.issues.map((i) => [i.code, i.line, i.column])).toEqual([['TEXT_MISSING_EN', 6, 9]]);
    const failed = loadPack({ files: { 'pack.yaml': head + 'facts: 3\n' } });
    expect(failed.ok).toBe(false);
    expect(failed.issues[0]).toMatchObject({ code: 'SCHEMA_TYPE', file: 'pack.yaml', line: 11, column: 8, pointer: '/facts' });
  });

  it('reads through a callback, asks the size first, and maps read failures to located issues', () => {
    const read = vi.fn((path: string) => {
      if (path === 'pack.yaml') return head + 'facts: []\ninclude:\n  - big.yaml\n  - broken.yaml\n';
      throw new Error('disk on fire');
    });
    const size = (path: string) => (path === 'big.yaml' ? 5_000_000 : undefined);
    const result = loadPack({ entry: 'pack.yaml', read, size });
    expect(result.ok).toBe(false);
    expect(read).not.toHaveBeenCalledWith('big.yaml');
    expect(result.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['FILE_TOO_LARGE', 'big.yaml', 1],
      ['INCLUDE_NOT_FOUND', 'pack.yaml', 14],
    ]);
    expect(result.issues[1]?.message.en).toContain('disk on fire');
  });

  it('applies displayPath and the configurable caps', () => {
    const result = loadPack({ files: { 'pack.yaml': head + 'facts: [[[[1]]]]\n' } }, { maxDepth: 4, displayPath: (p) => `packs/t/${p}` });
    expect(result.issues[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', file: 'packs/t/pack.yaml', line: 8 });
    const tooMany = loadPack({ files: { 'pack.yaml': head + 'facts: []\ninclude: [a.yaml, b.yaml]\n', 'a.yaml': 'facts: []\n', 'b.yaml': 'facts: []\n' } }, { maxFiles: 2 });
    expect(tooMany.issues.map((i) => i.code)).toEqual(['INCLUDE_TOO_MANY']);
  });

  it('never throws for bad data: empty, binary, BOM, missing entry', () => {
    for (const text of ['', '\u0000\u0001\u0002', '\uFEFF', '"unterminated', '- a\n- b\n', 'null\n', '12\n']) {
      const result = loadPack({ files: { 'pack.yaml': text } });
      expect(result.ok).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
    }
    const bom = loadPack({ files: { 'pack.yaml': '\uFEFF' + head + 'facts: []\n' } });
    expect(bom.ok).toBe(true);
    const missing = loadPack({ files: {} });
    expect(missing.issues.map((i) => i.code)).toEqual(['FILE_NOT_FOUND']);
  });

  it('gives YAML errors a JSON pointer when the document has one', () => {
    const result = loadPack({ files: { 'pack.yaml': 'a: 1\nb:\n  - c: 1\n  - d: { e: 1, e: 2 }\n' } });
    expect(result.issues.map((i) => [i.code, i.line, i.column, i.pointer])).toEqual([['YAML_DUPLICATE_KEY', 4, 16, '/b/1/d/e']]);
  });

  it('an error in pack.yaml does not hide the errors of the files it includes (one run shows both)', () => {
    const files = {
      'pack.yaml': head + 'facts:\n  - { id: a, type: booleen, label: { zh-CN: a, en: a } }\ninclude:\n  - two.yaml\n',
      'two.yaml': 'sections:\n' + section('s2', 'I2', 'a').replace('level: major', 'level: smple'),
    };
    const result = loadPack({ files });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['SCHEMA_ENUM', 'pack.yaml', 12],
      ['SCHEMA_ENUM', 'two.yaml', 10],
    ]);
    // a missing included file is found too; an include list that is itself wrong is not followed
    expect(loadPack({ files: { 'pack.yaml': files['pack.yaml'] } }).issues.map((i) => i.code)).toEqual(['SCHEMA_ENUM', 'INCLUDE_NOT_FOUND']);
    const badList = loadPack({ files: { ...files, 'pack.yaml': head + 'facts: 3\ninclude: two.yaml\n' } });
    expect(badList.issues.map((i) => [i.code, i.file])).toEqual([
      ['SCHEMA_TYPE', 'pack.yaml'],
      ['SCHEMA_TYPE', 'pack.yaml'],
    ]);
  });

  it('throws PackSourceError (INVALID_PACK_SOURCE) only for a misused API', () => {
    expect(() => loadPack(null as never)).toThrow(PackSourceError);
    try {
      loadPack({} as never);
    } catch (error) {
      expect(PackSourceError.is(error)).toBe(true);
      expect((error as PackSourceError).code).toBe('INVALID_PACK_SOURCE');
    }
  });
});
