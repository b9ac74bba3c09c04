import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';
import { COMMAND_TYPES } from './types.js';
import { treatmentPlan } from '../testing/chain-fixtures.js';

const ids = { hazardId: 'H-1', commandId: 'k-1' };
const why = { 'zh-CN': '理由', en: 'reason' };

/** One valid body per type parseCommand accepts. */
const VALID: Record<string, Record<string, unknown>> = {
  report_observation: { type: 'report_observation', title: why, description: why, enterpriseId: 'E1', domain: 'gas', level: 'general', evidence: [{ id: 'ev-1', kind: 'photo_before' }] },
  reclassify: { type: 'reclassify', level: 'general', reason: why },
  confirm_level: { type: 'confirm_level', level: 'major', reason: why },
  issue_notice: { type: 'issue_notice', note: why },
  submit_rectification: { type: 'submit_rectification', evidence: [{ id: 'ev-2', kind: 'photo_after' }], note: why },
  verify: { type: 'verify' },
  reject: { type: 'reject', reason: why },
  request_extension: { type: 'request_extension', extension: { workingDays: 5 }, reason: why },
  grant_extension: { type: 'grant_extension', note: why },
  deny_extension: { type: 'deny_extension', reason: why },
  escalate: { type: 'escalate', reason: why, overdueDeadline: '2026-11-07T23:59:59.999+08:00' },
  file_case: { type: 'file_case' },
  list_for_supervision: { type: 'list_for_supervision', authority: why },
  submit_plan: { type: 'submit_plan', plan: treatmentPlan('2026-12-31T00:00:00+08:00') },
  approve_plan: { type: 'approve_plan', note: why },
  order_stop_work: { type: 'order_stop_work', scope: 'whole', reason: why },
  lift_stop_work: { type: 'lift_stop_work', note: why, evidence: [] },
  delist: { type: 'delist', note: why },
  accept: { type: 'accept', note: why, evidence: [] },
  close: { type: 'close', note: why },
  reopen: { type: 'reopen', reason: why },
  spot_check: { type: 'spot_check', result: 'fail', note: why },
  warn_due_soon: { type: 'warn_due_soon', deadline: '2026-11-07T15:59:59.999Z' },
  notice_overdue: { type: 'notice_overdue', deadline: '2026-11-07T15:59:59.999Z', expectedVersion: 3, occurredAt: '2026-11-08T09:00:00+08:00' },
  notify_penalty: { type: 'notify_penalty', penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 } },
  record_statement: { type: 'record_statement', statement: why, hearingRequested: false },
  record_hearing: { type: 'record_hearing', report: why },
  withdraw_hearing: { type: 'withdraw_hearing', reason: why },
  decide_penalty: { type: 'decide_penalty', penalty: { article: 'work-safety-law-2021/102-refusal', kind: 'suspend_production' } },
};

function issuesOf(body: unknown, at = ids): [string, string][] {
  const r = parseCommand(body, at);
  return r.ok ? [] : r.issues.map((i) => [i.code, i.pointer]);
}

