import type { Calendar } from '../ports/calendar.js';
import type { DocumentRecord } from '../ports/document-register.js';
import type { DocumentServiceRecord, ServiceMethod } from '../ports/document-service.js';
import { computeDeadline } from './compute-deadline.js';
import { PUBLIC_NOTICE_DAYS, publicNoticeServedAt } from './deemed-service.js';
import { PENALTY_REPLY_DAYS } from './penalty-articles.js';
import type { PenaltyProceeding } from './types.js';

/** The document kind of the 行政处罚告知书 (the notice `penalty_notified` issues). */
export const PENALTY_NOTICE_KIND = 'penalty_notice';

/** The host's working days (its holidays and make-up days), with the days taken in China time (UTC+8) whatever its offset. */
function chinaWorkingDays(calendar: Calendar): Calendar {
  // A host calendar without `covers` stays without it: computeDeadline refuses it rather than trusting it.
  const covers = typeof (calendar as Partial<Calendar>).covers === 'function' ? (date: string) => calendar.covers(date) : undefined;
  return { utcOffsetMinutes: 480, covers: covers as Calendar['covers'], isWorkingDay: (date) => calendar.isWorkingDay(date) };
}

/**
 * One served 行政处罚告知书: when the notice was issued (its event's `recordedAt`, which is the
 * proceeding's `notifiedAt`) and its delivery as the service log holds it (`servedAt`; for a
 * public notice recorded with its publication day, `publishedOn`, from which the service is
 * derived).
 */
export interface PenaltyNoticeService {
  issuedAt: string;
  servedAt: string;
  /** How it was served (送达方式), when known. */
  method?: ServiceMethod;
  /** 公告送达: the China-time day the notice was published (`YYYY-MM-DD`); the service is derived from it. */
  publishedOn?: string;
}

/** A service the server derived rather than took as observed: a public notice deemed served (视为送达). */
export interface DeemedService {
  /** The day (China time, `YYYY-MM-DD`) the public notice was published, as the officer recorded it. */
  publishedOn: string;
  /** The days after publication at whose end it counts as served ({@link PUBLIC_NOTICE_DAYS}: 30). */
  days: number;
}

/** The party's reply period as it runs from the service of the notice (China time, working days). */
export interface PenaltyReplyPeriod {
  /**
   * When the notice was served (送达): the periods run from its China-time day. The instant the
   * officer observed (直接送达, the day on the postal receipt, the arrival of an electronic
   * service), or for a public notice the one derived from its publication (`deemed`).
   */
  servedAt: string;
  /**
   * Set when the service is deemed (视为送达): a public notice (公告送达) published on
   * `publishedOn` counts as served at the end of the `days`th day after it, and `servedAt` is
   * that instant, derived by the server. `null` for a service as observed — and for a public
   * notice recorded before the publication day was (its `servedAt` stands as recorded).
   * Always set by {@link penaltyReplyPeriod}.
   */
  deemed?: DeemedService | null;
  /** The last instant to state and defend (陈述、申辩): the end of the 3rd working day after service. */
  statementDeadline: string;
  /** The last instant to ask for a hearing (the end of the 5th working day after service), when the notice carried the right. */
  hearingDeadline: string | null;
}

/**
 * The reply deadlines counted from `from`: the end (China time) of the
 * `PENALTY_REPLY_DAYS.statement`th (3rd) working day after its day, and of the
 * `PENALTY_REPLY_DAYS.hearing`th (5th) when the notice carries the hearing right — working days
 * of the host's `calendar` (《行政处罚法》第八十五条: the law's 二日、三日、五日、七日 are working days,
 * not counting statutory holidays), counted by `computeDeadline` like a rectification's
 * `{ workingDays }`. The one count of the proceeding's days: the notice's recorded deadlines and
 * the period from service both use it. Throws `ChainError` `NO_WORKING_DAY` when the calendar
 * has too few working days (broken holiday data), and `CALENDAR_NOT_COVERED` when a period
 * reaches a year the calendar does not cover (its holiday arrangement not loaded): the law's
 * working days are never counted as plain Mon–Fri.
 *
 * @example
 * ```ts
 * // Served Fri 2026-09-25; the National Day holiday Oct 1–8, Sat Oct 10 a make-up working day.
 * penaltyReplyDeadlines(new Date('2026-09-25T02:00:00Z'), true, calendar2026);
 * // { statementDeadline: '2026-09-30T15:59:59.999Z', hearingDeadline: '2026-10-10T15:59:59.999Z' }
 * ```
 */
export function penaltyReplyDeadlines(from: Date, hearingRight: boolean, calendar: Calendar): { statementDeadline: string; hearingDeadline: string | null } {
  const china = chinaWorkingDays(calendar);
  const due = (workingDays: number) => computeDeadline({ workingDays }, from, china).toISOString();
  return { statementDeadline: due(PENALTY_REPLY_DAYS.statement), hearingDeadline: hearingRight ? due(PENALTY_REPLY_DAYS.hearing) : null };
}

/**
 * The party's reply period of the proceeding's current notice, from its service
 * (《行政处罚法》第四十五、六十四条: the days run from the party's receipt), in working days of
 * `calendar` ({@link penaltyReplyDeadlines}): `null` while the notice `p.notifiedAt` issued has
 * no recorded service in `served` (the service of an earlier notice does not count). `served`:
 * the current notice's service ({@link penaltyNoticeServices}). A public notice recorded with
 * its publication day is served as derived by {@link publicNoticeServedAt} (the end of the 30th
 * day after publication, `deemed` says so), whatever the log's copy of `servedAt` says; `null`
 * when that day cannot be read. Computed on the server (the calendar is the host's); a page is
 * given the result, not the calendar.
 */
export function penaltyReplyPeriod(p: Pick<PenaltyProceeding, 'notifiedAt' | 'hearingRight'>, served: readonly PenaltyNoticeService[], calendar: Calendar): PenaltyReplyPeriod | null {
  const notice = served.filter((s) => Date.parse(s.issuedAt) === Date.parse(p.notifiedAt)).at(-1);
  if (!notice) return null;
  let deemed: DeemedService | null = null;
  let at = notice.servedAt;
  if (notice.publishedOn !== undefined) {
    // 公告送达: the service is derived from the publication day, not read from the log's copy.
    try {
      at = publicNoticeServedAt(notice.publishedOn);
    } catch {
      return null; // an unreadable publication day serves nothing (the decision stays held)
    }
    deemed = { publishedOn: notice.publishedOn, days: PUBLIC_NOTICE_DAYS };
  }
  if (Number.isNaN(Date.parse(at))) return null;
  const servedAt = new Date(Date.parse(at));
  return { servedAt: servedAt.toISOString(), deemed, ...penaltyReplyDeadlines(servedAt, p.hearingRight, calendar) };
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
  if (!delivery || delivery.entry.type !== 'served') return [];
  const { servedAt, method, publishedOn } = delivery.entry;
  return [{ issuedAt: d.issuedAt, servedAt, method, ...(publishedOn !== undefined ? { publishedOn } : {}) }];
}
