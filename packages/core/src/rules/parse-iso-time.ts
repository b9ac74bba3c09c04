/**
 * A parsed ISO 8601 date or date-time.
 *
 * `day` is the calendar day written in the string (days since 1970-01-01), so a
 * date-time keeps the local date of its own offset: `2026-11-28T23:30+08:00` is day
 * 2026-11-28. `ms` is the instant (UTC epoch milliseconds) for a date-time, and absent for
 * a bare date, which has no time of day.
 */
export interface IsoTime {
  day: number;
  ms?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DAY_MS = 86_400_000;

/**
 * Parse `YYYY-MM-DD` or an ISO 8601 date-time **with an offset** (`Z` or `±hh:mm`).
 * Returns `undefined` for anything else, including impossible dates (`2026-02-30`) and
 * date-times without an offset (their instant would depend on the machine's time zone).
 *
 * @example
 * ```ts
 * parseIsoTime('2026-11-28');                // { day: 20785 }
 * parseIsoTime('2026-11-28T08:00:00+08:00'); // { day: 20785, ms: 1795737600000 }
 * ```
 */
export function parseIsoTime(text: unknown): IsoTime | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  // Date operators parse the same few strings (the inspection time above all) again and
  // again; a small memo turns that into a lookup. Results are frozen, so sharing is safe.
  let parsed = memo.get(text);
  if (parsed === undefined) {
    parsed = parse(text) ?? null;
    if (memo.size >= 512) memo.clear();
    memo.set(text, parsed);
  }
  return parsed ?? undefined;
}

const memo = new Map<string, IsoTime | null>();

function parse(text: string): IsoTime | undefined {
  const d = DATE.exec(text);
  if (d) {
    const day = dayNumber(Number(d[1]), Number(d[2]), Number(d[3]));
    return day === undefined ? undefined : Object.freeze({ day });
  }
  const t = DATETIME.exec(text);
  if (!t) return undefined;
  const day = dayNumber(Number(t[1]), Number(t[2]), Number(t[3]));
  const hour = Number(t[4]);
  const minute = Number(t[5]);
  const second = t[6] === undefined ? 0 : Number(t[6]);
  if (day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = t[7] === undefined ? 0 : Math.floor(Number(`0.${t[7]}`) * 1000);
  let offset = 0;
  if (t[8] === undefined) {
    const oh = Number(t[10]);
    const om = Number(t[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (t[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = day * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + fraction;
  return Object.freeze({ day, ms });
}

function dayNumber(year: number, month: number, dayOfMonth: number): number | undefined {
  if (month < 1 || month > 12 || dayOfMonth < 1) return undefined;
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) {
    return undefined;
  }
  return Math.round(ms / DAY_MS);
}
