import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../pack/types.js';
import { createExplainer, explainHazard, explainObservation } from './explain-observation.js';
import { factLabels } from './fact-labels.js';
import type { Observation } from './types.js';

const labels = factLabels({
  premises: [{ id: 'hotel', label: { 'zh-CN': '宾馆', en: 'Hotel' } }],
  facts: [
    { id: 'lel', type: 'number', unit: '%LEL', label: { 'zh-CN': '可燃气体浓度', en: 'Gas concentration' } },
    { id: 'limit', type: 'number', unit: '%LEL', label: { 'zh-CN': '报警设定值', en: 'Alarm set point' } },
    { id: 'on', type: 'boolean', label: { 'zh-CN': '阀门关闭', en: 'Valve closed' } },
    { id: 'tested', type: 'date', label: { 'zh-CN': '检测日期', en: 'Test date' } },
    { id: 'LPG_count', type: 'count', label: { 'zh-CN': 'LPG钢瓶', en: 'LPG cylinders' } },
  ],
} as unknown as Pack);

const title = { 'zh-CN': '浓度超标', en: 'Gas too high' };

describe('explanations', () => {
  it('fills the catalogue phrase with labels, units and values, spacing Latin text in Chinese', () => {
    const o: Observation = { fact: 'lel', operator: 'greaterThanInclusive', actual: 25, expected: 20 };
    expect(explainObservation(o, labels, 'zh-CN')).toBe('可燃气体浓度为 25 %LEL，不低于 20 %LEL');
    expect(explainObservation(o, labels, 'en')).toBe('Gas concentration is 25 %LEL, at least 20 %LEL');
  });

  it('names the referenced fact, the reserved facts, and reads negations through the complement', () => {
    expect(explainObservation({ fact: 'lel', operator: 'greaterThan', actual: 25, expected: 20, valueFact: 'limit' }, labels, 'en')).toBe('Gas concentration is 25 %LEL, above 20 %LEL (Alarm set point)');
    expect(explainObservation({ fact: '$premises', operator: 'equal', actual: 'hotel', expected: 'hotel' }, labels, 'zh-CN')).toBe('场所类型为宾馆');
    expect(explainObservation({ fact: 'lel', operator: 'lessThan', actual: 25, expected: 20, negated: true }, labels, 'en')).toBe('Gas concentration is 25 %LEL, at least 20 %LEL');
    expect(explainObservation({ fact: 'on', operator: 'equal', actual: false, expected: true, negated: true }, labels, 'zh-CN')).toBe('阀门关闭为否');
    expect(explainObservation({ fact: 'tested', operator: 'before', actual: '2027-01-01', expected: '2026-01-01', negated: true }, labels, 'zh-CN')).toBe('并非检测日期为 2027-01-01，早于 2026-01-01');
    expect(explainObservation({ fact: 'lel', operator: 'equal', actual: undefined, expected: 3 }, labels, 'en')).toBe('Gas concentration is not recorded');
  });

  it('builds one sentence; English clauses start lower-case unless they start with an acronym', () => {
    const obs: Observation[] = [
      { fact: 'lel', operator: 'greaterThan', actual: 25, expected: 20 },
      { fact: 'LPG_count', operator: 'greaterThan', actual: 3, expected: 2 },
    ];
    expect(explainHazard(title, obs, labels)).toEqual({
      'zh-CN': '浓度超标：可燃气体浓度为 25 %LEL，超过 20 %LEL；LPG钢瓶为 3，超过 2。',
      en: 'Gas too high: gas concentration is 25 %LEL, above 20 %LEL; LPG cylinders is 3, above 2.',
    });
    expect(explainHazard(title, [], labels)).toEqual({ 'zh-CN': '浓度超标。', en: 'Gas too high.' });
  });

  it('the cached explainer says exactly what the uncached one says', () => {
    const explain = createExplainer(labels, 3);
    const cases: Observation[][] = [
      [{ fact: 'lel', operator: 'greaterThan', actual: 25, expected: 20 }],
      [{ fact: 'lel', operator: 'greaterThan', actual: 26, expected: 20 }],
      [{ fact: 'lel', operator: 'greaterThan', actual: 25, expected: 21 }],
      [{ fact: 'lel', operator: 'lessThan', actual: 25, expected: 20, negated: true }],
      [{ fact: 'lel', operator: 'in', actual: 25, expected: Object.freeze([20, 25]) }],
      [{ fact: 'on', operator: 'equal', actual: true, expected: true }, { fact: 'lel', operator: 'greaterThan', actual: '25', expected: 20 }],
    ];
    for (let round = 0; round < 3; round++) {
      for (const obs of cases) expect(explain(title, obs)).toEqual(explainHazard(title, obs, labels));
    }
  });

  it('the cached explainer equals the uncached one on random observations (property)', () => {
    const explain = createExplainer(labels, 50);
    const value = fc.oneof(
      fc.constantFrom(undefined, null, true, false, 0, 2.5, -1, 'hotel', 'a', 'ABC', '', '3 m', 'x'.repeat(70)),
      fc.integer({ min: -5, max: 30 }),
      fc.array(fc.constantFrom('a', 'hotel', 1), { maxLength: 3 }),
      fc.constant({ k: 1 }),
    );
    const observation = fc.record(
      {
        fact: fc.constantFrom('lel', 'limit', 'on', 'tested', 'LPG_count', '$premises', '$inspectedAt', 'undeclared'),
        operator: fc.constantFrom('equal', 'notEqual', 'greaterThan', 'lessThanInclusive', 'in', 'notIn', 'contains', 'between', 'before', 'withinDays', 'bogus'),
        actual: value,
        expected: fc.oneof(value, fc.constant(Object.freeze([2, 5])), fc.constant(Object.freeze(['a', 'hotel']))),
        negated: fc.boolean(),
        path: fc.constantFrom('$.x'),
        valueFact: fc.constantFrom('limit'),
      },
      { requiredKeys: ['fact', 'operator', 'actual', 'expected'] },
    ) as fc.Arbitrary<Observation>;
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 3 }), (obs) => {
        expect(explain(title, obs)).toEqual(explainHazard(title, obs, labels));
      }),
      { seed: 5, numRuns: 3000 },
    );
  });
});
