import { OPERATOR_CATALOGUE } from '../rules/operator-catalogue.js';
import type { Bilingual } from './create-issue.js';
import { didYouMean } from './did-you-mean.js';

/**
 * Hints fitted to what a pack author wrote where the format wants an English word, a date
 * or a number: `level: 重大` is told `major`, `operator: gt` `greaterThan`, `2026-02-30`
 * that February has no 30th, `2026/3/1` to write `2026-03-01`. Each returns `undefined`
 * when it has nothing specific to say (the caller keeps its general hint).
 *
 * @module
 */

/** Words authors write for the values of the format's closed lists (levels, fact types, …), and the value meant. */
const VALUE_WORDS: Readonly<Record<string, string>> = Object.freeze({
  // hazard levels
  重大: 'major',
  重大隐患: 'major',
  重大事故隐患: 'major',
  一般: 'general',
  一般隐患: 'general',
  一般事故隐患: 'general',
  简易: 'simple',
  简易隐患: 'simple',
  轻微: 'simple',
  // fact types
  是否: 'boolean',
  布尔: 'boolean',
  bool: 'boolean',
  数字: 'number',
  数值: 'number',
  测量值: 'number',
  数量: 'count',
  个数: 'count',
  计数: 'count',
  整数: 'count',
  integer: 'count',
  int: 'count',
  单选: 'enum',
  选项: 'enum',
  枚举: 'enum',
  select: 'enum',
  choice: 'enum',
  多选: 'multi',
  文本: 'text',
  文字: 'text',
  string: 'text',
  日期: 'date',
  时间: 'datetime',
  日期时间: 'datetime',
  照片: 'evidence',
  图片: 'evidence',
  附件: 'evidence',
  证据: 'evidence',
  photo: 'evidence',
  // regulation status and confidence
  现行: 'current',
  有效: 'current',
  已替代: 'superseded',
  已废止: 'superseded',
  废止: 'superseded',
  已核实: 'verified',
  核实: 'verified',
  二手: 'secondary',
  间接: 'secondary',
  未核实: 'unverified',
  // deadlines
  立即: 'immediate',
  当场: 'immediate',
  马上: 'immediate',
  立即整改: 'immediate',
  当场整改: 'immediate',
  // item outcomes (scenario files' expect.items)
  合格: 'pass',
  通过: 'pass',
  存在隐患: 'hazard',
  有隐患: 'hazard',
  隐患: 'hazard',
  不适用: 'not_applicable',
  未检查: 'not_checked',
  未检: 'not_checked',
});

/**
 * The hint for a value outside a closed list (`level: 重大`, `type: 数字`, `status: 现行`):
 * the English value meant, when the word is a known one and that value is allowed here.
 *
 * @internal
 * @example
 * ```ts
 * enumWordHint('重大', ['simple', 'general', 'major'])?.en; // 'Values are written in English: write major for "重大".'
 * ```
 */
export function enumWordHint(value: unknown, allowed: readonly string[]): Bilingual | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim();
  const meant = VALUE_WORDS[word] ?? VALUE_WORDS[word.toLowerCase()];
  if (meant === undefined || !allowed.includes(meant)) return undefined;
  return { 'zh-CN': `这里的取值用英文：“${word}”应写 ${meant}。`, en: `Values are written in English: write ${meant} for "${word}".` };
}

/** Keys authors write inside a deadline, and the key the format wants. */
const DEADLINE_KEYS: Readonly<Record<string, string>> = Object.freeze({
  workdays: 'workingDays',
  workday: 'workingDays',
  working_days: 'workingDays',
  workingdays: 'workingDays',
  businessDays: 'workingDays',
  工作日: 'workingDays',
  day: 'days',
  calendarDays: 'days',
  天: 'days',
  日: 'days',
  自然日: 'days',
  hour: 'hours',
  小时: 'hours',
});

/**
 * The hint for a deadline not written in one of its forms: `立即` → `immediate`,
 * `{ workdays: 5 }` → `{ workingDays: 5 }`, `5天` → `{ days: 5 }`.
 *
 * @internal
 */
