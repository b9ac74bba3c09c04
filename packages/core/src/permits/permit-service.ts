import type { PermitNotification, PermitStore } from '../ports/permit-store.js';
import { outboxContent } from '../outbox/outbox-envelope.js';
import type { ActorProfile, Directory, EnterpriseRecord } from '../ports/directory.js';
import type { EvidenceRecord, EvidenceStore } from '../ports/evidence-store.js';
import { permitEvidenceBinding } from './evidence-binding.js';
import { permitUploadIds } from './permit-attachments.js';
import { permitPersonIds } from './permit-persons.js';
import { canonicalJson } from '../chain/canonical-json.js';
import { sha256Hex } from '../chain/hash-event.js';
import { decidePermit } from './decide-permit.js';
import { evolvePermit } from './evolve-permit.js';
import { permitRejection } from './permit-rejection.js';
import type { PermitRules } from './permit-rules.js';
import { formatDateTime } from '../classify/format-date-time.js';
import { permitApprovalDue, tickPermit } from './tick-permit.js';
import { permitApproverRole } from './permit-approval.js';
import type { PermitActor, PermitCommand, PermitEvent, PermitRejection, PermitState, SuspendReason } from './permit-types.js';

import { PERMIT_APPROVAL_DUE_TOPIC, PERMIT_OVERDUE_TOPIC, PERMIT_SUSPENDED_TOPIC } from './permit-topics.js';

export { PERMIT_APPROVAL_DUE_TOPIC, PERMIT_OVERDUE_TOPIC, PERMIT_SUSPENDED_TOPIC };

/** Payload of a permit notification: who to tell is the host's (the enterprise's and the approver's phones). */
export interface PermitNotificationPayload {
  permitId: string;
  /** A short reference for a text message (`XK-3F9A2C`: the last six characters of the id). */
  permitNo: string;
  enterpriseId: string;
  area: string;
  kind: string;
  /** The rule's title in 中文 (`特级动火作业`). */
  title: string;
  applicantId: string;
  approverId: string | null;
  attendantId: string;
  /** Suspensions: why, as a code and in 中文. */
  reason?: SuspendReason;
  reasonText?: string;
  /** Approval due: the permit role that must approve next (`permitApproverRole`: the rule's `approverRole`, e.g. `safety_department`, or the downgrade's approver first) — whom to tell is the host's. */
  approverRole?: string;
  /** Approval due: the planned start, and the same in China time for a text (`2026-12-07 16:00`). */
  validFrom?: string;
  validFromText?: string;
  validUntil: string;
  at: string;
}

/** A permit's short reference for texts and forms: `XK-` and the id's last six characters, upper case. */
export function permitRef(permitId: string): string {
  return `XK-${permitId.slice(-6).toUpperCase()}`;
}

const REASON_ZH: Record<SuspendReason, string> = {
  reading_failed: '监测读数不合格',
  reading_missed: '未按时记录监测读数',
  attendant_absent: '监护人离开现场',
};

/**
 * The notifications a permit's new events call for: a suspension (the job must stop now),
 * an expiry of a job that had started and was not closed (overdue to close), and a permit
 * still waiting for approval near its planned start (approval due, for the approver). Ids are
 * `permit/<permitId>/<version>/<topic>`, so a retried append enqueues nothing twice.
 */
export function permitNotifications(before: PermitState | null, events: readonly PermitEvent[]): PermitNotification[] {
  const out: PermitNotification[] = [];
  let s = before;
  for (const e of events) {
    const prev = s;
    s = evolvePermit(s, e);
    const overdue = e.type === 'expired' && (prev?.status === 'in_progress' || prev?.status === 'suspended');
    if (e.type !== 'suspended' && e.type !== 'approval_due' && !overdue) continue;
    const topic = e.type === 'suspended' ? PERMIT_SUSPENDED_TOPIC : e.type === 'approval_due' ? PERMIT_APPROVAL_DUE_TOPIC : PERMIT_OVERDUE_TOPIC;
    const payload: PermitNotificationPayload = {
      permitId: s.permitId,
      permitNo: permitRef(s.permitId),
      enterpriseId: s.enterpriseId,
      area: s.area,
      kind: s.rule.kind,
      title: s.rule.title['zh-CN'],
      applicantId: s.applicantId,
      approverId: s.approverId,
      attendantId: s.attendantId,
      validUntil: s.validUntil,
      at: e.recordedAt,
    };
    if (e.type === 'suspended') {
      const reason = (e as PermitEvent<'suspended'>).data.reason;
      payload.reason = reason;
      payload.reasonText = REASON_ZH[reason];
    }
    if (e.type === 'approval_due') {
      payload.approverRole = permitApproverRole(s);
      payload.validFrom = s.validFrom;
      payload.validFromText = formatDateTime(s.validFrom, 'datetime') ?? s.validFrom;
    }
    out.push({ id: `permit/${s.permitId}/${e.version}/${topic}`, ...outboxContent(topic, payload), createdAt: e.recordedAt });
  }
  return out;
}

