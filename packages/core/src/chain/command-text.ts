import { commandIssue, type CommandIssue } from './command-issue.js';

/**
 * Characters that show nothing: a text made only of them (and white space) is blank.
 * Zero-width space/joiners, word joiner and invisible operators, BOM, ideographic space,
 * soft hyphen, Mongolian vowel separator, Hangul fillers, combining grapheme joiner,
 * variation selectors, braille blank and tag characters.
 */
export const INVISIBLE_CHARACTERS = /[\s\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200D\u2060-\u2064\u2800\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

/** Bidirectional controls (embeddings, overrides, isolates, marks): refused in every text (Trojan Source). */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Limits of a text field. */
export interface TextRule {
  /** Longest accepted length, in UTF-16 code units, after trimming. */
  max: number;
  /** Line breaks and tabs allowed (reasons, notes); otherwise one line (titles, numbers). */
  multiLine?: boolean;
}

/**
 * Checks one text: a string, without bidi controls, control characters or lone
 * surrogates, not blank once white space and invisible characters are removed, at most
 * `rule.max` long once trimmed. Returns the trimmed text, or `undefined` after pushing an
 * issue.
 *
 * @example
 * ```ts
 * checkText('\u3000\u200b', '/reason/zh-CN', { max: 2000 }, issues); // undefined, issue BLANK
 * ```
 */
export function checkText(value: unknown, pointer: string, rule: TextRule, issues: CommandIssue[]): string | undefined {
  if (typeof value !== 'string') {
    issues.push(commandIssue('WRONG_TYPE', pointer, '应为文本', 'expected a string'));
    return undefined;
  }
  // Bound the work before scanning: a text far over the limit is refused by its raw length.
  if (value.length > rule.max * 2 + 64) {
    issues.push(commandIssue('TOO_LONG', pointer, `不得超过 ${rule.max} 个字符`, `at most ${rule.max} characters`));
    return undefined;
  }
  if (BIDI_CONTROLS.test(value)) {
    issues.push(commandIssue('BIDI_CONTROL', pointer, '含有双向文本控制字符（U+202A–U+202E、U+2066–U+2069 等）', 'contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069, …)'));
    return undefined;
  }
  const text = value.trim();
  if ((rule.multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text) || LONE_SURROGATE.test(text)) {
    issues.push(
      commandIssue('CONTROL_CHARACTER', pointer, rule.multiLine ? '含有控制字符' : '含有换行或控制字符', rule.multiLine ? 'contains control characters' : 'contains line breaks or control characters'),
    );
    return undefined;
  }
  if (text.replace(INVISIBLE_CHARACTERS, '') === '') {
    issues.push(commandIssue('BLANK', pointer, '不能为空（空白和不可见字符不算内容）', 'must not be blank (white space and invisible characters do not count)'));
    return undefined;
  }
  if (text.length > rule.max) {
    issues.push(commandIssue('TOO_LONG', pointer, `不得超过 ${rule.max} 个字符，现有 ${text.length} 个`, `at most ${rule.max} characters, got ${text.length}`));
    return undefined;
  }
  return text;
}
