// The whole penalty story over HTTP: a self-inspection reports a hazard, two officers file a
// case, notify the intended penalty (the reply deadline computed by the server), the party
// states its defence, two officers decide; the 行政处罚告知书 and 行政处罚决定书 are issued with
// their commands and read back as PDF (pdftotext). Every response is checked against the
// OpenAPI document the API serves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSystemCjkFont, renderDocumentPdf } from '../../documents-pdf/src/index.js';
import { documentsHarness } from './documents-harness.js';
import { MISMATCHES, noAlarmInspection } from './harness.js';
import { closeNodeServers, overNodeServer } from './node-server.js';

const font = findSystemCjkFont();
const dir = mkdtempSync(join(tmpdir(), 'anjian-penalty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const co = { coOfficerId: 'officer2-gas-d1' };
const fine = (fineAmount: number) => ({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount });

describe.skipIf(!font)('penalty over HTTP: report → case → notice → statement → decision → documents', () => {
  it('runs the story; the server computes the deadline, checks the range, refuses an early or heavier decision; both documents print', async () => {
    const d = await documentsHarness('2026-11-02T01:00:00Z', { documents: { renderPdf: (doc) => renderDocumentPdf(doc, { font: font! }) } });
    let n = 0;
    const cmd = (actor: string, id: string, body: object) => d.call(actor, 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': `pf-${++n}` } });

    const inspection = await d.call('owner-e1', 'POST', '/inspections?report=true', { body: noAlarmInspection(), headers: { 'idempotency-key': 'pf-self' } });
    expect(inspection.status).toBe(200);
    const id: string = inspection.body.reports[0].hazardId;
    expect((await cmd('officer-gas-d1', id, { type: 'notify_penalty', penalty: fine(20_000), ...co })).body.code).toBe('INVALID_TRANSITION');
    // The demo pack's level rests on an unverified clause: an officer confirms it before a case is filed.
    expect((await cmd('officer-gas-d1', id, { type: 'confirm_level', level: 'general', reason: { 'zh-CN': '现场核实' } })).status).toBe(200);
    // The case number is the server's: a typed one is refused at its field, in both languages, and nothing is recorded.
    const typed = await cmd('officer-gas-d1', id, { type: 'file_case', caseNo: 'D1-2026-017', ...co });
    expect([typed.status, typed.body.code, typed.body.issues?.map((i: { code: string; pointer: string }) => [i.code, i.pointer])]).toEqual([422, 'INVALID_COMMAND', [['SERVER_ASSIGNED', '/caseNo']]]);
    expect(typed.body.issues[0].message).toEqual({ 'zh-CN': expect.stringContaining('案号由服务器分配'), en: expect.stringContaining('the case number is assigned by the server') });
    const before = (await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.state;
    expect([before.status, before.caseFiledAt]).toEqual(['reported', null]);
    const filed = await cmd('officer-gas-d1', id, { type: 'file_case', ...co });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    // One number: the register's 文号 of the 立案审批表; the hazard keeps when, not a second number.
    expect(filed.body.documents.map((x: { kind: string; number: string }) => [x.kind, x.number])).toEqual([['case_filing_approval', '（东）应急立〔2026〕1号']]);
    const afterCase = (await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.state;
    expect([afterCase.status, afterCase.caseNo, afterCase.caseFiledAt]).toEqual(['case_filed', null, filed.body.events[0].recordedAt]);

    // The client cannot send the deadline, nor a fine above the article's range, nor notify alone.
    const declared = await cmd('officer-gas-d1', id, { type: 'notify_penalty', penalty: fine(20_000), statementDeadline: '2027-01-01T00:00:00Z', ...co });
    expect([declared.status, declared.body.code, JSON.stringify(declared.body)]).toEqual([422, 'INVALID_COMMAND', expect.stringContaining('/statementDeadline')]);
    const over = await cmd('officer-gas-d1', id, { type: 'notify_penalty', penalty: fine(60_000), ...co });
    expect([over.status, over.body.code]).toEqual([422, 'INVALID_COMMAND']);
    expect(over.body.detail).toContain('/penalty/fineAmount');
    // located: the refusal names the field as an issue, in both languages (a form marks the field)
    expect(over.body.issues).toEqual([
      {
        code: 'INVALID_COMMAND',
        severity: 'error',
        pointer: '/penalty/fineAmount',
        message: { 'zh-CN': expect.stringContaining('1–50000 元'), en: expect.stringContaining('between 1 and 50000 yuan') },
      },
    ]);
    expect((await cmd('officer-gas-d1', id, { type: 'notify_penalty', penalty: fine(20_000) })).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await cmd('owner-e1', id, { type: 'notify_penalty', penalty: fine(20_000), ...co })).status).toBe(403);

    const notice = await cmd('officer-gas-d1', id, { type: 'notify_penalty', penalty: fine(20_000), ...co });
    expect(notice.status).toBe(200);
    expect(notice.body.events[0].data).toMatchObject({ statementDeadline: '2026-11-05T15:59:59.999Z', hearingRight: false });
    expect(notice.body.documents.map((x: { kind: string; number: string }) => [x.kind, x.number])).toEqual([['penalty_notice', '（东）应急罚告〔2026〕1号']]);
    // The notice is served at once (直接送达): the reply period runs from its service.
    const served = await d.call('officer-gas-d1', 'POST', `/hazards/${id}/documents/penalty_notice/2026-1/service`, { body: { method: 'direct', recipient: '王建国' } });
    expect(served.status, JSON.stringify(served.body)).toBe(201);
    // Not due: the problem names the end of the reply period as people read it (UTC+8), not the stored instant.
    const early = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(20_000), ...co });
    expect([early.body.code, early.body.detail]).toEqual(['NOT_DUE', expect.stringContaining('2026-11-05 23:59:59（北京时间）')]);
    expect(JSON.stringify(early.body)).not.toContain('2026-11-05T15:59:59.999Z');

    d.clock.set('2026-11-03T02:00:00Z');
    // The hazard is read as of the server's clock (Date): what a page weighs the proceeding's deadlines against.
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).headers.get('date')).toBe('Tue, 03 Nov 2026 02:00:00 GMT');
    expect((await cmd('owner-e1', id, { type: 'record_statement', statement: { 'zh-CN': '报警装置已于次日安装，请求从轻处罚' }, hearingRequested: false })).status).toBe(200);
    const heavier = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(25_000), ...co });
    expect([heavier.status, heavier.body.code]).toEqual([422, 'INVALID_COMMAND']);
    const decision = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(10_000), ...co });
    expect(decision.status).toBe(200);
    expect(decision.body.documents.map((x: { kind: string; number: string }) => [x.kind, x.number])).toEqual([['penalty_decision', '（东）应急罚〔2026〕1号']]);

    const state = (await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.state;
    expect(state.penalty).toMatchObject({ notified: fine(20_000), decided: fine(10_000), statement: { hearingRequested: false } });

    const text = async (kind: string) => {
      const pdf = await d.call('owner-e1', 'GET', `/hazards/${id}/documents/${kind}?format=pdf`);
      expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, pdf.body as Uint8Array);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    };
    const noticeText = await text('penalty_notice');
    for (const s of [
      '行政处罚告知书',
      '（东）应急罚告〔2026〕1号',
      '案号：（东）应急立〔2026〕1号', // the case's number, as its 立案审批表 prints it
      '老王饭店',
      '《中华人民共和国安全生产法》第一百零二条',
      '罚款人民币20000元（大写：贰万元整）',
      '可以自收到本告知书之日起三个工作日内向本机关提出陈述、申辩', // from receipt: the notice cannot know when it is served
      '张明',
      'GAS-D1-0002',
    ])
      expect(noticeText).toContain(s);
    // No date counted from the notice's record (the party served late would be told less time than it has).
    expect(noticeText).not.toContain('2026年11月5日');
    const decisionText = await text('penalty_decision');
    for (const s of [
      '行政处罚决定书',
      '（东）应急罚〔2026〕1号',
      '本机关于2026年11月2日告知',
      '请求从轻处罚',
      '罚款人民币10000元（大写：壹万元整）',
      '十五日内',
      '六十日内向北京市东城区人民政府申请行政复议',
      '六个月内依法向北京市东城区人民法院提起行政诉讼',
    ])
      expect(decisionText).toContain(s);
    expect(MISMATCHES).toEqual([]);
  }, 60_000);
});

