import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../pack/types.js';
import { OPERATOR_CATALOGUE } from '../rules/operator-catalogue.js';
import { createExplainer, explainHazard, explainObservation } from './explain-observation.js';
import { titleSentence } from './explanation-sentence.js';
import { factLabels } from './fact-labels.js';
import type { Observation } from './types.js';

const labels = factLabels({
  premises: [{ id: 'hotel', label: { 'zh-CN': '宾馆', en: 'Hotel' } }],
  facts: [
    { id: 'lel', type: 'number', unit: '%LEL', label: { 'zh-CN': '可燃气体浓度', en: 'Gas concentration' } },
    { id: 'limit', type: 'number', unit: '%LEL', label: { 'zh-CN': '报警设定值', en: 'Alarm set point' } },
    { id: 'hose', type: 'number', unit: 'm', label: { 'zh-CN': '软管长度', en: 'Length of the hose' } },
    { id: 'on', type: 'boolean', label: { 'zh-CN': '阀门关闭', en: 'Valve closed' } },
    { id: 'dorm', type: 'boolean', label: { 'zh-CN': '员工宿舍与危险化学品在同一建筑内', en: 'Staff dormitory in the same building as the chemicals' } },
    { id: 'sds', type: 'boolean', label: { 'zh-CN': '现场有中文安全技术说明书', en: 'Chinese safety data sheets on site' } },
    { id: 'tested', type: 'date', label: { 'zh-CN': '检测日期', en: 'Test date' } },
    { id: 'analysed', type: 'datetime', label: { 'zh-CN': '气体分析时间', en: 'Time of the gas analysis' } },
    { id: 'started', type: 'datetime', label: { 'zh-CN': '作业开始时间', en: 'Time the work started' } },
    { id: 'LPG_count', type: 'count', label: { 'zh-CN': 'LPG钢瓶', en: 'LPG cylinders' } },
    {
      id: 'store',
      type: 'enum',
      label: { 'zh-CN': '储存场所类型', en: 'Kind of storage place' },
      options: [
        { value: 'dedicated', label: { 'zh-CN': '专用仓库', en: 'Dedicated warehouse' } },
        { value: 'shared', label: { 'zh-CN': '非专用场所（普通库房、车间角落、走道等）', en: 'Not dedicated (general store, workshop corner, corridor …)' } },
        { value: 'cabinet', label: { 'zh-CN': '专用柜', en: 'Dedicated cabinet' } },
      ],
    },
    {
      id: 'kit',
      type: 'multi',
      label: { 'zh-CN': '现场配备的装备', en: 'Equipment on site' },
      options: [
        { value: 'scba', label: { 'zh-CN': '正压式空气呼吸器', en: 'Positive-pressure SCBA' } },
        { value: 'harness', label: { 'zh-CN': '安全带', en: 'Harness' } },
      ],
    },
  ],
} as unknown as Pack);

const title = { 'zh-CN': '浓度超标', en: 'Gas too high' };
const both = (o: Observation) => [explainObservation(o, labels, 'zh-CN'), explainObservation(o, labels, 'en')];

