import type { Bilingual } from './create-issue.js';
import { dateValueHint, operatorHint } from './value-hints.js';

/**
 * The hint of a `pattern` schema error, derived from the pattern and the value written: for
 * an operator, the operator names (and the name of a Chinese word such as 等于); for an id
 * pattern `^[first][rest]*$`, the characters allowed, the ones found that are not, and the
 * value rewritten to fit; dates and versions by example. `undefined` when nothing specific
 * can be said (the message already quotes the field's description).
 *
 * @internal
 * @example
 * ```ts
 * patternHint('^[a-z][a-z0-9_]*$', 'below-ground', '/facts/1/id')?.en;
 * // 'Use lower-case letters, digits and underscores (_) only, starting with a lower-case letter; "-" is not allowed here. Write: below_ground'
 * ```
 */
export function patternHint(pattern: string, value: unknown, pointer: string): Bilingual | undefined {
  if (typeof value !== 'string') return undefined;
  if (/\/operator$/.test(pointer)) return operatorHint(value);
  if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') {
    // 2024.1.1 or 2024年1月1日: the same day written YYYY-MM-DD; otherwise by example
    const rewritten = dateValueHint(value);
    if (rewritten) return rewritten;
    return { 'zh-CN': '日期写成 年-月-日，月和日补零，例如 2026-03-01。', en: 'Write the date as year-month-day with two-digit month and day, e.g. 2026-03-01.' };
  }
  if (pattern.startsWith('^(0|[1-9]\\d*)\\.')) {
    return { 'zh-CN': '版本号写成 主.次.修订 三段数字，例如 1.2.0。', en: 'Write the version as three numbers, major.minor.patch, e.g. 1.2.0.' };
  }
  const id = /^\^\[([^\]]+)\]\[([^\]]+)\]\*\$$/.exec(pattern.replace('^\\$?', '^'));
  if (!id) return undefined;
  return idHint(id[1]!, id[2]!, value.replace(/^\$/, ''));
}

interface CharClass {
  test: (c: string) => boolean;
  zh: string;
  en: string;
}

function charClass(body: string): CharClass {
  const lower = body.includes('a-z');
  const upper = body.includes('A-Z');
  const digits = body.includes('0-9') || body.includes('\\d');
  const extras = [...body.replace(/a-z|A-Z|0-9|\\d/g, '').replace(/\\/g, '')];
  const names: [string, string][] = [];
  if (lower && upper) names.push(['字母', 'letters']);
  else if (lower) names.push(['小写字母', 'lower-case letters']);
  else if (upper) names.push(['大写字母', 'upper-case letters']);
  if (digits) names.push(['数字', 'digits']);
  const NAMES: Record<string, [string, string]> = { _: ['下划线（_）', 'underscores (_)'], '.': ['点（.）', 'dots (.)'], '-': ['连字符（-）', 'hyphens (-)'] };
  for (const c of extras) names.push(NAMES[c] ?? [`“${c}”`, `"${c}"`]);
  const zh = names.map((n) => n[0]);
  const en = names.map((n) => n[1]);
  const test = (c: string) => (lower && c >= 'a' && c <= 'z') || (upper && c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9') || extras.includes(c);
  return { test, zh: zh.join('、'), en: en.length > 1 ? `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}` : en.join('') };
}

function idHint(firstBody: string, restBody: string, value: string): Bilingual {
  const first = charClass(firstBody);
  const rest = charClass(restBody);
  const bad = [...new Set([...value].filter((c, i) => !(i === 0 ? first.test(c) : rest.test(c))))];
  const shownZh = bad.map((c) => (c === ' ' ? '空格' : `“${c}”`)).join('、');
  const shownEn = bad.map((c) => (c === ' ' ? 'spaces' : `"${c}"`)).join(', ');
  let fixed = [...value]
    .map((c) => (rest.test(c) ? c : rest.test(c.toLowerCase()) ? c.toLowerCase() : rest.test('_') && /[\s\-.]/.test(c) ? '_' : ''))
    .join('')
    .replace(/_+/g, '_');
  while (fixed.length > 0 && !first.test(fixed[0]!)) fixed = fixed.slice(1);
  const suggestion = fixed.length > 0 && fixed !== value ? fixed : undefined;
  const startsZh = first.zh === rest.zh ? '' : `，以${first.zh}开头`;
  const startsEn =
    first.en === rest.en
      ? ''
      : `, starting with a ${first.en
          .replace(/ and /, ' or ')
          .replace(/letters/, 'letter')
          .replace(/digits/, 'digit')}`;
  return {
    'zh-CN': `只能用${rest.zh}${startsZh}${bad.length > 0 ? `；这里不能用${shownZh}` : ''}。${suggestion ? `可写成：${suggestion}` : ''}`,
    en: `Use ${rest.en} only${startsEn}${bad.length > 0 ? `; ${shownEn} ${bad.length === 1 ? 'is' : 'are'} not allowed here` : ''}.${suggestion ? ` Write: ${suggestion}` : ''}`,
  };
}
