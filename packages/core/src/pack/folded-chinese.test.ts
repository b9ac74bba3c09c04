import { describe, expect, it } from 'vitest';
import { loadPack } from './index.js';

// A department engineer's report: Chinese written over several lines with `>-` gets a space at
// every line break (YAML folds a line break into a space), and the space shows in forms.

const pack = (description: string) => `format: anjian/pack@1
id: folded
version: 0.1.0
domain: general
title: { zh-CN: 折行, en: Folding }
issuer: { zh-CN: 测试, en: Test }
${description}
premises:
  - { id: shop, label: { zh-CN: 商店, en: Shop } }
regulations:
  - { id: law, title: { zh-CN: 法, en: Law }, number: "1", edition: "2021", status: current, confidence: verified }
facts:
  - { id: ok, type: boolean, label: { zh-CN: 合格, en: OK }, required: true }
sections:
  - id: s
    title: { zh-CN: 节, en: Section }
    items:
      - id: F-001
        title: { zh-CN: 项, en: Item }
        asks: [ok]
        hazards:
          - id: F-001-H1
            level: general
            title: { zh-CN: 不合格, en: Not OK }
            when: { fact: ok, operator: equal, value: false }
            basis: [{ regulation: law, clause: 第一条 }]
`;
const load = (description: string) => loadPack({ files: { 'pack.yaml': pack(description) } });

describe('Chinese text folded over several lines', () => {
  it('>- in Chinese: a located note in both languages with the fix; it does not count as a warning', () => {
    const result = load('description:\n  zh-CN: >-\n    用于对存在粉尘爆炸危险的工贸企业\n    进行检查。\n  en: For inspecting enterprises.');
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'TEXT_FOLDED_CHINESE',
        severity: 'info',
        file: 'pack.yaml',
        line: 8,
        pointer: '/description/zh-CN',
        message: {
          'zh-CN': expect.stringMatching(/^description\.zh-CN.*折叠.*“企业 进行”/),
          en: expect.stringMatching(/^description\.zh-CN.*folds.*"企业 进行"/),
        },
        hint: { 'zh-CN': expect.stringContaining('|-'), en: expect.stringContaining('|-') },
      }),
    ]);
  });

  it('> and a plain or quoted text over several lines are noted too; one line, |- and English folded are not', () => {
    expect(load('description:\n  zh-CN: >\n    第一行\n    第二行\n  en: x').issues.map((i) => i.code)).toEqual(['TEXT_FOLDED_CHINESE']);
    expect(load('description:\n  zh-CN: 第一行\n    第二行\n  en: x').issues.map((i) => i.code)).toEqual(['TEXT_FOLDED_CHINESE']);
    expect(load('description:\n  zh-CN: "第一行\n    第二行"\n  en: x').issues.map((i) => i.code)).toEqual(['TEXT_FOLDED_CHINESE']);
    expect(load('description:\n  zh-CN: 第一行第二行\n  en: x').issues).toEqual([]);
    expect(load('description:\n  zh-CN: |-\n    第一行\n    第二行\n  en: x').issues).toEqual([]);
    expect(load('description:\n  zh-CN: 第一行\n  en: >-\n    For inspecting\n    enterprises.').issues).toEqual([]);
    // Chinese next to Latin text across the break reads as intended: 10 号令 is fine
    expect(load('description:\n  zh-CN: >-\n    应急管理部令第10号\n    Art. 11\n  en: x').issues).toEqual([]);
  });
});
