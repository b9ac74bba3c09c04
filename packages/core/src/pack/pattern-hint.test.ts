import { describe, expect, it } from 'vitest';
import { loadPack } from './index.js';

// Issue 22, pack authors 5: the hints of the field report, now right for what was written.
const pack = (facts: string, when: string) => `format: anjian/pack@1
id: t
version: 1.0.0
domain: fire
title: { zh-CN: 测试, en: Test }
issuer: { zh-CN: 单位, en: Issuer }
premises:
  - { id: shop, label: { zh-CN: 商店, en: Shop } }
regulations:
  - { id: r, title: { zh-CN: 规范, en: Code }, number: GB 3-2000, edition: "2000", status: current, confidence: verified, determination: true }
facts:
${facts}sections:
  - id: s
    title: { zh-CN: 组, en: Group }
    items:
      - id: I1
        title: { zh-CN: 项, en: Item }
        asks: [grounded]
        hazards:
          - id: I1-H1
            level: major
            title: { zh-CN: 隐患, en: Hazard }
            when: ${when}
            basis: [{ regulation: r, clause: "1" }]
`;
const GROUNDED = '  - { id: grounded, type: boolean, label: { zh-CN: 接地, en: Grounded } }\n  - { id: area_m2, type: number, label: { zh-CN: 面积, en: Area } }\n';

function hintOf(text: string, code: string) {
  const result = loadPack({ files: { 'pack.yaml': text } });
  const issue = result.issues.find((i) => i.code === code);
  if (!issue) throw new Error(JSON.stringify(result.issues, null, 2));
  return issue.hint;
}

describe('hints that fit what was written', () => {
  it('a fact id with "-" is told "-" is not allowed, and how to write it', () => {
    const text = pack(`  - { id: dust-kinds, type: boolean, label: { zh-CN: 粉尘, en: Dust } }\n${GROUNDED}`, '{ fact: grounded, operator: equal, value: false }');
    expect(hintOf(text, 'SCHEMA_PATTERN')).toEqual({
      'zh-CN': '只能用字母、数字、下划线（_），以字母开头；这里不能用“-”。可写成：dust_kinds',
      en: 'Use letters, digits and underscores (_) only, starting with a letter; "-" is not allowed here. Write: dust_kinds',
    });
  });

  it('operator: 等于 is told the operator names, and which one it means', () => {
    const hint = hintOf(pack(GROUNDED, '{ fact: grounded, operator: 等于, value: false }'), 'SCHEMA_PATTERN');
    expect(hint?.['zh-CN']).toMatch(/^运算符用英文名称，这里应写 equal。可用的运算符：.*greaterThan/);
    expect(hint?.en).toMatch(/^Operators are written by their English name; here write equal\. The operators: /);
  });

  it('value: 否 for a yes/no fact is told to write false (there are no quotes to remove)', () => {
    expect(hintOf(pack(GROUNDED, '{ fact: grounded, operator: equal, value: 否 }'), 'VALUE_TYPE')).toEqual({
      'zh-CN': '是否值写 true（是）或 false（否），不写汉字；这里应写：false',
      en: 'Write yes/no as true or false, not as a word; here write: false',
    });
    expect(hintOf(pack(GROUNDED, '{ fact: grounded, operator: equal, value: "true" }'), 'VALUE_TYPE')?.['zh-CN']).toBe('去掉引号，直接写 true。');
    expect(hintOf(pack(GROUNDED, '{ fact: area_m2, operator: greaterThan, value: 30平方米 }'), 'VALUE_TYPE')?.en).toBe(
      "Write the number alone, without a unit or words (the fact's unit gives it); here write: 30",
    );
  });

  it('a regulation date written 2024.1.1 or 2024年1月1日 is told the same day written YYYY-MM-DD', () => {
    const dated = (effective: string) => pack(GROUNDED, '{ fact: grounded, operator: equal, value: false }').replace('determination: true }', `determination: true, effective: ${effective} }`);
    expect(hintOf(dated('2024.1.1'), 'SCHEMA_PATTERN')).toEqual({
      'zh-CN': '日期写成 年-月-日，月和日补零：2024-01-01',
      en: 'Write the date as year-month-day with two-digit month and day: 2024-01-01',
    });
    expect(hintOf(dated('2024年1月1日'), 'SCHEMA_PATTERN')?.en).toBe('Write the date as year-month-day with two-digit month and day: 2024-01-01');
    // nothing to rewrite: the example
    expect(hintOf(dated('soon'), 'SCHEMA_PATTERN')?.en).toBe('Write the date as year-month-day with two-digit month and day, e.g. 2026-03-01.');
  });
});
