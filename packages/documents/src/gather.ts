import { foldEvents, type ChainEvent, type HazardState, type LocalizedText } from '@anjian/core';
import type { Directory, DocumentNumber } from '@anjian/core/ports';
import { documentIssue } from './issue.js';
import type { DocumentIssue } from './types.js';
import { documentKindsFor } from './triggers.js';
import { penaltyValues } from './penalty-values.js';
import type { DocumentKind, DocumentResult, FieldSource } from './types.js';

/** An enterprise as a document names it (the Directory's record plus what documents print). */
export interface EnterpriseDetails {
  id: string;
  name: string;
  address?: string;
  /** 法定代表人（主要负责人）. */
  legalRepresentative?: string;
  phone?: string;
}

/** An officer as a document names them. */
export interface OfficerDetails {
  id: string;
  name: string;
  /** 执法证号. */
  certificateNo?: string;
}

/**
 * What documents need from the host's directory: the enterprise's name, address and legal
 * representative, the officers' names and 执法证号. {@link documentDirectoryFrom} reads them
 * from core's `Directory` (`EnterpriseRecord.address`, `legalRepresentative`, `phone`;
 * `ActorProfile.name`, `certificateNo`).
 */
export interface DocumentDirectory {
  enterprise(enterpriseId: string): Promise<EnterpriseDetails | null>;
  officer(actorId: string): Promise<OfficerDetails | null>;
}

/**
 * The {@link DocumentDirectory} of core's `Directory`: the enterprise record and the actor
 * profile the chain itself resolves, so a document names exactly whom the directory names
 * (an actor without a `name` has none, and the document is refused, never printed with an id).
 *
 * @example
 * ```ts
 * const documents = { templates, override, directory: documentDirectoryFrom(deps.directory) };
 * ```
 */
export function documentDirectoryFrom(directory: Pick<Directory, 'resolve' | 'enterprise'>): DocumentDirectory {
  return {
    async enterprise(id) {
      const e = await directory.enterprise(id);
      if (!e) return null;
      return {
        id: e.id,
        name: e.name,
        ...(e.address === undefined ? {} : { address: e.address }),
        ...(e.legalRepresentative === undefined ? {} : { legalRepresentative: e.legalRepresentative }),
        ...(e.phone === undefined ? {} : { phone: e.phone }),
      };
    },
    async officer(id) {
      const p = await directory.resolve(id);
      if (!p || typeof p.name !== 'string' || p.name.trim() === '') return null;
      return { id: p.id, name: p.name, ...(p.certificateNo === undefined ? {} : { certificateNo: p.certificateNo }) };
    },
  };
}

/** An officer on a document: one the chain event recorded (its `officers`, else its actor). */
export interface DocumentOfficer {
  id: string;
  name: string;
  /** 执法证号 as the event recorded it (else the directory's). */
  certificateNo: string | null;
}

/** Everything a template can draw on for one event of one hazard. */
export interface DocumentData {
  hazardId: string;
  eventId: string;
  eventType: ChainEvent['type'];
  /** The kinds this event issues ({@link DOCUMENT_TRIGGERS}). */
  kinds: DocumentKind[];
  /** The value of every source that has one (text, dates in China time). */
  values: Partial<Record<Exclude<FieldSource, 'manual'>, string>>;
  officers: DocumentOfficer[];
  /** Values filled in by hand, by field id. */
  manual: Record<string, string>;
  /** The numbers (文号) the store allocated for this event, one per kind. */
  numbers: DocumentNumber[];
  /** The number the store allocated to the hazard's 立案审批表, if a case was filed (source `case.number`). */
  caseNumber: DocumentNumber | null;
  /**
   * The number the store allocated to the notice or order that set the hazard's running
   * rectification deadline, up to this event (source `notice.number`).
   */
  noticeNumber?: DocumentNumber | null;
  /** When the document is dated: the event's trusted time (ISO). */
  issuedAt: string;
}

/** Input of {@link gatherDocumentData}. */
export interface GatherInput {
  /** The hazard's events, oldest first (as `store.readEvents(hazardId)` returns them). */
  events: readonly ChainEvent[];
  /** The event that issues the document (`<hazardId>/<version>`). */
  eventId: string;
  directory: DocumentDirectory;
  /** Values of `manual` fields, by field id. */
  manual?: Record<string, string>;
  /** The hazard's allocated document numbers (`store.readDocuments(hazardId)`); those of the event are kept. */
  documents?: readonly DocumentNumber[];
}