/** What a permit service needs. */
export interface PermitServiceDeps {
  store: PermitStore;
  rules: PermitRules;
  /**
   * Resolves the persons an apply names (the attendant must be a person of the enterprise;
   * a worker the directory knows too — see `checkPermitPersons`) and the applying
   * enterprise, whose record states its regime (`EnterpriseRecord.regime`: the standard the
   * permit is held to).
   */
  directory: Pick<Directory, 'resolve' | 'enterprise'>;
  /**
   * Where uploads are kept: an uploaded attachment of a start is resolved and then bound to
   * the permit through it. Without it every uploaded attachment is refused (paper records
   * still work).
   */
  evidence?: Pick<EvidenceStore, 'get' | 'bind'>;
}

/** One command for {@link handlePermitCommand}. */
export interface PermitCommandInput {
  permitId: string;
  command: PermitCommand;
  /** From the host's session and directory, never from the request body. */
  actor: PermitActor;
  /** The host's trusted clock. */
  now: Date;
  /** Idempotency: a command id seen before answers the stored state (`replayed`), writing nothing. */
  commandId?: string;
}

/** Result of {@link handlePermitCommand}. */
export type PermitCommandResult = { ok: true; state: PermitState; events: PermitEvent[]; replayed: boolean } | { ok: false; rejection: PermitRejection };

const MAX_TRIES = 5;

/** What `decidePermit` needs from the ports: the named persons' profiles (apply), the uploads' records (start). */
async function lookUp(
  deps: PermitServiceDeps,
  command: PermitCommand,
): Promise<{ persons?: Map<string, ActorProfile | null>; evidence?: Map<string, EvidenceRecord>; enterprise?: EnterpriseRecord | null }> {
  if (command?.type === 'apply') {
    const persons = new Map<string, ActorProfile | null>();
    for (const id of permitPersonIds(command)) {
      const profile = await deps.directory.resolve(id);
      persons.set(id, profile !== null && profile.id === id ? profile : null);
    }
    const id = command.enterpriseId;
    const enterprise = typeof id === 'string' && id.length > 0 && id.length <= 200 ? await deps.directory.enterprise(id) : null;
    return { persons, enterprise };
  }
  if (command?.type === 'start' && deps.evidence !== undefined) {
    const evidence = new Map<string, EvidenceRecord>();
    for (const id of permitUploadIds(command.attachments)) {
      const record = await deps.evidence.get(id);
      if (record !== null) evidence.set(id, record);
    }
    return { evidence };
  }
  return {};
}

const REUSED = permitRejection('IDEMPOTENCY_KEY_REUSED', '该指令编号（幂等键）已用于另一条指令', 'This command id (idempotency key) was used for another command');

/** A retried command replays; the same id with another command is refused. */
async function replay(store: PermitStore, permitId: string, seen: { fingerprint: string | null } | null, fingerprint: string): Promise<PermitCommandResult> {
  if (seen !== null && seen.fingerprint !== null && seen.fingerprint !== fingerprint) return { ok: false, rejection: REUSED };
  const state = await store.loadState(permitId);
  if (state === null) return { ok: false, rejection: permitRejection('NOT_FOUND', '许可证不存在', 'No such permit') };
  return { ok: true, state, events: [], replayed: true };
}

/** Records what the clock decides for one permit (expiry, a missed reading) until nothing is left; returns the new state. */
async function catchUp(store: PermitStore, state: PermitState, now: Date): Promise<{ state: PermitState; events: PermitEvent[] }> {
  let cur = state;
  const all: PermitEvent[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const events = tickPermit(cur, now);
    if (events.length === 0) break;
    const r = await store.append({ permitId: cur.permitId, expectedVersion: cur.version, events, notifications: permitNotifications(cur, events) });
    if (r.kind === 'ok') {
      cur = r.state;
      all.push(...events);
      continue;
    }
    const fresh = await store.loadState(cur.permitId);
    if (fresh === null) break;
    cur = fresh;
  }
  return { state: cur, events: all };
}

/**
 * Handles one permit command: the clock's due events first (expiry, a missed reading, each
 * recorded by the system actor), then `decidePermit` on the stored state and one `append`
 * with the command id and the notifications the events call for. A version conflict
 * (another command won) re-reads and decides again, up to five times.
 *
 * @example
 * ```ts
 * const r = await handlePermitCommand({ store, rules: DEFAULT_PERMIT_RULES }, { permitId, command: { type: 'approve' }, actor, now: clock.now(), commandId });
 * ```
 */
