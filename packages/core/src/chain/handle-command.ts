import type { PackEvaluator } from '../classify/compile-pack.js';
import { hazardIdRefusal } from '../permits/evidence-binding.js';
import type { Clock } from '../ports/clock.js';
import type { ActorProfile, Directory, EnterpriseRecord } from '../ports/directory.js';
import type { EvidenceRecord, EvidenceStore } from '../ports/evidence-store.js';
import type { CommandResult, Store } from '../ports/store.js';
import type { CoSignCodeStore } from '../ports/co-sign-code-store.js';
import type { DocumentNumberRequest } from '../ports/document-register.js';
import type { DocumentServiceLog } from '../ports/document-service.js';
import { isChainError } from './chain-error.js';
import { commandFingerprint } from './command-fingerprint.js';
import { coSignSubjectOf, redeemCoSignCode, type RedeemedCoSignCode } from './co-sign-code.js';
import { coSignContentOf } from './co-sign-content.js';
import { ID_PATTERN, MAX_EVIDENCE_PER_COMMAND } from './command-shape.js';
import { decide, type DecideContext, type DecideInputs } from './decide.js';
import { evolveOwned } from './evolve.js';
import { outboxMessagesFor } from './outbox-messages.js';
import { penaltyNoticeServices, type PenaltyNoticeService } from './penalty-service.js';
import { reject } from './rejection-messages.js';
import { serverCommandIdRefusal } from './server-command-id.js';
import { uploadBoundMeanwhile, uploadExpiredMeanwhile } from './upload-messages.js';
import { summarize } from './summarize.js';
import type { AttachedEvidence, ChainCommand, ChainEvent, HazardState, Rejection } from './types.js';

/** What {@link handleCommand} needs: the store, the trusted clock, the directory, the decider context. */
export interface ChainDeps extends DecideContext {
  store: Store;
  clock: Clock;
  directory: Directory;
  /**
   * Compiled packs by id: `reportInspection` classifies with them, and a manual
   * observation's domain must be one of theirs. Without it `reportInspection` knows no pack
   * and every `report_observation` is refused (`INVALID_COMMAND`: fail closed).
   */
  packs?: ReadonlyMap<string, PackEvaluator>;
  /**
   * Where uploads are kept. Evidence references are resolved through it; without it every
   * command that names evidence is refused (`EVIDENCE_INVALID`: fail closed).
   */
  evidence?: EvidenceStore;
  /**
   * How many times to re-decide when another writer won the race and the command did not
   * pin `expectedVersion`. Default 3. A pinned version always conflicts instead.
   */
  conflictRetries?: number;
  /**
   * The document numbers (文号) an accepted command's events take: called with the events
   * and the state after them; the store allocates them in the append's transaction and
   * `handleCommand` returns them as `documents`. `documentNumbering` of `@anjian/documents`
   * builds it from the event → document table. Without it nothing is numbered.
   */
  documentNumbers?: (events: readonly ChainEvent[], after: HazardState) => readonly DocumentNumberRequest[];
  /**
   * Where co-sign codes are kept (`issueCoSignCode`, `createMemoryCoSignCodeStore`). Without
   * it no code can be generated and every act sent with one is refused
   * (`CO_SIGN_CODE_INVALID`: fail closed).
   */
  coSignCodes?: CoSignCodeStore;
  /**
   * The service log of enforcement documents (送达): a penalty's reply periods run from the
   * service of its 行政处罚告知书, read here for the penalty commands. Without it no notice is
   * served, and no penalty is decided (`NOT_DUE`: fail closed).
   */
  documentService?: DocumentServiceLog;
}

/**
 * How the second officer of a two-officer act (《行政处罚法》第四十二条: both officers present)
 * confirmed it — never a field the first officer fills in. The second officer is derived from
 * it: a command that names no `coOfficerId` gets him, one that names another is refused
 * (`SEPARATION_OF_DUTIES`).
 */
export interface HandleCommandOptions {
  /**
   * The co-sign code the second officer generated in his own session for this hazard (for a
   * report: this enterprise) and this act (`issueCoSignCode`), as the first officer submits it.
   * Checked after the replay check (a retry of an accepted act replays without it), counted
   * against the first officer's attempts, used up when the act is accepted. Wrong, used,
   * expired, bound elsewhere or the actor's own: `CO_SIGN_CODE_INVALID`; too many attempts:
   * `CO_SIGN_CODE_LIMITED`. Takes precedence over `coSignerId`.
   */
  coSignCode?: string;
  /**
   * The second officer as the host itself confirmed him **from his own session** (e.g. a
   * pending request he approved in his own queue). MUST NOT come from a credential of his typed
   * on the first officer's device or session. Over HTTP it is never set: the API uses codes.
   */
  coSignerId?: string;
}

