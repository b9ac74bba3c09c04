import type { Classification, FindingSource, HazardFinding, Inspection } from '../classify/types.js';
import type { Issue } from '../pack/types.js';
import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import type { InspectionLog } from '../ports/inspection-log.js';
import type { RentalDirectory } from '../ports/rental-directory.js';
import { PHOTO_MIME_TYPES } from '../ports/evidence-store.js';
import { answerEvidence, type AnswerUpload } from '../classify/answer-evidence.js';
import type { PackEvaluator } from '../classify/compile-pack.js';
import { inspectionEvidenceBinding } from '../permits/evidence-binding.js';
import { authorize } from './authorize.js';
import { isChainError } from './chain-error.js';
import { computeDeadline } from './compute-deadline.js';
import type { CommandIssue } from './command-issue.js';
import { checkEvidenceRefs, ID_PATTERN } from './command-shape.js';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from './decide.js';
import { IDEMPOTENCY_KEY_RULE, isIdempotencyKey } from './idempotency-key.js';
import { handleCommand, type ChainDeps, type HandleCommandOptions } from './handle-command.js';
import { redeemCoSignCode } from './co-sign-code.js';
import { coSignContentOf } from './co-sign-content.js';
import { reject } from './rejection-messages.js';
import { sha256Hex } from './hash-event.js';
import { uploadMissing } from './upload-messages.js';
import type { EvidenceRef, Rejection, ReportCommand } from './types.js';
import { parseIsoTime } from '../rules/parse-iso-time.js';
import { withPremisesKind } from './premises-kind.js';
import { reportCommandId } from './server-command-id.js';

/** What {@link reportInspection} reports: the untrusted part is the inspection and the references. */
export interface ReportInspectionInput {
  /** The inspection as received (answers to the pack's facts). Its `subject` and `source` are ignored. */
  inspection: Inspection;
  /** Id of a pack in `deps.packs`; the inspection's `pack` must name it (and its version, if pinned). */
  packId: string;
  /** The inspected enterprise; its area comes from `Directory.enterprise`. */
  enterpriseId: string;
  unitId?: string;
  /**
   * The premises (`RentalDirectory`) the inspection took place at. Checked against the
   * directory: the enterprise must hold it or rent there (`UNKNOWN_PREMISES`,
   * `NOT_AT_PREMISES`); the hazards then carry it, and its landlord when the enterprise is
   * a tenant — derived, so a landlord reads exactly its tenants' hazards at its premises.
   * Absent, it is derived when the enterprise has one place only (`onlyPremisesOf`:
   * the one premises it holds or currently rents); an enterprise with several names it.
   * At a place the premises kind is the directory's (the place's kinds the pack has
   * questions for): a declared other kind is `PREMISES_KIND_MISMATCH`, a named place the
   * pack asks nothing at is `PACK_NOT_AT_PREMISES` (see `withPremisesKind`).
   */
  premisesId?: string;
  /**
   * The second enforcement officer present at the inspection (an enforcement officer's
   * 现场检查记录 carries two): resolved through the Directory and recorded with each report —
   * only when he confirmed it himself (`options.coSignCode`, a code he generated for this
   * enterprise and `report`, or the host's `options.coSignerId`). Derived from that
   * confirmation when absent; another officer than the one who confirmed is refused.
   */
  coOfficerId?: string;
  /**
   * Uploads (unbound, by the same actor) attached to the reports: a list when the
   * inspection finds at most one hazard, otherwise a record by rule id.
   */
  evidence?: readonly EvidenceRef[] | Readonly<Record<string, readonly EvidenceRef[]>>;
  /** Rule ids of simple hazards fixed on the spot (their evidence must show before and after). */
  fixedOnSpot?: readonly string[];
  /**
   * The request's idempotency key ({@link isIdempotencyKey}: 1–128 of A–Z a–z 0–9 . _ : -, the
   * first a letter or digit — what HTTP's `Idempotency-Key` takes): the same key reports the same
   * hazards again as replays. Another is `INVALID_KEY`.
   */
  key: string;
  /**
   * Report only the fired hazards of these rule ids (the others are neither reported nor an
   * error): a device condition reports its own rule under its own key (`@anjian/sensor-mqtt`).
   */
  only?: readonly string[];
}

