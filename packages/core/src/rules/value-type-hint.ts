import type { LocalizedText } from '../pack/types.js';
import { yesNoMeant } from '../pack/value-hints.js';

/**
 * The hint for a text written where a condition needs a yes/no or a number, from what was
 * written: `"true"` (quoted) is told to drop the quotes, `否` to write `false`, `3米` to write
 * the bare number. `undefined` when the value is not a text.
 *
 * @internal
 * @example
 * ```ts
 * valueTypeHint('否', 'boolean')?.['zh-CN']; // '是否值写 true（是）或 false（否），不写汉字；这里应写：false'
 * ```
 */
export function valueTypeHint(value: unknown, type: string): LocalizedText | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (type === 'boolean') {
    if (text === 'true' || text === 'false') return { 'zh-CN': `去掉引号，直接写 ${text}。`, en: `Remove the quotes: write ${text}.` };
    const meant = yesNoMeant(text);
    if (meant !== undefined) return { 'zh-CN': `是否值写 true（是）或 false（否），不写汉字；这里应写：${meant}`, en: `Write yes/no as true or false, not as a word; here write: ${meant}` };
    return { 'zh-CN': '写 true（是）或 false（否），不加引号。', en: 'Write true (yes) or false (no), without quotes.' };
  }
  if (type === 'number' || type === 'count') {
    if (text !== '' && Number.isFinite(Number(text))) return { 'zh-CN': `去掉引号，直接写数字 ${Number(text)}。`, en: `Remove the quotes: write the number ${Number(text)}.` };
    const digits = /-?\d+(\.\d+)?/.exec(text)?.[0];
    return digits !== undefined
      ? { 'zh-CN': `只写数字，不带单位或文字（单位由事实的 unit 给出）；这里应写：${digits}`, en: `Write the number alone, without a unit or words (the fact's unit gives it); here write: ${digits}` }
      : { 'zh-CN': '写阿拉伯数字（如 2），不带单位或文字。', en: 'Write the number in digits (e.g. 2), without a unit or words.' };
  }
  return undefined;
}