describe('parseCommand', () => {
  it('accepts a valid body of every command type but report, adding the ids from the request', () => {
    expect(Object.keys(VALID).sort()).toEqual(COMMAND_TYPES.filter((t) => t !== 'report').sort());
    for (const body of Object.values(VALID)) {
      const r = parseCommand(body, ids);
      expect(r.ok ? r.command : r.issues, String(body.type)).toEqual({ ...body, ...ids });
    }
  });

  it("refuses a file_case that brings its own case number: the server assigns it (the 立案审批表's 文号)", () => {
    const r = parseCommand({ type: 'file_case', caseNo: 'D1-2026-017' }, ids);
    expect(r.ok ? r.command : r.issues).toEqual([
      {
        code: 'SERVER_ASSIGNED',
        pointer: '/caseNo',
        message: {
          'zh-CN': '/caseNo: 案号由服务器分配：即立案审批表在文书登记簿中的文号（与文书打印的编号同一序列），请求中不得填写 caseNo，请删除该字段',
          en: '/caseNo: the case number is assigned by the server: it is the 文号 the document register gives the case filing approval (立案审批表), the number the documents print; remove caseNo from the request',
        },
      },
    ]);
    // Also an empty or null one: the field itself is refused, whatever it holds.
    expect(issuesOf({ type: 'file_case', caseNo: null, coOfficerId: 'officer2' })).toEqual([
      ['SERVER_ASSIGNED', '/caseNo'],
      ['SERVER_ASSIGNED', '/coOfficerId'],
    ]);
  });

  it("refuses an issue_notice that brings its own notice number: the server assigns it (the notice's 文号)", () => {
    const r = parseCommand({ type: 'issue_notice', noticeNo: '责改〔2026〕1102-07', note: why }, ids);
    expect(r.ok ? r.command : r.issues).toEqual([
      {
        code: 'SERVER_ASSIGNED',
        pointer: '/noticeNo',
        message: {
          'zh-CN': '/noticeNo: 通知书编号由服务器分配：即文书登记簿随下达整改通知为隐患整改通知书或责令限期整改指令书分配的文号（与文书打印的编号同一序列），请求中不得填写 noticeNo，请删除该字段',
          en: '/noticeNo: the notice number is assigned by the server: it is the 文号 the document register gives the notice (隐患整改通知书 or 责令限期整改指令书) when it is issued, the number the document prints; remove noticeNo from the request',
        },
      },
    ]);
    // Also an empty or null one: the field itself is refused, whatever it holds.
    expect(issuesOf({ type: 'issue_notice', noticeNo: '' })).toEqual([['SERVER_ASSIGNED', '/noticeNo']]);
    expect(issuesOf({ type: 'issue_notice', noticeNo: null, coOfficerId: 'officer2' })).toEqual([
      ['SERVER_ASSIGNED', '/noticeNo'],
      ['SERVER_ASSIGNED', '/coOfficerId'],
    ]);
  });

  it('refuses report (use inspections), unknown types and non-objects', () => {
    expect(issuesOf({ type: 'report', level: 'simple' })).toEqual([['REPORT_NOT_ALLOWED', '/type']]);
    expect(issuesOf({ type: 'delete_everything' })).toEqual([['UNKNOWN_TYPE', '/type']]);
    expect(issuesOf({ type: 'constructor' })).toEqual([['UNKNOWN_TYPE', '/type']]);
    expect(issuesOf({})).toEqual([['UNKNOWN_TYPE', '/type']]);
    for (const body of [null, [], 'verify', 3, true]) expect(issuesOf(body)).toEqual([['NOT_AN_OBJECT', '']]);
  });

  it('refuses unknown keys at every level, with escaped JSON pointers', () => {
    expect(issuesOf({ ...VALID.verify, commandId: 'x', hazardId: 'y' })).toEqual([
      ['UNKNOWN_KEY', '/commandId'],
      ['UNKNOWN_KEY', '/hazardId'],
    ]);
    expect(issuesOf({ ...VALID.reject, reason: { ...why, fr: 'raison' } })).toEqual([['UNKNOWN_KEY', '/reason/fr']]);
    expect(issuesOf({ ...VALID.submit_rectification, evidence: [{ id: 'ev-2', kind: 'photo_after', takenAt: '2026-01-01T00:00:00Z' }] })).toEqual([['UNKNOWN_KEY', '/evidence/0/takenAt']]);
    expect(issuesOf({ ...VALID.verify, 'a/b~c': 1 })).toEqual([['UNKNOWN_KEY', '/a~1b~0c']]);
    expect(issuesOf({ ...VALID.request_extension, extension: { workingDays: 3, days: '<img src=x>' } })).toEqual([['WRONG_TYPE', '/extension']]);
    // A second officer is named only on enforcement acts (verify may be one); never on a rectification.
    // A body never names the second officer, on any command: he is derived from his co-sign code.
    for (const type of ['submit_rectification', 'verify', 'file_case', 'decide_penalty'] as const) {
      expect(issuesOf({ ...VALID[type], coOfficerId: 'officer2' })).toEqual([['SERVER_ASSIGNED', '/coOfficerId']]);
    }
  });

  it('checks ids against the documented pattern', () => {
    expect(issuesOf(VALID.verify, { hazardId: 'x"><img src=x onerror=alert(1)>', commandId: 'k' })).toEqual([['PATTERN', '']]);
    expect(issuesOf(VALID.verify, { hazardId: 'H-1', commandId: 'k'.repeat(129) })).toEqual([['PATTERN', '']]);
    expect(issuesOf({ ...VALID.file_case, coOfficerId: '../admin' })).toEqual([['SERVER_ASSIGNED', '/coOfficerId']]);
    expect(issuesOf({ ...VALID.report_observation, enterpriseId: 'E 1' })).toEqual([['PATTERN', '/enterpriseId']]);
    expect(issuesOf({ ...VALID.report_observation, domain: 'Nuclear!' })).toEqual([['PATTERN', '/domain']]);
  });

  it('trims texts and refuses blank, invisible-only, bidi, control and over-long ones', () => {
    const r = parseCommand({ ...VALID.reject, reason: { 'zh-CN': '  未整改\n第二行  ' } }, ids);
    expect(r.ok && r.command.type === 'reject' && r.command.reason).toEqual({ 'zh-CN': '未整改\n第二行' });
    const reason = (zh: string) => issuesOf({ ...VALID.reject, reason: { 'zh-CN': zh } });
    expect(reason('')).toEqual([['BLANK', '/reason/zh-CN']]);
    expect(reason('\u3000\u200b')).toEqual([['BLANK', '/reason/zh-CN']]);
    expect(reason('\u200c\u200d\u2060\ufeff \u00ad\u3164')).toEqual([['BLANK', '/reason/zh-CN']]);
    expect(reason('abc\u202Etxt.exe')).toEqual([['BIDI_CONTROL', '/reason/zh-CN']]);
    for (const c of ['\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C']) expect(reason(`a${c}b`)).toEqual([['BIDI_CONTROL', '/reason/zh-CN']]);
    expect(reason('a\u0000b')).toEqual([['CONTROL_CHARACTER', '/reason/zh-CN']]);
    expect(reason('a\ud800b')).toEqual([['CONTROL_CHARACTER', '/reason/zh-CN']]);
    expect(reason('字'.repeat(2000))).toEqual([]);
    expect(reason('字'.repeat(2001))).toEqual([['TOO_LONG', '/reason/zh-CN']]);
    // Titles are one line.
    expect(issuesOf({ ...VALID.report_observation, title: { 'zh-CN': '第一行\n第二行' } })).toEqual([['CONTROL_CHARACTER', '/title/zh-CN']]);
    expect(issuesOf({ ...VALID.report_observation, title: { en: 'no Chinese' } })).toEqual([['REQUIRED', '/title/zh-CN']]);
    expect(issuesOf({ ...VALID.reject, reason: '理由' })).toEqual([['WRONG_TYPE', '/reason']]);
    expect(issuesOf({ type: 'reject' })).toEqual([['REQUIRED', '/reason']]);
  });

  it('needs an offset on every time and a real calendar date', () => {
    const deadline = (value: unknown) => issuesOf({ ...VALID.warn_due_soon, deadline: value });
    expect(deadline('2026-11-07T15:59:59')).toEqual([['TIME_WITHOUT_OFFSET', '/deadline']]);
    expect(deadline('2026-11-07T15:59')).toEqual([['TIME_WITHOUT_OFFSET', '/deadline']]);
    expect(deadline('2026-02-30T00:00:00Z')).toEqual([['INVALID_TIME', '/deadline']]);
    expect(deadline('2026-11-07T24:00:00Z')).toEqual([['INVALID_TIME', '/deadline']]);
    expect(deadline('2026-11-07')).toEqual([['INVALID_TIME', '/deadline']]);
    expect(deadline('next tuesday')).toEqual([['INVALID_TIME', '/deadline']]);
    expect(deadline(1_762_531_199_999)).toEqual([['WRONG_TYPE', '/deadline']]);
    expect(deadline('2026-11-07T15:59:59.999+08:00')).toEqual([]);
    expect(issuesOf({ ...VALID.verify, occurredAt: '2026-11-07T10:00:00' })).toEqual([['TIME_WITHOUT_OFFSET', '/occurredAt']]);
  });

  it('keeps numbers integers within the pack schema limits', () => {
    const extension = (value: unknown) => issuesOf({ ...VALID.request_extension, extension: value });
    expect(extension({ days: 3650 })).toEqual([]);
    expect(extension({ hours: 8760 })).toEqual([]);
    expect(extension({ days: 3651 })).toEqual([['OUT_OF_RANGE', '/extension/days']]);
    expect(extension({ workingDays: 3651 })).toEqual([['OUT_OF_RANGE', '/extension/workingDays']]);
    expect(extension({ hours: 1e300 })).toEqual([['OUT_OF_RANGE', '/extension/hours']]);
    expect(extension({ days: 1e9 })).toEqual([['OUT_OF_RANGE', '/extension/days']]);
    expect(extension({ days: 0 })).toEqual([['OUT_OF_RANGE', '/extension/days']]);
    expect(extension({ days: 1.5 })).toEqual([['WRONG_TYPE', '/extension/days']]);
    expect(extension({ days: '3' })).toEqual([['WRONG_TYPE', '/extension/days']]);
    expect(extension({ weeks: 2 })).toEqual([['UNKNOWN_KEY', '/extension/weeks']]);
    expect(extension('immediate')).toEqual([['WRONG_TYPE', '/extension']]);
    expect(issuesOf({ ...VALID.verify, expectedVersion: '3' })).toEqual([['WRONG_TYPE', '/expectedVersion']]);
    expect(issuesOf({ ...VALID.verify, expectedVersion: -1 })).toEqual([['OUT_OF_RANGE', '/expectedVersion']]);
    expect(issuesOf({ ...VALID.submit_rectification, evidence: Array.from({ length: 61 }, (_, i) => ({ id: `e${i}`, kind: 'photo_after' })) })).toEqual([['TOO_MANY', '/evidence']]);
  });

  it('refuses hostile payloads by their size checks, before looking at their content', () => {
    // The work is counted, not timed: what the parser reads of each body, and which limit answers.
    /** `value` behind a proxy that counts the properties read (array items are properties too). */
    function counted<T extends object>(value: T) {
      const reads: string[] = [];
      const proxy = new Proxy(value, {
        get(target, key, receiver) {
          if (typeof key === 'string') reads.push(key);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return { proxy, reads };
    }
    // Counts that would be 10⁹ loop turns if computed: refused by the range check alone.
    expect(issuesOf({ type: 'request_extension', extension: { hours: 1e300 }, reason: why })).toEqual([['OUT_OF_RANGE', '/extension/hours']]);
    expect(issuesOf({ type: 'request_extension', extension: { days: 1e9 }, reason: why })).toEqual([['OUT_OF_RANGE', '/extension/days']]);
    // A 1 MB reason is refused by its raw length: the bidi control at its end is never scanned for,
    // and the message is the raw-length one (no trimmed length counted).
    const long = parseCommand({ type: 'reject', reason: { 'zh-CN': `${'x'.repeat(999_999)}\u202E` } }, ids);
    expect(long.ok ? [] : long.issues.map((i) => [i.code, i.pointer, i.message.en])).toEqual([['TOO_LONG', '/reason/zh-CN', '/reason/zh-CN: at most 2000 characters']]);
    // 100 000 evidence items: refused by the array's length, no item read.
    const items = counted(Array.from({ length: 100_000 }, () => ({ id: 'e', kind: 'photo_after' })));
    expect(issuesOf({ type: 'submit_rectification', evidence: items.proxy })).toEqual([['TOO_MANY', '/evidence']]);
    expect(items.reads.filter((key) => /^\d+$/.test(key))).toEqual([]);
    // 10 000 keys without a type: only the type is read.
    const keys = counted(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])));
    expect(issuesOf(keys.proxy)).toEqual([['UNKNOWN_TYPE', '/type']]);
    expect(new Set(keys.reads)).toEqual(new Set(['type']));
    // 10 000 unknown keys with a type: the answer lists at most 50 issues, and no unknown value is read.
    const unknown = counted({ type: 'verify', ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) });
    const many = issuesOf(unknown.proxy);
    expect(many).toHaveLength(50);
    expect(many.every(([code]) => code === 'UNKNOWN_KEY')).toBe(true);
    expect(unknown.reads.filter((key) => key.startsWith('k'))).toEqual([]);
  });

  it('never throws and always locates its issues, whatever the JSON (property)', () => {
    const typed = fc.record({ type: fc.constantFrom(...COMMAND_TYPES, 'x'), rest: fc.dictionary(fc.string(), fc.jsonValue()) }).map(({ type, rest }) => ({ ...rest, type }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), typed), (body) => {
        const r = parseCommand(body, ids);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) {
            expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true);
            expect(issue.message['zh-CN'].length).toBeGreaterThan(0);
            expect(issue.message.en.length).toBeGreaterThan(0);
          }
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
