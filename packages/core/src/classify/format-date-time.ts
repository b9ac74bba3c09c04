import { parseIsoTime } from '../rules/parse-iso-time.js';

/** China Standard Time, UTC+8, all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * A `date` or `datetime` fact's value as inspectors and enterprise owners read it, in
 * China time (UTC+8) whatever offset it was recorded with: `2026-09-14` for a date,
 * `2026-09-14 08:00` for a date-time (`2026-09-14T00:30:00Z` reads `2026-09-14 08:30`),
 * seconds only when not zero (`08:00:05`), fractions dropped. A date fact given a
 * date-time reads as its China date. The same digits in every language and on every
 * machine: no `Intl`, no local time zone. Returns `undefined` for a string that is not an
 * ISO 8601 date, or a date-time with an offset, so the caller shows it as recorded.
 * @internal
 */
export function formatDateTime(value: string, type: 'date' | 'datetime'): string | undefined {
  const parsed = parseIsoTime(value);
  if (parsed === undefined) return undefined;
  if (parsed.ms === undefined) return ymd(parsed.day);
  const local = parsed.ms + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (type === 'date') return ymd(day);
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor(seconds / 60) % 60;
  const ss = seconds % 60;
  return `${ymd(day)} ${pad(hh)}:${pad(mm)}${ss === 0 ? '' : `:${pad(ss)}`}`;
}

/**
 * An instant as a message shows it, in China time (UTC+8) with the zone named in each
 * language: `2026-11-05 23:59:59（北京时间）` / `2026-11-05 23:59:59 (China time)` — the digits
 * of {@link formatDateTime}. A text that is not an ISO 8601 date-time with an offset is
 * shown as it came.
 * @internal
 */
export function formatChinaTime(iso: string): { 'zh-CN': string; en: string } {
  const text = formatDateTime(iso, 'datetime');
  return text === undefined ? { 'zh-CN': iso, en: iso } : { 'zh-CN': `${text}（北京时间）`, en: `${text} (China time)` };
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
function ymd(day: number): string {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  return `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function pad(n: number): string {
  return n < 10 ? `0${String(n)}` : String(n);
}
