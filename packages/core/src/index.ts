/**
 * @anjian/core — checklist packs, hazard classification and the review chain.
 *
 * Isomorphic: runs in browsers and Node; imports no Node built-ins. The root exports what a
 * host and a pack author need (at most 100 names, `pnpm test` counts them); the rest is
 * behind subpaths:
 *
 * - `@anjian/core/node` — loading packs from files and packages, file evidence, keys;
 * - `@anjian/core/audit` — verifying the hash chain, checkpoints, canonical JSON, SHA-256;
 * - `@anjian/core/ports` — the port types and helpers store and notifier adapters need;
 * - `@anjian/core/reports`, `/permits`, `/rounds` — periodic reports, hazardous-work permits,
 *   inspection rounds and campaigns;
 * - `@anjian/core/monitoring` — devices, sensor messages and the daily warning (监测预警);
 * - `@anjian/core/review` — the chain's rules a page asks before offering an act
 *   (`explainAuthorization`, the permission table, read scopes, the penalty steps);
 * - `@anjian/core/testing` — conformance suites and fixtures for adapters;
 * - `@anjian/core/schema/*.schema.json` — the published JSON Schemas (pack, scenario,
 *   classification, sensor message, permit rules, device, outbox envelope);
 * - `@anjian/core/internal` — shared by this repository's packages, no semver promise.
 *
 * @packageDocumentation
 */

// Packs: what a pack is, loading and compiling it, its issues.
export type { Lang, LocalizedText, HazardLevel, Confidence, Citation, Fact, Condition, LeafCondition, HazardRule, Item, Pack, IssueSeverity, Issue } from './pack/types.js';
export { HAZARD_LEVELS } from './pack/types.js';
export { loadPack, loadPackOrThrow } from './pack/load-pack.js';
export type { LoadPackOptions, LoadResult, PackSource } from './pack/load-pack.js';
export { PackLoadError, PackSourceError } from './pack/pack-load-error.js';

// Classification: inspections in, hazards out.
export type { FindingSource, FindingValue, Inspection, ItemOutcome, Observation, ResolvedCitation, HazardFinding, ItemResult, Classification } from './classify/types.js';
export { compilePack } from './classify/compile-pack.js';
export type { CompilePackOptions, PackEvaluator } from './classify/compile-pack.js';
export { PackCompileError, isPackCompileError } from './classify/pack-compile-error.js';
export { checkFindings } from './classify/check-findings.js';
export { citationText } from './classify/citation-text.js';
export type { CitationParts } from './classify/citation-text.js';
export { FINDINGS_ISSUE_CODES } from './classify/check-inspection.js';
export { formModel } from './classify/form-model.js';
export type { FormModel } from './classify/form-model.js';

// Scenario tests of a pack.
export { runScenarios } from './scenarios/run-scenarios.js';
export type { ScenarioSource } from './scenarios/run-scenarios.js';
export type { Scenario, ScenarioFile, ScenarioResult, ScenarioRun } from './scenarios/types.js';

// The review chain: commands, events, hazards.
export type { HazardStatus, EvidenceRef, ChainCommand, ChainEvent, StoredEvent, RejectionCode, Rejection, HazardState, HazardSummary } from './chain/types.js';
export { HAZARD_STATUSES } from './chain/types.js';
export { ChainError, isChainError } from './chain/chain-error.js';
export { handleCommand, foldEvents } from './chain/handle-command.js';
export type { ChainDeps, HandleCommandOptions } from './chain/handle-command.js';
export type { CommandResult } from './ports/store.js';
export { StoreError, isStoreError } from './ports/store-error.js';
export { parseCommand } from './chain/parse-command.js';
export { reportInspection } from './chain/report-inspection.js';
export type { ReportInspectionInput, ReportInspectionResult } from './chain/report-inspection.js';
export { tick } from './chain/tick.js';
export { runTick } from './chain/run-tick.js';
export { createMemoryStore } from './chain/memory-store.js';
export { createMemoryEvidenceStore } from './chain/memory-evidence-store.js';
export { issueCoSignCode } from './chain/co-sign-code.js';
export { createMemoryCoSignCodeStore } from './chain/memory-co-sign-code-store.js';
export { createStaticDirectory } from './chain/static-directory.js';
export { createMemoryRentalDirectory } from './chain/memory-rental-directory.js';
export { createWorkingDayCalendar } from './chain/working-day-calendar.js';

// Ports a host provides (adapters: `@anjian/core/ports`).
export type { Store } from './ports/store.js';
export type { Clock } from './ports/clock.js';
export { systemClock } from './ports/clock.js';
export type { Calendar } from './ports/calendar.js';
export type { Role, ActorProfile, Directory } from './ports/directory.js';
export type { EvidenceStore } from './ports/evidence-store.js';

// Notifications: the outbox relay, its messages, the Notifier port.
export { createOutboxRelay } from './outbox/create-outbox-relay.js';
export { toOutboxEnvelope, OutboxKindError } from './outbox/to-outbox-envelope.js';
export type { OutboxEnvelope } from './outbox/outbox-envelope.js';
export type { OutboxTopic, OutboxPayload, WebhookEnvelope } from './chain/outbox-messages.js';
export type { Notifier, NotifierMessage, NotifierDelivery } from './ports/notifier.js';
export type { OutboxRelay, OutboxRelayOptions, RelayDelivery } from './outbox/create-outbox-relay.js';
