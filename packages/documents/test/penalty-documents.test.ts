// The penalty documents from real chain runs: the hearing right on the notice when the chain
// records it, the decision's statement and performance by penalty kind; amounts in capitals.
import { describe, expect, it } from 'vitest';
import { createMemoryEvidenceStore, createMemoryStore, handleCommand, type ChainCommand, type ChainEvent } from '@anjian/core';
import { createMemoryDocumentServiceLog } from '@anjian/core/internal';
import type { DocumentNumber } from '@anjian/core/ports';
import { createFixedClock, reportCommand, stageEvidence, TEST_CALENDAR_2026 } from '@anjian/core/testing';
import { composeDocument, documentNumbering, formatDocumentIssues, gatherDocumentData, loadOverride, renderDocumentHtml, type DocumentKind } from '../src/index.js';
import { loadBuiltinTemplate } from '../src/node/index.js';
import { penaltyValues } from '../src/penalty-values.js';
import { chinaDate } from '../src/gather.js';
import { testDirectory, testDocumentDirectory, TEST_OVERRIDE_YAML } from './chain-run.js';

const why = (zh: string) => ({ 'zh-CN': zh, en: zh });
const co = { coOfficerId: 'officer2-gas-d1' };
const BASIS = [
  { regulation: 'gas-regulation', clause: '第十八条', number: '国务院令第583号', edition: '2016', title: why('城镇燃气管理条例'), status: 'current' as const, confidence: 'verified' as const },
];
type Penalty = { article: string; kind: 'fine' | 'suspend_production'; fineAmount?: number };
/** The numbers the store gave each run's documents (the case's 案号 is its 立案审批表's). */
const registered = new WeakMap<ChainEvent[], DocumentNumber[]>();

/** A general hazard with a case, then `penalty` notified; the decision after `days` (with a statement when given). */
async function penaltyRun(penalty: Penalty, days: number, statement?: string): Promise<ChainEvent[]> {
  const store = createMemoryStore();
  const evidence = createMemoryEvidenceStore();
  const clock = createFixedClock('2026-11-02T01:00:00Z');
  const documentService = createMemoryDocumentServiceLog();
  const deps = { store, clock, directory: testDirectory(), calendar: TEST_CALENDAR_2026, evidence, documentNumbers: documentNumbering({ jurisdiction: 'D1' }), documentService };
  let n = 0;
  const ok = async (actorId: string, command: object) => {
    // The second officer a command names is there and confirms with his own credential.
    const named = (command as { coOfficerId?: unknown }).coOfficerId;
    const r = await handleCommand(
      deps,
      stageEvidence(evidence, { commandId: `p-${++n}`, ...command } as ChainCommand, actorId, clock.now()),
      actorId,
      typeof named === 'string' ? { coSignerId: named } : {},
    );
    if ('rejection' in r) throw new Error(`${String((command as { type: string }).type)}: ${r.rejection.message.en}`);
  };
  await ok('officer-gas-d1', reportCommand('H-F', { level: 'general', source: 'enforcement', basis: BASIS, ...co }));
  await ok('officer-gas-d1', { type: 'file_case', hazardId: 'H-F', ...co });
  await ok('officer-gas-d1', { type: 'notify_penalty', hazardId: 'H-F', penalty, ...co });
  // Handed over on the spot (直接送达): the reply period runs from now.
  const notice = (await store.readDocuments('H-F')).find((d) => d.kind === 'penalty_notice')!;
  const at = clock.now().toISOString();
  const series = { jurisdiction: notice.jurisdiction, kind: notice.kind, year: notice.year, seq: notice.seq };
  await documentService.recordService({ ...series, hazardId: 'H-F', entry: { type: 'served', method: 'direct', recipient: '王建国', servedAt: at }, actorId: 'officer-gas-d1', recordedAt: at });
  clock.advance(days * 86_400_000);
  if (statement) await ok('owner-e1', { type: 'record_statement', hazardId: 'H-F', statement: why(statement), hearingRequested: false });
  await ok('officer-gas-d1', { type: 'decide_penalty', hazardId: 'H-F', penalty, ...co });
  const events = (await store.readEvents('H-F')) as ChainEvent[];
  registered.set(events, await store.readDocuments('H-F'));
  return events;
}