/** Folds stored events into a state (`null` for none): a fresh object, the caller's to keep. */
export function foldEvents(events: readonly ChainEvent[] | null): HazardState | null {
  if (!events) return null;
  let state: HazardState | null = null;
  // The state is this fold's own until returned: each event is applied to it in place.
  for (const event of events) state = evolveOwned(state, event);
  return state;
}

function evidenceIdsOf(command: ChainCommand): string[] | null {
  const refs = (command as { evidence?: unknown }).evidence;
  if (refs === undefined) return [];
  if (!Array.isArray(refs) || refs.length > MAX_EVIDENCE_PER_COMMAND) return null;
  const ids = refs.map((r) => (typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : undefined));
  return ids.every((id): id is string => typeof id === 'string' && ID_PATTERN.test(id)) ? [...new Set(ids)] : null;
}

/** The penalty commands the reply period (from the notice's service) bounds. */
const PERIOD_BOUND: ReadonlySet<string> = new Set(['record_statement', 'decide_penalty']);

/** Looks up what `decide` needs from ports: evidence records, the co-officer, the observed enterprise. */
async function lookUp(deps: ChainDeps, command: ChainCommand, options: HandleCommandOptions): Promise<DecideInputs | Rejection> {
  const inputs: {
    evidence?: Map<string, EvidenceRecord>;
    coOfficer?: ActorProfile | null;
    enterprise?: EnterpriseRecord | null;
    coSignerId?: string;
    penaltyNotices?: PenaltyNoticeService[];
  } = {};
  if (typeof options.coSignerId === 'string') inputs.coSignerId = options.coSignerId;
  // The served penalty notices: the party's reply periods run from the service of the current one.
  if (PERIOD_BOUND.has(command.type) && deps.documentService) {
    const [documents, service] = await Promise.all([deps.store.readDocuments(command.hazardId), deps.documentService.readService(command.hazardId)]);
    inputs.penaltyNotices = penaltyNoticeServices(documents, service);
  }
  const ids = evidenceIdsOf(command);
  // Malformed references are left to decide's shape check (INVALID_COMMAND).
  if (ids !== null && ids.length > 0) {
    if (!deps.evidence) {
      return reject('EVIDENCE_INVALID', { 'zh-CN': '本系统未配置证据存储，不接受证据', en: 'no evidence store is configured: evidence is refused' }).rejection;
    }
    const records = new Map<string, EvidenceRecord>();
    for (const id of ids) {
      const record = await deps.evidence.get(id);
      if (record) records.set(id, record);
    }
    inputs.evidence = records;
  }
  const coOfficerId = (command as { coOfficerId?: unknown }).coOfficerId;
  if (typeof coOfficerId === 'string' && ID_PATTERN.test(coOfficerId)) inputs.coOfficer = await deps.directory.resolve(coOfficerId);
  if (command.type === 'report_observation' && typeof command.enterpriseId === 'string' && ID_PATTERN.test(command.enterpriseId)) {
    inputs.enterprise = await deps.directory.enterprise(command.enterpriseId);
    // fail closed: without the packs no domain can be checked, so none is accepted
    if (!deps.packs) {
      return reject('INVALID_COMMAND', {
        'zh-CN': '本服务未配置检查表（ChainDeps.packs），无法核对现场发现的领域：请在创建时传入已编译的检查表',
        en: "this service has no packs (ChainDeps.packs), so an observation's domain cannot be checked: pass the compiled packs when wiring it",
      }).rejection;
    }
    if (![...deps.packs.values()].some((p) => p.pack.domain === command.domain)) {
      return reject('INVALID_COMMAND', { 'zh-CN': `没有检查表覆盖领域 ${String(command.domain)}`, en: `no pack covers the domain ${String(command.domain)}` }).rejection;
    }
  }
  return inputs;
}

/**
 * Why `bind` refused uploads the look-up had found: one is gone (the scheduler deleted it as an
 * expired unbound upload meanwhile) or another report bound it first. Read again after the
 * refusal; the first upload that explains it is named.
 */