export async function handlePermitCommand(deps: PermitServiceDeps, input: PermitCommandInput): Promise<PermitCommandResult> {
  const { store } = deps;
  const fingerprint = sha256Hex(canonicalJson({ permitId: input.permitId, command: input.command as unknown as Record<string, unknown> }));
  if (input.commandId !== undefined) {
    const seen = await store.commandVersion(input.commandId);
    if (seen) return replay(store, seen.permitId, seen, fingerprint);
  }
  const looked = await lookUp(deps, input.command);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    let state = await store.loadState(input.permitId);
    if (state !== null && input.command?.type !== 'apply') state = (await catchUp(store, state, input.now)).state;
    const decision = decidePermit(state, input.command, input.actor, input.now, { rules: deps.rules, ...looked });
    if (!decision.ok) return decision;
    // Uploads are bound before the append (as a hazard report's are): a retry after a crash finds them bound to this permit.
    const uploads = decision.events
      .flatMap((e) => (e.type === 'started' ? (e as PermitEvent<'started'>).data.attachments : []))
      .flatMap((a) => ('source' in a && a.source === 'upload' ? [a.evidenceId] : []));
    if (uploads.length > 0 && !(await (deps.evidence as EvidenceStore).bind(uploads, permitEvidenceBinding(input.permitId)))) {
      return {
        ok: false,
        rejection: { ...permitRejection('ATTACHMENT_INVALID', '上传的附件刚被用于其他许可或隐患', 'an uploaded attachment was just used for another permit or hazard'), pointer: '/attachments' },
      };
    }
    const r = await store.append({
      permitId: input.permitId,
      expectedVersion: state?.version ?? 0,
      events: decision.events,
      ...(input.commandId === undefined ? {} : { commandId: input.commandId, commandFingerprint: fingerprint }),
      notifications: permitNotifications(state, decision.events),
    });
    if (r.kind === 'ok') return { ok: true, state: r.state, events: decision.events, replayed: false };
    if (r.kind === 'duplicate') return replay(store, r.permitId, input.commandId === undefined ? null : await store.commandVersion(input.commandId), fingerprint);
    if (r.kind === 'invalid') throw new Error(`permit ${input.permitId}: the store refused the decided events (${r.reason})`);
    if (state === null && input.command.type === 'apply') {
      const existing = await store.loadState(input.permitId);
      if (existing) return { ok: false, rejection: permitRejection('ALREADY_EXISTS', `许可证 ${input.permitId} 已存在`, `Permit ${input.permitId} already exists`) };
    }
  }
  return { ok: false, rejection: permitRejection('CONFLICT', '许可证正被同时修改，请重试', 'The permit is being changed concurrently; try again') };
}

/** Tally of {@link tickPermits}. */
export interface PermitTickRun {
  permits: number;
  events: number;
  expired: string[];
  suspended: string[];
  /** Permits whose approver was warned that the approval is due (`permit.approval_due`). */
  approvalDue: string[];
}

/** Records the approval-due warning for one permit, if due; a concurrent change leaves it to the next tick. */
async function warnApprovalDue(store: PermitStore, state: PermitState, now: Date): Promise<PermitEvent[]> {
  const events = permitApprovalDue(state, now);
  if (events.length === 0) return [];
  const r = await store.append({ permitId: state.permitId, expectedVersion: state.version, events, notifications: permitNotifications(state, events) });
  return r.kind === 'ok' ? events : [];
}

/**
 * Records what the clock decides at `now` for every permit that is due (`listDue`):
 * expiries (every one recorded) and missed monitoring readings (the job is suspended),
 * with their notifications; then, for a permit still waiting for approval from
 * `PERMIT_APPROVAL_WARNING_MINUTES` before its planned start, the one approval-due warning
 * (`permitApprovalDue`, notification `permit.approval_due`). Run it on the host's timer;
 * running it again, or from two timers at once, records each warning once (the append's
 * version check).
 */
export async function tickPermits(deps: Pick<PermitServiceDeps, 'store'>, now: Date, limit = 500): Promise<PermitTickRun> {
  const run: PermitTickRun = { permits: 0, events: 0, expired: [], suspended: [], approvalDue: [] };
  for (const state of await deps.store.listDue(now.toISOString(), limit)) {
    const r = await catchUp(deps.store, state, now);
    const warned = await warnApprovalDue(deps.store, r.state, now);
    const events = [...r.events, ...warned];
    if (events.length === 0) continue;
    run.permits++;
    run.events += events.length;
    for (const e of events) {
      if (e.type === 'expired') run.expired.push(e.permitId);
      if (e.type === 'suspended') run.suspended.push(e.permitId);
      if (e.type === 'approval_due') run.approvalDue.push(e.permitId);
    }
  }
  return run;
}
