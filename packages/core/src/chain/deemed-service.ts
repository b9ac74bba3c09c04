/**
 * When a document served by public notice (公告送达) counts as served: the officer records the
 * day the notice was published (what he observed), and the service is derived from it — never
 * typed. The civil procedure law, to which the 行政处罚法 refers service (第六十一条), deems a
 * document served once thirty days have passed since the notice was published (民事诉讼法
 * 第九十五条 as amended in 2021, in force 2022-01-01; sixty days before).
 *
 * @module
 */

/** Days after the publication day at whose end a public notice counts as served (视为送达). */
export const PUBLIC_NOTICE_DAYS = 30;

/**
 * The first publication day (China time) the thirty days apply to: the 2021 amendment of the
 * civil procedure law took effect on 2022-01-01, and sixty days applied before. An earlier
 * publication day is refused rather than counted by the wrong rule (`publicNoticeServedAt`).
 */
export const PUBLIC_NOTICE_DAYS_SINCE = '2022-01-01';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whether `s` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(s: unknown): s is string {
  return typeof s === 'string' && DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/**
 * The instant a public notice published on the China-time day `publishedOn` (`YYYY-MM-DD`)
 * counts as served: the end (23:59:59.999, UTC+8) of the thirtieth calendar day after it. The
 * publication day itself is not counted (the general rule for periods counted in days: the day
 * a period starts on is not part of it), so the thirty days are the 1st to the 30th day after
 * publication, and the service takes effect as the 30th ends — on the 30th day, the day the
 * party's periods then count from (published Mon 2026-11-02 → deemed served 2026-12-02, the
 * reply periods counting working days from 12-03). Calendar days: weekends and holidays count,
 * and a period ending on a holiday is not carried over (not modelled; see docs/penalties.md).
 * China has no daylight saving, so a day is always 24 hours.
 *
 * @throws RangeError when `publishedOn` is not a real day, or is before {@link PUBLIC_NOTICE_DAYS_SINCE}.
 *
 * @example
 * ```ts
 * publicNoticeServedAt('2026-11-02'); // '2026-12-02T15:59:59.999Z' (2026-12-02 23:59:59.999 China time)
 * ```
 */
export function publicNoticeServedAt(publishedOn: string): string {
  if (!isCalendarDay(publishedOn)) throw new RangeError(`publishedOn must be a day YYYY-MM-DD, got ${JSON.stringify(String(publishedOn).slice(0, 40))}`);
  if (publishedOn < PUBLIC_NOTICE_DAYS_SINCE) throw new RangeError(`a public notice published before ${PUBLIC_NOTICE_DAYS_SINCE} ran sixty days, not thirty: not modelled`);
  return new Date(Date.parse(`${publishedOn}T23:59:59.999+08:00`) + PUBLIC_NOTICE_DAYS * DAY_MS).toISOString();
}
