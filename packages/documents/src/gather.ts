import { foldEvents, type ChainEvent, type HazardState, type LocalizedText } from '@anjian/core';
import type { DocumentNumber } from '@anjian/core/ports';
import { documentIssue } from './issue.js';
import { documentKindsFor } from './triggers.js';
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
 * What documents need from the host's directory beyond core's `Directory`: the
 * enterprise's address and legal representative, the officers' names. (Core's
 * `EnterpriseRecord` and `ActorProfile` do not carry them yet.)
 */
export interface DocumentDirectory {
  enterprise(enterpriseId: string): Promise<EnterpriseDetails | null>;
  officer(actorId: string): Promise<OfficerDetails | null>;
}

/** An officer on a document, and whether the chain event itself recorded them. */
export interface DocumentOfficer {
  id: string;
  name: string;
  certificateNo: string | null;
  /** True when the producing event names this officer (the actor or its `officers`). */
  recordedInEvent: boolean;
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
  /**
   * Officers to add when the event records fewer than two (core records both officers on
   * `case_filed`, `listed_for_supervision`, `stop_work_ordered`, `closed` of a major hazard…,
   * not yet on `reported` or `notice_issued`). Marked `recordedInEvent: false`.
   */
  coOfficerIds?: readonly string[];
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

const LEVEL_ZH: Record<string, string> = { simple: '一般隐患（可立即整改）', general: '一般事故隐患', major: '重大事故隐患' };

function citationText(c: { title?: LocalizedText; clause: string; regulation: string }): string {
  const title = zh(c.title) ?? c.regulation;
  return `${title.startsWith('《') ? title : `《${title}》`}${c.clause}`;
}

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
  set('event.recordedAt', chinaDate(event.recordedAt));
  set('event.deadline', typeof data.deadline === 'string' ? chinaDate(data.deadline) : undefined);
  set('event.noticeNo', data.noticeNo as string | undefined);
  set('event.caseNo', data.caseNo as string | undefined);
  set('event.reason', zh((data.reason ?? data.note) as LocalizedText | undefined));
  set('event.note', zh((data.note ?? data.reason) as LocalizedText | undefined));
  set('event.authority', zh(data.authority as LocalizedText | undefined));
  set('event.scope', data.scope === 'whole' ? '全部停产停业' : data.scope === 'partial' ? '局部停产停业（停止相关区域、设备或作业）' : undefined);
  if (reported) {
    const basis = reported.data.basis.map(citationText);
    set('classification.basis', basis.length > 0 ? [...new Set(basis)].join('；') : undefined);
    const findings = reported.data.findings ?? [];
    set(
      'classification.explanation',
      findings
        .map((f) => zh(f.explanation))
        .filter(Boolean)
        .join('；') ||
        zh(reported.data.description) ||
        zh(reported.data.title),
    );
    set(
      'classification.rectification',
      findings
        .map((f) => zh(f.rectification))
        .filter(Boolean)
        .join('；'),
    );
  }
  set('directory.enterprise.name', enterprise?.name);
  set('directory.enterprise.address', enterprise?.address);
  set('directory.enterprise.legalRepresentative', enterprise?.legalRepresentative);
  set('directory.enterprise.phone', enterprise?.phone);

  // Officers: those the event recorded (both, on a two-officer act), else its actor; then any added.
  const recorded = (data.officers as readonly { id: string; certificateNo: string }[] | undefined) ?? [];
  const people: { id: string; certificateNo?: string; recordedInEvent: boolean }[] =
    recorded.length > 0
      ? recorded.map((o) => ({ id: o.id, certificateNo: o.certificateNo, recordedInEvent: true }))
      : event.actor.role === 'enforcement' || event.actor.role === 'grid'
        ? [{ id: event.actor.id, recordedInEvent: true }]
        : [];
  for (const id of input.coOfficerIds ?? []) if (!people.some((p) => p.id === id)) people.push({ id, recordedInEvent: false });
  const officers: DocumentOfficer[] = [];
  for (const p of people) {
    const details = await input.directory.officer(p.id);
    officers.push({ id: p.id, name: details?.name ?? p.id, certificateNo: p.certificateNo ?? details?.certificateNo ?? null, recordedInEvent: p.recordedInEvent });
  }

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
      numbers: (input.documents ?? [])
        .filter((d) => d.eventId === event.id)
        .map(({ jurisdiction, kind, year, seq, eventId, hazardId, issuedAt }) => ({ jurisdiction, kind, year, seq, eventId, hazardId, issuedAt })),
      issuedAt: event.recordedAt,
    },
  };
}