export function deadlineHint(value: unknown): Bilingual | undefined {
  const forms = 'immediate, { workingDays: N }, { days: N }, { hours: N }';
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).trim();
    if (VALUE_WORDS[text] === 'immediate' || /^immediately$/i.test(text)) return { 'zh-CN': `当场整改写 immediate（不写“${text}”）。`, en: `Write immediate for "${text}".` };
    const m = /^(\d+)\s*(个)?\s*(工作日|天|日|自然日|小时|working ?days?|days?|hours?)$/i.exec(text);
    if (m) {
      const key = /工作日|working/i.test(m[3]!) ? 'workingDays' : /小时|hour/i.test(m[3]!) ? 'hours' : 'days';
      return { 'zh-CN': `期限写成 { ${key}: ${m[1]} }。`, en: `Write the deadline as { ${key}: ${m[1]} }.` };
    }
    if (/^\d+$/.test(text))
      return {
        'zh-CN': `只写数字看不出单位：写 { workingDays: ${text} }（工作日）或 { days: ${text} }（自然日）。`,
        en: `A bare number has no unit: write { workingDays: ${text} } or { days: ${text} }.`,
      };
    return { 'zh-CN': `期限的写法：${forms}。`, en: `A deadline is one of: ${forms}.` };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const [key, n] = entries[0] ?? [];
    if (entries.length === 1 && key !== undefined) {
      const meant = DEADLINE_KEYS[key] ?? DEADLINE_KEYS[key.toLowerCase()] ?? didYouMean(key, ['workingDays', 'days', 'hours']);
      if (meant !== undefined && meant !== key) return { 'zh-CN': `是不是 { ${meant}: ${String(n)} }？`, en: `did you mean { ${meant}: ${String(n)} }?` };
      if (meant === key && !(Number.isInteger(n) && (n as number) > 0)) {
        return { 'zh-CN': `${key} 后面写一个正整数，例如 { ${key}: 5 }。`, en: `${key} takes a whole number above 0, e.g. { ${key}: 5 }.` };
      }
    }
    if (entries.length > 1) return { 'zh-CN': `期限只写一种单位：${forms}。`, en: `A deadline has one unit only: ${forms}.` };
  }
  return undefined;
}

/** Operators as authors write them in Chinese, as symbols or in other rule engines' short names, and the name meant. */
const OPERATOR_WORDS: Readonly<Record<string, string>> = Object.freeze({
  等于: 'equal',
  是: 'equal',
  不等于: 'notEqual',
  不是: 'notEqual',
  大于: 'greaterThan',
  超过: 'greaterThan',
  大于等于: 'greaterThanInclusive',
  不小于: 'greaterThanInclusive',
  小于: 'lessThan',
  低于: 'lessThan',
  小于等于: 'lessThanInclusive',
  不大于: 'lessThanInclusive',
  属于: 'in',
  不属于: 'notIn',
  包含: 'contains',
  包括: 'contains',
  不包含: 'doesNotContain',
  不包括: 'doesNotContain',
  介于: 'between',
  之间: 'between',
  早于: 'before',
  晚于: 'after',
  '=': 'equal',
  '==': 'equal',
  '===': 'equal',
  '!=': 'notEqual',
  '!==': 'notEqual',
  '<>': 'notEqual',
  '≠': 'notEqual',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
  '≥': 'greaterThanInclusive',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '≤': 'lessThanInclusive',
  eq: 'equal',
  equals: 'equal',
  ne: 'notEqual',
  neq: 'notEqual',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  ge: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  le: 'lessThanInclusive',
  nin: 'notIn',
});

/**
 * The operator names an author probably meant: a Chinese word, a symbol or a short name
 * (`大于`, `>`, `gt` → `greaterThan`), a misspelling, or the start of longer names
 * (`olderThan` → `olderThanDays`, `olderThanMinutes`).
 *
 * @internal
 */
export function operatorsMeant(value: string): string[] {
  const names = Object.keys(OPERATOR_CATALOGUE);
  const text = value.trim();
  const word = OPERATOR_WORDS[text] ?? OPERATOR_WORDS[text.toLowerCase()];
  if (word !== undefined) return [word];
  const near = didYouMean(text, names);
  if (near !== undefined) return [near];
  if (text.length >= 4) {
    const lower = text.toLowerCase().replace(/[_\s-]/g, '');
    const starting = names.filter((n) => n.toLowerCase().startsWith(lower));
    if (starting.length > 0) return starting;
  }
  return [];
}

/**
 * The hint of an operator that is not one: the names meant (see {@link operatorsMeant}),
 * then every operator.
 *
 * @internal
 * @example
 * ```ts
 * operatorHint('gt').en; // 'Operators are written by their English name; here write greaterThan. The operators: equal, …'
 * ```
 */
export function operatorHint(value: string): Bilingual {
  const meant = operatorsMeant(value);
  const list = Object.keys(OPERATOR_CATALOGUE).join(', ');
  return meant.length > 0
    ? {
        'zh-CN': `运算符用英文名称，这里应写 ${meant.join(' 或 ')}。可用的运算符：${list}。`,
        en: `Operators are written by their English name; here write ${meant.join(' or ')}. The operators: ${list}.`,
      }
    : { 'zh-CN': `运算符用英文名称，从以下选择：${list}。`, en: `Operators are written by their English name; choose one of: ${list}.` };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a `YYYY-MM-DD` text is not a day of the calendar (`2026-02-30`: February 2026 has 28
 * days), or `undefined` when it is one or is not written `YYYY-MM-DD` at all.
 *
 * @internal
 */
export function calendarDateProblem(text: string): Bilingual | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { 'zh-CN': `${m[0]} 不是日历上的日期：没有 ${month} 月。`, en: `${m[0]} is not a day of the calendar: there is no month ${month}.` };
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > days) {
    return { 'zh-CN': `${m[0]} 不是日历上的日期：${year} 年 ${month} 月只有 ${days} 天。`, en: `${m[0]} is not a day of the calendar: ${MONTHS[month - 1]} ${year} has ${days} days.` };
  }
  return undefined;
}

