import { describe, expect, it } from 'vitest';
import { scanYamlSource } from './scan-yaml-source.js';

const limits = { maxDepth: 64, maxAliases: 16 };

describe('scanYamlSource', () => {
  it('accepts an ordinary pack-shaped document', () => {
    const text = 'a:\n  - b: 1\n    c: [1, { d: 2 }]\n  - e: |\n      text\n        indented text\n';
    expect(scanYamlSource(text, limits)).toEqual([]);
  });

  it('counts block indentation, dash chains and flow brackets against the cap', () => {
    const ok = Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(scanYamlSource(ok, limits)).toEqual([]);
    const deep = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(scanYamlSource(deep, limits)).toEqual([{ code: 'NESTING_TOO_DEEP', line: 65, column: 65, found: '65' }]);
    expect(scanYamlSource('- '.repeat(100) + 'x', limits)[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', line: 1, column: 129 });
    expect(scanYamlSource('['.repeat(100) + ']'.repeat(100), limits)[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', line: 1, column: 64 });
  });

  it('counts unindented sequences under keys as nesting', () => {
    const text = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- k${i}:`).join('\n') + ' 1\n';
    // 40 sequences + 40 maps = 80 levels, although the indentation only grows 40 times
    expect(scanYamlSource('root:\n' + text, limits)[0]).toMatchObject({ code: 'NESTING_TOO_DEEP' });
    expect(scanYamlSource('a:\n- x\n- y\nb:\n- z\n', limits)).toEqual([]);
  });

  it('does not count the indentation inside a block scalar', () => {
    const text = 'a: |\n' + Array.from({ length: 200 }, (_, i) => ' '.repeat(i + 2) + 'x').join('\n') + '\nb: 1\n';
    expect(scanYamlSource(text, limits)).toEqual([]);
  });

  it('closing brackets reduce the depth again', () => {
    const text = Array.from({ length: 100 }, () => '[[[[[[[[[[1]]]]]]]]]]').join('\n---\n');
    expect(scanYamlSource(`x: [${'[1], '.repeat(500)}1]`, limits)).toEqual([]);
    expect(scanYamlSource(text, limits)).toEqual([]);
  });

  it('reports directives, tags and aliases beyond the cap with their position', () => {
    expect(scanYamlSource('%YAML 1.1\n---\na: 1\n', limits)).toEqual([{ code: 'YAML_DIRECTIVE', line: 1, column: 1, found: '%YAML 1.1' }]);
    expect(scanYamlSource('a: 1\nb: !!binary aGk=\n', limits)).toEqual([{ code: 'YAML_TAG', line: 2, column: 4, found: '!!binary' }]);
    const aliases = 'x: &x 1\ny: [' + Array(17).fill('*x').join(', ') + ']\n';
    expect(scanYamlSource(aliases, limits)).toEqual([{ code: 'YAML_ALIAS_LIMIT', line: 2, column: 69, found: '17' }]);
    expect(scanYamlSource('x: "!!binary is text"\ny: \'*x\'\n', limits)).toEqual([]);
  });

  it('scans a 6 000-deep flow document without recursion, stopping at the first finding', () => {
    const findings = scanYamlSource('{a: '.repeat(6000) + '1' + '}'.repeat(6000), limits);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe('NESTING_TOO_DEEP');
  });
});
