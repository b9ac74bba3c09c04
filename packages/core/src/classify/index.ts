/**
 * Public exports of the classify area (re-exported by the package root).
 *
 * @module
 */
export { compilePack } from './compile-pack.js';
export { LEVEL_RANK } from '../pack/types.js';
export type { CompilePackOptions, PackEvaluator } from './compile-pack.js';
export { answerEvidence, evidenceRouting } from './answer-evidence.js';
export type { AnswerEvidence, AnswerUpload, EvidenceRouting } from './answer-evidence.js';
export { checkFindings } from './check-findings.js';
export { FINDINGS_ISSUE_CODES } from './check-inspection.js';
export { PackCompileError, isPackCompileError } from './pack-compile-error.js';
export type { PackCompileErrorCode } from './pack-compile-error.js';
export { DEFAULT_DEADLINES, deadlineFor } from './default-deadlines.js';
export { resolveBasis, isProvisional } from './resolve-basis.js';
export { citationText } from './citation-text.js';
export type { CitationParts } from './citation-text.js';
export { createExplainer, explainHazard, explainObservation } from './explain-observation.js';
export type { Pair as BilingualText } from './explanation-sentence.js';
export { formatValue } from './format-value.js';
export { factLabels } from './fact-labels.js';
export type { FactLabel } from './fact-labels.js';
export { formModel, issueForUsers } from './form-model.js';
export type { FormModel, FormModelInput, FormQuestion } from './form-model.js';