describe('explanations: one "label：value" record per observation', () => {
  // One row per operator of the catalogue (and the two negations without an operator of their own).
  const cases: [string, Observation, string, string][] = [
    ['equal', { fact: 'dorm', operator: 'equal', actual: true, expected: true }, '员工宿舍与危险化学品在同一建筑内：是', 'Staff dormitory in the same building as the chemicals: yes'],
    [
      'equal',
      { fact: 'store', operator: 'equal', actual: 'shared', expected: 'shared' },
      '储存场所类型：非专用场所（普通库房、车间角落、走道等）',
      'Kind of storage place: Not dedicated (general store, workshop corner, corridor …)',
    ],
    [
      'notEqual',
      { fact: 'store', operator: 'notEqual', actual: 'shared', expected: 'dedicated' },
      '储存场所类型：非专用场所（普通库房、车间角落、走道等），不是专用仓库',
      'Kind of storage place: Not dedicated (general store, workshop corner, corridor …), not “Dedicated warehouse”',
    ],
    ['notEqual', { fact: 'sds', operator: 'notEqual', actual: false, expected: true }, '现场有中文安全技术说明书：否', 'Chinese safety data sheets on site: no'],
    ['lessThan', { fact: 'hose', operator: 'lessThan', actual: 1.5, expected: 2 }, '软管长度：1.5 m，低于 2 m', 'Length of the hose: 1.5 m, below 2 m'],
    ['lessThanInclusive', { fact: 'hose', operator: 'lessThanInclusive', actual: 2, expected: 2 }, '软管长度：2 m，不高于 2 m', 'Length of the hose: 2 m, not above 2 m'],
    ['greaterThan', { fact: 'hose', operator: 'greaterThan', actual: 3, expected: 2 }, '软管长度：3 m，超过 2 m', 'Length of the hose: 3 m, above 2 m'],
    ['greaterThanInclusive', { fact: 'lel', operator: 'greaterThanInclusive', actual: 25, expected: 20 }, '可燃气体浓度：25 %LEL，不低于 20 %LEL', 'Gas concentration: 25 %LEL, not below 20 %LEL'],
    ['greaterThan', { fact: 'LPG_count', operator: 'greaterThan', actual: 3, expected: 2 }, 'LPG钢瓶：3，超过 2', 'LPG cylinders: 3, above 2'],
    [
      'in',
      { fact: 'store', operator: 'in', actual: 'shared', expected: ['shared', 'cabinet'] },
      '储存场所类型：非专用场所（普通库房、车间角落、走道等）',
      'Kind of storage place: Not dedicated (general store, workshop corner, corridor …)',
    ],
    [
      'notIn',
      { fact: 'store', operator: 'notIn', actual: 'shared', expected: ['dedicated', 'cabinet'] },
      '储存场所类型：非专用场所（普通库房、车间角落、走道等），不属于专用仓库、专用柜',
      'Kind of storage place: Not dedicated (general store, workshop corner, corridor …), not “Dedicated warehouse” or “Dedicated cabinet”',
    ],
    ['contains', { fact: 'kit', operator: 'contains', actual: ['harness', 'scba'], expected: 'scba' }, '现场配备的装备：包括正压式空气呼吸器', 'Equipment on site: includes “Positive-pressure SCBA”'],
    // issue 22 item 8: what was recorded, then the option missing
    [
      'doesNotContain',
      { fact: 'kit', operator: 'doesNotContain', actual: ['harness'], expected: 'scba' },
      '现场配备的装备：安全带，不包括正压式空气呼吸器',
      'Equipment on site: Harness, without “Positive-pressure SCBA”',
    ],
    ['between', { fact: 'hose', operator: 'between', actual: 3, expected: [2, 5] }, '软管长度：3 m，在 2–5 m 范围内', 'Length of the hose: 3 m, within 2–5 m'],
    ['notBetween', { fact: 'hose', operator: 'notBetween', actual: 6, expected: [2, 5] }, '软管长度：6 m，超出 2–5 m 范围', 'Length of the hose: 6 m, outside 2–5 m'],
    ['before', { fact: 'tested', operator: 'before', actual: '2025-01-01', expected: '2026-01-01' }, '检测日期：2025-01-01，早于 2026-01-01', 'Test date: 2025-01-01, before 2026-01-01'],
    ['after', { fact: 'tested', operator: 'after', actual: '2027-01-01', expected: '2026-01-01' }, '检测日期：2027-01-01，晚于 2026-01-01', 'Test date: 2027-01-01, after 2026-01-01'],
    [
      'withinDays',
      { fact: 'tested', operator: 'withinDays', actual: '2026-11-01', expected: 30, reference: '$inspectedAt' },
      '检测日期：2026-11-01，在检查前 30 天之内',
      'Test date: 2026-11-01, within 30 days before the inspection',
    ],
    [
      'olderThanDays',
      { fact: 'tested', operator: 'olderThanDays', actual: '2025-01-01', expected: 365, reference: '$inspectedAt' },
      '检测日期：2025-01-01，距检查已超过 365 天',
      'Test date: 2025-01-01, more than 365 days before the inspection',
    ],
    [
      'withinMinutes',
      { fact: 'analysed', operator: 'withinMinutes', actual: '2026-11-03T08:50:00+08:00', expected: 30, reference: 'started' },
      '气体分析时间：2026-11-03 08:50，在作业开始时间前 30 分钟之内',
      'Time of the gas analysis: 2026-11-03 08:50, within 30 minutes before “Time the work started”',
    ],
    [
      'olderThanMinutes',
      { fact: 'analysed', operator: 'olderThanMinutes', actual: '2026-11-03T08:15:00+08:00', expected: 30, reference: 'started' },
      '气体分析时间：2026-11-03 08:15，距作业开始时间已超过 30 分钟',
      'Time of the gas analysis: 2026-11-03 08:15, more than 30 minutes before “Time the work started”',
    ],
    [
      'not before',
      { fact: 'tested', operator: 'before', actual: '2027-01-01', expected: '2026-01-01', negated: true },
      '检测日期：2027-01-01，不早于 2026-01-01',
      'Test date: 2027-01-01, not before 2026-01-01',
    ],
    [
      'not after',
      { fact: 'tested', operator: 'after', actual: '2025-01-01', expected: '2026-01-01', negated: true },
      '检测日期：2025-01-01，不晚于 2026-01-01',
      'Test date: 2025-01-01, not after 2026-01-01',
    ],
  ];

  it.each(cases)('%s: %j', (_name, o, zh, en) => {
    expect(both(o)).toEqual([zh, en]);
  });

  it('covers every operator of the catalogue', () => {
    const covered = new Set(cases.map(([, o]) => o.operator));
    expect(Object.keys(OPERATOR_CATALOGUE).filter((op) => !covered.has(op))).toEqual([]);
  });

  it('keeps the case of labels and values: acronyms and proper nouns stay as written', () => {
    expect(explainObservation({ fact: 'LPG_count', operator: 'equal', actual: 3, expected: 3 }, labels, 'en')).toBe('LPG cylinders: 3');
    expect(explainObservation({ fact: 'sds', operator: 'equal', actual: false, expected: false }, labels, 'en')).toBe('Chinese safety data sheets on site: no');
    const sentence = explainHazard(
      title,
      [
        { fact: 'lel', operator: 'greaterThan', actual: 25, expected: 20 },
        { fact: 'LPG_count', operator: 'greaterThan', actual: 3, expected: 2 },
      ],
      labels,
    );
    expect(sentence.en).toBe('Gas too high. Gas concentration: 25 %LEL, above 20 %LEL; LPG cylinders: 3, above 2.');
  });

  it('names a referenced fact and the reserved facts; reads negations through the complement', () => {
    expect(both({ fact: 'lel', operator: 'greaterThan', actual: 25, expected: 20, valueFact: 'limit' })).toEqual([
      '可燃气体浓度：25 %LEL，超过报警设定值（20 %LEL）',
      'Gas concentration: 25 %LEL, above “Alarm set point” (20 %LEL)',
    ]);
    expect(both({ fact: '$premises', operator: 'equal', actual: 'hotel', expected: 'hotel' })).toEqual(['场所类型：宾馆', 'Premises kind: Hotel']);
    expect(both({ fact: 'lel', operator: 'lessThan', actual: 25, expected: 20, negated: true })).toEqual(['可燃气体浓度：25 %LEL，不低于 20 %LEL', 'Gas concentration: 25 %LEL, not below 20 %LEL']);
    expect(both({ fact: 'on', operator: 'equal', actual: false, expected: true, negated: true })).toEqual(['阀门关闭：否', 'Valve closed: no']);
    expect(both({ fact: 'hose', operator: 'lessThan', actual: 3, expected: 2, path: '$.longest' })).toEqual(['软管长度 $.longest：3 m，低于 2 m', 'Length of the hose $.longest: 3 m, below 2 m']);
  });

  it('dates and times read in China time (UTC+8) in both languages, whatever the recorded offset', () => {
    // A +08:00 date-time: the wall-clock time as recorded, without seconds when they are zero.
    expect(both({ fact: 'analysed', operator: 'equal', actual: '2026-09-14T08:00:00+08:00', expected: '2026-09-14T08:00:00+08:00' })).toEqual([
      '气体分析时间：2026-09-14 08:00',
      'Time of the gas analysis: 2026-09-14 08:00',
    ]);
    // A Z instant: shifted to China time, crossing midnight into the next day.
    expect(both({ fact: 'analysed', operator: 'before', actual: '2026-09-13T16:30:00Z', expected: '2026-09-14T00:30:00Z', valueFact: 'started' })).toEqual([
      '气体分析时间：2026-09-14 00:30，早于作业开始时间（2026-09-14 08:30）',
      'Time of the gas analysis: 2026-09-14 00:30, before “Time the work started” (2026-09-14 08:30)',
    ]);
    // Seconds only when not zero; another offset; a date-only value of a datetime fact.
    expect(both({ fact: 'analysed', operator: 'after', actual: '2026-09-14T08:00:05-01:00', expected: '2026-09-14' })).toEqual([
      '气体分析时间：2026-09-14 17:00:05，晚于 2026-09-14',
      'Time of the gas analysis: 2026-09-14 17:00:05, after 2026-09-14',
    ]);
    // A date fact: the date; one given a date-time reads as its China date.
    expect(both({ fact: 'tested', operator: 'before', actual: '2026-09-14', expected: '2026-09-14T20:00:00Z' })).toEqual([
      '检测日期：2026-09-14，早于 2026-09-15',
      'Test date: 2026-09-14, before 2026-09-15',
    ]);
    // The inspection time is a datetime fact too; a value that is not ISO 8601 (or has no offset) stays as recorded.
    expect(both({ fact: '$inspectedAt', operator: 'equal', actual: '2026-11-20T02:00:00.250Z', expected: '2026-11-20T02:00:00.250Z' })).toEqual([
      '检查时间：2026-11-20 10:00',
      'Inspection time: 2026-11-20 10:00',
    ]);
    expect(both({ fact: 'analysed', operator: 'equal', actual: '2026-09-14T08:00', expected: '2026-09-14T08:00' })).toEqual([
      '气体分析时间：2026-09-14T08:00',
      'Time of the gas analysis: 2026-09-14T08:00',
    ]);
    expect(both({ fact: 'tested', operator: 'equal', actual: 'last spring', expected: 'last spring' })).toEqual(['检测日期：last spring', 'Test date: last spring']);
  });

  it('the cached explainer renders dates and times the same way', () => {
    const explain = createExplainer(labels);
    const o: Observation = { fact: 'analysed', operator: 'olderThanMinutes', actual: '2026-09-13T16:30:00Z', expected: 30 };
    expect(explain(title, [o])).toEqual(explainHazard(title, [o], labels));
    expect(explain(title, [o]).en).toBe('Gas too high. Time of the gas analysis: 2026-09-14 00:30, more than 30 minutes before the inspection.');
  });

  it('a missing value is the bare record; an operator outside the catalogue is named', () => {
    expect(both({ fact: 'lel', operator: 'equal', actual: undefined, expected: 3 })).toEqual(['可燃气体浓度：未填写', 'Gas concentration: not recorded']);
    expect(both({ fact: 'store', operator: 'notEqual', actual: undefined, expected: 'dedicated' })).toEqual(['储存场所类型：未填写', 'Kind of storage place: not recorded']);
    expect(both({ fact: 'hose', operator: 'near', actual: 3, expected: 2 })).toEqual(['软管长度：3 m（near 2 m）', 'Length of the hose: 3 m (near 2 m)']);
    expect(both({ fact: 'hose', operator: 'near', actual: 3, expected: 2, negated: true })).toEqual(['软管长度：3 m（并非 near 2 m）', 'Length of the hose: 3 m (not near 2 m)']);
  });
});

