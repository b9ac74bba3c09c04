/**
 * `@anjian/core/schema/outbox-envelope.schema.json` is the published JSON Schema of every outbox
 * message a notifier gets (the webhook body). It is checked against the one definition, the
 * TypeScript payload types of `OutboxPayloads`: the field lists below are typed by them, so a
 * field added, removed or made optional in core fails to compile until the list — and then this
 * test, until the schema — follows. Real messages of the builders validate with unknown fields
 * refused, and docs/outbox.md's example and topic list agree with the schema.
 */
import { readFileSync } from 'node:fs';
import Ajv2020Import from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportCommand, TEST_ENTERPRISES } from '../testing/chain-fixtures.js';
import { createHarness } from '../chain/chain-harness.test-util.js';
import type { OutboxPayload, PenaltyNoticeFacts, PenaltyNoticePayload } from '../chain/outbox-messages.js';
import type { EventActor } from '../chain/types.js';
import { HAZARD_STATUSES } from '../chain/types.js';
import { createMemoryInspectionLog } from '../chain/memory-inspection-log.js';
import type { LocalizedText } from '../pack/types.js';
import { HAZARD_LEVELS } from '../pack/types.js';
import { ingestSensorMessage } from '../monitoring/ingest-sensor-message.js';
import { runDailyWarning, type AreaDigestPayload, type DailyWarningCounts, type DailyWarningDevice, type DailyWarningPayload } from '../monitoring/daily-warning.js';
import { monitoringFixture } from '../monitoring/monitoring.test-util.js';
import { createMemoryRoundStore } from '../rounds/memory-round-store.js';
import { openRound } from '../rounds/open-round.js';
import type { RoundWorkItem } from '../rounds/round-work.js';
import { permitApprovalDue } from '../permits/tick-permit.js';
import { permitNotifications, type PermitNotificationPayload } from '../permits/permit-service.js';
import { applicant, applyCommand, iso, at, PermitRun } from '../permits/permit-harness.test-util.js';
import type { OutboxEnvelope, OutboxKind, OutboxPayloads } from './outbox-envelope.js';
import { toOutboxEnvelope } from './to-outbox-envelope.js';

type AjvClass = typeof Ajv2020Import;
const Ajv2020: AjvClass = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import) as AjvClass;

type JsonObject = Record<string, unknown>;
const schema = JSON.parse(readFileSync(new URL('../../schema/outbox-envelope.schema.json', import.meta.url), 'utf8')) as JsonObject;
const defs = schema.$defs as Record<string, { properties: Record<string, JsonObject>; required?: string[] }>;
const doc = readFileSync(new URL('../../../../docs/outbox.md', import.meta.url), 'utf8');

/** The types behind the schema's `$defs`, by name. */
interface DefTypes {
  hazardPayload: OutboxPayload;
  penaltyNoticePayload: PenaltyNoticePayload;
  penaltyNotice: PenaltyNoticeFacts;
  dailyWarningPayload: DailyWarningPayload;
  areaDigestPayload: AreaDigestPayload;
  permitPayload: PermitNotificationPayload;
  localizedText: LocalizedText;
  actor: EventActor;
  dailyWarningCounts: DailyWarningCounts;
  dailyWarningDevice: DailyWarningDevice;
  roundWorkItem: RoundWorkItem;
  areaDigestEnterprise: AreaDigestPayload['enterprises'][number];
}
/** Every field of T, exactly, marked as the type marks it. */
type Fields<T> = { [P in keyof T]-?: object extends Pick<T, P> ? 'optional' : 'required' };
/** The `$defs` entry whose type is exactly kind K's payload type. */
type DefOf<K extends OutboxKind> = {
  [D in keyof DefTypes]: [OutboxPayloads[K]] extends [DefTypes[D]] ? ([DefTypes[D]] extends [OutboxPayloads[K]] ? D : never) : never;
}[keyof DefTypes];

