import { describe, expect, it } from 'vitest';
import { applicant, applyCommand, attendant, PermitRun, reading, tester, unit } from './permit-harness.test-util.js';
import type { PermitCommand, PermitDecision } from './permit-types.js';

/** Refused with its pointer, and a message in both languages naming the pointer's field. */
const refusal = (d: PermitDecision) => (d.ok ? 'OK' : [d.rejection.code, d.rejection.pointer]);

/** Free texts a red-team pass got through: each is refused by core's text check (T70). */
const BAD: [string, string][] = [
  ['a bidi override', '赵师\u202e傅'],
  ['invisible characters only', '\u200b'],
  ['an ideographic space and a zero-width joiner', '\u3000\u200d'],
  ['NUL', 'PID\u00007'],
  ['CR LF', 'PID\r\n7'],
  ['a C1 control', 'PID\u00857'],
  ['a lone surrogate', 'PID\ud8007'],
];

function approvedAndTested(): PermitRun {
  const run = new PermitRun();
  run.ok(applyCommand({ kind: 'confined_space', grade: 'none', premises: 'general' }), applicant, -60);
  run.ok({ type: 'approve' }, unit, -30);
  return run;
}

describe('permit texts go through core checkText (T70)', () => {
  it.each(BAD)('a worker name with %s is refused at /workerIds/<i>, nothing recorded', (_, bad) => {
    const run = new PermitRun();
    const d = run.do(applyCommand({ workerIds: ['worker-1', bad] }), applicant, -60);
    expect(refusal(d)).toEqual(['INVALID_COMMAND', '/workerIds/1']);
    expect(d.ok ? '' : d.rejection.message['zh-CN']).toContain('workerIds');
    expect(d.ok ? '' : d.rejection.message.en).toContain('workerIds');
    expect(run.log).toEqual([]);
  });

  it.each(BAD)('an attendant, area or permit id with %s is refused at its field', (_, bad) => {
    for (const field of ['attendantId', 'area', 'permitId'] as const) {
      const run = new PermitRun();
      expect(refusal(run.do(applyCommand({ [field]: bad }), applicant, -60)), field).toEqual(['INVALID_COMMAND', `/${field}`]);
      expect(run.log).toEqual([]);
    }
  });

  it.each(BAD)('a gas test instrument or place with %s is refused, nothing recorded', (_, bad) => {
    for (const field of ['instrument', 'place'] as const) {
      const run = approvedAndTested();
      const before = run.log.length;
      const d = run.do({ type: 'record_gas_test', reading: reading(-10, { [field]: bad }) }, tester, -5);
      expect(refusal(d), field).toEqual(['INVALID_COMMAND', `/reading/${field}`]);
      expect(run.log.length).toBe(before);
    }
  });

  it.each(BAD)('a paper attachment record number with %s is refused at /attachments/0/recordNo', (_, bad) => {
    const run = approvedAndTested();
    run.ok({ type: 'record_gas_test', reading: reading(-10, { o2PctVol: 20.8, flammablePctLel: 2 }) }, tester, -5);
    run.ok({ type: 'attendant_present' }, attendant, -2);
    const start = { type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: bad }] } as unknown as PermitCommand;
    expect(refusal(run.do(start, applicant, 0))).toEqual(['INVALID_COMMAND', '/attachments/0/recordNo']);
    expect(run.status).toBe('approved');
  });

  it('the refusal says what was wrong, in both languages', () => {
    const d = new PermitRun().do(applyCommand({ workerIds: ['赵师\u202e傅'] }), applicant, -60);
    expect(d.ok ? null : d.rejection.message).toEqual({ 'zh-CN': expect.stringContaining('双向文本控制字符'), en: expect.stringContaining('bidirectional control characters') });
  });

  it('ordinary texts still pass: Chinese names, a tab-free record number, surrounding spaces', () => {
    const run = new PermitRun();
    run.ok(applyCommand({ workerIds: ['赵师傅', '王 工'], kind: 'confined_space', grade: 'none', premises: 'general' }), applicant, -60);
    run.ok({ type: 'approve' }, unit, -30);
    run.ok({ type: 'record_gas_test', reading: reading(-10, { instrument: '四合一检测仪 MX4', place: '人孔 😀 下方 1 m', o2PctVol: 20.8, flammablePctLel: 2 }) }, tester, -5);
    run.ok({ type: 'attendant_present' }, attendant, -2);
    run.ok({ type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: ' JD-2026-0412 ' }] } as unknown as PermitCommand, applicant, 0);
    expect(run.status).toBe('in_progress');
    expect(run.state?.attachments).toEqual([{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2026-0412' }]);
  });
});