describe('explanations of a hazard', () => {
  it('the title as a sentence, then the records joined by ；/ ;', () => {
    const obs: Observation[] = [
      { fact: 'dorm', operator: 'equal', actual: true, expected: true },
      { fact: 'hose', operator: 'greaterThan', actual: 3, expected: 2 },
    ];
    expect(explainHazard({ 'zh-CN': '宿舍与仓库同楼', en: 'Dormitory in the store building' }, obs, labels)).toEqual({
      'zh-CN': '宿舍与仓库同楼。员工宿舍与危险化学品在同一建筑内：是；软管长度：3 m，超过 2 m。',
      en: 'Dormitory in the store building. Staff dormitory in the same building as the chemicals: yes; Length of the hose: 3 m, above 2 m.',
    });
    expect(explainHazard(title, [], labels)).toEqual({ 'zh-CN': '浓度超标。', en: 'Gas too high.' });
    expect(explainHazard({ 'zh-CN': '是否超标？', en: 'Too high?' }, [obs[0]!], labels)['zh-CN']).toBe('是否超标？员工宿舍与危险化学品在同一建筑内：是。');
  });

  it('observations of one fact with one value share a record; duplicates are said once', () => {
    const obs: Observation[] = [
      { fact: 'hose', operator: 'greaterThan', actual: 3, expected: 2 },
      { fact: 'dorm', operator: 'equal', actual: true, expected: true },
      { fact: 'hose', operator: 'lessThanInclusive', actual: 3, expected: 5 },
      { fact: 'dorm', operator: 'equal', actual: true, expected: true },
      { fact: 'hose', operator: 'greaterThan', actual: 3, expected: 2 },
    ];
    expect(explainHazard(title, obs, labels)).toEqual({
      'zh-CN': '浓度超标。软管长度：3 m，超过 2 m，不高于 5 m；员工宿舍与危险化学品在同一建筑内：是。',
      en: 'Gas too high. Length of the hose: 3 m, above 2 m, not above 5 m; Staff dormitory in the same building as the chemicals: yes.',
    });
  });

  it('the observations of one multi-choice answer form one record: what was there, then what was not (issue 22 item 8)', () => {
    const kit = ['harness'];
    const obs: Observation[] = [
      { fact: 'kit', operator: 'doesNotContain', actual: kit, expected: 'scba' },
      { fact: 'hose', operator: 'greaterThan', actual: 3, expected: 2 },
      { fact: 'kit', operator: 'contains', actual: kit, expected: 'mask', negated: true },
      { fact: 'kit', operator: 'contains', actual: kit, expected: 'harness' },
      { fact: 'kit', operator: 'doesNotContain', actual: kit, expected: 'scba' },
    ];
    expect(explainHazard(title, obs, labels)).toEqual({
      'zh-CN': '浓度超标。现场配备的装备：安全带，包括安全带，不包括正压式空气呼吸器、mask；软管长度：3 m，超过 2 m。',
      en: 'Gas too high. Equipment on site: Harness, including “Harness”, without “Positive-pressure SCBA” or mask; Length of the hose: 3 m, above 2 m.',
    });
    // nothing recorded: the options missing after 「无」; only options present: as `contains` says one
    const none: string[] = [];
    expect(
      explainHazard(
        title,
        [
          { fact: 'kit', operator: 'doesNotContain', actual: none, expected: 'scba' },
          { fact: 'kit', operator: 'doesNotContain', actual: none, expected: 'harness' },
        ],
        labels,
      ),
    ).toEqual({
      'zh-CN': '浓度超标。现场配备的装备：无，不包括正压式空气呼吸器、安全带。',
      en: 'Gas too high. Equipment on site: none, without “Positive-pressure SCBA” or “Harness”.',
    });
    expect(
      explainHazard(
        title,
        [
          { fact: 'kit', operator: 'contains', actual: kit, expected: 'scba' },
          { fact: 'kit', operator: 'doesNotContain', actual: kit, expected: 'harness', negated: true },
        ],
        labels,
      ),
    ).toEqual({
      'zh-CN': '浓度超标。现场配备的装备：包括正压式空气呼吸器、安全带。',
      en: 'Gas too high. Equipment on site: includes “Positive-pressure SCBA” and “Harness”.',
    });
    // a missing answer is said once; another recorded list is another record
    expect(
      explainHazard(
        title,
        [
          { fact: 'kit', operator: 'doesNotContain', actual: undefined, expected: 'scba' },
          { fact: 'kit', operator: 'contains', actual: undefined, expected: 'harness', negated: true },
        ],
        labels,
      )['zh-CN'],
    ).toBe('浓度超标。现场配备的装备：未填写。');
    expect(
      explainHazard(
        title,
        [
          { fact: 'kit', operator: 'doesNotContain', actual: ['harness'], expected: 'scba' },
          { fact: 'kit', operator: 'doesNotContain', actual: ['harness'], expected: 'scba' },
        ],
        labels,
      )['zh-CN'],
    ).toBe('浓度超标。现场配备的装备：安全带，不包括正压式空气呼吸器；现场配备的装备：安全带，不包括正压式空气呼吸器。');
    // one record of one observation reads as that observation
    for (const o of [obs[0]!, obs[2]!, obs[3]!]) expect(explainHazard(title, [o, { ...o }], labels)).toEqual(explainHazard(title, [o], labels));
  });

  it('Chinese uses full-width punctuation, English plain ASCII punctuation around the records', () => {
    const obs: Observation[] = [
      { fact: 'store', operator: 'notIn', actual: 'shared', expected: ['dedicated', 'cabinet'] },
      { fact: 'hose', operator: 'greaterThan', actual: 3, expected: 2 },
      { fact: 'on', operator: 'equal', actual: false, expected: false },
    ];
    const { 'zh-CN': zh, en } = explainHazard(title, obs, labels);
    expect(zh).not.toMatch(/[:;,]\s|为是|为否/);
    expect(en).not.toMatch(/[：；，。]| is (yes|no)\b/);
  });

  it('the cached explainer says exactly what the uncached one says', () => {
    const explain = createExplainer(labels, 3);
    const cases: Observation[][] = [
      [{ fact: 'lel', operator: 'greaterThan', actual: 25, expected: 20 }],
      [{ fact: 'lel', operator: 'greaterThan', actual: 26, expected: 20 }],
      [{ fact: 'lel', operator: 'greaterThan', actual: 25, expected: 21 }],
      [{ fact: 'lel', operator: 'greaterThan', actual: undefined, expected: 20 }],
      [{ fact: 'lel', operator: 'lessThan', actual: 25, expected: 20, negated: true }],
      [{ fact: 'lel', operator: 'in', actual: 25, expected: Object.freeze([20, 25]) }],
      [{ fact: 'tested', operator: 'olderThanDays', actual: '2025-01-01', expected: 30, reference: '$inspectedAt' }],
      [{ fact: 'tested', operator: 'olderThanDays', actual: '2025-01-01', expected: 30, reference: 'started' }],
      [
        { fact: 'on', operator: 'equal', actual: true, expected: true },
        { fact: 'lel', operator: 'greaterThan', actual: '25', expected: 20 },
      ],
    ];
    for (let round = 0; round < 3; round++) {
      for (const obs of cases) expect(explain(title, obs)).toEqual(explainHazard(title, obs, labels));
    }
  });

  it('the cached explainer equals the uncached one on random observations (property)', () => {
    const explain = createExplainer(labels, 50);
    const value = fc.oneof(
      fc.constantFrom(undefined, null, true, false, 0, 2.5, -1, 'hotel', 'shared', 'scba', 'a', 'ABC', '', '3 m', 'x'.repeat(70)),
      fc.integer({ min: -5, max: 30 }),
      fc.array(fc.constantFrom('a', 'hotel', 'scba', 1), { maxLength: 3 }),
      fc.constant({ k: 1 }),
    );
    const observation = fc.record(
      {
        fact: fc.constantFrom('lel', 'limit', 'on', 'tested', 'LPG_count', 'store', 'kit', '$premises', '$inspectedAt', 'undeclared'),
        operator: fc.constantFrom(...Object.keys(OPERATOR_CATALOGUE), 'bogus'),
        actual: value,
        expected: fc.oneof(value, fc.constant(Object.freeze([2, 5])), fc.constant(Object.freeze(['a', 'hotel', 'shared']))),
        negated: fc.boolean(),
        path: fc.constantFrom('$.x'),
        valueFact: fc.constantFrom('limit'),
        reference: fc.constantFrom('$inspectedAt', 'started'),
      },
      { requiredKeys: ['fact', 'operator', 'actual', 'expected'] },
    ) as fc.Arbitrary<Observation>;
    // the per-leaf path: a leaf is its fact, operator, literal, path, referenced fact and reference time
    const leafIds = new Map<string, number>();
    const leafOf = (o: Observation) => {
      const key = JSON.stringify([o.fact, o.operator, o.expected === undefined ? '(undefined)' : o.expected, o.path, o.valueFact, o.reference]);
      let id = leafIds.get(key);
      if (id === undefined) leafIds.set(key, (id = leafIds.size));
      return id;
    };
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 4 }), (obs) => {
        const expected = explainHazard(title, obs, labels);
        expect(explain(title, obs)).toEqual(expected);
        // a leaf whose threshold is another answer is a leaf whatever that answer is
        expect(explain.leaves(titleSentence(title), obs, obs.map(leafOf))).toEqual(expected);
      }),
      { seed: 5, numRuns: 3000 },
    );
  });
});