/** The outcome of reporting one classified hazard into the chain. */
export interface ReportOutcome {
  rule: string;
  hazardId: string;
  ok: boolean;
  version?: number;
  replayed?: boolean;
  rejection?: Rejection;
}

/**
 * Result of {@link reportInspection}: issues (nothing reported, HTTP 422) or the classification
 * and one outcome per hazard, with the id of the inspection's record when one was kept.
 */
export type ReportInspectionResult = { ok: true; classification: Classification; warnings: Issue[]; reports: ReportOutcome[]; inspectionId?: string } | { ok: false; issues: Issue[] };

/** {@link ChainDeps} and, optionally, where submitted inspections are kept. */
export type ReportInspectionDeps = ChainDeps & { inspections?: InspectionLog; rental?: RentalDirectory };

/** Where an inspection took place, as the directory says: the premises and, for a tenant, its landlord. */
export interface InspectionPremises {
  premisesId: string;
  /** Absent when the enterprise holds the premises itself. */
  landlordEnterpriseId?: string;
}

/**
 * The premises of a report, derived from the directory: `null` and an issue when the
 * premises is unknown or the enterprise neither holds it nor rents there.
 */
export async function resolveInspectionPremises(rental: RentalDirectory | undefined, premisesId: unknown, enterpriseId: string, issues: Issue[]): Promise<InspectionPremises | null> {
  if (typeof premisesId !== 'string' || !ID_PATTERN.test(premisesId)) {
    issues.push(issue('PATTERN', '/premisesId', '场所编号格式无效', 'invalid premises id'));
    return null;
  }
  const premises = rental ? await rental.premises(premisesId) : null;
  if (!premises) {
    issues.push(issue('UNKNOWN_PREMISES', '/premisesId', `名录中没有场所 ${premisesId}`, `premises ${premisesId} is not in the directory`));
    return null;
  }
  if (premises.enterpriseId === enterpriseId) return { premisesId };
  const tenancy = rental ? (await rental.tenancies({ premisesId, tenantEnterpriseId: enterpriseId }))[0] : undefined;
  if (!tenancy) {
    issues.push(issue('NOT_AT_PREMISES', '/premisesId', `企业 ${enterpriseId} 既不持有也不承租场所 ${premisesId}`, `enterprise ${enterpriseId} neither holds nor rents premises ${premisesId}`));
    return null;
  }
  return { premisesId, landlordEnterpriseId: tenancy.landlordEnterpriseId };
}

/**
 * The premises of a report that names none, derived from the directory: the enterprise's one
 * place — the one premises it holds or the one it currently rents, when it has no other —
 * with its landlord for a tenant; `null` without a rental directory or when the enterprise
 * has no place or several (then only the report can say where it took place).
 */
async function onlyPremisesOf(rental: RentalDirectory | undefined, enterpriseId: string): Promise<InspectionPremises | null> {
  if (!rental) return null;
  const [held, rented] = await Promise.all([rental.premisesOf(enterpriseId), rental.tenancies({ tenantEnterpriseId: enterpriseId })]);
  if (held.length + rented.length !== 1) return null;
  const [own] = held;
  if (own) return { premisesId: own.id };
  const [tenancy] = rented;
  return tenancy ? { premisesId: tenancy.premisesId, landlordEnterpriseId: tenancy.landlordEnterpriseId } : null;
}

/** The id of an inspection's record: from the actor and the idempotency key (a retry finds the same one). */
export function inspectionRecordId(actorId: string, key: string): string {
  return `in-${sha256Hex(`inspection\n${actorId}\n${key}`).slice(0, 24)}`;
}

