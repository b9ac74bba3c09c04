import { readFileSync } from 'node:fs';
import { createWorkingDayCalendar, type Calendar } from '@anjian/core';

type WorkingDayCalendarOptions = Parameters<typeof createWorkingDayCalendar>[0];

/** The holiday arrangements a host loads from a file: further years, each from its State Council notice. */
interface HolidaysFile {
  /** Where the data comes from (the notice's title); kept for whoever reads the file. */
  source: string;
  years: number[];
  holidays: string[];
  workdays: string[];
}

const KEYS = ['source', 'years', 'holidays', 'workdays'];

function refuse(file: string, zh: string, en: string): never {
  throw new Error(`ANJIAN_HOLIDAYS_FILE ${file}：${zh} / ${en}`);
}

/**
 * The demo's calendar data, `base` (the 2026 notice, `HOLIDAYS_2026`), with the arrangements of
 * further years from `file` when the host names one (`ANJIAN_HOLIDAYS_FILE`): a JSON object
 * `{ source, years, holidays, workdays }` — the State Council notice it copies, the years it
 * covers in full, their holidays and make-up working days (`YYYY-MM-DD`). This is how the host
 * loads next year's notice once it is published, without a new build. Without `file`, `base`
 * as it is. A file that cannot be read, is not such an object or has another key throws at
 * start-up (中文 and English); its dates are checked by `createWorkingDayCalendar` (each in its years).
 */
export function withHolidaysFile(base: WorkingDayCalendarOptions, file: string | undefined): WorkingDayCalendarOptions {
  if (file === undefined || file === '') return base;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return refuse(file, `无法读取或解析（${(error as Error).message}）`, `cannot be read or parsed (${(error as Error).message})`);
  }
  const d = data as Partial<HolidaysFile>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    Object.keys(data).some((k) => !KEYS.includes(k)) ||
    typeof d.source !== 'string' ||
    !Array.isArray(d.years) ||
    !strings(d.holidays) ||
    !strings(d.workdays)
  ) {
    return refuse(file, '应为 { source, years, holidays, workdays } 对象', 'expected an object { source, years, holidays, workdays }');
  }
  return {
    ...base,
    years: [...base.years, ...(d.years as number[])],
    holidays: [...base.holidays, ...(d.holidays as string[])],
    workdays: [...base.workdays, ...(d.workdays as string[])],
  };
}

/** The demo portal's calendar, and which years it covers how (the host's declared choice, printed at start). */
export interface DemoCalendar {
  calendar: Calendar;
  /** Years whose official arrangement is loaded: `base`'s (2026) and the file's. */
  loaded: number[];
  /**
   * Later years, up to the year after the clock's (China time), with no official arrangement
   * loaded: the demo counts them Mon–Fri by its own declared choice — a demo's, never a real
   * host's. Empty with `strict`.
   */
  assumed: number[];
}

/**
 * The demo's calendar: `base` (the 2026 notice) and a file of further years
 * ({@link withHolidaysFile}), and — unless `strict` — every later year up to the year after
 * `now`'s without an official arrangement loaded, counted as plain Mon–Fri (no holidays, no
 * make-up days). This is the demo portal's own choice as a host, so that the demo and its tests
 * keep working across the new year; core stays fail closed (`years` lists them only because the
 * demo declares them), and a file that loads a year replaces the assumption for that year.
 * `strict` (`ANJIAN_HOLIDAYS_STRICT=1`): only the loaded years, as a real host runs — a
 * working-day period into another year is a 503 `CALENDAR_NOT_COVERED`.
 */
export function demoCalendar(options: { now: Date; base: WorkingDayCalendarOptions; file?: string | undefined; strict?: boolean }): DemoCalendar {
  const data = withHolidaysFile(options.base, options.file);
  const loaded = [...new Set(data.years)].sort((a, b) => a - b);
  const until = new Date(options.now.getTime() + 8 * 3_600_000).getUTCFullYear() + 1;
  const assumed: number[] = [];
  if (!options.strict) for (let y = Math.max(...options.base.years) + 1; y <= until; y++) if (!loaded.includes(y)) assumed.push(y);
  return { calendar: createWorkingDayCalendar({ ...data, years: [...loaded, ...assumed] }), loaded, assumed };
}

/**
 * What the demo's calendar covers, for the start-up banner: one line 中文, one English — the
 * loaded years, the assumed ones (Mon–Fri, no official arrangement) and how to load a notice.
 */
export function demoCalendarNotice(c: { loaded: readonly number[]; assumed: readonly number[] }): string[] {
  const loaded = c.loaded.join('、');
  if (c.assumed.length === 0) {
    return [
      `节假日：已载入 ${loaded} 年国务院办公厅节假日安排；其他年份不按周一至周五推算，跨入的工作日期限被拒绝（503 CALENDAR_NOT_COVERED）。`,
      `Holidays: the State Council arrangement of ${c.loaded.join(', ')} is loaded; other years are not counted as Mon–Fri, a working-day period into them is refused (503 CALENDAR_NOT_COVERED).`,
    ];
  }
  const assumed = c.assumed.join('、');
  return [
    `节假日：${loaded} 年按国务院办公厅通知；${assumed} 年未载入官方安排，本演示按周一至周五计算（演示的假设，非正式安排）。公布后用 ANJIAN_HOLIDAYS_FILE=<JSON 文件> 载入该年通知（见 README），ANJIAN_HOLIDAYS_STRICT=1 关闭此假设。`,
    `Holidays: ${c.loaded.join(', ')} from the State Council notice; ${c.assumed.join(', ')}: no official arrangement loaded — this demo counts Mon–Fri (its own assumption, not the official one). Load the notice once published with ANJIAN_HOLIDAYS_FILE=<file.json> (README); ANJIAN_HOLIDAYS_STRICT=1 turns the assumption off.`,
  ];
}
