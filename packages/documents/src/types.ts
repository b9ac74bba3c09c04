/**
 * The model of enforcement documents: templates, jurisdiction overrides, issues.
 *
 * @module
 */

/** Every document kind a template can be. */
export const DOCUMENT_KINDS = Object.freeze([
  'inspection_record',
  'rectification_notice',
  'rectification_order',
  'review_opinion',
  'case_filing_approval',
  'stop_work_order',
  'supervision_listing_notice',
  'major_hazard_writeoff_approval',
  'penalty_notice',
  'penalty_decision',
] as const);

/** A document kind (现场检查记录 = `inspection_record`, 责令限期整改指令书 = `rectification_order`, …). */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where a field's value comes from. `manual`: filled in by hand when the document is made. */
export const FIELD_SOURCES = Object.freeze([
  'hazard.id',
  'hazard.title',
  'hazard.level',
  'hazard.domain',
  'hazard.deadline',
  'hazard.caseNo',
  'case.number',
  'hazard.reportedAt',
  'hazard.planDeadline',
  'hazard.source',
  'notice.number',
  'rectification.evidence',
  'event.recordedAt',
  'event.deadline',
  'event.noticeNo',
  'event.caseNo',
  'event.reason',
  'event.note',
  'event.authority',
  'event.scope',
  'event.evidence',
  'classification.basis',
  'classification.explanation',
  'classification.rectification',
  'directory.enterprise.name',
  'directory.enterprise.address',
  'directory.enterprise.legalRepresentative',
  'directory.enterprise.phone',
  'penalty.conduct',
  'penalty.violated',
  'penalty.article',
  'penalty.text',
  'penalty.statementDeadline',
  'penalty.statementPeriod',
  'penalty.hearing',
  'penalty.hearingRight',
  'penalty.noticeDate',
  'penalty.statement',
  'penalty.performance',
  'manual',
] as const);

/** A field source. */
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** One field of a template. */
export interface TemplateField {
  label: string;
  source: FieldSource;
  /** Default true: a missing value refuses the document. */
  required?: boolean;
  multiline?: boolean;
}

/** One block of a template's body, printed in order. */
export type TemplateBlock =
  { text: string; indent?: boolean; align?: 'left' | 'right' | 'center' } | { table: string[] } | { wording: string } | { officers: true } | { signatures: string[] } | { issuer: true };

/** A document template (YAML, `format: anjian-document/1`). */
export interface DocumentTemplate {
  format: 'anjian-document/1';
  kind: DocumentKind;
  version: string;
  title: string;
  titleEn?: string;
  numberPrefix?: string;
  /** Two officers with 执法证号 required. */
  enforcement: boolean;
  fields: Record<string, TemplateField>;
  wording?: Record<string, string>;
  body: TemplateBlock[];
}

/** A jurisdiction's override (YAML, `format: anjian-document-override/1`). */
export interface JurisdictionOverride {
  format: 'anjian-document-override/1';
  jurisdiction: string;
  department: string;
  header?: string;
  seal?: string;
  /** The department's code word (机关代字) opening every document number, e.g. `（东）应急`. */
  numberPrefix?: string;
  reconsideration: { government: string; court: string };
  wording?: Record<string, string>;
  kinds?: Partial<Record<DocumentKind, { title?: string; wording?: Record<string, string>; labels?: Record<string, string> }>>;
}

/** Where a template or override came from: its file name and a pointer → 1-based position function. */
export interface SourceMap {
  file: string;
  locate(pointer: string, options?: { key?: boolean }): { line: number; column: number };
}

/** A loaded, validated template with its source positions. */
export interface LoadedTemplate {
  template: DocumentTemplate;
  source: SourceMap;
}

/** A loaded, validated override with its source positions. */
export interface LoadedOverride {
  override: JurisdictionOverride;
  source: SourceMap;
}

/** Codes of document issues (docs/documents.en.md lists them). */
export type DocumentIssueCode =
  | 'YAML_INVALID'
  | 'TEMPLATE_SCHEMA'
  | 'TEMPLATE_UNKNOWN_FIELD'
  | 'TEMPLATE_UNKNOWN_WORDING'
  | 'OVERRIDE_SCHEMA'
  | 'OVERRIDE_UNKNOWN_LABEL'
  | 'VALUE_MISSING'
  | 'OFFICERS_REQUIRED'
  | 'OFFICER_CERTIFICATE_MISSING'
  | 'EVENT_NOT_FOUND'
  | 'WRONG_DOCUMENT_FOR_EVENT'
  | 'NUMBER_JURISDICTION_MISMATCH'
  | 'DOCUMENT_NOT_ISSUED'
  | 'DOCUMENT_CHANGED'
  | 'DOCUMENT_CONTENT_ALTERED'
  | 'ENTERPRISE_UNKNOWN'
  | 'OFFICER_UNKNOWN';

/** A located, bilingual problem with a template, an override or the data for a document. */
export interface DocumentIssue {
  code: DocumentIssueCode;
  severity: 'error';
  message: { 'zh-CN': string; en: string };
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** Either a value or the issues that stopped it. */
export type DocumentResult<T> = { ok: true; value: T } | { ok: false; issues: DocumentIssue[] };
