/**
 * Issues found in an untrusted command: where (JSON pointer), what rule, in both languages.
 *
 * @module
 */

/** Why a field of a command was refused. */
export type CommandIssueCode =
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_TYPE'
  | 'REPORT_NOT_ALLOWED'
  | 'UNKNOWN_KEY'
  | 'REQUIRED'
  | 'WRONG_TYPE'
  | 'PATTERN'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'BLANK'
  | 'BIDI_CONTROL'
  | 'CONTROL_CHARACTER'
  | 'TIME_WITHOUT_OFFSET'
  | 'INVALID_TIME'
  | 'OUT_OF_RANGE'
  | 'NOT_ALLOWED_VALUE'
  /** A field the server assigns (a file_case's `caseNo`, an issue_notice's `noticeNo`: the register numbers them). */
  | 'SERVER_ASSIGNED';

/** One problem of a command, located by a JSON pointer (RFC 6901) into the body. */
export interface CommandIssue {
  code: CommandIssueCode;
  /** `''` for the body itself, `/reason/zh-CN`, `/evidence/2/id`, … */
  pointer: string;
  message: { 'zh-CN': string; en: string };
}

/** Appends a JSON-pointer token (escaping `~` and `/`). */
export function pointerTo(base: string, token: string | number): string {
  return `${base}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Builds an issue; `zh` and `en` describe what was found and what is expected. */
export function commandIssue(code: CommandIssueCode, pointer: string, zh: string, en: string): CommandIssue {
  const where = pointer === '' ? '' : `${pointer}: `;
  return { code, pointer, message: { 'zh-CN': `${where}${zh}`, en: `${where}${en}` } };
}