const R = 'required' as const;
const O = 'optional' as const;
const FIELDS: { [D in keyof DefTypes]: Fields<DefTypes[D]> } = {
  hazardPayload: {
    hazardId: R,
    type: R,
    version: R,
    level: R,
    provisional: R,
    status: R,
    title: R,
    domain: R,
    area: R,
    enterpriseId: R,
    premisesId: O,
    landlordEnterpriseId: O,
    deadline: R,
    actor: R,
  },
  penaltyNoticePayload: {
    hazardId: R,
    type: R,
    version: R,
    level: R,
    provisional: R,
    status: R,
    title: R,
    domain: R,
    area: R,
    enterpriseId: R,
    premisesId: O,
    landlordEnterpriseId: O,
    deadline: R,
    actor: R,
    penalty: R,
  },
  penaltyNotice: { article: R, citation: R, kind: R, fineAmount: O, statementDeadline: R, hearingRight: R, hearingDeadline: O },
  dailyWarningPayload: { enterpriseId: R, enterprise: R, date: R, counts: R, devices: R, rounds: O, summary: R },
  areaDigestPayload: { inspectorId: R, date: R, enterprises: R, rounds: O, summary: R },
  permitPayload: {
    permitId: R,
    permitNo: R,
    enterpriseId: R,
    area: R,
    kind: R,
    title: R,
    applicantId: R,
    approverId: R,
    attendantId: R,
    reason: O,
    reasonText: O,
    approverRole: O,
    validFrom: O,
    validFromText: O,
    validUntil: R,
    at: R,
  },
  localizedText: { 'zh-CN': R, en: O },
  actor: { id: R, role: R },
  dailyWarningCounts: { dueSoon: R, overdue: R, unanswered: R, alarming: R, offline: R, otherDeviceWarnings: R },
  dailyWarningDevice: { deviceId: R, name: R, conditions: R },
  roundWorkItem: {
    roundId: R,
    title: R,
    kind: R,
    packId: R,
    domain: R,
    enterpriseId: R,
    enterpriseName: R,
    area: R,
    status: R,
    startsOn: R,
    endsOn: R,
    endsAt: R,
    daysLeft: R,
    daysOverdue: R,
  },
  areaDigestEnterprise: { enterpriseId: R, enterprise: R, summary: R },
};

/** Every kind `OutboxPayloads` knows (the compiler wants each, and no other), with its payload's `$defs` entry. */
const KIND_DEF: { [K in OutboxKind]: DefOf<K> } = {
  'hazard.reported': 'hazardPayload',
  'hazard.reclassified': 'hazardPayload',
  'hazard.level_confirmed': 'hazardPayload',
  'hazard.notice_issued': 'hazardPayload',
  'hazard.rectification_submitted': 'hazardPayload',
  'hazard.verified': 'hazardPayload',
  'hazard.rejected': 'hazardPayload',
  'hazard.extension_requested': 'hazardPayload',
  'hazard.extension_granted': 'hazardPayload',
  'hazard.extension_denied': 'hazardPayload',
  'hazard.escalated': 'hazardPayload',
  'hazard.case_filed': 'hazardPayload',
  'hazard.listed_for_supervision': 'hazardPayload',
  'hazard.plan_submitted': 'hazardPayload',
  'hazard.plan_approved': 'hazardPayload',
  'hazard.stop_work_ordered': 'hazardPayload',
  'hazard.accepted': 'hazardPayload',
  'hazard.closed': 'hazardPayload',
  'hazard.stop_work_lifted': 'hazardPayload',
  'hazard.delisted': 'hazardPayload',
  'hazard.reopened': 'hazardPayload',
  'hazard.spot_checked': 'hazardPayload',
  'hazard.due_soon_warned': 'hazardPayload',
  'hazard.overdue_noticed': 'hazardPayload',
  'hazard.penalty_notified': 'penaltyNoticePayload',
  'hazard.statement_recorded': 'hazardPayload',
  'hazard.hearing_held': 'hazardPayload',
  'hazard.hearing_withdrawn': 'hazardPayload',
  'hazard.penalty_decided': 'hazardPayload',
  'monitoring.daily_warning': 'dailyWarningPayload',
  'monitoring.area_digest': 'areaDigestPayload',
  'permit.suspended': 'permitPayload',
  'permit.overdue_to_close': 'permitPayload',
  'permit.approval_due': 'permitPayload',
};

