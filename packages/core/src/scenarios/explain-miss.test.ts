import { describe, expect, it } from 'vitest';
import { compilePack } from '../classify/compile-pack.js';
import { loadPackOrThrow } from '../pack/load-pack.js';
import { runScenarios } from './run-scenarios.js';
import type { ScenarioFile } from './types.js';

// Why an expected hazard did not fire, from the compiled conditions' own recording walk:
// at most three false conditions (then "N more"), an answer the findings check refused
// shown as recorded (neither the comparison nor its opposite held), a missing answer whose
// fact is not asked here.
const PACK = `format: anjian/pack@1
id: tiny
version: 1.0.0
domain: gas
title: { zh-CN: 小检查表, en: Tiny pack }
issuer: { zh-CN: 测试, en: Tests }
premises:
  - id: shop
    label: { zh-CN: 商铺, en: Shop }
regulations:
  - id: reg
    title: { zh-CN: 规定, en: Rule }
    number: "X-1"
    edition: "2023"
    status: current
    confidence: verified
facts:
  - id: a
    type: number
    label: { zh-CN: 甲, en: A }
  - id: b
    type: number
    label: { zh-CN: 乙, en: B }
  - id: c
    type: number
    label: { zh-CN: 丙, en: C }
  - id: d
    type: number
    label: { zh-CN: 丁, en: D }
  - id: uses_gas
    type: boolean
    label: { zh-CN: 使用燃气, en: Uses gas }
  - id: hose_m
    type: number
    unit: m
    label: { zh-CN: 软管长度, en: Hose length }
    when: { fact: uses_gas, operator: equal, value: true }
sections:
  - id: s
    title: { zh-CN: 节, en: Section }
    items:
      - id: T-001
        title: { zh-CN: 数值, en: Numbers }
        asks: [a, b, c, d, uses_gas, hose_m]
        hazards:
          - id: T-001-H1
            level: general
            title: { zh-CN: 某值过大, en: Some value too high }
            when:
              any:
                - { fact: a, operator: greaterThan, value: 10 }
                - { fact: b, operator: greaterThan, value: 10 }
                - { fact: c, operator: greaterThan, value: 10 }
                - { fact: d, operator: greaterThan, value: 10 }
            basis: [{ regulation: reg, clause: "1" }]
          - id: T-001-H2
            level: general
            title: { zh-CN: 软管过长, en: Hose too long }
            when: { fact: hose_m, operator: greaterThan, value: 2 }
            basis: [{ regulation: reg, clause: "2" }]
`;

const pack = loadPackOrThrow({ files: { 'pack.yaml': PACK } });
const { evaluate } = compilePack(pack);

function failures(findings: Record<string, unknown>, rule: string): string[] {
  const content = { pack: 'tiny', scenarios: [{ name: 'x', premises: 'shop', findings, expect: { hazards: [{ rule, level: 'general' }] } }] } as unknown as ScenarioFile;
  return runScenarios(pack, evaluate, [{ file: 't.yaml', content }]).results[0]!.failures.map((f) => f.message.en);
}

describe('why an expected hazard did not fire', () => {
  it('names at most three false conditions, then how many more', () => {
    expect(failures({ a: 1, b: 2, c: 3, d: 4, uses_gas: false }, 'T-001-H1')).toEqual([
      'rule T-001-H1 should fire (general) but did not: A: 1, not above 10 (the rule needs a > 10); B: 2, not above 10 (the rule needs b > 10); C: 3, not above 10 (the rule needs c > 10); 1 more false',
    ]);
  });

  it('an answer the findings check refused is shown as recorded, not as the comparison read the other way', () => {
    const messages = failures({ a: 'eleven', b: 2, c: 3, d: 4, uses_gas: false }, 'T-001-H1');
    expect(messages).toHaveLength(2); // WRONG_TYPE, then the rule
    expect(messages[1]).toMatch(/^rule T-001-H1 should fire \(general\) but did not: A: eleven \(the rule needs a > 10\); B: 2, not above 10/);
  });

  it('a missing answer whose fact is not asked here says so', () => {
    expect(failures({ a: 1, b: 2, c: 3, d: 4, uses_gas: false }, 'T-001-H2')).toEqual([
      'rule T-001-H2 should fire (general) but did not: Hose length: not recorded (the rule needs hose_m > 2; not asked here: the when of fact hose_m does not hold)',
    ]);
  });
});