/** Over a real server from `start`: a self-reported hazard, a case, and a notice of `fineAmount` by two officers (not served). */
async function notifiedOverServer(start: string, fineAmount: number) {
  // What the 告知书 prints (the officers' names, the party's address): without them it is not issued, and nothing can be served.
  const d = await documentsHarness(start, { transport: overNodeServer });
  let n = 0;
  const cmd = (actor: string, id: string, body: object, headers: Record<string, string> = {}) =>
    d.call(actor, 'POST', `/hazards/${id}/commands`, { body, headers: { 'idempotency-key': `ps-${++n}`, ...headers } });
  const inspection = await d.call('owner-e1', 'POST', '/inspections?report=true', { body: noAlarmInspection({ inspectedAt: start }), headers: { 'idempotency-key': 'ps-self' } });
  expect(inspection.status, JSON.stringify(inspection.body)).toBe(200);
  const id: string = inspection.body.reports[0].hazardId;
  expect((await cmd('officer-gas-d1', id, { type: 'confirm_level', level: 'general', reason: { 'zh-CN': '现场核实' } })).status).toBe(200);
  expect((await cmd('officer-gas-d1', id, { type: 'file_case', ...co })).status).toBe(200);
  const notice = await cmd('officer-gas-d1', id, { type: 'notify_penalty', penalty: fine(fineAmount), ...co });
  expect(notice.status, JSON.stringify(notice.body)).toBe(200);
  return { d, id, cmd, service: `/hazards/${id}/documents/penalty_notice/2026-1/service` };
}

