/**
 * Public exports of the pack area (re-exported by the package root).
 *
 * @module
 */
export { loadPack, loadPackOrThrow, LOAD_PACK_DEFAULTS } from './load-pack.js';
export type { LoadPackOptions, LoadResult, PackSource } from './load-pack.js';
export { PackLoadError, PackSourceError } from './pack-load-error.js';
export { ISSUE_CODES, ISSUE_DOCS_BASE, issueDocsUrl } from './issue-codes.js';
export { DOCS_BASE, docsUrl, repositoryDocsBase } from './docs-url.js';
export type { RepositoryField } from './docs-url.js';
export type { IssueCode, IssueCodeSpec } from './issue-codes.js';
export { didYouMean } from './did-you-mean.js';
export { cutInput, ECHO_MAX_CHARACTERS, quoteInput } from './quote-input.js';
export { describeLocation } from './describe-pointer.js';
export { enumWordHint, typeHint } from './value-hints.js';
export { JSON_TYPE_EN, JSON_TYPE_ZH } from './json-type-words.js';
export { PACK_SCHEMA_ID } from './validate-pack-file.js';
export { renderIssueCodesMarkdown } from './render-issue-codes.js';
export { parseYamlSafe } from './parse-yaml-safe.js';
export type { SafeYamlResult } from './parse-yaml-safe.js';
export type { Position as SourcePosition } from './locate-pointer.js';
export { checkInspectionEnvelope, checkPremises, FINDING_SOURCES, FINDING_SOURCE_LABELS, INSPECTION_KEYS, SUBJECT_KEYS } from './inspection-envelope.js';
export { classificationAsOf, citationAsOf, inForceOn, inspectionDay } from './as-of.js';
export type { InForce } from './as-of.js';
export { diffClassifications, renderReplayMarkdown, replayInspections } from './replay.js';
export type { ReplayChange, ReplayEntry, ReplayHazard, ReplayInput, ReplayReport } from './replay.js';
export { applyOverlay, OVERLAY_FORMAT } from './overlay.js';
export type { Overlay, OverlayResult } from './overlay.js';
export { conditionWords, factCatalogue, inspectionSchema, inspectionTemplate } from './inspection-contract.js';
export type { FactEntry } from './inspection-contract.js';
