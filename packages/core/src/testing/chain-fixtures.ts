import type { Calendar } from '../ports/calendar.js';
import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import type { EvidenceRecord } from '../ports/evidence-store.js';
import { createWorkingDayCalendar } from '../chain/working-day-calendar.js';
import { sha256Hex } from '../chain/hash-event.js';
import type { MemoryEvidenceStore } from '../chain/memory-evidence-store.js';
import type { AttachedEvidence, ChainCommand, EvidenceKind, EvidenceRef, ReportCommand, TreatmentPlan } from '../chain/types.js';

/**
 * 2026 official holidays and make-up working days used by anjian's own tests (National Day
 * Oct 1–8 off; Sun Sep 20 and Sat Oct 10 worked). Test data, not an authoritative calendar:
 * hosts supply the State Council's notice for the year.
 *
 * TEST FIXTURE: it also declares 2027 covered with no holidays and no make-up days, so that
 * tests whose clocks run in late 2026 count periods into January 2027 as they always did
 * (plain Mon–Fri). That is NOT the 2027 arrangement (not published when this was written; 元旦
 * 2027-01-01 is certainly a holiday): never use this calendar outside tests. To test what a
 * real host sees in a year it has not loaded, build a calendar with `years: [2026]`.
 */
export const TEST_CALENDAR_2026: Calendar = createWorkingDayCalendar({
  years: [2026, 2027],
  holidays: ['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-09-20', '2026-10-10'],
});

/**
 * Actors around a gas hazard of enterprise `E1` in grid area `D1/G1` (district `D1`):
 * owners of E1 and E2, grid inspectors of D1/G1 and D1/G2, gas enforcement officers of D1
 * (two) and D2, a fire officer of D1 (every officer with a certificate number, 执法证号), a
 * department admin, the scheduler, and a profile with no role.
 */
export const TEST_ACTORS: Readonly<Record<string, ActorProfile>> = Object.freeze({
  'owner-e1': { id: 'owner-e1', roles: ['enterprise'], enterpriseIds: ['E1'] },
  'owner-e2': { id: 'owner-e2', roles: ['enterprise'], enterpriseIds: ['E2'] },
  'grid-g1': { id: 'grid-g1', roles: ['grid'], gridAreas: ['D1/G1'] },
  'grid-g2': { id: 'grid-g2', roles: ['grid'], gridAreas: ['D1/G2'] },
  'officer-gas-d1': {
    id: 'officer-gas-d1',
    roles: ['enforcement'],
    certificateNo: 'GAS-D1-0001',
    departments: [{ id: 'gas-d1', domains: ['gas', 'confined_space'], areas: ['D1'] }],
  },
  'officer2-gas-d1': {
    id: 'officer2-gas-d1',
    roles: ['enforcement'],
    certificateNo: 'GAS-D1-0002',
    departments: [{ id: 'gas-d1', domains: ['gas', 'confined_space'], areas: ['D1'] }],
  },
  'officer-gas-d2': {
    id: 'officer-gas-d2',
    roles: ['enforcement'],
    certificateNo: 'GAS-D2-0001',
    departments: [{ id: 'gas-d2', domains: ['gas', 'confined_space'], areas: ['D2'] }],
  },
  'officer-fire-d1': {
    id: 'officer-fire-d1',
    roles: ['enforcement'],
    certificateNo: 'FIRE-D1-0001',
    departments: [{ id: 'fire-d1', domains: ['fire'], areas: ['D1'] }],
  },
  'admin-gas': { id: 'admin-gas', roles: ['department_admin'] },
  'system:scheduler': { id: 'system:scheduler', roles: ['system'] },
  nobody: { id: 'nobody', roles: [] },
});

/**
 * A third gas officer of D1 (not in {@link TEST_ACTORS}, whose matrices it would change):
 * a major hazard found by an officer needs two other officers to accept and close it.
 */
export const TEST_OFFICER_3: ActorProfile = Object.freeze<ActorProfile>({
  id: 'officer3-gas-d1',
  roles: ['enforcement'],
  certificateNo: 'GAS-D1-0003',
  departments: [{ id: 'gas-d1', domains: ['gas', 'confined_space'], areas: ['D1'] }],
});

/** Enterprises of the test actors: E1 in grid area D1/G1, E2 in D1/G2. */
export const TEST_ENTERPRISES: readonly EnterpriseRecord[] = Object.freeze([
  Object.freeze({ id: 'E1', name: '测试餐馆一', area: 'D1/G1' }),
  Object.freeze({ id: 'E2', name: '测试餐馆二', area: 'D1/G2' }),
]);

/**
 * A report command for a gas hazard of E1 in D1/G1, as `reportInspection` would derive it
 * (trusted form: tests and hosts' own code only, never from a request); override any field.
 */