describe('penalty over a real server: the reply period runs from the service of the notice (送达)', () => {
  afterAll(closeNodeServers);
  it('a notice not served holds the decision; served late (backdated to what the officer saw, not before issue nor ahead), the statement is taken and the decision waits for the working days from service', async () => {
    const { d, id, cmd, service } = await notifiedOverServer('2026-11-02T01:00:00Z', 20_000); // notified 2026-11-02 09:00 China time
    // Not served: the hazard says so (no period), the decision is refused.
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.penaltyReplyPeriod).toBeNull();

    // Never served: no decision, however long after the notice — the refusal names what is missing, in both languages.
    d.clock.set('2026-11-20T02:00:00Z');
    const unserved = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(20_000), ...co });
    expect([unserved.status, unserved.body.code]).toEqual([422, 'NOT_DUE']);
    expect(unserved.body.detail).toContain('行政处罚告知书尚未登记送达');
    const inEnglish = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(20_000), ...co }, { 'accept-language': 'en' });
    expect([inEnglish.body.code, inEnglish.body.detail]).toEqual(['NOT_DUE', expect.stringContaining('the penalty notice is not recorded as served')]);

    // What the officer observed bounds the served-at: not before the issue, not ahead of the server's clock.
    d.clock.set('2026-11-06T02:00:00Z');
    const beforeIssue = await d.call('officer-gas-d1', 'POST', service, { body: { method: 'post', recipient: '王建国', servedAt: '2026-11-01T10:00:00+08:00' } });
    expect([beforeIssue.status, beforeIssue.body.issues?.[0]?.pointer], JSON.stringify(beforeIssue.body)).toEqual([422, '/servedAt']);
    const ahead = await d.call('officer-gas-d1', 'POST', service, { body: { method: 'post', recipient: '王建国', servedAt: '2026-11-07T10:00:00+08:00' } });
    expect([ahead.status, ahead.body.issues?.[0]?.pointer]).toEqual([422, '/servedAt']);
    // Received by post on Wed the 4th, recorded on the 6th: three working days run to Mon the 9th (China time), not to the 5th.
    const served = await d.call('officer-gas-d1', 'POST', service, { body: { method: 'post', recipient: '王建国', servedAt: '2026-11-04T10:00:00+08:00' } });
    expect(served.status, JSON.stringify(served.body)).toBe(201);
    // The hazard carries the period the server derived (a page shows it; it has no calendar).
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.penaltyReplyPeriod).toEqual({
      servedAt: '2026-11-04T02:00:00.000Z',
      deemed: null,
      statementDeadline: '2026-11-09T15:59:59.999Z',
      hearingDeadline: null,
    });
    const early = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(20_000), ...co });
    expect([early.status, early.body.code, early.body.detail]).toEqual([422, 'NOT_DUE', expect.stringContaining('陈述、申辩期限至 2026-11-09 23:59:59（北京时间）届满')]);
    // Past the end counted from the notice's record, inside the one from service: the party's statement is taken.
    d.clock.set('2026-11-09T15:59:59.999Z');
    const stated = await cmd('owner-e1', id, { type: 'record_statement', statement: { 'zh-CN': '11月4日收到告知书，已安装报警装置' }, hearingRequested: false });
    expect(stated.status, JSON.stringify(stated.body)).toBe(200);
    expect((await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(10_000), ...co })).status).toBe(200);
    expect(MISMATCHES).toEqual([]);
  }, 60_000);

  it('the days are working days of the server calendar (《行政处罚法》第八十五条): served on the Friday before the National Day holiday, a hearing is asked for on the fourteenth calendar day, the decision waits until the fifth working day has ended', async () => {
    const { d, id, cmd, service } = await notifiedOverServer('2026-09-24T01:00:00Z', 50_000);
    d.clock.set('2026-09-25T02:00:00Z');
    expect((await d.call('officer-gas-d1', 'POST', service, { body: { method: 'direct', recipient: '王建国' } })).status).toBe(201);
    // Mon 28, Tue 29, Wed 30 to state; Oct 1–8 off; Fri Oct 9 and the make-up Saturday Oct 10 to ask for a hearing.
    const period = { servedAt: '2026-09-25T02:00:00.000Z', deemed: null, statementDeadline: '2026-09-30T15:59:59.999Z', hearingDeadline: '2026-10-10T15:59:59.999Z' };
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.penaltyReplyPeriod).toEqual(period);
    d.clock.set('2026-10-09T02:00:00Z');
    const early = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(50_000), ...co });
    expect([early.status, early.body.code, early.body.detail]).toEqual([422, 'NOT_DUE', expect.stringContaining('2026-10-10 23:59:59（北京时间）届满')]);
    const asked = await cmd('owner-e1', id, { type: 'record_statement', statement: { 'zh-CN': '我单位要求听证' }, hearingRequested: true });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.state.penalty.statement).toMatchObject({ hearingRequested: true, byParty: true });
    expect(MISMATCHES).toEqual([]);
  }, 60_000);

  it('served by public notice (公告送达): the officer records the publication day, the server derives the service thirty days on (视为送达) and the periods run from it; a field that does not fit the method is refused at its pointer', async () => {
    const { d, id, cmd, service } = await notifiedOverServer('2026-11-02T01:00:00Z', 20_000); // notified Mon 2026-11-02 09:00 China time
    const pointer = (r: { status: number; body: { issues?: { pointer?: string; message: Record<string, string> }[] } }) => [r.status, r.body.issues?.map((i) => i.pointer)];
    const publicNotice = { method: 'public_notice', recipient: '东城区某燃气经营部' };
    // The service date of a public notice is the server's: a typed one is refused, and so is a missing publication day.
    const typed = await d.call('officer-gas-d1', 'POST', service, { body: { ...publicNotice, publishedOn: '2026-11-02', servedAt: '2026-12-02T10:00:00+08:00' } });
    expect(pointer(typed)).toEqual([422, ['/servedAt']]);
    expect(typed.body.issues[0].message).toEqual({ 'zh-CN': expect.stringContaining('视为送达'), en: expect.stringContaining('give publishedOn') });
    expect(pointer(await d.call('officer-gas-d1', 'POST', service, { body: publicNotice }))).toEqual([422, ['/publishedOn']]);
    expect(pointer(await d.call('officer-gas-d1', 'POST', service, { body: { ...publicNotice, publishedOn: '2026-11-03' } }))).toEqual([422, ['/publishedOn']]); // tomorrow
    expect(pointer(await d.call('officer-gas-d1', 'POST', service, { body: { ...publicNotice, publishedOn: '2026-11-01' } }))).toEqual([422, ['/publishedOn']]); // before the issue
    // Another method takes no publication day; by post the date on the receipt is required.
    expect(pointer(await d.call('officer-gas-d1', 'POST', service, { body: { method: 'direct', recipient: '王建国', publishedOn: '2026-11-02' } }))).toEqual([422, ['/publishedOn']]);
    const post = await d.call('officer-gas-d1', 'POST', service, { body: { method: 'post', recipient: '王建国' } });
    expect([...pointer(post), post.body.issues?.[0]?.message['zh-CN']]).toEqual([422, ['/servedAt'], expect.stringContaining('回执上注明的收件日期')]);
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.penaltyReplyPeriod).toBeNull();

    const recorded = await d.call('officer-gas-d1', 'POST', service, { body: { ...publicNotice, publishedOn: '2026-11-02' } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ type: 'served', method: 'public_notice', publishedOn: '2026-11-02', servedAt: '2026-12-02T15:59:59.999Z' });
    // Deemed served at the end of Wed 12-02 (China time); three working days: Thu 3, Fri 4, Mon 7.
    const period = { servedAt: '2026-12-02T15:59:59.999Z', deemed: { publishedOn: '2026-11-02', days: 30 }, statementDeadline: '2026-12-07T15:59:59.999Z', hearingDeadline: null };
    expect((await d.call('owner-e1', 'GET', `/hazards/${id}`)).body.penaltyReplyPeriod).toEqual(period);
    const listed = await d.call('officer-gas-d1', 'GET', `/hazards/${id}/documents`);
    expect(listed.body.items.find((x: { kind: string }) => x.kind === 'penalty_notice').service.served).toMatchObject({
      method: 'public_notice',
      publishedOn: '2026-11-02',
      servedAt: period.servedAt,
    });
    // No decision before the deemed service and the three working days after it.
    d.clock.set('2026-12-07T15:59:00Z');
    const early = await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(20_000), ...co });
    expect([early.status, early.body.code, early.body.detail]).toEqual([422, 'NOT_DUE', expect.stringContaining('2026-12-07 23:59:59（北京时间）届满')]);
    d.clock.set('2026-12-07T16:00:00Z');
    expect((await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(20_000), ...co })).status).toBe(200);
    expect(MISMATCHES).toEqual([]);
  }, 60_000);

  it('after the fifth working day from service the hearing request is refused at /hearingRequested', async () => {
    const { d, id, cmd, service } = await notifiedOverServer('2026-09-24T01:00:00Z', 50_000);
    d.clock.set('2026-09-25T02:00:00Z');
    expect((await d.call('officer-gas-d1', 'POST', service, { body: { method: 'direct', recipient: '王建国' } })).status).toBe(201);
    d.clock.set('2026-10-10T16:00:00Z');
    const late = await cmd('owner-e1', id, { type: 'record_statement', statement: { 'zh-CN': '我单位要求听证' }, hearingRequested: true });
    expect([late.status, late.body.issues?.[0]?.pointer, late.body.detail]).toEqual([422, '/hearingRequested', expect.stringContaining('2026-10-10 23:59:59（北京时间）届满')]);
    expect((await cmd('officer-gas-d1', id, { type: 'decide_penalty', penalty: fine(50_000), ...co })).status).toBe(200);
    expect(MISMATCHES).toEqual([]);
  }, 60_000);
});
