import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPackFromPath } from '../node/load-pack-from-path.js';
import type { Pack } from '../pack/types.js';
import { checkFindings } from './check-findings.js';
import { FINDINGS_ISSUE_CODES } from './check-inspection.js';
import type { Inspection } from './types.js';

const demoResult = await loadPackFromPath(join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/packs/demo-kitchen'));
const gasResult = await loadPackFromPath(join(dirname(fileURLToPath(import.meta.url)), '../../../../checklists/gas'));

const pack: Pack = {
  format: 'anjian/pack@1',
  id: 'p',
  version: '1.2.0',
  domain: 'fire',
  title: { 'zh-CN': '测试', en: 'Test' },
  issuer: { 'zh-CN': '测试', en: 'Test' },
  premises: [{ id: 'hotel', label: { 'zh-CN': '宾馆', en: 'Hotel' } }],
  regulations: [],
  facts: [
    { id: 'distance_m', type: 'number', unit: 'm', min: 0, max: 100, required: true, label: { 'zh-CN': '距离', en: 'Distance' } },
    { id: 'people', type: 'count', max: 500, label: { 'zh-CN': '人数', en: 'People' } },
    {
      id: 'kind',
      type: 'enum',
      label: { 'zh-CN': '类型', en: 'Kind' },
      options: [
        { value: 'a', label: { 'zh-CN': '甲', en: 'A' } },
        { value: 'b', label: { 'zh-CN': '乙', en: 'B' } },
      ],
    },
    { id: 'tags', type: 'multi', label: { 'zh-CN': '标签', en: 'Tags' }, options: [{ value: 'x', label: { 'zh-CN': '叉', en: 'Ex' } }] },
    { id: 'note', type: 'text', maxLength: 5, label: { 'zh-CN': '备注', en: 'Note' } },
    { id: 'tested_on', type: 'date', label: { 'zh-CN': '检测日期', en: 'Test date' } },
    { id: 'started_at', type: 'datetime', label: { 'zh-CN': '开始时间', en: 'Start time' } },
    { id: 'photos', type: 'evidence', label: { 'zh-CN': '照片', en: 'Photos' } },
    { id: 'ok', type: 'boolean', required: true, label: { 'zh-CN': '合格', en: 'OK' }, when: { fact: 'kind', operator: 'equal', value: 'a' } },
  ],
  conditions: {},
  sections: [
    {
      id: 'S',
      title: { 'zh-CN': '节', en: 'S' },
      items: [
        {
          id: 'I',
          title: { 'zh-CN': '项', en: 'I' },
          asks: ['distance_m'],
          premises: ['hotel'],
          hazards: [{ id: 'H', level: 'simple', title: { 'zh-CN': '旧', en: 'Old' }, when: { fact: 'tested_on', operator: 'olderThanDays', value: 365 }, basis: [] }],
        },
      ],
    },
  ],
  composites: [],
};

const check = (findings: Record<string, unknown>, envelope: Partial<Inspection> = {}) =>
  checkFindings(pack, { pack: 'p', premises: 'hotel', inspectedAt: '2026-11-28T09:00:00+08:00', ...envelope, findings } as Inspection);

describe('checkFindings', () => {
  it('accepts a complete, well-typed inspection', () => {
    expect(check({ distance_m: 3.5, people: 10, kind: 'a', ok: true, tags: ['x'], note: 'fine', tested_on: '2026-01-02', started_at: '2026-11-28T08:00:00+08:00', photos: ['p1.jpg'] })).toEqual([]);
  });

  it('an unknown fact, option or envelope key is echoed as every message echoes input: quoted, cut to 64 characters (quoteInput)', () => {
    const long = `k${'Q'.repeat(999)}`;
    const shown = `"${'k' + 'Q'.repeat(63)}…"`;
    const issues = check({ distance_m: 1, [long]: 1, kind: long, tags: [long] }, { [long]: 1, source: long, premises: 'hotel', subject: { [long]: 1 } } as Partial<Inspection>);
    const texts = issues.flatMap((i) => [i.message['zh-CN'], i.message.en]);
    for (const code of ['UNKNOWN_FACT', 'UNKNOWN_OPTION', 'UNKNOWN_KEY', 'UNKNOWN_SOURCE']) expect(issues.map((i) => i.code)).toContain(code);
    for (const text of texts) expect(text, text.slice(0, 80)).not.toMatch(/Q{64}/);
    expect(issues.find((i) => i.code === 'UNKNOWN_FACT')!.message.en).toContain(shown);
    expect(issues.find((i) => i.code === 'UNKNOWN_OPTION')!.message['zh-CN']).toContain(shown);
    // A quote in a key shows as its escape.
    expect(check({ distance_m: 1, 'a"b': 1 }).find((i) => i.code === 'UNKNOWN_FACT')!.message.en).toContain('"a\\"b"');
  });

  it('reports each problem with a code, a pointer and the same bilingual message', () => {
    const issues = check({
      distance_m: '3',
      people: 2.5,
      kind: 'c',
      tags: ['x', 'y', 'x'],
      note: 'too long',
      tested_on: '2026-02-30',
      started_at: '2026-11-28 08:00',
      photos: 'p1.jpg',
      distance_mm: 1,
    });
    const summary = issues.map((i) => [i.code, i.pointer]);
    expect(summary).toEqual([
      ['UNKNOWN_FACT', '/findings/distance_mm'],
      ['WRONG_TYPE', '/findings/distance_m'],
      ['WRONG_TYPE', '/findings/people'],
      ['UNKNOWN_OPTION', '/findings/kind'],
      ['UNKNOWN_OPTION', '/findings/tags/1'],
      ['DUPLICATE_OPTION', '/findings/tags/2'],
      ['TEXT_TOO_LONG', '/findings/note'],
      ['BAD_DATE', '/findings/tested_on'],
      ['BAD_DATE', '/findings/started_at'],
      ['WRONG_TYPE', '/findings/photos'],
    ]);
    const byPointer = new Map(issues.map((i) => [i.pointer, i]));
    expect(byPointer.get('/findings/distance_mm')!.message).toEqual({
      'zh-CN': '检查表中没有事实 "distance_mm"（是不是 "distance_m"？）',
      en: 'the pack has no fact "distance_mm" (did you mean "distance_m"?)',
    });
    expect(byPointer.get('/findings/distance_m')!.message).toEqual({ 'zh-CN': '“距离”（distance_m）应为数字，收到：文本 "3"', en: '"Distance" (distance_m) must be a number; got the text "3"' });
    expect(byPointer.get('/findings/kind')!.message.en).toBe('"Kind" (kind) has no option "c" (one of: a, b)');
    expect(byPointer.get('/findings/note')!.message['zh-CN']).toBe('“备注”（note）过长：8 个字符，最多 5 个');
    for (const issue of issues) {
      expect(issue.severity).toBe(FINDINGS_ISSUE_CODES[issue.code]);
      expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('numbers outside min/max', () => {
    expect(check({ distance_m: 101, people: 501 }).map((i) => [i.code, i.message.en])).toEqual([
      ['NUMBER_OUT_OF_RANGE', '"Distance" (distance_m) is 101 m, outside the allowed range 0–100 m'],
      ['NUMBER_OUT_OF_RANGE', '"People" (people) is 501, outside the allowed range −∞–500'],
    ]);
  });

  it('missing required answers only for applicable facts; answers to facts that do not apply', () => {
    expect(check({}).map((i) => [i.code, i.pointer])).toEqual([['REQUIRED_MISSING', '/findings/distance_m']]);
    expect(check({ distance_m: null, kind: 'a' }).map((i) => [i.code, i.pointer])).toEqual([
      ['REQUIRED_MISSING', '/findings/distance_m'],
      ['REQUIRED_MISSING', '/findings/ok'],
    ]);
    expect(check({ distance_m: 1, kind: 'b', ok: true }).map((i) => [i.code, i.severity])).toEqual([['NOT_APPLICABLE_ANSWER', 'error']]);
  });

  it('checks the envelope: pack, premises, inspectedAt', () => {
    expect(check({ distance_m: 1 }, { pack: 'p@1.2.0' })).toEqual([]);
    expect(check({ distance_m: 1 }, { pack: 'other' }).map((i) => i.code)).toEqual(['PACK_MISMATCH']);
    expect(check({ distance_m: 1 }, { premises: 'moon' }).map((i) => [i.code, i.pointer])).toEqual([['UNKNOWN_PREMISES', '/premises']]);
    // issue 13: fail closed — a missing premises kind is an error, never a quieter result
    expect(check({ distance_m: 1 }, { premises: undefined }).map((i) => [i.code, i.severity, i.pointer])).toEqual([['PREMISES_MISSING', 'error', '/premises']]);
    expect(check({ distance_m: 1 }, { inspectedAt: 'yesterday' }).map((i) => i.code)).toEqual(['BAD_INSPECTED_AT']);
    expect(check({ distance_m: 1 }, { inspectedAt: undefined }).map((i) => i.code)).toEqual(['INSPECTED_AT_MISSING']);
    expect(checkFindings(pack, { pack: 'p', findings: [] as never }).map((i) => i.code)).toContain('FINDINGS_NOT_OBJECT');
    expect(checkFindings(pack, null as never).map((i) => i.code)).toEqual(['INSPECTION_NOT_OBJECT']);
  });

  it('without a known premises kind says so once, not once per answer as not applicable (real gas pack)', () => {
    const gas = gasResult.ok ? gasResult.pack : undefined;
    if (!gas) throw new Error('gas pack did not load');
    // An LPG station's answers, whose items apply to the gas_operator premises kind only.
    const findings = { op_licence: 'valid', op_has_station: true, op_has_tanks: true, tank_monitoring: 'complete' };
    const at = '2026-11-21T10:05:00+08:00';
    expect(checkFindings(gas, { pack: 'gas', inspectedAt: at, findings } as never).map((i) => i.code)).toEqual(['PREMISES_MISSING']);
    expect(checkFindings(gas, { pack: 'gas', premises: 'gas_station', inspectedAt: at, findings } as never).map((i) => i.code)).toEqual(['UNKNOWN_PREMISES']);
    // With a known kind the answers are judged: at a restaurant they do not apply.
    const restaurant = checkFindings(gas, { pack: 'gas', premises: 'restaurant', inspectedAt: at, findings } as never).map((i) => i.code);
    expect(restaurant).toContain('NOT_APPLICABLE_ANSWER');
  });

  it('fails closed on the envelope: did-you-mean premises, unknown keys, invalid source', () => {
    const hotel = check({ distance_m: 1 }, { premises: 'hotle' });
    expect(hotel.map((i) => [i.code, i.severity, i.pointer])).toEqual([['UNKNOWN_PREMISES', 'error', '/premises']]);
    expect(hotel[0]!.message.en).toBe('the pack has no premises kind "hotle" (did you mean "hotel"?)');
    expect(hotel[0]!.hint?.['zh-CN']).toContain('hotel（宾馆）');
    const keys = checkFindings(pack, {
      pack: 'p',
      premises: 'hotel',
      inspectedAt: '2026-11-20T10:00:00+08:00',
      findings: { distance_m: 1 },
      level: 'simple',
      subject: { name: 'x', adress: 'y' },
    } as never);
    expect(keys.map((i) => [i.code, i.pointer])).toEqual([
      ['UNKNOWN_KEY', '/level'],
      ['UNKNOWN_KEY', '/subject/adress'],
    ]);
    expect(keys[1]!.message.en).toContain('did you mean "address"?');
    const source = check({ distance_m: 1 }, { source: 'grid' as never });
    expect(source.map((i) => [i.code, i.severity, i.pointer])).toEqual([['UNKNOWN_SOURCE', 'error', '/source']]);
    expect(source[0]!.hint?.en).toContain('grid_patrol');
    expect(check({ distance_m: 1 }, { source: 'grid_patrol' })).toEqual([]);
  });

  it('on demo-kitchen: the alarm question is required only when an alarm is installed', () => {
    if (!demoResult.ok) throw new Error('demo-kitchen does not load');
    const demo = demoResult.pack;
    const base = { gas_type: 'natural_gas', below_ground: false, hose_length_m: 1 };
    expect(checkFindings(demo, { pack: 'demo-kitchen', premises: 'restaurant', findings: { ...base, alarm_installed: false } })).toEqual([]);
    expect(checkFindings(demo, { pack: 'demo-kitchen', premises: 'restaurant', findings: { ...base, alarm_installed: true } }).map((i) => i.message['zh-CN'])).toEqual([
      '必答项“报警器工作正常”（alarm_working）未填写',
    ]);
  });
});