export function reportCommand(hazardId: string, overrides: Partial<ReportCommand> = {}): ReportCommand {
  return {
    type: 'report',
    commandId: `report:${hazardId}`,
    hazardId,
    title: { 'zh-CN': '未安装可燃气体报警装置', en: 'no combustible-gas alarm installed' },
    level: 'general',
    provisional: false,
    basis: [],
    deadline: { workingDays: 7 },
    pack: { id: 'gas', version: '1.0.0' },
    domain: 'gas',
    area: 'D1/G1',
    enterpriseId: 'E1',
    source: 'grid_patrol',
    evidence: [],
    ...overrides,
  };
}

/**
 * A test evidence reference: `{ id, kind }` plus, for {@link stageEvidence}, the time the
 * upload is to be received (`takenAt`). Strip it before sending (stageEvidence does).
 */
export type TestEvidenceRef = EvidenceRef & { takenAt?: string };

/**
 * `n` evidence references of one kind (`<prefix>-<kind>-<i>`); `takenAt` is when
 * {@link stageEvidence} records them as received (default: the command's time).
 */
export function evidence(prefix: string, kind: EvidenceKind, n: number, takenAt?: string): TestEvidenceRef[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${kind}-${i + 1}`,
    kind,
    ...(takenAt === undefined ? {} : { takenAt }),
  }));
}

function mimeOf(kind: EvidenceKind): string {
  return kind === 'document' ? 'application/pdf' : 'image/jpeg';
}

/** The record a test upload gets: bytes stand-in hash from the id, an image or a PDF by kind. */
export function testEvidenceRecord(ref: TestEvidenceRef, uploaderId: string, hazardId: string | null, receivedAt: string): EvidenceRecord {
  return {
    id: ref.id,
    sha256: sha256Hex(ref.id),
    mime: mimeOf(ref.kind),
    size: 1,
    uploaderId,
    hazardId,
    receivedAt: new Date(Number.isNaN(Date.parse(ref.takenAt ?? '')) ? Date.parse(receivedAt) : Date.parse(ref.takenAt as string)).toISOString(),
  };
}

/** Evidence as an event records it, for fixture states (received at `takenAt`). */
export function attachedEvidence(prefix: string, kind: EvidenceKind, n: number, takenAt: string): AttachedEvidence[] {
  return evidence(prefix, kind, n, takenAt).map((ref) => {
    const r = testEvidenceRecord(ref, 'someone', null, takenAt);
    return { id: r.id, kind, sha256: r.sha256, mime: r.mime, size: r.size, receivedAt: r.receivedAt };
  });
}

/**
 * Uploads a command's test evidence into a memory evidence store as `actorId` would have
 * (unbound for a report, bound to the hazard otherwise; received at each reference's
 * `takenAt`, else `now`), skipping ids already held, and returns the command with plain
 * `{ id, kind }` references. Lets tests written with {@link evidence} run against the
 * real evidence rules.
 */
export function stageEvidence<C extends ChainCommand>(store: MemoryEvidenceStore, command: C, actorId: string, now: Date): C {
  const refs = (command as { evidence?: unknown }).evidence;
  if (!Array.isArray(refs)) return command;
  const creating = command.type === 'report' || command.type === 'report_observation';
  const plain = refs.map((r: unknown) => {
    if (typeof r !== 'object' || r === null) return r;
    const { takenAt: _t, ...ref } = r as TestEvidenceRef;
    if (typeof ref.id === 'string' && !store.has(ref.id)) {
      store.seed(testEvidenceRecord(r as TestEvidenceRef, actorId, creating ? null : command.hazardId, now.toISOString()));
    }
    return ref;
  });
  return { ...command, evidence: plain };
}

/** A complete six-element treatment plan finishing at `deadline`. */
export function treatmentPlan(deadline: string): TreatmentPlan {
  return {
    objectives: { 'zh-CN': '消除有限空间作业重大事故隐患', en: 'remove the confined-space major hazard' },
    measures: { 'zh-CN': '安装强制通风和气体检测报警装置', en: 'install forced ventilation and gas detection' },
    fundsAndMaterials: { 'zh-CN': '专项资金 8 万元；通风机 2 台', en: 'CNY 80 000; two fans' },
    responsible: { 'zh-CN': '主要负责人张某；安全科', en: 'principal Zhang; safety office' },
    deadline,
    milestones: { 'zh-CN': '第 5 日完成安装，第 10 日完成评估', en: 'installed by day 5, evaluated by day 10' },
    safetyAndEmergency: { 'zh-CN': '停止有限空间作业；应急预案已演练', en: 'confined-space work stopped; emergency plan drilled' },
  };
}
