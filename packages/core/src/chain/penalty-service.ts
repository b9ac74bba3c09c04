import type { DocumentRecord } from '../ports/document-register.js';
import type { DocumentServiceRecord } from '../ports/document-service.js';
import { computeDeadline } from './compute-deadline.js';
import { PENALTY_REPLY_DAYS } from './penalty-articles.js';
import type { PenaltyProceeding } from './types.js';

/** The document kind of the 行政处罚告知书 (the notice `penalty_notified` issues). */
export const PENALTY_NOTICE_KIND = 'penalty_notice';

/** China time, the reply periods' calendar: calendar days end at midnight UTC+8. */
const CHINA_DAYS = Object.freeze({ utcOffsetMinutes: 480, isWorkingDay: () => true });

/**
 * One served 行政处罚告知书: when the notice was issued (its event's `recordedAt`, which is the
 * proceeding's `notifiedAt`) and when the officer recorded it was delivered (`servedAt`).
 */
export interface PenaltyNoticeService {
  issuedAt: string;
  servedAt: string;
}

/** The party's reply period as it runs from the service of the notice (China time, calendar days). */
export interface PenaltyReplyPeriod {
  /** When the notice was served (送达): the periods run from it. */
  servedAt: string;
  /** The last instant to state and defend (陈述、申辩): the end of the 3rd day after service. */
  statementDeadline: string;
  /** The last instant to ask for a hearing (the end of the 5th day after service), when the notice carried the right. */
  hearingDeadline: string | null;
}

/**
 * The reply deadlines counted from `from`: the end (China time) of the day
 * `PENALTY_REPLY_DAYS.statement` (3) calendar days after it, and of the day
 * `PENALTY_REPLY_DAYS.hearing` (5) days after it when the notice carries the hearing right.
 * The one count of the proceeding's days: the notice's recorded deadlines and the period
 * from service both use it.
 */
export function penaltyReplyDeadlines(from: Date, hearingRight: boolean): { statementDeadline: string; hearingDeadline: string | null } {
  const due = (days: number) => computeDeadline({ days }, from, CHINA_DAYS).toISOString();
  return { statementDeadline: due(PENALTY_REPLY_DAYS.statement), hearingDeadline: hearingRight ? due(PENALTY_REPLY_DAYS.hearing) : null };
}

/**
 * The party's reply period of the proceeding's current notice, from its service
 * (《行政处罚法》第四十五、六十四条: the days run from the party's receipt): `null` while the notice
 * `p.notifiedAt` issued has no recorded service in `served` (the service of an earlier
 * notice does not count). `served`: the current notice's service ({@link penaltyNoticeServices}).
 */
export function penaltyReplyPeriod(p: Pick<PenaltyProceeding, 'notifiedAt' | 'hearingRight'>, served: readonly PenaltyNoticeService[]): PenaltyReplyPeriod | null {
  const notice = served.filter((s) => Date.parse(s.issuedAt) === Date.parse(p.notifiedAt)).at(-1);
  if (!notice || Number.isNaN(Date.parse(notice.servedAt))) return null;
  const servedAt = new Date(Date.parse(notice.servedAt));
  return { servedAt: servedAt.toISOString(), ...penaltyReplyDeadlines(servedAt, p.hearingRight) };
}

/**
 * The service of a hazard's current 行政处罚告知书 — the last one numbered (a new
 * `notify_penalty` issues a new notice, whose periods run from its own service): `[]` when it
 * is voided or its delivery is not recorded, else its issue and service. `documents` in
 * allocation order (`readDocuments`).
 */
export function penaltyNoticeServices(documents: readonly DocumentRecord[], service: readonly DocumentServiceRecord[]): PenaltyNoticeService[] {
  const d = documents.filter((r) => r.kind === PENALTY_NOTICE_KIND).at(-1);
  if (!d || d.voided) return [];
  const delivery = service.find((r) => r.entry.type === 'served' && r.jurisdiction === d.jurisdiction && r.kind === d.kind && r.year === d.year && r.seq === d.seq);
  return delivery && delivery.entry.type === 'served' ? [{ issuedAt: d.issuedAt, servedAt: delivery.entry.servedAt }] : [];
}
