// The free texts of a service or receipt body go through core's one text check (checkText):
// a UTF-8 database would store a lone surrogate as U+FFFD, a bidi override reorders a name (T71).
import { describe, expect, it } from 'vitest';
import { parseServiceBody } from '../src/index.js';

const NOW = new Date('2026-11-02T04:00:00Z');
const served = (recipient: unknown) => parseServiceBody({ method: 'direct', recipient, servedAt: '2026-11-02T10:00:00+08:00' }, 'service', NOW);
const refused = (o: Record<string, unknown>) => parseServiceBody({ outcome: 'refused', witness: '李见证', witnessRole: '社区工作人员', refusedOn: '2026-11-02', ...o }, 'receipt', NOW);
const signed = (signedBy: unknown) => parseServiceBody({ outcome: 'signed', signedBy, signedOn: '2026-11-02' }, 'receipt', NOW);
const problems = (r: ReturnType<typeof parseServiceBody>) => (r.ok ? [] : r.problems.map((p) => [p.code, p.pointer]));

const BAD_NAMES: [string, string][] = [
  ['a lone high surrogate', '张\ud83d三'],
  ['a lone low surrogate', '张\ude00三'],
  ['invisible characters only', '\u200b\u3000'],
  ['a bidi override', '张\u202e三'],
  ['a line break', '张\n三'],
  ['over 100 characters', '张'.repeat(101)],
];

describe('parseServiceBody: names and the note go through checkText (T71)', () => {
  it.each(BAD_NAMES)('a recipient, witness, witness role or signer with %s is refused at its pointer', (_, bad) => {
    expect(problems(served(bad))).toEqual([['SERVICE_INVALID', '/recipient']]);
    expect(problems(refused({ witness: bad }))).toEqual([['SERVICE_INVALID', '/witness']]);
    expect(problems(refused({ witnessRole: bad }))).toEqual([['SERVICE_INVALID', '/witnessRole']]);
    expect(problems(signed(bad))).toEqual([['SERVICE_INVALID', '/signedBy']]);
  });

  it.each([
    ['a lone surrogate', '拒签\ud83d'],
    ['a NUL', '拒签\u0000'],
    ['an escape', '拒签\u001b[31m'],
    ['a C1 control', '拒签\u0085'],
    ['a bidi isolate', '拒签\u2066'],
    ['invisible characters only', '\u200d'],
    ['over 500 characters', '拒'.repeat(501)],
    ['a number', 5],
  ])('a note with %s is refused at /note', (_, note) => {
    expect(problems(refused({ note }))).toEqual([['SERVICE_INVALID', '/note']]);
  });

  it('the refusal says why, in both languages', () => {
    const r = refused({ witness: '张\ud83d三' });
    expect(r.ok ? null : r.problems[0]?.message).toEqual({ 'zh-CN': expect.stringContaining('控制字符'), en: expect.stringContaining('control characters') });
  });

  it('ordinary texts are recorded trimmed: emoji pairs, a multi-line note, an empty note left out', () => {
    expect(served(' 某燃气经营部 😀 ')).toMatchObject({ ok: true, entry: { recipient: '某燃气经营部 😀' } });
    expect(refused({ note: '当事人拒绝签收，\n已拍照留存。\t' })).toMatchObject({ ok: true, entry: { note: '当事人拒绝签收，\n已拍照留存。' } });
    const blank = refused({ note: '  ' });
    expect(blank.ok && 'note' in blank.entry).toBe(false);
  });
});