const zh = (t: LocalizedText | undefined): string | undefined => (t ? (t['zh-CN'] ?? t.en ?? undefined) : undefined);

/** `2026年10月15日` in China time (UTC+8), from an ISO instant. */
export function chinaDate(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** How the hazard was found (source `hazard.source`), from the report's `source`. */
const SOURCE_ZH: Record<string, string> = { grid_patrol: '网格巡查', self_check: '企业自查上报', enforcement: '执法检查', sensor: '监测预警', permit: '作业许可检查' };

/** Several texts as one: numbered （1）…；（2）… when there is more than one. */
function numbered(texts: readonly string[]): string {
  return texts.length > 1 ? texts.map((t, i) => `（${i + 1}）${t}`).join('；') : (texts[0] ?? '');
}

const LEVEL_ZH: Record<string, string> = { simple: '一般隐患（可立即整改）', general: '一般事故隐患', major: '重大事故隐患' };

function citationText(c: { title?: LocalizedText; clause: string; regulation: string }): string {
  const title = zh(c.title) ?? c.regulation;
  return `${title.startsWith('《') ? title : `《${title}》`}${c.clause}`;
}

/** `2026年10月15日 09:30` in China time (UTC+8), from an ISO instant. */
function chinaDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${chinaDate(iso)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Evidence as an event records it (core's `AttachedEvidence`: id, kind, the server's receipt time …). */
type AttachedEvidence = ChainEvent<'rectification_submitted'>['data']['evidence'][number];

const EVIDENCE_KIND_ZH: Record<AttachedEvidence['kind'], string> = { photo_before: '整改前照片', photo_after: '整改后照片', document: '文件', photo_review: '复查照片' };

/** The most characters of upload ids a document prints on one row (about a line): the rest are counted, not listed. */
const EVIDENCE_IDS_PRINTED = 60;

/**
 * Evidence as a document lists it, bounded so the form stays on one page however many uploads
 * there are: the count of each kind in the order first named, when the server received them
 * (one time, or the first and the last), and the ids in that order as far as about a line
 * holds — `整改前照片1份、整改后照片2份，2026年11月5日 09:00 收到：ev-1、ev-2、ev-3`. What is
 * left out (further ids, each upload's own time when they differ) is named as such, with where
 * the whole list is: the hazard's record (`GET /hazards/{id}` lists each upload, its receipt
 * time and SHA-256).
 */
function evidenceText(evidence: readonly AttachedEvidence[], hazardId: string): string {
  const kinds = [...new Set(evidence.map((e) => e.kind))];
  const inOrder = kinds.flatMap((kind) => evidence.filter((e) => e.kind === kind));
  const counts = kinds.map((kind) => `${EVIDENCE_KIND_ZH[kind] ?? kind}${evidence.filter((e) => e.kind === kind).length}份`).join('、');
  const times = evidence.map((e) => Date.parse(e.receivedAt)).filter((t) => !Number.isNaN(t));
  const first = times.length === 0 ? '' : new Date(Math.min(...times)).toISOString();
  const last = times.length === 0 ? '' : new Date(Math.max(...times)).toISOString();
  const received = times.length === 0 ? '' : first === last ? `，${chinaDateTime(first)} 收到` : `，${chinaDateTime(first)}至${chinaDateTime(last)}收到`;
  const listed: string[] = [];
  let used = 0;
  for (const e of inOrder) {
    if (used + e.id.length > EVIDENCE_IDS_PRINTED) break;
    listed.push(e.id);
    used += e.id.length + 1;
  }
  const rest = inOrder.length - listed.length;
  const ids = listed.length === 0 ? '' : `：${listed.join('、')}${rest > 0 ? `等${inOrder.length}份` : ''}`;
  const omitted = listed.length === 0 ? '编号未逐一列出；' : rest > 0 ? `另${rest}份未列出；` : '';
  const whole = rest > 0 || first !== last ? `（${omitted}每份的编号和收到时间见隐患${hazardId}的记录）` : '';
  return `${counts}${received}${ids}${whole}`;
}

/** Acts whose event records the actor's own evidence, when the command carried some (`event.evidence`). */
const EVIDENCE_EVENTS: ReadonlySet<ChainEvent['type']> = new Set(['verified', 'rejected', 'accepted', 'stop_work_lifted', 'reopened', 'spot_checked']);

function deadlineBefore(events: readonly ChainEvent[]): string | undefined {
  let deadline: string | undefined;
  for (const e of events) {
    const data = e.data as { deadline?: string; to?: string };
    if (e.type === 'notice_issued' || e.type === 'plan_approved') deadline = data.deadline;
    if (e.type === 'extension_granted') deadline = data.to;
  }
  return deadline;
}

/**
 * Gather what a document needs from a real chain run: the hazard state folded up to the
 * issuing event, the event's data, the report's classification (basis, explanation,
 * rectification), the directory's enterprise and officers. Dates are China-time calendar
 * dates. Never throws for bad data; an unknown event is an `EVENT_NOT_FOUND` issue.
 */
export async function gatherDocumentData(input: GatherInput): Promise<DocumentResult<DocumentData>> {
  const index = input.events.findIndex((e) => e.id === input.eventId);
  const event = input.events[index];
  if (index < 0 || event === undefined) {
    return {
      ok: false,
      issues: [
        documentIssue('EVENT_NOT_FOUND', {
          'zh-CN': `隐患记录中没有事件「${input.eventId}」`,
          en: `the hazard's events contain no event "${input.eventId}"`,
        }),
      ],
    };
  }
  const upTo = input.events.slice(0, index + 1);
  const state = foldEvents(upTo) as HazardState;
  const reported = input.events.find((e) => e.type === 'reported') as ChainEvent<'reported'> | undefined;
  const data = event.data as Record<string, unknown>;
  const enterprise = await input.directory.enterprise(state.enterpriseId);

  const values: DocumentData['values'] = {};
  const set = (k: keyof DocumentData['values'], v: string | undefined | null) => {
    if (typeof v === 'string' && v.trim() !== '') values[k] = v;
  };
  set('hazard.id', state.hazardId);
  set('hazard.title', zh(state.title));
  set('hazard.level', LEVEL_ZH[state.level] ?? state.level);
  set('hazard.domain', state.domain);
  const deadline = deadlineBefore(upTo) ?? state.deadline ?? undefined;
  set('hazard.deadline', deadline ? chinaDate(deadline) : undefined);
  set('hazard.caseNo', state.caseNo);
  set('hazard.reportedAt', chinaDate(state.createdAt));
  set('hazard.planDeadline', state.plan ? chinaDate(state.plan.deadline) : undefined);
  set('hazard.source', SOURCE_ZH[state.source] ?? state.source);
  // The running notice: its declared number here; the allocated one replaces it at composition.
  const lastNotice = [...upTo].reverse().find((e) => e.type === 'notice_issued') as ChainEvent<'notice_issued'> | undefined;
  set('notice.number', lastNotice?.data.noticeNo);
  set('event.recordedAt', chinaDate(event.recordedAt));
  set('event.deadline', typeof data.deadline === 'string' ? chinaDate(data.deadline) : undefined);
  set('event.noticeNo', data.noticeNo as string | undefined);
  set('event.caseNo', data.caseNo as string | undefined);
  set('event.reason', zh((data.reason ?? data.note) as LocalizedText | undefined));
  set('event.note', zh((data.note ?? data.reason) as LocalizedText | undefined));
  set('event.authority', zh(data.authority as LocalizedText | undefined));
  // The penalty of the case (行政处罚告知书, 行政处罚决定书): the event's penalty, the law table's wording, the party's statement.
  for (const [k, v] of Object.entries(penaltyValues(upTo, chinaDate))) set(k as keyof DocumentData['values'], v);
  // What a review rested on (a review opinion lists it): the latest rectification as submitted up to the event, and the
  // evidence the act itself recorded — `无` when it carried none, so the paper says so rather than leaving the line out.
  const submission = [...upTo].reverse().find((e) => e.type === 'rectification_submitted') as ChainEvent<'rectification_submitted'> | undefined;
  set('rectification.evidence', submission ? evidenceText(submission.data.evidence ?? [], event.hazardId) || '无' : undefined);
  const own = Array.isArray(data.evidence) ? (data.evidence as AttachedEvidence[]) : [];
  set('event.evidence', own.length > 0 ? evidenceText(own, event.hazardId) : EVIDENCE_EVENTS.has(event.type) ? '无' : undefined);
  set('event.scope', data.scope === 'whole' ? '全部停产停业' : data.scope === 'partial' ? '局部停产停业（停止相关区域、设备或作业）' : undefined);
  if (reported) {
    const basis = reported.data.basis.map(citationText);
    set('classification.basis', basis.length > 0 ? [...new Set(basis)].join('；') : undefined);
    const findings = reported.data.findings ?? [];
    set('classification.explanation', numbered(findings.map((f) => zh(f.explanation)).filter((t): t is string => Boolean(t))) || zh(reported.data.description) || zh(reported.data.title));
    set('classification.rectification', numbered(findings.map((f) => zh(f.rectification)).filter((t): t is string => Boolean(t))));
  }
  set('directory.enterprise.name', enterprise?.name);
  set('directory.enterprise.address', enterprise?.address);
  set('directory.enterprise.legalRepresentative', enterprise?.legalRepresentative);
  set('directory.enterprise.phone', enterprise?.phone);

  const issues: DocumentIssue[] = [];
  if (!enterprise) {
    issues.push(
      documentIssue(
        'ENTERPRISE_UNKNOWN',
        {
          'zh-CN': `目录中没有企业「${state.enterpriseId}」（隐患 ${state.hazardId}）：请在目录中登记其名称、地址和法定代表人`,
          en: `the directory has no enterprise "${state.enterpriseId}" (hazard ${state.hazardId}): register its name, address and legal representative`,
        },
        undefined,
        `/enterprise/${state.enterpriseId}`,
      ),
    );
  }
  // Officers: those the event recorded (both, on a two-officer act), else its actor. Never added by the caller.
  const recorded = (data.officers as readonly { id: string; certificateNo: string }[] | undefined) ?? [];
  const people: { id: string; certificateNo?: string }[] =
    recorded.length > 0 ? recorded.map((o) => ({ id: o.id, certificateNo: o.certificateNo })) : event.actor.role === 'enforcement' || event.actor.role === 'grid' ? [{ id: event.actor.id }] : [];
  const officers: DocumentOfficer[] = [];
  for (const p of people) {
    const details = await input.directory.officer(p.id);
    if (!details) {
      issues.push(
        documentIssue(
          'OFFICER_UNKNOWN',
          {
            'zh-CN': `目录中没有人员「${p.id}」的姓名（事件 ${event.id}）：文书须写明执法人员姓名`,
            en: `the directory has no name for "${p.id}" (event ${event.id}): a document names its officers`,
          },
          undefined,
          `/officers/${p.id}`,
        ),
      );
      continue;
    }
    officers.push({ id: p.id, name: details.name, certificateNo: p.certificateNo ?? details.certificateNo ?? null });
  }
  if (issues.length > 0) return { ok: false, issues };
  const numbers = input.documents ?? [];
  const strip = ({ jurisdiction, kind, year, seq, eventId, hazardId, issuedAt }: DocumentNumber): DocumentNumber => ({ jurisdiction, kind, year, seq, eventId, hazardId, issuedAt });
  const caseNumber = numbers.find((d) => d.kind === 'case_filing_approval' && upTo.some((e) => e.id === d.eventId));
  const noticeNumber = lastNotice ? numbers.find((d) => (d.kind === 'rectification_order' || d.kind === 'rectification_notice') && d.eventId === lastNotice.id) : undefined;

  return {
    ok: true,
    value: {
      hazardId: state.hazardId,
      eventId: event.id,
      eventType: event.type,
      kinds: documentKindsFor(event, state),
      values,
      officers,
      manual: { ...(input.manual ?? {}) },
      numbers: numbers.filter((d) => d.eventId === event.id).map(strip),
      caseNumber: caseNumber ? strip(caseNumber) : null,
      noticeNumber: noticeNumber ? strip(noticeNumber) : null,
      issuedAt: event.recordedAt,
    },
  };
}
