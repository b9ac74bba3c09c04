// A real review-chain run (core's handleCommand on the memory store) that issues every
// document kind, shared by this package's and documents-pdf's tests.
import { createMemoryEvidenceStore, createMemoryStore, createStaticDirectory, handleCommand, type ChainCommand, type ChainEvent, type ChainDeps, type Store } from '@anjian/core';
import { createMemoryDocumentServiceLog } from '@anjian/core/internal';
import type { ActorProfile, Directory, EnterpriseRecord } from '@anjian/core/ports';
import { createFixedClock, evidence, reportCommand, stageEvidence, TEST_ACTORS, TEST_CALENDAR_2026, TEST_ENTERPRISES, TEST_OFFICER_3, treatmentPlan } from '@anjian/core/testing';
import {
  composeDocument,
  documentNumbering,
  DOCUMENT_KINDS,
  documentDirectoryFrom,
  formatDocumentIssues,
  gatherDocumentData,
  loadOverride,
  type ComposedDocument,
  type DocumentDirectory,
  type DocumentKind,
  type LoadedOverride,
} from '../src/index.js';
import { loadBuiltinTemplate } from '../src/node/index.js';

type ReportCommand = Extract<ChainCommand, { type: 'report' }>;

const reason = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Names the documents print, added to core's test actors (the directory carries them). */
const NAMES: Record<string, string> = { 'officer-gas-d1': '张明', 'officer2-gas-d1': '李华', 'officer3-gas-d1': '赵强', 'grid-g1': '陈静', 'owner-e1': '王建国' };

/** Core's test enterprises with the address and legal representative documents print. */
export const TEST_DOCUMENT_ENTERPRISES: readonly EnterpriseRecord[] = TEST_ENTERPRISES.map((e) =>
  e.id === 'E1' ? { ...e, address: '东城区和平里北街18号', legalRepresentative: '王建国', phone: '010-64000000' } : { ...e, address: '东城区安定门外大街7号' },
);

/** Core's test actors with their names. */
export const TEST_DOCUMENT_ACTORS: readonly ActorProfile[] = [...Object.values(TEST_ACTORS), TEST_OFFICER_3].map((p) => (NAMES[p.id] ? { ...p, name: NAMES[p.id] } : p));

/** The chain's directory, with names and addresses (entries replaced to test missing data). */
export function testDirectory(overrides: { enterprises?: readonly EnterpriseRecord[]; actors?: readonly ActorProfile[] } = {}): Directory {
  const replace = <T extends { id: string }>(base: readonly T[], by: readonly T[] = []) => [...base.filter((b) => !by.some((x) => x.id === b.id)), ...by];
  return createStaticDirectory(replace(TEST_DOCUMENT_ACTORS, overrides.actors), replace(TEST_DOCUMENT_ENTERPRISES, overrides.enterprises));
}

/** The documents' view of {@link testDirectory}. */
export function testDocumentDirectory(overrides: Parameters<typeof testDirectory>[0] = {}): DocumentDirectory {
  return documentDirectoryFrom(testDirectory(overrides));
}

const GAS_BASIS = [
  {
    regulation: 'gas-regulation',
    clause: '第十八条',
    number: '国务院令第583号',
    edition: '2016',
    title: { 'zh-CN': '城镇燃气管理条例', en: 'Regulation on Urban Gas' },
    status: 'current' as const,
    confidence: 'verified' as const,
  },
];

const TANK_BASIS = [
  {
    regulation: 'mem-major-hazard',
    clause: '第四条（一）',
    number: '应急管理部令',
    edition: '2025',
    title: { 'zh-CN': '工贸企业重大事故隐患判定标准', en: 'criteria for major hazards in industry and trade' },
    status: 'current' as const,
    confidence: 'verified' as const,
  },
];

/** The events of three hazards: an officer's (general), a grid inspector's (general), a major one. */
export interface ChainRun {
  officerHazard: ChainEvent[];
  gridHazard: ChainEvent[];
  majorHazard: ChainEvent[];
}