async function whyUnbound(evidence: EvidenceStore, ids: readonly string[], hazardId: string): Promise<{ 'zh-CN': string; en: string }> {
  let elsewhere: string | undefined;
  for (const id of ids) {
    const record = await evidence.get(id);
    if (!record) return uploadExpiredMeanwhile(id);
    if (elsewhere === undefined && record.hazardId !== null && record.hazardId !== hazardId) elsewhere = id;
  }
  return uploadBoundMeanwhile(elsewhere ?? ids[0]!);
}

function reportedEvidence(events: readonly ChainEvent[]): readonly AttachedEvidence[] {
  const first = events[0];
  return first?.type === 'reported' ? (first.data as { evidence: readonly AttachedEvidence[] }).evidence : [];
}

/**
 * Runs one command through the chain: replay check by command id → who is the actor
 * (Directory) → look-ups (evidence records through `deps.evidence`, the co-officer — who
 * must be the one the host authenticated, `options.coSignerId` — and,
 * for an observation, the enterprise through the Directory) → load → expected version →
 * `decide` → for a report, bind its uploads to the hazard → one atomic `append` of events,
 * outbox messages, command record and summary. Every rejection (denial, conflict, key
 * reuse, rule violation) is recorded in the store's denial log and writes no event and no
 * outbox row. A replay of an accepted command returns its original events with
 * `replayed: true` and writes nothing.
 *
 * `command` is trusted to be well-typed only as far as `decide` re-checks it: every shape
 * and bound of `parseCommand` is checked again here, so a host passing a client's JSON
 * gets `INVALID_COMMAND`, never a stall or a corrupt hazard. A `report` is still trusted
 * in what it says (see `ReportCommand`): build it with `reportInspection`, never from a
 * request.
 *
 * Throws only when a port throws (store down, directory down) or the chain is misused — and
 * `ChainError` `CALENDAR_NOT_COVERED` when the act needs a working-day period that reaches a
 * year the host's `calendar` does not cover (its holiday arrangement is not loaded): the host's
 * data is missing, not the request at fault, so it is not a rejection; nothing is written (no
 * event, no denial, no bound upload, the co-sign code not used up).
 *
 * @example
 * ```ts
 * const parsed = parseCommand(body, { hazardId: 'H1', commandId: key });
 * if (parsed.ok) {
 *   const result = await handleCommand(deps, parsed.command, 'grid-7');
 *   if ('rejection' in result) show(result.rejection.message['zh-CN']);
 * }
 * ```
 */