const SOURCE_OF_ROLE: Readonly<Record<string, FindingSource>> = Object.freeze({
  enterprise: 'self_check',
  grid: 'grid_patrol',
  enforcement: 'enforcement',
  system: 'sensor',
});

function issue(code: string, pointer: string, zh: string, en: string): Issue {
  return { code, severity: 'error', pointer, message: { 'zh-CN': zh, en } };
}

function fromCommandIssue(i: CommandIssue): Issue {
  return { code: i.code, severity: 'error', pointer: i.pointer, message: i.message };
}

/**
 * The source a report gets from the role under which `actor` may report a hazard of this
 * enterprise and domain: enterprise → `self_check`, grid → `grid_patrol`, enforcement →
 * `enforcement`, system → `sensor`. `null` when no role may (the chain then refuses).
 */
export function sourceForActor(actor: ActorProfile | null, subject: { level: ReportCommand['level']; domain: string; area: string; enterpriseId: string }): FindingSource | null {
  if (!actor) return null;
  const auth = authorize(actor, 'report', { ...subject, status: 'new', reporterId: null, rectifierIds: [] });
  return auth.allowed ? (SOURCE_OF_ROLE[auth.role] ?? null) : null;
}

/** The hazard id a report gets: from the actor, the idempotency key and the rule (a retry finds the same one). */
export function reportHazardId(actorId: string, key: string, rule: string): string {
  return `hz-${sha256Hex(`${actorId}\n${key}\n${rule}`).slice(0, 24)}`;
}

/**
 * Throws `ChainError` `CALENDAR_NOT_COVERED` when a hazard's deadline, counted from now, would
 * reach a year the host's calendar does not cover — before any hazard is reported or a co-sign
 * code used, so that an inspection is not half reported (the first hazards recorded, the next
 * refused). Other errors of a policy are left to each report's own refusal.
 */
function refuseUncoveredDeadlines(hazards: readonly HazardFinding[], deps: ChainDeps): void {
  const now = deps.clock.now();
  for (const h of hazards) {
    try {
      computeDeadline(h.deadline, now, deps.calendar);
    } catch (error) {
      if (isChainError(error) && error.code === 'CALENDAR_NOT_COVERED') throw error;
    }
  }
}

/**
 * Classifies an inspection with the server's compiled pack and reports each hazard into
 * the review chain. Everything the law and the pack decide is derived here, never taken
 * from the request: level, title, basis, provisional flag and deadline policy from the
 * pack's rules; pack id, version and domain from the compiled pack in `deps.packs`; area
 * from the Directory's record of the enterprise; source from the actor's role; hazard and
 * command ids from actor, key and rule. Each report then runs through
 * {@link handleCommand} (authorisation, evidence, idempotency).
 *
 * Returns `{ ok: false, issues }` (nothing reported, nothing recorded) for an unknown pack or
 * enterprise, a pack mismatch, errors in the answers, or malformed evidence references. The
 * answers are checked as `evaluator.check` checks them, on what is classified (the premises
 * kind of the place, the server's time when none is claimed): among the errors, an answer to
 * a question whose own `when` does not hold (`NOT_APPLICABLE_ANSWER`, at the answer, naming
 * the condition and the answers that decide it) — the pack decides what is asked, and the
 * hazard rules never read an answer the form would not have asked for. Throws `ChainError`
 * `CALENDAR_NOT_COVERED` (nothing reported) when a hazard's working-day deadline would reach a
 * year the host's calendar does not cover.
 *
 * With `deps.inspections` the inspection itself is recorded (an `InspectionRecord`, id
 * {@link inspectionRecordId}; a retry keeps the first record) — also when it found nothing, as
 * long as the actor may report for the enterprise and not every report was refused.
 *
 * @example
 * ```ts
 * const r = await reportInspection(deps, { inspection: body, packId: 'gas-restaurant', enterpriseId: 'E1', key }, actorId);
 * if (!r.ok) return problem(422, r.issues);
 * for (const report of r.reports) if (!report.ok) console.log(report.rule, report.rejection?.code);
 * ```
 */
