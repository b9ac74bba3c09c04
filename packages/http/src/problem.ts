import type { Issue, LocalizedText } from '@anjian/core';
import type { ResponseLang } from './types.js';

/** Bilingual text with both languages present. */
export type Bilingual = LocalizedText & { en: string };

/** An issue as a problem response carries it: bilingual message, pointer, code. */
export interface ProblemIssue {
  code: string;
  severity: Issue['severity'];
  pointer?: string;
  /** The query parameter at fault, when the issue is about one (`levle` of `?levle=major`). */
  parameter?: string;
  message: Bilingual;
  hint?: LocalizedText;
}

/**
 * Thrown inside a route to answer with a problem (RFC 9457). Anything else thrown is a
 * 500. Carries the code, the HTTP status and text in both languages.
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: Bilingual,
    readonly detail: Bilingual,
    readonly issues?: readonly ProblemIssue[],
    /** A 403 command refusal's machine-readable reason (`ROLE`, `SCOPE`, `STATE`…; see `RefusalReason`). */
    readonly reason?: string,
    /** A 400 `REPORT_SCOPE_REQUIRED`: the scopes the actor may name instead (`{ area, domain? }`). */
    readonly choices?: readonly { area?: string; domain?: string }[],
  ) {
    super(detail.en);
  }
}

/** The text in the response language (`zh-CN` when the English one is missing). */
export function pickText(text: LocalizedText, lang: ResponseLang): string {
  return lang === 'en' && text.en ? text.en : text['zh-CN'];
}

/**
 * At most this many issues are listed in a problem answer; the rest are counted in its
 * `issuesOmitted` (docs/security.md T50: 19 000 unknown keys in one inspection answered 4.3 MB).
 */
const MAX_PROBLEM_ISSUES = 100;

/** A text of a problem answer (title, detail, an issue's pointer, message or hint) longer than this many characters is cut, ending in `…`. */
const MAX_PROBLEM_TEXT = 1000;

function cutProblemText(text: string): string {
  if (text.length <= MAX_PROBLEM_TEXT) return text;
  const last = text.charCodeAt(MAX_PROBLEM_TEXT - 1);
  // Never inside a surrogate pair: a high surrogate at the cut goes with its pair.
  return `${text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_PROBLEM_TEXT - 1 : MAX_PROBLEM_TEXT)}…`;
}

function cutLocalized<T extends LocalizedText>(text: T): T {
  const cut: Record<string, unknown> = {};
  for (const [lang, value] of Object.entries(text)) cut[lang] = typeof value === 'string' ? cutProblemText(value) : value;
  return cut as T;
}

/** An issue as it is answered: its texts cut to {@link MAX_PROBLEM_TEXT} (an unknown key of 900 KB is echoed by its pointer and message). */
function boundedIssue(issue: ProblemIssue): ProblemIssue {
  return {
    ...issue,
    ...(issue.pointer === undefined ? {} : { pointer: cutProblemText(issue.pointer) }),
    ...(issue.parameter === undefined ? {} : { parameter: cutProblemText(issue.parameter) }),
    message: cutLocalized(issue.message),
    ...(issue.hint === undefined ? {} : { hint: cutLocalized(issue.hint) }),
  };
}

/**
 * Render a problem as `application/problem+json`:
 * `{ type, title, status, detail, code, issues?, issuesOmitted?, reason?, choices?, instance? }`, title and detail in `lang`;
 * at most {@link MAX_PROBLEM_ISSUES} issues and every text at most {@link MAX_PROBLEM_TEXT} characters, so an
 * answer stays small whatever the request echoed;
 * `instance` (RFC 9457 §3.1.5) names this occurrence, e.g. the request id of a 500 that
 * the log records with the error.
 */
export function problemResponse(problem: HttpProblem, lang: ResponseLang, headers?: Record<string, string> | [string, string][] | Headers, instance?: string): Response {
  const body: Record<string, unknown> = {
    type: `urn:anjian:problem:${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: cutProblemText(pickText(problem.title, lang)),
    status: problem.status,
    detail: cutProblemText(pickText(problem.detail, lang)),
    code: problem.code,
  };
  if (problem.issues) {
    body.issues = problem.issues.slice(0, MAX_PROBLEM_ISSUES).map(boundedIssue);
    if (problem.issues.length > MAX_PROBLEM_ISSUES) body.issuesOmitted = problem.issues.length - MAX_PROBLEM_ISSUES;
  }
  if (problem.reason !== undefined) body.reason = problem.reason;
  if (problem.choices !== undefined) body.choices = problem.choices;
  if (instance !== undefined) body.instance = instance;
  const h = new Headers(headers);
  h.set('content-type', 'application/problem+json; charset=utf-8');
  h.set('content-language', lang);
  return new Response(JSON.stringify(body), { status: problem.status, headers: h });
}
