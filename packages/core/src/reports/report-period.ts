/**
 * The periods of the periodic reports, in China Standard Time (UTC+8, no daylight saving):
 * an ISO week (`2026-W48`, Monday to Monday) for the weekly analysis, a month (`2026-11`) for
 * the monthly bulletin, a quarter (`2026-Q4`) for the quarterly assessment.
 *
 * @module
 */
import type { LocalizedText } from '../pack/types.js';
import { quoteInput } from '../pack/quote-input.js';

/** The three report kinds: 周研判、月通报、季度考核. */
export type ReportKind = 'weekly' | 'monthly' | 'quarterly';

export const REPORT_KINDS: readonly ReportKind[] = Object.freeze(['weekly', 'monthly', 'quarterly'] as const);

/** A report's period: `[from, to)` as instants, and its label. */
export interface ReportPeriod {
  kind: ReportKind;
  /** `2026-W48`, `2026-11` or `2026-Q4`. */
  label: string;
  from: string;
  to: string;
}

/** A report request that cannot be answered; `message` in both languages. */
export class ReportError extends Error {
  readonly code: 'INVALID_PERIOD' | 'UNKNOWN_AREA' | 'INVALID_AREA' | 'INVALID_KIND' | 'INVALID_OPTION';
  readonly messages: LocalizedText & { en: string };
  constructor(code: ReportError['code'], zh: string, en: string) {
    super(`${en} / ${zh}`);
    this.name = 'ReportError';
    this.code = code;
    this.messages = { 'zh-CN': zh, en };
  }
}

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Midnight UTC+8 of the calendar date y-m-d, as an instant. */
function chinaMidnight(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) - OFFSET_MS;
}

const EXPECTED: Record<ReportKind, { zh: string; en: string }> = {
  weekly: { zh: 'ISO 周，如 2026-W48', en: 'an ISO week like 2026-W48' },
  monthly: { zh: '月份，如 2026-11', en: 'a month like 2026-11' },
  quarterly: { zh: '季度，如 2026-Q4', en: 'a quarter like 2026-Q4' },
};

/**
 * The period of a report kind and label; throws {@link ReportError} `INVALID_PERIOD` (both
 * languages, saying what was expected) for anything else.
 */
export function reportPeriod(kind: ReportKind, label: string): ReportPeriod {
  if (!REPORT_KINDS.includes(kind))
    throw new ReportError('INVALID_KIND', `报表类型应为 weekly、monthly 或 quarterly，实际为 ${quoteInput(kind)}`, `the report kind must be weekly, monthly or quarterly, got ${quoteInput(kind)}`);
  const bad = (): never => {
    const e = EXPECTED[kind];
    throw new ReportError('INVALID_PERIOD', `报表期间 ${quoteInput(label)} 无效：应为${e.zh}`, `the report period ${quoteInput(label)} is not valid: expected ${e.en}`);
  };
  let from: number;
  let to: number;
  if (kind === 'monthly') {
    const m = /^(\d{4})-(\d{2})$/.exec(label);
    if (!m) return bad();
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || y < 2000) return bad();
    from = chinaMidnight(y, mo, 1);
    to = mo === 12 ? chinaMidnight(y + 1, 1, 1) : chinaMidnight(y, mo + 1, 1);
  } else if (kind === 'quarterly') {
    const m = /^(\d{4})-Q([1-4])$/.exec(label);
    if (!m) return bad();
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (y < 2000) return bad();
    from = chinaMidnight(y, 3 * q - 2, 1);
    to = q === 4 ? chinaMidnight(y + 1, 1, 1) : chinaMidnight(y, 3 * q + 1, 1);
  } else {
    const m = /^(\d{4})-W(\d{2})$/.exec(label);
    if (!m) return bad();
    const y = Number(m[1]);
    const w = Number(m[2]);
    if (y < 2000 || w < 1) return bad();
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday1 = Date.UTC(y, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
    const nextJan4 = new Date(Date.UTC(y + 1, 0, 4));
    const nextMonday1 = Date.UTC(y + 1, 0, 4) - ((nextJan4.getUTCDay() + 6) % 7) * DAY_MS;
    const weeks = Math.round((nextMonday1 - monday1) / (7 * DAY_MS));
    if (w > weeks) return bad();
    from = monday1 + (w - 1) * 7 * DAY_MS - OFFSET_MS;
    to = from + 7 * DAY_MS;
  }
  return { kind, label, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The period of `kind` that holds the instant `iso` (UTC+8): the current week, month or quarter. */
export function reportPeriodOf(kind: ReportKind, iso: string): ReportPeriod {
  const local = new Date(Date.parse(iso) + OFFSET_MS);
  const y = local.getUTCFullYear();
  const mo = local.getUTCMonth() + 1;
  if (kind === 'monthly') return reportPeriod(kind, `${y}-${String(mo).padStart(2, '0')}`);
  if (kind === 'quarterly') return reportPeriod(kind, `${y}-Q${Math.ceil(mo / 3)}`);
  // ISO week: the Thursday of this week decides the year.
  const dayMs = Date.UTC(y, mo - 1, local.getUTCDate());
  const thursday = dayMs + (3 - ((local.getUTCDay() + 6) % 7)) * DAY_MS;
  const ty = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(ty, 0, 1)) / (7 * DAY_MS));
  return reportPeriod(kind, `${ty}-W${String(week).padStart(2, '0')}`);
}
