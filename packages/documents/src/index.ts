/**
 * @anjian/documents — enforcement documents (执法文书) as data: YAML templates validated by
 * a published JSON Schema, jurisdiction overrides, the chain event → document table, and
 * print-ready A4 HTML. Browser-capable: imports no Node built-ins (file loading is in
 * `@anjian/documents/node`, PDF in `@anjian/documents-pdf`).
 *
 * @packageDocumentation
 */
export { DOCUMENT_KINDS, FIELD_SOURCES } from './types.js';
export type {
  DocumentKind,
  FieldSource,
  TemplateField,
  TemplateBlock,
  DocumentTemplate,
  JurisdictionOverride,
  SourceMap,
  LoadedTemplate,
  LoadedOverride,
  DocumentIssue,
  DocumentIssueCode,
  DocumentResult,
} from './types.js';
export { DocumentError, formatDocumentIssues } from './issue.js';
export { loadTemplate, loadOverride } from './load-template.js';
export { DOCUMENT_TRIGGERS, documentIssuer, documentKindsFor } from './triggers.js';
export type { DocumentTrigger } from './triggers.js';
export { documentDirectoryFrom, gatherDocumentData, chinaDate } from './gather.js';
export type { DocumentData, DocumentDirectory, DocumentOfficer, EnterpriseDetails, OfficerDetails, GatherInput } from './gather.js';
export { composeDocument } from './compose.js';
export type { ComposedDocument, ComposedBlock, TextRun } from './compose.js';
export { renderDocumentHtml, escapeHtml, DOCUMENT_CSS } from './render-html.js';
export { JURISDICTION_PLACEHOLDERS } from './placeholders.js';
export { CASE_SERIES_PREFIX, NOTICE_SERIES_PREFIXES, documentNumbering, formatDocumentNumber, chinaYear } from './numbering.js';
export type { DocumentNumberingOptions } from './numbering.js';
export { documentContentHash, verificationCodeOf, normalizeVerificationCode, sealDocument, qrModules, verifyDocument } from './verification.js';
export type { DocumentVerification, DocumentVerdict } from './verification.js';
export { issueDocument } from './issue-document.js';
export type { IssueDocumentInput, IssuedDocument } from './issue-document.js';
export { readIssuedDocument } from './read-issued-document.js';
export type { ServedDocument } from './read-issued-document.js';
export { issuedContentText } from './issued-content.js';
export type { ReadIssuedDocumentInput } from './compose-numbered.js';
export { issueEventDocuments } from './issue-event-documents.js';
export type { IssueEventDocumentsInput, EventDocumentOutcome } from './issue-event-documents.js';
export { checkServiceEntry, documentOfficerIds, parseServiceBody, SERVED_AT_MEANING, SERVICE_METHOD_LABELS } from './service.js';
export type { ServiceProblem } from './service.js';
