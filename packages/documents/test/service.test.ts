// The service body of each method (送达方式): what the officer observed, and for a public notice
// (公告送达) the publication day, from which the service is derived — never typed.
import { describe, expect, it } from 'vitest';
import { createMemoryEvidenceStore, createMemoryStore, handleCommand, type ChainCommand } from '@anjian/core';
import { createMemoryDocumentServiceLog } from '@anjian/core/internal';
import type { DocumentRecord } from '@anjian/core/ports';
import { createFixedClock, reportCommand, stageEvidence, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { checkServiceEntry, documentNumbering, parseServiceBody } from '../src/index.js';
import { testDirectory } from './chain-run.js';

const NOW = new Date('2026-11-02T04:00:00Z'); // Mon 2026-11-02 12:00 China time
const pointers = (r: ReturnType<typeof parseServiceBody>) => (r.ok ? [] : r.problems.map((p) => p.pointer));

describe('parseServiceBody: the served-at of each method', () => {
  it('公告送达 takes the publication day and derives the service: the end of the 30th day after it (视为送达)', () => {
    const r = parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-02' }, 'service', NOW);
    expect(r).toEqual({ ok: true, entry: { type: 'served', method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-02', servedAt: '2026-12-02T15:59:59.999Z' } });
  });

  it('公告送达 refuses a typed servedAt, a missing, unreal, future or pre-2022 publication day, each at its pointer in both languages', () => {
    const typed = parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-02', servedAt: '2026-12-02T10:00:00+08:00' }, 'service', NOW);
    expect(pointers(typed)).toEqual(['/servedAt']);
    expect(!typed.ok && typed.problems[0]?.message).toEqual({ 'zh-CN': expect.stringContaining('经过30日即视为送达'), en: expect.stringContaining('give publishedOn') });
    expect(pointers(parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部' }, 'service', NOW))).toEqual(['/publishedOn']);
    expect(pointers(parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-31' }, 'service', NOW))).toEqual(['/publishedOn']);
    expect(pointers(parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-02T00:00:00+08:00' }, 'service', NOW))).toEqual(['/publishedOn']);
    // Tomorrow in China time is after today, whatever the UTC day.
    const future = parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-03' }, 'service', NOW);
    expect(!future.ok && [future.problems[0]?.pointer, future.problems[0]?.message['zh-CN']]).toEqual(['/publishedOn', '公告发出日期不能晚于今天']);
    const old = parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2021-12-31' }, 'service', NOW);
    expect(!old.ok && old.problems[0]?.message.en).toContain('sixty days');
  });

  it('other methods refuse publishedOn; 邮寄送达 needs the date on the postal receipt (no default to the recording time)', () => {
    for (const method of ['direct', 'post', 'electronic', 'entrusted']) {
      const r = parseServiceBody({ method, recipient: '王建国', servedAt: '2026-11-02T10:00:00+08:00', publishedOn: '2026-11-02' }, 'service', NOW);
      expect([method, pointers(r)]).toEqual([method, ['/publishedOn']]);
    }
    const post = parseServiceBody({ method: 'post', recipient: '王建国' }, 'service', NOW);
    expect(!post.ok && [post.problems[0]?.pointer, post.problems[0]?.message['zh-CN']]).toEqual(['/servedAt', expect.stringContaining('回执上注明的收件日期')]);
    expect(parseServiceBody({ method: 'post', recipient: '王建国', servedAt: '2026-11-02T09:30:00+08:00' }, 'service', NOW)).toEqual({
      ok: true,
      entry: { type: 'served', method: 'post', recipient: '王建国', servedAt: '2026-11-02T01:30:00.000Z' },
    });
    // 电子送达 and 委托送达 took effect when the message reached the party's system, when the entrusted body delivered:
    // never the recording time, so the officer enters it (the date asked for named, both languages).
    for (const [method, zh, en] of [
      ['electronic', '到达受送达人特定系统的时间', 'reached the recipient’s designated system'],
      ['entrusted', '送达回证上的日期', 'proof of service'],
    ] as const) {
      const r = parseServiceBody({ method, recipient: '王建国' }, 'service', NOW);
      expect(r.ok, method).toBe(false);
      expect(!r.ok && r.problems.map((p) => [p.code, p.pointer])).toEqual([['SERVICE_INVALID', '/servedAt']]);
      expect(!r.ok && r.problems[0]?.message).toEqual({ 'zh-CN': expect.stringContaining(zh), en: expect.stringContaining(en) });
      expect(parseServiceBody({ method, recipient: '王建国', servedAt: '2026-11-02T09:30:00+08:00' }, 'service', NOW)).toEqual({
        ok: true,
        entry: { type: 'served', method, recipient: '王建国', servedAt: '2026-11-02T01:30:00.000Z' },
      });
    }
    // Handed over now: the recording time is the observation.
    expect(parseServiceBody({ method: 'direct', recipient: '王建国' }, 'service', NOW)).toEqual({
      ok: true,
      entry: { type: 'served', method: 'direct', recipient: '王建国', servedAt: NOW.toISOString() },
    });
  });
});

describe('checkServiceEntry: a public notice is not published before the document was issued', () => {
  const record: DocumentRecord = {
    jurisdiction: 'D1',
    kind: 'penalty_notice',
    year: 2026,
    seq: 1,
    hazardId: 'H-1',
    eventId: 'e-1',
    issuedAt: '2026-11-01T17:00:00.000Z', // 2026-11-02 01:00 China time
    contentHash: 'a'.repeat(64),
    verificationCode: 'CODE',
    hashedAt: '2026-11-01T17:00:00.000Z',
    voided: null,
  };
  const entry = (publishedOn: string) => ({ type: 'served' as const, method: 'public_notice' as const, recipient: '某燃气经营部', publishedOn, servedAt: '2026-12-02T15:59:59.999Z' });

  it('the issue day (China time) or later is taken; the day before is refused at /publishedOn', () => {
    expect(checkServiceEntry(record, [], entry('2026-11-02'))).toBeNull();
    expect(checkServiceEntry(record, [], entry('2026-11-01'))).toMatchObject({ code: 'SERVICE_INVALID', pointer: '/publishedOn' });
  });
});

describe('a penalty notice served by public notice: the decision waits for the deemed service and the reply period after it', () => {
  it('published on the day of the notice: no decision until three working days after the 30th day, then it is made', async () => {
    const store = createMemoryStore();
    const evidence = createMemoryEvidenceStore();
    const clock = createFixedClock('2026-11-02T01:00:00Z');
    const documentService = createMemoryDocumentServiceLog();
    const deps = { store, clock, directory: testDirectory(), calendar: TEST_CALENDAR_2026, evidence, documentNumbers: documentNumbering({ jurisdiction: 'D1' }), documentService };
    const co = { coOfficerId: 'officer2-gas-d1' };
    const penalty = { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 };
    const basis = [
      {
        regulation: 'gas-regulation',
        clause: '第十八条',
        number: '国务院令第583号',
        edition: '2016',
        title: { 'zh-CN': '城镇燃气管理条例', en: '城镇燃气管理条例' },
        status: 'current' as const,
        confidence: 'verified' as const,
      },
    ];
    let n = 0;
    const send = async (command: object) => {
      const named = (command as { coOfficerId?: string }).coOfficerId;
      return handleCommand(deps, stageEvidence(evidence, { commandId: `s-${++n}`, ...command } as ChainCommand, 'officer-gas-d1', clock.now()), 'officer-gas-d1', named ? { coSignerId: named } : {});
    };
    for (const c of [
      reportCommand('H-PN', { level: 'general', source: 'enforcement', basis, ...co }),
      { type: 'file_case', hazardId: 'H-PN', ...co },
      { type: 'notify_penalty', hazardId: 'H-PN', penalty, ...co },
    ]) {
      const r = await send(c);
      expect('rejection' in r ? r.rejection.message.en : 'ok').toBe('ok');
    }
    // The officer records the publication as the API would parse it (the issue checks are above; nothing is rendered here).
    const notice = (await store.readDocuments('H-PN')).find((d) => d.kind === 'penalty_notice')!;
    const parsed = parseServiceBody({ method: 'public_notice', recipient: '某燃气经营部', publishedOn: '2026-11-02' }, 'service', clock.now());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { jurisdiction, kind, year, seq } = notice;
    await documentService.recordService({ jurisdiction, kind, year, seq, hazardId: 'H-PN', entry: parsed.entry, actorId: 'officer-gas-d1', recordedAt: clock.now().toISOString() });
    // Deemed served Wed 12-02; three working days: Thu 3, Fri 4, Mon 7.
    clock.set('2026-12-07T15:59:00Z');
    const early = await send({ type: 'decide_penalty', hazardId: 'H-PN', penalty, ...co });
    expect('rejection' in early && [early.rejection.code, early.rejection.message['zh-CN']]).toEqual(['NOT_DUE', expect.stringContaining('2026-12-07 23:59:59（北京时间）')]);
    clock.set('2026-12-07T16:00:00Z');
    const decided = await send({ type: 'decide_penalty', hazardId: 'H-PN', penalty, ...co });
    expect('events' in decided && decided.events.map((e) => e.type)).toEqual(['penalty_decided']);
  });
});