/** Variations of {@link runChain}: other directory entries, other report data (long names, many findings). */
export interface ChainRunOptions {
  /** The store allocates document numbers of jurisdiction D1 with the events. */
  numbered?: boolean;
  /** Directory entries replacing the test ones (by id). */
  directory?: Parameters<typeof testDirectory>[0];
  /** Report fields replacing the defaults of each hazard's report. */
  reports?: { alarm?: Partial<ReportCommand>; hose?: Partial<ReportCommand>; tank?: Partial<ReportCommand> };
  /** The uploads of the alarm's rectification and of its verification, replacing the default few (ids `<prefix>-<kind>-<n>`). */
  uploads?: { prefix: string; submitted: number; reviewed: number };
}

/**
 * Runs the chain on `store` (default: a memory store) and returns each hazard's events.
 * The store allocates document numbers of jurisdiction D1 with the events (`numbered` is read
 * by {@link composeAllKinds}).
 */
export async function runChain(store: Store = createMemoryStore(), options: ChainRunOptions = {}): Promise<ChainRun> {
  const evidenceStore = createMemoryEvidenceStore();
  const clock = createFixedClock('2026-11-02T01:00:00Z');
  const deps: ChainDeps = {
    store,
    clock,
    directory: testDirectory(options.directory),
    calendar: TEST_CALENDAR_2026,
    evidence: evidenceStore,
    // The store numbers documents with their events, as a host with documents does: a case's number
    // (案号) exists only as its 立案审批表's 文号.
    documentNumbers: documentNumbering({ jurisdiction: 'D1' }),
    // Where the 行政处罚告知书's service is recorded: the party's reply period runs from it.
    documentService: createMemoryDocumentServiceLog(),
  };
  let n = 0;
  const ok = async (actorId: string, command: object) => {
    const full = stageEvidence(evidenceStore, { commandId: `cmd-${++n}`, ...command } as ChainCommand, actorId, clock.now());
    // The second officer a command names is there and confirms with his own credential.
    const named = (command as { coOfficerId?: unknown }).coOfficerId;
    const r = await handleCommand(deps, full, actorId, typeof named === 'string' ? { coSignerId: named } : {});
    if ('rejection' in r) throw new Error(`${actorId} ${String((command as { type?: unknown }).type)}: ${r.rejection.code} ${r.rejection.message.en}`);
    return r.events;
  };

  // 1. An officer finds a missing gas alarm, orders it fixed; the enterprise fixes it; another officer verifies on site,
  // with the photo and the test sheet of the review (the review opinion lists them with the rectification's).
  await ok(
    'officer-gas-d1',
    reportCommand('H-ALARM', {
      source: 'enforcement',
      coOfficerId: 'officer2-gas-d1',
      basis: GAS_BASIS,
      evidence: evidence('H-ALARM', 'photo_before', 1, '2026-11-02T00:55:00Z'),
      findings: [
        {
          rule: 'gas.alarm',
          item: 'gas.alarm',
          kind: 'rule',
          level: 'general',
          provisional: false,
          party: 'enterprise' as never,
          title: { 'zh-CN': '未安装可燃气体报警装置', en: 'no gas alarm' },
          basis: GAS_BASIS,
          deadline: { workingDays: 7 },
          observations: [],
          rectification: { 'zh-CN': '在用气场所安装可燃气体泄漏报警装置并与切断阀联动' },
          explanation: { 'zh-CN': '用气场所未安装可燃气体报警装置，属一般事故隐患', en: 'no gas alarm where gas is used: a general hazard' },
        },
      ],
      ...options.reports?.alarm,
    }),
  );
  await ok('officer-gas-d1', { type: 'issue_notice', hazardId: 'H-ALARM', coOfficerId: 'officer2-gas-d1' });
  clock.advance(3 * 86_400_000);
  const up = options.uploads;
  const submitted = up
    ? [...evidence(`${up.prefix}-fix`, 'photo_before', up.submitted), ...evidence(`${up.prefix}-fix`, 'photo_after', up.submitted), ...evidence(`${up.prefix}-fix`, 'document', up.submitted)]
    : undefined;
  await ok('owner-e1', { type: 'submit_rectification', hazardId: 'H-ALARM', evidence: submitted ?? [...evidence('fix', 'photo_before', 1), ...evidence('fix', 'photo_after', 2)] });
  clock.advance(86_400_000);
  await ok('officer2-gas-d1', {
    type: 'verify',
    hazardId: 'H-ALARM',
    note: reason('报警装置已安装并经测试有效，整改合格', 'alarm installed and tested'),
    coOfficerId: 'officer-gas-d1',
    evidence: up
      ? [...evidence(`${up.prefix}-review`, 'photo_review', up.reviewed), ...evidence(`${up.prefix}-review`, 'document', up.reviewed)]
      : [...evidence('review', 'photo_review', 1), ...evidence('review', 'document', 1)],
  });

  // 2. A grid inspector's notice.
  await ok(
    'grid-g1',
    reportCommand('H-HOSE', {
      title: reason('燃气软管超过两年未更换且有老化裂纹', 'gas hose aged and cracked'),
      basis: GAS_BASIS,
      evidence: evidence('H-HOSE', 'photo_before', 1),
      ...options.reports?.hose,
    }),
  );
  await ok('grid-g1', { type: 'issue_notice', hazardId: 'H-HOSE' });

  // 3. A major hazard: case, listing, stop work, plan, acceptance, write-off.
  const id = 'H-TANK';
  await ok(
    'owner-e1',
    reportCommand(id, {
      title: reason('有限空间作业未执行"先通风、再检测、后作业"', 'confined-space entry without ventilation and testing'),
      level: 'major',
      domain: 'confined_space',
      source: 'self_check',
      deadline: { days: 30 },
      basis: TANK_BASIS,
      ...options.reports?.tank,
    }),
  );
  await ok('owner-e1', { type: 'escalate', hazardId: id, reason: reason('重大隐患报告', 'major hazard reported') });
  const co = { coOfficerId: 'officer2-gas-d1' };
  await ok('officer-gas-d1', { type: 'file_case', hazardId: id, ...co });
  await ok('officer-gas-d1', { type: 'list_for_supervision', hazardId: id, authority: reason('东城区安全生产委员会办公室', 'district safety committee office'), ...co });
  await ok('officer-gas-d1', { type: 'order_stop_work', hazardId: id, scope: 'partial', reason: reason('停止一切有限空间作业，撤出作业人员', 'stop confined-space work'), ...co });
  clock.advance(2 * 86_400_000);
  await ok('owner-e1', { type: 'submit_plan', hazardId: id, plan: treatmentPlan('2026-11-20T09:00:00.000Z') });
  await ok('officer-gas-d1', { type: 'approve_plan', hazardId: id, note: reason('方案可行', 'workable') });
  clock.set('2026-11-15T02:00:00Z');
  await ok('owner-e1', {
    type: 'submit_rectification',
    hazardId: id,
    evidence: [...evidence('m', 'photo_before', 1), ...evidence('m', 'photo_after', 3, '2026-11-14T08:00:00Z'), ...evidence('m', 'document', 1)],
  });
  clock.set('2026-11-20T02:00:00Z');
  await ok('officer-gas-d1', { type: 'accept', hazardId: id, note: reason('现场验收合格', 'accepted on site'), ...co });
  await ok('officer2-gas-d1', { type: 'close', hazardId: id, note: reason('经验收合格，同意销号', 'written off'), coOfficerId: 'officer-gas-d1' });
  // The case ends in a penalty: notice (the reply period computed by the chain), the party's statement, a lighter decision.
  await ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 30_000 }, ...co });
  // Handed over on the spot (直接送达): the reply period runs from now.
  const notice = (await store.readDocuments(id)).find((d) => d.kind === 'penalty_notice')!;
  await deps.documentService!.recordService({
    ...{ jurisdiction: notice.jurisdiction, kind: notice.kind, year: notice.year, seq: notice.seq },
    hazardId: id,
    entry: { type: 'served', method: 'direct', recipient: '王建国', servedAt: clock.now().toISOString() },
    actorId: 'officer-gas-d1',
    recordedAt: clock.now().toISOString(),
  });
  clock.advance(86_400_000);
  await ok('owner-e1', {
    type: 'record_statement',
    hazardId: id,
    statement: reason('发现隐患后已主动停止作业并全部整改，请求从轻处罚', 'stopped work at once and rectified'),
    hearingRequested: false,
  });
  await ok('officer-gas-d1', { type: 'decide_penalty', hazardId: id, penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 20_000 }, ...co });

  return {
    officerHazard: (await store.readEvents('H-ALARM')) as ChainEvent[],
    gridHazard: (await store.readEvents('H-HOSE')) as ChainEvent[],
    majorHazard: (await store.readEvents(id)) as ChainEvent[],
  };
}