export async function reportInspection(deps: ReportInspectionDeps, input: ReportInspectionInput, actorId: string, options: HandleCommandOptions = {}): Promise<ReportInspectionResult> {
  const issues: Issue[] = [];
  const evaluator = typeof input.packId === 'string' ? deps.packs?.get(input.packId) : undefined;
  if (!evaluator) issues.push(issue('UNKNOWN_PACK', '/pack', `服务器上没有检查表 ${JSON.stringify(input.packId)}`, `no pack ${JSON.stringify(input.packId)} on the server`));
  if (!isIdempotencyKey(input.key)) {
    issues.push(issue('INVALID_KEY', '/key', `幂等键须为${IDEMPOTENCY_KEY_RULE['zh-CN']}`, `the idempotency key must be ${IDEMPOTENCY_KEY_RULE.en}`));
  }
  if (input.unitId !== undefined && (typeof input.unitId !== 'string' || !ID_PATTERN.test(input.unitId))) {
    issues.push(issue('PATTERN', '/unitId', '单元编号格式无效', 'invalid unit id'));
  }
  if (input.coOfficerId !== undefined && (typeof input.coOfficerId !== 'string' || !ID_PATTERN.test(input.coOfficerId))) {
    issues.push(issue('PATTERN', '/coOfficerId', '第二名执法人员编号格式无效', 'invalid second officer id'));
  }
  let enterprise: EnterpriseRecord | null = null;
  if (typeof input.enterpriseId !== 'string' || !ID_PATTERN.test(input.enterpriseId)) {
    issues.push(issue('PATTERN', '/enterpriseId', '企业编号格式无效', 'invalid enterprise id'));
  } else {
    enterprise = await deps.directory.enterprise(input.enterpriseId);
    if (!enterprise) issues.push(issue('UNKNOWN_ENTERPRISE', '/enterpriseId', `未登记的企业 ${input.enterpriseId}`, `enterprise ${input.enterpriseId} is not registered`));
  }
  const at = !enterprise
    ? null
    : input.premisesId === undefined
      ? await onlyPremisesOf(deps.rental, enterprise.id)
      : await resolveInspectionPremises(deps.rental, input.premisesId, enterprise.id, issues);
  const inspection = input.inspection as unknown;
  if (typeof inspection !== 'object' || inspection === null || Array.isArray(inspection)) {
    issues.push(issue('NOT_AN_OBJECT', '', '检查记录应为对象', 'an inspection is an object'));
  } else if (evaluator) {
    const [id, version] = typeof input.inspection.pack === 'string' ? input.inspection.pack.split('@') : [];
    if (id !== evaluator.pack.id || (version !== undefined && version !== evaluator.pack.version)) {
      issues.push(issue('PACK_MISMATCH', '/pack', `检查记录应针对 ${evaluator.pack.id}@${evaluator.pack.version}`, `the inspection must answer ${evaluator.pack.id}@${evaluator.pack.version}`));
    }
  }
  if (issues.length > 0 || !evaluator || !enterprise) return { ok: false, issues };
  // At a place of the directory the premises kind is the directory's (withPremisesKind), never the request's.
  const placed = at === null ? input.inspection : await withPremisesKind(deps.rental, at.premisesId, input.premisesId !== undefined, evaluator.pack, input.inspection, issues);
  if (!placed) return { ok: false, issues };

  const claimed = evaluator.check(placed);
  // With a claimed time, what is checked is what is classified; without one, below, once the server's time stands in.
  if (placed.inspectedAt !== undefined) {
    const errors = claimed.filter((i) => i.severity === 'error');
    if (errors.length > 0) return { ok: false, issues: errors };
  }
  // The inspection time decides which law is in force and which deadlines have passed ($inspectedAt): a claimed
  // one must not lie in the future, a missing one is the server's clock (never "no time", under which every such
  // condition is false).
  const inspectedAt = inspectionTime(placed.inspectedAt, deps.clock.now(), { ...DEFAULT_TIME_LIMITS, ...deps.limits });
  if (!inspectedAt.ok) return { ok: false, issues: [inspectedAt.issue] };
  const classified: Inspection = { ...placed, inspectedAt: inspectedAt.at };
  // The check of what is classified (no "inspectedAt missing" once the server's time stands in): the time decides which
  // questions are asked ($inspectedAt in a `when`), and an answer to a question not asked (NOT_APPLICABLE_ANSWER) is an
  // error like any other — refused before anything is classified or written, never read by the hazard rules.
  const checked = placed.inspectedAt === undefined ? evaluator.check(classified) : claimed;
  const errors = checked.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, issues: errors };
  const classification = evaluator.evaluate(classified);
  const hazards = input.only === undefined ? classification.hazards : classification.hazards.filter((h) => input.only?.includes(h.rule));

  const evidenceOf = assignEvidence(input, hazards, issues);
  if (issues.length > 0 || !evidenceOf) return { ok: false, issues };
  // The photos taken while answering go to the hazards the answers produced (answerEvidence), each checked here first.
  const hazardIds = new Map(classification.hazards.map((h) => [h.rule, reportHazardId(actorId, input.key, h.rule)]));
  const answers = answerEvidence(evaluator.evidence, input.inspection.findings as Record<string, unknown>, hazards);
  // The hazards link to the record kept of the inspection (written below, its id derived from actor and key).
  const recordId = deps.inspections ? inspectionRecordId(actorId, input.key) : undefined;
  // An upload may already be bound to a hazard of this inspection or to its record (a retry).
  const ownBindings = new Set([...hazardIds.values(), ...(recordId === undefined ? [] : [inspectionEvidenceBinding(recordId)])]);
  const kinds = await answerUploadKinds(deps, answers.all, actorId, ownBindings, issues);
  if (issues.length > 0) return { ok: false, issues };

  const actor = await deps.directory.resolve(actorId);
  refuseUncoveredDeadlines(hazards, deps);
  const confirmed = await coSignOfInspection(deps, actorId, enterprise.id, hazards.length > 0 ? reportHazardId(actorId, input.key, (hazards[0] as HazardFinding).rule) : null, options);
  if ('rejection' in confirmed)
    return {
      ok: true,
      classification,
      warnings: checked,
      reports: hazards.map((h) => ({ rule: h.rule, hazardId: reportHazardId(actorId, input.key, h.rule), ok: false, rejection: confirmed.rejection })),
    };
  options = confirmed;
  const reports: ReportOutcome[] = [];
  for (const finding of hazards) {
    const hazardId = reportHazardId(actorId, input.key, finding.rule);
    const subject = { level: finding.level, domain: evaluator.pack.domain, area: enterprise.area, enterpriseId: enterprise.id };
    const command: ReportCommand = {
      type: 'report',
      commandId: reportCommandId(hazardId),
      hazardId,
      title: finding.title,
      level: finding.level,
      provisional: finding.provisional,
      basis: finding.basis,
      deadline: finding.deadline,
      pack: { id: evaluator.pack.id, version: evaluator.pack.version },
      domain: evaluator.pack.domain,
      area: enterprise.area,
      enterpriseId: enterprise.id,
      ...(input.unitId === undefined ? {} : { unitId: input.unitId }),
      ...(at === null ? {} : at),
      // The chain refuses an actor no role allows; the placeholder never reaches an event.
      source: sourceForActor(actor, subject) ?? 'self_check',
      findings: [finding],
      ...withAnswerEvidence(
        evidenceOf(finding.rule),
        answers.of(finding.rule),
        kinds,
        hazardId,
        // A retry after a refused report: its photos went to the record meanwhile (bindToRecord), and stay there.
        [...hazards.map((h) => hazardIds.get(h.rule)!), ...(recordId === undefined ? [] : [inspectionEvidenceBinding(recordId)])],
      ),
      ...(recordId === undefined ? {} : { inspectionId: recordId }),
      ...(input.fixedOnSpot?.includes(finding.rule) ? { fixedOnSpot: true } : {}),
      ...(input.coOfficerId === undefined ? {} : { coOfficerId: input.coOfficerId }),
    };
    const result = await handleCommand(deps, command, actorId, options);
    if ('rejection' in result) {
      reports.push({ rule: finding.rule, hazardId, ok: false, rejection: result.rejection });
    } else {
      const last = result.events[result.events.length - 1];
      reports.push({ rule: finding.rule, hazardId, ok: true, ...(last ? { version: last.version } : {}), ...(result.replayed ? { replayed: true } : {}) });
    }
  }
  // The record of the inspection (also when it found nothing), when the actor may report for this enterprise at all.
  const source = sourceForActor(actor, { level: 'general', domain: evaluator.pack.domain, area: enterprise.area, enterpriseId: enterprise.id });
  let inspectionId: string | undefined;
  if (deps.inspections && source !== null && (reports.length === 0 || reports.some((r) => r.ok))) {
    inspectionId = recordId ?? inspectionRecordId(actorId, input.key);
    const title = new Map(hazards.map((h) => [h.rule, h]));
    const created = await deps.inspections.recordInspection({
      id: inspectionId,
      enterpriseId: enterprise.id,
      area: enterprise.area,
      ...(at === null ? {} : { premisesId: at.premisesId }),
      domain: evaluator.pack.domain,
      pack: { id: evaluator.pack.id, version: evaluator.pack.version },
      source,
      actorId,
      inspectedAt: classified.inspectedAt ?? null,
      recordedAt: deps.clock.now().toISOString(),
      inspection: { ...placed, source, subject: { id: enterprise.id, name: enterprise.name, area: enterprise.area } },
      hazards: reports.map((r) => ({ rule: r.rule, hazardId: r.hazardId, level: title.get(r.rule)!.level, title: title.get(r.rule)!.title, reported: r.ok })),
    });
    await bindToRecord(deps, evaluator, answers.all, inspectionId, created);
  }
  return { ok: true, classification, warnings: checked, reports, ...(inspectionId === undefined ? {} : { inspectionId }) };
}