export async function handleCommand(deps: ChainDeps, command: ChainCommand, actorId: string, options: HandleCommandOptions = {}): Promise<CommandResult> {
  const { store } = deps;
  let fingerprint: string;
  const denied = async (rejection: Rejection): Promise<CommandResult> => {
    await store.recordDenial({
      commandId: String(command?.commandId).slice(0, 256),
      hazardId: String(command?.hazardId).slice(0, 256),
      commandType: String(command?.type).slice(0, 64),
      actorId,
      code: rejection.code,
      message: rejection.message,
      recordedAt: deps.clock.now().toISOString(),
    });
    return { rejection };
  };

  if (typeof command?.commandId !== 'string' || command.commandId === '' || typeof command.hazardId !== 'string') {
    return denied(reject('INVALID_COMMAND').rejection);
  }
  // A hazard id in the permit bindings' namespace would share its uploads with that permit (T34).
  const reservedId = hazardIdRefusal(command.hazardId);
  if (reservedId) return denied(reject('INVALID_COMMAND', reservedId).rejection);
  // An id of the forms the server derives (tick:…, …:report) is only the command it is derived for.
  const serverId = serverCommandIdRefusal(command);
  if (serverId) return denied(reject('INVALID_COMMAND', serverId).rejection);
  const pinned = command.expectedVersion as unknown;
  if (pinned !== undefined && !(typeof pinned === 'number' && Number.isSafeInteger(pinned) && pinned >= 0)) {
    return denied(reject('INVALID_COMMAND', { 'zh-CN': 'expectedVersion 须为非负整数', en: 'expectedVersion must be a non-negative integer' }).rejection);
  }
  try {
    fingerprint = commandFingerprint(command, actorId);
  } catch (error) {
    if (isChainError(error)) return denied(reject('INVALID_COMMAND', { 'zh-CN': error.localized['zh-CN'], en: error.localized.en }).rejection);
    throw error;
  }
  const previous = await store.findCommand(command.commandId);
  if (previous) {
    if (previous.fingerprint !== fingerprint) return denied(reject('IDEMPOTENCY_KEY_REUSED').rejection);
    return { events: previous.events, replayed: true };
  }
  const actor = await deps.directory.resolve(actorId);
  if (!actor || actor.id !== actorId) return denied(reject('UNKNOWN_ACTOR').rejection);
  // The second officer is who confirmed: from the code (or the host), never from the request alone.
  let coSign: RedeemedCoSignCode | undefined;
  let consumed = false;
  if (typeof options.coSignCode === 'string') {
    const redeemed = await redeemCoSignCode(deps, actorId, { act: command.type, subject: coSignSubjectOf(command), code: options.coSignCode });
    if (!redeemed.ok) return denied(redeemed.rejection);
    coSign = redeemed.redeemed;
    options = { ...options, coSignerId: coSign.officerId };
  }
  if (typeof options.coSignerId === 'string' && (command as { coOfficerId?: unknown }).coOfficerId === undefined) {
    command = { ...command, coOfficerId: options.coSignerId } as ChainCommand;
  }
  const inputs = await lookUp(deps, command, options);
  if ('code' in inputs) return denied(inputs);

  const attempts = command.expectedVersion === undefined ? (deps.conflictRetries ?? 3) + 1 : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const state = foldEvents(await store.load(command.hazardId));
    const version = state?.version ?? 0;
    if (command.expectedVersion !== undefined && command.expectedVersion !== version) {
      return denied(reject('CONFLICT', { 'zh-CN': `当前版本 ${version}`, en: `current version ${version}` }).rejection);
    }
    // What the second officer co-signed (the act's bound fields, the hazard's facts), against this command and this state.
    const mismatch = coSign?.checkContent(coSignContentOf(command.type, command as unknown as Record<string, unknown>, state));
    if (mismatch) return denied(mismatch);
    let decision;
    try {
      decision = decide(state, command, actor, deps.clock.now(), deps, inputs);
    } catch (error) {
      if (isChainError(error) && (error.code === 'INVALID_DATE' || error.code === 'INVALID_POLICY' || error.code === 'NO_WORKING_DAY')) {
        return denied(reject('INVALID_COMMAND', { 'zh-CN': error.localized['zh-CN'], en: error.localized.en }).rejection);
      }
      throw error;
    }
    if ('rejection' in decision) return denied(decision.rejection);
    if (decision.events.length === 0) return { events: [] };
    // The code is used up once the act is accepted (an act refused for another reason keeps it); once, across conflict retries.
    if (coSign && !consumed && !(consumed = await coSign.consume())) {
      return denied(reject('CO_SIGN_CODE_INVALID', { 'zh-CN': '该确认码刚被另一操作使用', en: 'the co-sign code was used by another act meanwhile' }).rejection);
    }
    // A report's uploads are bound before the append: a retry after a crash finds them bound to this hazard id.
    // An upload already bound to a hazard of the same inspection (ReportCommand.sameInspection) stays bound there.
    const shared = command.type === 'report' ? (command.sameInspection ?? []) : [];
    const uploads =
      state === null
        ? reportedEvidence(decision.events)
            .map((e) => e.id)
            .filter((id) => !shared.includes(inputs.evidence?.get(id)?.hazardId ?? ''))
        : [];
    if (uploads.length > 0 && !(await (deps.evidence as EvidenceStore).bind(uploads, command.hazardId))) {
      return denied(reject('EVIDENCE_INVALID', await whyUnbound(deps.evidence as EvidenceStore, uploads, command.hazardId)).rejection);
    }
    // `state` (folded above, given to no one but decide, which keeps nothing) is not read
    // again in this attempt: the new events are applied to it in place.
    let after = state;
    for (const event of decision.events) after = evolveOwned(after, event);
    const documents = deps.documentNumbers?.(decision.events, after as HazardState);
    const result = await store.append({
      ...(documents && documents.length > 0 ? { documents } : {}),
      hazardId: command.hazardId,
      expectedVersion: version,
      events: decision.events,
      outbox: outboxMessagesFor(decision.events, after as HazardState),
      commandId: command.commandId,
      commandFingerprint: fingerprint,
      summary: summarize(after as HazardState),
    });
    if (result.kind === 'ok') {
      await coSign?.forget();
      return result.documents ? { events: result.events, documents: result.documents } : { events: result.events };
    }
    if (result.kind === 'duplicate-command') {
      if (result.original.fingerprint !== fingerprint) return denied(reject('IDEMPOTENCY_KEY_REUSED').rejection);
      return { events: result.original.events, replayed: true };
    }
  }
  return denied(reject('CONFLICT').rejection);
}