/** The event of `type` in a hazard's events (the last one). */
export function eventOf(events: readonly ChainEvent[], type: ChainEvent['type']): ChainEvent {
  const e = [...events].reverse().find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} event among ${events.map((x) => x.type).join(', ')}`);
  return e;
}

/** The override of test jurisdiction D1. */
export const TEST_OVERRIDE_YAML = `format: anjian-document-override/1
jurisdiction: D1
department: 北京市东城区应急管理局
seal: （东城区应急管理局印章）
reconsideration:
  government: 北京市东城区人民政府
  court: 北京市东城区人民法院
kinds:
  rectification_order:
    labels:
      deadline: 整改完成期限
`;

/** The D1 override with the department's code word of document numbers. */
export const TEST_NUMBERED_OVERRIDE_YAML = `${TEST_OVERRIDE_YAML}numberPrefix: （东）应急
`;

/** Which hazard and event issue each kind in {@link runChain}. */
export const KIND_SOURCES: Record<DocumentKind, { hazard: keyof ChainRun; event: ChainEvent['type'] }> = {
  inspection_record: { hazard: 'officerHazard', event: 'reported' },
  rectification_notice: { hazard: 'gridHazard', event: 'notice_issued' },
  rectification_order: { hazard: 'officerHazard', event: 'notice_issued' },
  review_opinion: { hazard: 'officerHazard', event: 'verified' },
  case_filing_approval: { hazard: 'majorHazard', event: 'case_filed' },
  stop_work_order: { hazard: 'majorHazard', event: 'stop_work_ordered' },
  supervision_listing_notice: { hazard: 'majorHazard', event: 'listed_for_supervision' },
  major_hazard_writeoff_approval: { hazard: 'majorHazard', event: 'closed' },
  penalty_notice: { hazard: 'majorHazard', event: 'penalty_notified' },
  penalty_decision: { hazard: 'majorHazard', event: 'penalty_decided' },
};

/**
 * The register's numbers that are a case's or a notice's only number (the 立案审批表's 案号, the
 * 文号 of a 隐患整改通知书 or 责令限期整改指令书): the commands carry none, so a document run
 * "unnumbered" still needs these.
 */
export function onlyServerNumbered<T extends { kind: string }>(documents: readonly T[]): T[] {
  return documents.filter((d) => d.kind === 'case_filing_approval' || d.kind === 'rectification_order' || d.kind === 'rectification_notice');
}

/**
 * Every kind composed from one chain run with the built-in templates and the D1 override
 * (`numbered`: with the numbers the store allocated, read back from `store`).
 */
export async function composeAllKinds(
  store: Store = createMemoryStore(),
  options: ChainRunOptions & { override?: LoadedOverride; manual?: Record<string, string> } = {},
): Promise<Map<DocumentKind, ComposedDocument>> {
  const run = await runChain(store, options);
  const loaded = loadOverride(options.numbered ? TEST_NUMBERED_OVERRIDE_YAML : TEST_OVERRIDE_YAML, 'd1.yaml');
  if (!loaded.ok) throw new Error(formatDocumentIssues(loaded.issues));
  const o = { value: options.override ?? loaded.value };
  const out = new Map<DocumentKind, ComposedDocument>();
  for (const kind of DOCUMENT_KINDS) {
    const src = KIND_SOURCES[kind];
    const events = run[src.hazard];
    // Unnumbered: only the case's and the notices' numbers (they have no other source); other documents print no 文号.
    const registered = await store.readDocuments(events[0]!.hazardId);
    const documents = options.numbered ? registered : onlyServerNumbered(registered);
    const data = await gatherDocumentData({
      events,
      eventId: eventOf(events, src.event).id,
      directory: testDocumentDirectory(options.directory),
      documents,
      ...(options.manual ? { manual: options.manual } : {}),
    });
    if (!data.ok) throw new Error(formatDocumentIssues(data.issues));
    const doc = composeDocument(loadBuiltinTemplate(kind), data.value, o.value);
    if (!doc.ok) throw new Error(formatDocumentIssues(doc.issues));
    out.set(kind, doc.value);
  }
  return out;
}