/**
 * The second officer of an inspection's reports, from the co-sign code he gave for this
 * enterprise and `report` (one code confirms all of the inspection's reports): checked and used
 * up before the first report, so two submissions cannot share it. A retry of an inspection
 * whose reports were recorded replays them without a code. No code: the options as given.
 */
async function coSignOfInspection(
  deps: ReportInspectionDeps,
  actorId: string,
  enterpriseId: string,
  firstHazardId: string | null,
  options: HandleCommandOptions,
): Promise<HandleCommandOptions | { rejection: Rejection }> {
  const { coSignCode, ...rest } = options;
  if (coSignCode === undefined || firstHazardId === null) return rest;
  if (await deps.store.findCommand(`${firstHazardId}:report`)) return rest;
  const redeemed = await redeemCoSignCode(deps, actorId, { act: 'report', subject: { enterpriseId }, code: coSignCode });
  if (!redeemed.ok) return { rejection: redeemed.rejection };
  // An inspection's report binds no field of its own (CO_SIGN_CONTENT_FIELDS): the code's content is empty.
  const mismatch = redeemed.redeemed.checkContent(coSignContentOf('report', {}, null));
  if (mismatch) return { rejection: mismatch };
  if (!(await redeemed.redeemed.consume())) return reject('CO_SIGN_CODE_INVALID', { 'zh-CN': '该确认码刚被另一操作使用', en: 'the co-sign code was used by another act meanwhile' });
  await redeemed.redeemed.forget();
  return { ...rest, coSignerId: redeemed.redeemed.officerId };
}

