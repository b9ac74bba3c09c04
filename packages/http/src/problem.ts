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
 * Render a problem as `application/problem+json`:
 * `{ type, title, status, detail, code, issues?, reason?, choices?, instance? }`, title and detail in `lang`;
 * `instance` (RFC 9457 §3.1.5) names this occurrence, e.g. the request id of a 500 that
 * the log records with the error.
 */
export function problemResponse(problem: HttpProblem, lang: ResponseLang, headers?: Record<string, string> | [string, string][] | Headers, instance?: string): Response {
  const body: Record<string, unknown> = {
    type: `urn:anjian:problem:${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: pickText(problem.title, lang),
    status: problem.status,
    detail: pickText(problem.detail, lang),
    code: problem.code,
  };
  if (problem.issues) body.issues = problem.issues;
  if (problem.reason !== undefined) body.reason = problem.reason;
  if (problem.choices !== undefined) body.choices = problem.choices;
  if (instance !== undefined) body.instance = instance;
  const h = new Headers(headers);
  h.set('content-type', 'application/problem+json; charset=utf-8');
  h.set('content-language', lang);
  return new Response(JSON.stringify(body), { status: problem.status, headers: h });
}