async function text(events: ChainEvent[], type: ChainEvent['type'], kind: DocumentKind): Promise<string> {
  const data = await gatherDocumentData({ events, eventId: events.find((e) => e.type === type)!.id, directory: testDocumentDirectory(), documents: registered.get(events) ?? [] });
  if (!data.ok) throw new Error(formatDocumentIssues(data.issues));
  const o = loadOverride(TEST_OVERRIDE_YAML, 'd1.yaml');
  if (!o.ok) throw new Error('override');
  const doc = composeDocument(loadBuiltinTemplate(kind), data.value, o.value);
  if (!doc.ok) throw new Error(formatDocumentIssues(doc.issues));
  return renderDocumentHtml(doc.value).replace(/<[^>]+>/g, '');
}

describe('penalty documents', () => {
  it('a 50 000 yuan fine: the notice states the hearing right and both periods as running from receipt, in working days — no date counted from its record; the decision after it says no statement was made', async () => {
    const events = await penaltyRun({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 50_000 }, 8);
    const notified = events.find((e) => e.type === 'penalty_notified') as ChainEvent<'penalty_notified'>;
    const notice = await text(events, 'penalty_notified', 'penalty_notice');
    expect(notice).toContain('罚款人民币50000元（大写：伍万元整）');
    // The notice is composed before it is served: the periods run from the party's receipt (送达), not from a printed date.
    expect(notice).toContain('有权要求举行听证；要求听证的，应当自收到本告知书之日起五个工作日内向本机关提出，逾期视为放弃听证权利。');
    expect(notice).toContain('可以自收到本告知书之日起三个工作日内向本机关提出陈述、申辩；逾期未提出的，视为放弃上述权利。');
    for (const recorded of [notified.data.statementDeadline, notified.data.hearingDeadline!]) expect(notice).not.toContain(chinaDate(recorded));
    expect(notice).not.toMatch(/\d+日前向本机关提出/);
    const decision = await text(events, 'penalty_decided', 'penalty_decision');
    expect(decision).toContain('你单位在规定期限内未提出陈述、申辩。');
    expect(decision).toContain('十五日内');
    expect(decision).toContain('六十日内向北京市东城区人民政府申请行政复议');
  });

  it("the 违反 line cites the duty the article punishes (安全生产法 第四十一条第二款); the hazard's basis is the finding's ground", async () => {
    const events = await penaltyRun({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 1_000 }, 4);
    for (const [type, kind] of [
      ['penalty_notified', 'penalty_notice'],
      ['penalty_decided', 'penalty_decision'],
    ] as const) {
      const doc = await text(events, type, kind);
      expect(doc).toContain('违反了《中华人民共和国安全生产法》第四十一条第二款的规定');
      expect(doc).toMatch(/（认定依据：[^）]*城镇燃气管理条例[^）]*第十八条/);
      expect(doc).not.toMatch(/违反了[^的]*城镇燃气管理条例/);
    }
  });

  it('责令停产停业整顿 on refusal: no fine, no payment wording; a small fine: no hearing sentence', async () => {
    const events = await penaltyRun({ article: 'work-safety-law-2021/102-refusal', kind: 'suspend_production' }, 0, '已整改完毕');
    const decision = await text(events, 'penalty_decided', 'penalty_decision');
    expect(decision).toContain('责令停产停业整顿');
    expect(decision).toContain('自收到本决定书之日起停产停业整顿');
    expect(decision).not.toContain('罚款人民币');
    expect(decision).toContain('提出陈述、申辩：已整改完毕');
    const small = await penaltyRun({ article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 1_000 }, 4);
    expect(await text(small, 'penalty_notified', 'penalty_notice')).not.toContain('听证');
  });

  it('writes amounts in capital numerals, zeros included', () => {
    const capital = (fineAmount: number) => {
      const event = {
        type: 'penalty_notified',
        recordedAt: '2026-11-02T01:00:00.000Z',
        data: { penalty: { article: 'work-safety-law-2021/101', kind: 'fine', fineAmount }, statementDeadline: '2026-11-05T15:59:59.999Z', hearingRight: false },
      };
      return /大写：(.+)）/.exec(penaltyValues([event as unknown as ChainEvent], chinaDate)['penalty.text'] ?? '')?.[1];
    };
    expect([1, 10, 15, 105, 1005, 1050, 10_500, 30_000, 100_005, 1_000_000, 10_000_005, 100_000_005].map(capital)).toEqual([
      '壹元整',
      '壹拾元整',
      '壹拾伍元整',
      '壹佰零伍元整',
      '壹仟零伍元整',
      '壹仟零伍拾元整',
      '壹万零伍佰元整',
      '叁万元整',
      '壹拾万零伍元整',
      '壹佰万元整',
      '壹仟万零伍元整',
      '壹亿零伍元整',
    ]);
  });
});