/**
 * Binds the answers' uploads that no hazard holds (an item that passed, a hazard refused) to the
 * inspection record ({@link inspectionEvidenceBinding}), so that they stay with it: never expired
 * as unbound uploads, out of the uploader's unbound budget, readable by whoever reads the record.
 * On a retry (`created` false: the first record stands) only the uploads the stored record's
 * answers name. Each was checked by {@link answerUploadKinds}; one that a concurrent request of
 * the same uploader bound elsewhere meanwhile stays there (bound, so not lost).
 */
async function bindToRecord(deps: ReportInspectionDeps, evaluator: PackEvaluator, uploads: readonly AnswerUpload[], inspectionId: string, created: boolean): Promise<void> {
  if (!deps.evidence || uploads.length === 0) return;
  let ids = new Set(uploads.map((u) => u.id));
  if (!created) {
    const stored = await deps.inspections?.readInspection(inspectionId);
    const named = stored ? answerEvidence(evaluator.evidence, stored.inspection.findings as Record<string, unknown>, []).all.map((u) => u.id) : [];
    ids = new Set(named.filter((id) => ids.has(id)));
  }
  const binding = inspectionEvidenceBinding(inspectionId);
  for (const id of ids) {
    const record = await deps.evidence.get(id);
    if (record?.hazardId === null) await deps.evidence.bind([id], binding);
  }
}