/** The schema with unknown fields refused everywhere (receivers must ignore them; a test must not). */
function strict(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strict);
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strict(v)]));
  return out.type === 'object' && out.properties ? { ...out, additionalProperties: false } : out;
}

const kindsOf = (branch: JsonObject): string[] => {
  const kind = (branch.properties as Record<string, { const?: string; enum?: string[] }>).kind;
  return kind?.enum ?? (kind?.const === undefined ? [] : [kind.const]);
};
const branches = schema.oneOf as JsonObject[];
const defOfBranch = (branch: JsonObject) => String(((branch.properties as JsonObject).payload as JsonObject).$ref).replace('#/$defs/', '');

describe('outbox-envelope.schema.json', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(strict(schema) as JsonObject);
  const ok = (body: unknown) => expect(validate(body), JSON.stringify(validate.errors)).toBe(true);

  it('names every kind core writes, each with the definition of its payload type', () => {
    const inSchema = branches.flatMap((b) => kindsOf(b).map((kind) => [kind, defOfBranch(b)]));
    expect(Object.fromEntries(inSchema)).toEqual(KIND_DEF);
    expect(inSchema).toHaveLength(Object.keys(KIND_DEF).length);
  });

  it('each definition has exactly the fields of its TypeScript type, required as the type requires them', () => {
    expect(Object.keys(defs).sort()).toEqual(Object.keys(FIELDS).sort());
    for (const [name, fields] of Object.entries(FIELDS) as Array<[string, Record<string, string>]>) {
      expect(Object.keys(defs[name]?.properties ?? {}).sort(), name).toEqual(Object.keys(fields).sort());
      const required = Object.keys(fields).filter((f) => fields[f] === 'required');
      expect([...(defs[name]?.required ?? [])].sort(), name).toEqual(required.sort());
    }
    const hazard = defs.hazardPayload!.properties;
    expect(hazard.status?.enum).toEqual([...HAZARD_STATUSES]);
    expect(hazard.level?.enum).toEqual([...HAZARD_LEVELS]);
    expect((hazard.type?.enum as string[]).map((t) => `hazard.${t}`)).toEqual(kindsOf(branches[0]!));
  });

  it('every message the builders write validates (unknown fields refused); a payload of another kind does not', async () => {
    const bodies: unknown[] = [];
    // the review chain
    const h = createHarness('2026-03-02T01:00:00Z');
    await h.ok('grid-g1', reportCommand('H-OUT'));
    await h.ok('grid-g1', { type: 'issue_notice', hazardId: 'H-OUT' });
    // a penalty notice with the hearing right, and one without
    const co = { coOfficerId: 'officer2-gas-d1' };
    for (const [id, fineAmount] of [
      ['H-PEN', 50_000],
      ['H-PEN2', 1_000],
    ] as const) {
      await h.ok('grid-g1', reportCommand(id, { level: 'general' }));
      await h.ok('grid-g1', { type: 'escalate', hazardId: id, reason: { 'zh-CN': '逾期', en: 'overdue' } });
      await h.ok('officer-gas-d1', { type: 'file_case', hazardId: id, ...co });
      await h.ok('officer-gas-d1', { type: 'notify_penalty', hazardId: id, penalty: { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount }, ...co });
    }
    for (const m of await h.store.readOutbox(1, 100)) bodies.push(toOutboxEnvelope(m));
    const notices = bodies.filter((b): b is OutboxEnvelope<'hazard.penalty_notified'> => (b as OutboxEnvelope).kind === 'hazard.penalty_notified');
    expect(notices.map((n) => [n.payload.penalty.citation['zh-CN'], n.payload.penalty.fineAmount, n.payload.penalty.hearingRight, typeof n.payload.penalty.hearingDeadline])).toEqual([
      ['《中华人民共和国安全生产法》第一百零二条', 50_000, true, 'string'],
      ['《中华人民共和国安全生产法》第一百零二条', 1_000, false, 'undefined'],
    ]);
    expect(notices[0]!.payload.penalty.statementDeadline < notices[0]!.payload.penalty.hearingDeadline!).toBe(true);
    // monitoring: a daily warning with devices and rounds, an area digest
    const f = await monitoringFixture('2026-12-06T00:30:00.000Z');
    await ingestSensorMessage(f.deps, f.msg('D-plain', 'alarm'));
    const rounds = createMemoryRoundStore();
    const roundDeps = { rounds, directory: f.directory, clock: f.clock, packDomain: (id: string) => (id === 'gas' ? 'gas' : null) };
    await openRound(roundDeps, { id: 'self-d1', kind: 'self_inspection', title: { 'zh-CN': '自查' }, packId: 'gas', scope: { area: 'D1' }, startsOn: '2026-12-01', endsOn: '2026-12-07' }, 'admin-gas');
    const units = TEST_ENTERPRISES.map((enterprise) => ({ enterprise, premises: [] }));
    const deps = { registry: f.registry, store: f.store, directory: f.directory, rounds: { rounds, inspections: createMemoryInspectionLog(), units } };
    await runDailyWarning(deps, { enterpriseIds: ['E1', 'E2'], inspectorIds: ['grid-g1'], now: f.clock.now() });
    for (const n of await f.registry.readNotifications()) bodies.push(toOutboxEnvelope(n));
    // permits: the approval reminder a tick writes, and a suspension's text as its type says
    const run = new PermitRun();
    run.ok(applyCommand({ validFrom: iso(120) }), applicant, -60);
    const due = permitNotifications(run.state, permitApprovalDue(run.state!, at(60))).map(toOutboxEnvelope);
    bodies.push(...due);
    const suspended: PermitNotificationPayload = {
      ...(due[0]!.payload as PermitNotificationPayload),
      approverRole: undefined,
      validFrom: undefined,
      validFromText: undefined,
      reason: 'reading_failed',
      reasonText: '监测读数不合格',
    };
    bodies.push({ id: 'permit/P-1/4/permit.suspended', kind: 'permit.suspended', payload: JSON.parse(JSON.stringify(suspended)) });

    const kinds = bodies.map((b) => (b as { kind: string }).kind);
    for (const kind of ['hazard.reported', 'hazard.notice_issued', 'hazard.penalty_notified', 'monitoring.daily_warning', 'monitoring.area_digest', 'permit.approval_due', 'permit.suspended'])
      expect(kinds).toContain(kind);
    expect(bodies.some((b) => Array.isArray((b as { payload: { rounds?: unknown[] } }).payload.rounds) && (b as { payload: { rounds: unknown[] } }).payload.rounds.length > 0)).toBe(true);
    for (const body of bodies) ok(body);

    const hazard = bodies[0] as { id: string; payload: unknown };
    expect(validate({ ...hazard, kind: 'permit.suspended' })).toBe(false);
    expect(validate({ ...(bodies.at(-1) as object), kind: 'hazard.closed' })).toBe(false);
    expect(validate({ ...hazard, kind: 'billing.invoice_sent' })).toBe(false);
  });

  it('docs/outbox.md: its example validates and it lists every kind', () => {
    const example = /```json\n(\{ "id"[\s\S]*?)\n```/.exec(doc);
    ok(JSON.parse(example?.[1] ?? 'null'));
    for (const kind of Object.keys(KIND_DEF)) expect(doc).toContain(`- \`${kind}\``);
    expect(doc).not.toMatch(/### Schema:/);
  });
});
