import { readFileSync } from 'node:fs';
import type { createWorkingDayCalendar } from '@anjian/core';

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