/**
 * Checks every upload the inspection's evidence answers name, before anything is written: it
 * exists in the evidence store, the reporter uploaded it, and it is unbound or bound to a
 * hazard of this very inspection or to its record (a retry). Answers each upload's kind: a photo
 * (`photo_before`, what was found) or a document. Issues are located at the answer.
 */
async function answerUploadKinds(
  deps: ReportInspectionDeps,
  uploads: readonly AnswerUpload[],
  actorId: string,
  ownBindings: ReadonlySet<string>,
  issues: Issue[],
): Promise<Map<string, EvidenceRef['kind']>> {
  const kinds = new Map<string, EvidenceRef['kind']>();
  for (const { id, pointer } of uploads) {
    if (!deps.evidence) {
      issues.push(issue('EVIDENCE_INVALID', pointer, '本服务未配置证据存储，检查记录不能引用照片', 'this server keeps no evidence (no evidence store): an inspection cannot name photos'));
      continue;
    }
    const record = ID_PATTERN.test(id) ? await deps.evidence.get(id) : null;
    if (!record || record.id !== id) {
      const missing = uploadMissing(JSON.stringify(id.slice(0, 128)));
      issues.push(issue('EVIDENCE_INVALID', pointer, missing['zh-CN'], missing.en));
    } else if (record.uploaderId !== actorId) {
      issues.push(
        issue(
          'EVIDENCE_INVALID',
          pointer,
          `证据 ${id} 不是你上传的：检查记录只能引用上报人本人上传的照片`,
          `evidence ${id} was uploaded by someone else: an inspection names only its reporter's uploads`,
        ),
      );
    } else if (record.hazardId !== null && !ownBindings.has(record.hazardId)) {
      issues.push(
        issue(
          'EVIDENCE_INVALID',
          pointer,
          `证据 ${id} 已用于另一隐患、作业许可或检查记录，不能再用于本次检查`,
          `evidence ${id} is already attached to another hazard, permit or inspection record and cannot serve this inspection`,
        ),
      );
    } else {
      kinds.set(id, PHOTO_MIME_TYPES.includes(record.mime) ? 'photo_before' : 'document');
    }
  }
  return kinds;
}

/**
 * A report's evidence: what the request attached by rule, then the answers' uploads it did
 * not name (each once, of the kind its type gives). With answers' uploads, the other hazards
 * of the inspection and its record's binding are its siblings (`sameInspection`): an upload
 * several of them get is bound to the first and attached to each; one a first attempt bound
 * to the record (its hazard's report was refused) is attached from there on a retry.
 */
function withAnswerEvidence(
  given: EvidenceRef[],
  answered: readonly AnswerUpload[],
  kinds: ReadonlyMap<string, EvidenceRef['kind']>,
  hazardId: string,
  all: readonly string[],
): { evidence: EvidenceRef[]; sameInspection?: string[] } {
  const named = new Set(given.map((r) => r.id));
  const derived: EvidenceRef[] = [];
  for (const { id } of answered) {
    if (named.has(id)) continue;
    named.add(id);
    derived.push({ id, kind: kinds.get(id) ?? 'photo_before' });
  }
  if (derived.length === 0) return { evidence: given };
  const siblings = all.filter((h) => h !== hazardId);
  return { evidence: [...given, ...derived], ...(siblings.length === 0 ? {} : { sameInspection: siblings }) };
}