/**
 * The hint for a date written where an ISO date is needed: the day that does not exist,
 * or the same date written `YYYY-MM-DD` (`2026/3/1`, `2026年3月1日`, `2026.3.1` → `2026-03-01`).
 *
 * @internal
 */
export function dateValueHint(value: unknown): Bilingual | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const problem = calendarDateProblem(text);
  if (problem) return { 'zh-CN': `${problem['zh-CN']}改成实际存在的日期。`, en: `${problem.en} Write a day that exists.` };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    const bad = calendarDateProblem(iso);
    if (bad) return { 'zh-CN': `${bad['zh-CN']}`, en: bad.en };
    return { 'zh-CN': `日期写成 年-月-日，月和日补零：${iso}`, en: `Write the date as year-month-day with two-digit month and day: ${iso}` };
  }
  return undefined;
}

/**
 * The hint for a number of days or minutes written as words (`一年`, `30天`, `"365"`).
 *
 * @internal
 */
export function durationValueHint(value: unknown, unit: 'days' | 'minutes'): Bilingual {
  const text = typeof value === 'string' ? value.trim() : '';
  const n = /^(\d+(?:\.\d+)?)\s*(天|日|days?|分钟|分|minutes?|min)?$/i.exec(text)?.[1];
  if (n !== undefined) return { 'zh-CN': `只写数字，不带引号和单位：${n}`, en: `Write the number alone, without quotes or a unit: ${n}` };
  return unit === 'days'
    ? { 'zh-CN': '写天数（一个数字），例如一个月写 30、一年写 365。', en: 'Write the number of days (a number), e.g. 30 for a month, 365 for a year.' }
    : { 'zh-CN': '写分钟数（一个数字），例如半小时写 30。', en: 'Write the number of minutes (a number), e.g. 30 for half an hour.' };
}

/**
 * A size as a reader takes it in, with the exact count: `3.3 MB (3286677 bytes)`,
 * `980 KB (1003520 bytes)`; in Chinese `3.3 MB（3286677 字节）`.
 *
 * @internal
 */
export function sizeText(bytes: number): Bilingual {
  const unit = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1).replace(/\.0$/, '')} MB` : bytes >= 1e3 ? `${Math.round(bytes / 1e3)} KB` : undefined;
  return unit === undefined ? { 'zh-CN': `${bytes} 字节`, en: `${bytes} bytes` } : { 'zh-CN': `${unit}（${bytes} 字节）`, en: `${unit} (${bytes} bytes)` };
}

/** Yes/no written as words or marks (`是`, `不合格`, `√`, `on`), lower case: the one table of them. */
const YES_WORDS: ReadonlySet<string> = new Set(['true', '是', '有', '对', '已', '合格', '正常', 'yes', 'y', 'on', '√', '✓']);
const NO_WORDS: ReadonlySet<string> = new Set(['false', '否', '无', '没有', '不', '错', '未', '不合格', '不正常', 'no', 'n', 'off', '×', '✗']);

/**
 * The boolean meant by a yes/no written as a word or a mark (`是` → `true`, `不合格` →
 * `false`, `"on"` → `true`), or `undefined`. Packs, answers and scenario files share it.
 *
 * @internal
 */
export function yesNoMeant(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return YES_WORDS.has(word) ? true : NO_WORDS.has(word) ? false : undefined;
}

/**
 * The hint for text where a yes/no or a number belongs: `是` → `true`, `"500"` or `５００` → `500`
 * (`expected`: `boolean`, `number` or `integer`). Packs, answers (checkFindings) and the CLI's
 * scenario files share it.
 *
 * @internal
 */
export function typeHint(expected: string, text: string): Bilingual {
  const word = text.trim();
  if (expected === 'boolean') {
    const meant = yesNoMeant(word);
    return meant === undefined
      ? { 'zh-CN': '这里写 true（是）或 false（否），不加引号。', en: 'Write true or false here, without quotes.' }
      : { 'zh-CN': `是否值写 true（是）或 false（否），不加引号、不写汉字；这里应写：${meant}`, en: `Write yes/no as true or false, without quotes or words; here write: ${meant}` };
  }
  const ascii = word.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const number = /^-?\d+(\.\d+)?/.exec(ascii)?.[0];
  return number !== undefined
    ? { 'zh-CN': `只写半角数字，不加引号、不带单位：${number}`, en: `Write the number alone, in ASCII digits, without quotes or a unit: ${number}` }
    : { 'zh-CN': `这里写一个数字（半角），例如 ${expected === 'integer' ? '5' : '1.5'}。`, en: `Write a number here (ASCII digits), e.g. ${expected === 'integer' ? '5' : '1.5'}.` };
}