function assignEvidence(input: ReportInspectionInput, hazards: readonly HazardFinding[], issues: Issue[]): ((rule: string) => EvidenceRef[]) | null {
  const fired = new Set(hazards.map((h) => h.rule));
  if (input.fixedOnSpot !== undefined) {
    if (!Array.isArray(input.fixedOnSpot)) issues.push(issue('WRONG_TYPE', '/fixedOnSpot', '应为规则编号数组', 'expected an array of rule ids'));
    else {
      input.fixedOnSpot.forEach((rule, i) => {
        if (!fired.has(rule)) issues.push(issue('UNKNOWN_RULE', `/fixedOnSpot/${i}`, '该规则未判定出隐患', 'no hazard of this rule was found'));
      });
    }
  }
  const raw = input.evidence ?? [];
  const commandIssues: CommandIssue[] = [];
  if (Array.isArray(raw)) {
    const refs = checkEvidenceRefs(raw, '/evidence', commandIssues) as EvidenceRef[] | undefined;
    issues.push(...commandIssues.map(fromCommandIssue));
    if (refs && refs.length > 0 && hazards.length > 1) {
      issues.push(issue('EVIDENCE_AMBIGUOUS', '/evidence', '检查发现多项隐患：请按规则编号分别附上证据', 'the inspection found several hazards: attach evidence by rule id'));
    }
    return issues.length > 0 ? null : () => refs ?? [];
  }
  if (typeof raw !== 'object' || raw === null) {
    issues.push(issue('WRONG_TYPE', '/evidence', '应为证据数组或按规则编号的对象', 'expected an array of evidence or an object by rule id'));
    return null;
  }
  const byRule = new Map<string, EvidenceRef[]>();
  for (const [rule, list] of Object.entries(raw as Record<string, unknown>)) {
    const pointer = `/evidence/${rule.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (!fired.has(rule)) {
      issues.push(issue('UNKNOWN_RULE', pointer, '该规则未判定出隐患', 'no hazard of this rule was found'));
      continue;
    }
    const refs = checkEvidenceRefs(list, pointer, commandIssues) as EvidenceRef[] | undefined;
    if (refs) byRule.set(rule, refs);
  }
  issues.push(...commandIssues.map(fromCommandIssue));
  return issues.length > 0 ? null : (rule) => byRule.get(rule) ?? [];
}

/**
 * The inspection time classification uses: the claimed `inspectedAt` unless it is more than
 * `maxFutureSkewMs` after `now` (then an `INSPECTED_AT_IN_FUTURE` issue); `now` when none is
 * claimed (docs/security.md T19). A backdated one is not bounded yet: an inspection on paper is
 * entered days later, and the window for that is undecided (docs/security.md, T19).
 */
function inspectionTime(claimed: string | undefined, now: Date, limits: TimeLimits): { ok: true; at: string } | { ok: false; issue: Issue } {
  if (claimed === undefined) return { ok: true, at: now.toISOString() };
  const ms = parseIsoTime(claimed)?.ms;
  if (ms !== undefined && ms <= now.getTime() + limits.maxFutureSkewMs) return { ok: true, at: claimed };
  return {
    ok: false,
    issue: issue(
      'INSPECTED_AT_IN_FUTURE',
      '/inspectedAt',
      `检查时间 ${JSON.stringify(claimed.slice(0, 40))} 晚于当前时间：检查时间决定适用的标准和期限，不能是将来的时间`,
      `inspectedAt ${JSON.stringify(claimed.slice(0, 40))} is in the future: the inspection time decides which standard and deadlines apply`,
    ),
  };
}
