import type { EvidenceRecord } from '../ports/evidence-store.js';
import type { CommandIssue } from '../chain/command-issue.js';
import { checkText } from '../chain/command-text.js';
import { parseIsoTime } from '../rules/parse-iso-time.js';
import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import { checkPermitAttachments } from './permit-attachments.js';
import { checkPermitPersons } from './permit-persons.js';
import { chainPermitEvent } from './permit-chain.js';
import { evolvePermit } from './evolve-permit.js';
import { deriveHeightGrade, type DerivedHeight } from './height-grade.js';
import { deriveHotWorkGrade, type DerivedHotWork } from './hot-work-grade.js';
import { judgeGasReading, needsLel, type GasVerdict } from './judge-gas-reading.js';
import { permitApprovalRefusal, permitApproverRole } from './permit-approval.js';
import { OPEN_PERMIT_STATUSES, permitStatusAllows } from './permit-command-statuses.js';
import { permitRejection as reject } from './permit-rejection.js';
import { selectPermitRule, type PermitRules } from './permit-rules.js';
import type {
  ApplyPermitCommand,
  GasReadingInput,
  PermitActor,
  PermitCommand,
  PermitDecision,
  PermitEvent,
  PermitEventDataMap,
  PermitEventType,
  PermitRejection,
  PermitState,
} from './permit-types.js';

const MIN = 60_000;
const MAX_TEXT = 200;
const MAX_SAMPLE_AGE_MS = 24 * 60 * MIN;
const MAX_APPLY_AHEAD_MS = 30 * 24 * 60 * MIN;
const MAX_APPLY_BEHIND_MS = 5 * MIN;
const HEIGHT = 'work_at_height';
const HOT = 'hot_work';

/** True while a permit can still change (not expired, closed or cancelled). */
export function isPermitOpen(state: PermitState): boolean {
  return OPEN_PERMIT_STATUSES.includes(state.status);
}

/**
 * Why a permit text is refused by core's one text check ({@link checkText}: a string, no bidi
 * controls, no line breaks or control characters, no lone surrogates, not blank once white space
 * and invisible characters are removed, at most 200 characters), or `undefined` when it passes.
 */
function textProblem(value: unknown): CommandIssue['message'] | undefined {
  const issues: CommandIssue[] = [];
  return checkText(value, '', { max: MAX_TEXT }, issues) === undefined ? (issues[0]?.message ?? { 'zh-CN': '无效', en: 'invalid' }) : undefined;
}

function text(value: unknown): value is string {
  return textProblem(value) === undefined;
}

/** The rejection of a text field that fails {@link textProblem}, located at its pointer, or `null`. */
function badText(value: unknown, field: string, zh: string, en: string): PermitRejection | null {
  const why = textProblem(value);
  return why === undefined ? null : invalid(field, `${zh}（${why['zh-CN']}）`, `${en} (${why.en})`);
}

/**
 * The instant of a date-time the request declares, or `null`: only an ISO 8601 date-time with
 * an offset (`Z` or `±hh:mm`) and a real calendar date — core's one time parser. Without an
 * offset the instant would be the server's local time (eight hours off on a UTC host), and
 * `Date.parse` rolls `2026-02-30` over into March (docs/security.md T19).
 */
function isoMs(value: unknown): number | null {
  return parseIsoTime(value)?.ms ?? null;
}

function invalid(field: string, zh: string, en: string): PermitRejection {
  return { ...reject('INVALID_COMMAND', `命令字段 ${field} 无效：${zh}`, `Invalid command field ${field}: ${en}`), pointer: `/${field.replace(/\./g, '/')}` };
}

function checkApply(c: ApplyPermitCommand, now: number): PermitRejection | null {
  for (const f of ['permitId', 'kind', 'enterpriseId', 'area', 'attendantId'] as const) {
    const bad = badText(c[f], f, '须为非空文本（不超过200字）', 'must be non-empty text (at most 200 characters)');
    if (bad) return bad;
  }
  if (c.kind === HEIGHT || c.kind === HOT) {
    if (c.grade !== undefined && c.grade !== 'none') {
      return c.kind === HEIGHT
        ? invalid(
            'grade',
            '高处作业级别由服务器按 height 所申报的作业高度与情形推导（GB 30871-2022 8.1、附录B 表B.1），不得申报',
            'the grade of work at height is derived by the server from the height and situations given in height (GB 30871-2022 8.1, Annex B Table B.1); do not declare it',
          )
        : invalid(
            'grade',
            '动火级别由服务器按 hotWork 所申报的现场情形、风力与停车条件推导（GB 30871-2022 5.1、5.2.15），不得申报',
            'the grade of hot work is derived by the server from the site situations, wind and shut-down conditions given in hotWork (GB 30871-2022 5.1, 5.2.15); do not declare it',
          );
    }
  } else {
    const bad = badText(c.grade, 'grade', '须为非空文本（不超过200字）', 'must be non-empty text (at most 200 characters)');
    if (bad) return bad;
  }
  if (c.kind !== HEIGHT && c.height !== undefined) return invalid('height', '只有高处作业申报作业高度与情形', 'only work at height gives a height and situations');
  if (c.kind !== HOT && c.hotWork !== undefined) return invalid('hotWork', '只有动火作业申报动火现场情形', 'only hot work gives hot-work site facts');
  if ('premises' in c) {
    return invalid(
      'premises',
      '企业适用的标准（危险化学品企业 hazchem 或一般企业 general）由服务器按名录中的企业登记信息确定，不得申报',
      "the enterprise's regime (hazchem or general: which standard the permit is held to) comes from the directory's record of the enterprise; do not declare it",
    );
  }
  if (!Array.isArray(c.workerIds) || c.workerIds.length === 0 || c.workerIds.length > 50) {
    return invalid('workerIds', '须为1至50个作业人员编号', 'must list 1 to 50 worker ids');
  }
  for (const [i, w] of c.workerIds.entries()) {
    const bad = badText(w, `workerIds.${i}`, '须为作业人员编号（不超过200字）', 'must be a worker id (at most 200 characters)');
    if (bad) return bad;
  }
  if (new Set(c.workerIds).size !== c.workerIds.length) return invalid('workerIds', '作业人员重复', 'duplicate worker ids');
  if (c.workerIds.includes(c.attendantId)) return reject('SEPARATION_OF_DUTIES', '监护人不得同时是作业人员', 'The attendant must not also be a worker');
  const from = isoMs(c.validFrom);
  if (from === null) return invalid('validFrom', '须为带时区的 ISO 8601 时间（如 2026-11-02T09:00:00+08:00 或 …Z）', 'must be an ISO 8601 time with an offset (e.g. 2026-11-02T09:00:00+08:00 or …Z)');
  if (from < now - MAX_APPLY_BEHIND_MS || from > now + MAX_APPLY_AHEAD_MS) {
    return reject('INVALID_TIME', '有效期起点须在当前时间前5分钟至30天后之间', 'validFrom must be between 5 minutes ago and 30 days ahead');
  }
  const lel = c.flammableLelPctVol;
  if (lel !== undefined && (typeof lel !== 'number' || !Number.isFinite(lel) || lel <= 0 || lel > 100)) {
    return invalid('flammableLelPctVol', '爆炸下限须为 0 至 100 之间的 %VOL', 'the LEL must be a % vol between 0 and 100');
  }
  return null;
}

function checkReading(r: GasReadingInput | undefined, now: number): PermitRejection | null {
  if (typeof r !== 'object' || r === null) return invalid('reading', '缺少读数', 'the reading is missing');
  const bad = badText(r.instrument, 'reading.instrument', '须注明检测仪器', 'name the instrument') ?? badText(r.place, 'reading.place', '须注明检测部位', 'name the sampling place');
  if (bad) return bad;
  for (const f of ['flammablePctVol', 'flammablePctLel', 'o2PctVol'] as const) {
    const v = r[f];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)) return invalid(`reading.${f}`, '须为 0 至 100 之间的数值', 'must be a number from 0 to 100');
  }
  const at = isoMs(r.sampledAt);
  if (at === null)
    return invalid('reading.sampledAt', '须为带时区的 ISO 8601 时间（如 2026-11-02T09:00:00+08:00 或 …Z）', 'must be an ISO 8601 time with an offset (e.g. 2026-11-02T09:00:00+08:00 or …Z)');
  if (at > now || at < now - MAX_SAMPLE_AGE_MS) return reject('INVALID_TIME', '采样时间不得晚于当前时间或早于24小时前', 'The sampling time must not be in the future or more than 24 hours ago');
  return null;
}

/**
 * A gas test must not be older than the permit's latest one: the start and the resume are judged
 * by the latest test recorded, so a sample taken before it — or at the instant of a failing one —
 * would stand in for the newer result. Refused at `/reading/sampledAt`; a second place sampled at
 * the instant of a passing test is recorded.
 */
function sampleOrderRejection(state: PermitState, sampledAt: string): PermitRejection | null {
  const last = state.lastTest;
  if (last === null) return null;
  const at = isoMs(sampledAt);
  const lastMs = Date.parse(last.sampledAt);
  if (at === null || at > lastMs || (at === lastMs && last.pass)) return null;
  const rejection =
    at < lastMs
      ? reject(
          'INVALID_TIME',
          `采样时间早于本许可最近一次气体分析的采样时间 ${last.sampledAt}：较早的样品不能代替最近的分析结果，请重新采样`,
          `Sampled before this permit's latest gas test (${last.sampledAt}): an older sample cannot stand in for the latest result; take a new sample`,
        )
      : reject(
          'INVALID_TIME',
          `与最近一次不合格的气体分析同一时刻采样（${last.sampledAt}）：不能代替不合格的结果，请重新采样`,
          `Sampled at the same instant as the latest gas test, which failed (${last.sampledAt}): it cannot stand in for that result; take a new sample`,
        );
  return { ...rejection, pointer: '/reading/sampledAt' };
}

/**
 * A monitoring reading shows the air when it is recorded: under a rule with a monitoring interval
 * a sample taken longer ago than the interval is refused at `/reading/sampledAt` — recorded, it
 * would count as the interval's reading and keep the job going on an old sample.
 */
function staleReadingRejection(interval: number | null, sampledAt: string, now: number): PermitRejection | null {
  const at = isoMs(sampledAt);
  if (interval === null || at === null || now - at <= interval * MIN) return null;
  return {
    ...reject(
      'INVALID_TIME',
      `监测读数须为 ${interval} 分钟内（监测间隔）的采样，该样品采于 ${new Date(at).toISOString()}，不能说明现在的气体状况`,
      `A monitoring reading must be sampled within the last ${interval} minutes (the monitoring interval); this one was sampled at ${new Date(at).toISOString()} and does not show the air now`,
    ),
    pointer: '/reading/sampledAt',
  };
}

function wrongStatus(state: PermitState, command: string): PermitRejection {
  return reject('WRONG_STATUS', `许可证状态为 ${state.status}，不能执行 ${command}`, `The permit is ${state.status}; ${command} is not allowed`);
}

/** The current gas test counts for a start or resume at `now` (passing, after `since`, inside the window). */
function testRejection(state: PermitState, now: number, since: number | null): PermitRejection | null {
  const rule = state.rule.gasTest;
  if (rule === null) return null;
  const test = state.lastTest;
  if (test === null || !test.pass || (since !== null && Date.parse(test.sampledAt) < since)) {
    return reject(
      'NO_PASSING_TEST',
      since === null ? '没有合格的气体分析' : '中断后没有新的合格气体分析',
      since === null ? 'There is no passing gas test' : 'There is no new passing gas test since the interruption',
    );
  }
  if (now - Date.parse(test.sampledAt) > rule.windowMinutes * MIN) {
    return reject('GAS_TEST_STALE', `气体分析须在作业开始前 ${rule.windowMinutes} 分钟内`, `The gas test must be at most ${rule.windowMinutes} minutes before the work starts`);
  }
  return null;
}

/** Context for {@link decidePermit}: the permit rules and what the host looked up for the command. */
export interface PermitDecideContext {
  rules: PermitRules;
  /**
   * For an apply: the directory's profile of each person it names (`permitPersonIds`), `null`
   * for one the directory does not know. Without it an apply is refused (`PERSON_NOT_OF_ENTERPRISE`).
   */
  persons?: ReadonlyMap<string, ActorProfile | null>;
  /**
   * For a start: the evidence store's record of each upload it names (`permitUploadIds`);
   * an id without a record names no upload. Without it (no evidence store) every uploaded
   * attachment is refused (`ATTACHMENT_INVALID`); paper records need none.
   */
  evidence?: ReadonlyMap<string, EvidenceRecord>;
  /**
   * For an apply: the directory's record of the applying enterprise (`null`: it does not know
   * it). Its `regime` picks the standard the permit is held to; without one the apply is
   * refused (`ENTERPRISE_REGIME_UNKNOWN`), never defaulted.
   */
  enterprise?: EnterpriseRecord | null;
}

/** The regime the directory states for the applying enterprise, or the refusal (fail closed). */
function enterpriseRegime(enterpriseId: string, record: EnterpriseRecord | null | undefined): 'hazchem' | 'general' | PermitRejection {
  const regime = record?.id === enterpriseId ? record.regime : undefined;
  if (regime === 'hazchem' || regime === 'general') return regime;
  const rejection =
    record === null || record === undefined || record.id !== enterpriseId
      ? reject(
          'ENTERPRISE_REGIME_UNKNOWN',
          `名录中没有企业 ${enterpriseId} 的登记信息，无法确定作业许可适用的标准（GB 30871-2022 或一般企业的规定）`,
          `The directory has no record of the enterprise ${enterpriseId}: the standard its permit is held to (GB 30871-2022 or the general rules) cannot be determined`,
        )
      : reject(
          'ENTERPRISE_REGIME_UNKNOWN',
          `名录中企业 ${enterpriseId} 的登记信息未注明其是否为危险化学品企业（regime：hazchem 或 general），无法确定作业许可适用的标准；请名录维护方补充`,
          `The directory's record of the enterprise ${enterpriseId} does not state its regime (hazchem or general), so the standard its permit is held to cannot be determined; the directory's keeper must add it`,
        );
  return { ...rejection, pointer: '/enterpriseId' };
}

/**
 * Decides a permit command: the events it produces, hash-chained after `state`, or a
 * rejection with a code and a message in 中文 and English. Pure and synchronous; `now` is
 * the host's trusted clock and `actor.roles` come from its directory. An open permit past
 * its validity refuses every command with `PERMIT_EXPIRED` until `tickPermit` records the
 * expiry.
 *
 * @example
 * ```ts
 * const d = decidePermit(null, { type: 'apply', ... }, { id: 'u1', roles: [] }, now, { rules: DEFAULT_PERMIT_RULES });
 * if (d.ok) for (const e of d.events) state = evolvePermit(state, e);
 * ```
 */
export function decidePermit(state: PermitState | null, command: PermitCommand, actor: PermitActor, now: Date, ctx: PermitDecideContext): PermitDecision {
  const nowMs = now.getTime();
  const recordedAt = now.toISOString();
  if (typeof command !== 'object' || command === null || typeof command.type !== 'string') return { ok: false, rejection: invalid('type', '缺少命令类型', 'the command type is missing') };
  if (!text(actor?.id) || !Array.isArray(actor.roles)) return { ok: false, rejection: invalid('actor', '缺少操作人', 'the actor is missing') };

  if (command.type === 'apply') {
    if (state !== null) return { ok: false, rejection: reject('ALREADY_EXISTS', `许可证 ${state.permitId} 已存在`, `Permit ${state.permitId} already exists`) };
    const bad = checkApply(command, nowMs);
    if (bad) return { ok: false, rejection: bad };
    let height: DerivedHeight | undefined;
    if (command.kind === HEIGHT) {
      const derived = deriveHeightGrade(command.height);
      if (!derived.ok) return derived;
      height = derived.height;
    }
    let hotWork: DerivedHotWork | undefined;
    if (command.kind === HOT) {
      const derived = deriveHotWorkGrade(command.hotWork);
      if (!derived.ok) return derived;
      hotWork = derived.hotWork;
    }
    const premises = enterpriseRegime(command.enterpriseId, ctx.enterprise);
    if (typeof premises !== 'string') return { ok: false, rejection: premises };
    const grade = height?.grade ?? hotWork?.grade ?? (command.grade as string);
    const rule = selectPermitRule(ctx.rules, command.kind, grade, premises, new Date(command.validFrom));
    if (rule === null) {
      return {
        ok: false,
        rejection: reject(
          'NO_RULE_IN_FORCE',
          `${command.validFrom.slice(0, 10)} 没有适用于 ${command.kind}/${grade}（${premises}）的许可规则`,
          `No permit rule for ${command.kind}/${grade} (${premises}) is in force on ${command.validFrom.slice(0, 10)}`,
        ),
      };
    }
    const lel = command.flammableLelPctVol ?? null;
    if (rule.gasTest !== null && needsLel(rule.gasTest) && lel === null) {
      return { ok: false, rejection: reject('LEL_REQUIRED', '须申报可燃介质的爆炸下限（%VOL），合格标准取决于它', 'Declare the flammable substance’s LEL (% vol): the pass limits depend on it') };
    }
    const persons = checkPermitPersons(command, ctx.persons);
    if (!persons.ok) return { ok: false, rejection: persons.rejection };
    const validFrom = new Date(command.validFrom).toISOString();
    const data: PermitEventDataMap['applied'] = {
      kind: command.kind,
      grade,
      ...(height === undefined ? {} : { height }),
      ...(hotWork === undefined ? {} : { hotWork }),
      premises,
      enterpriseId: command.enterpriseId,
      area: command.area,
      workerIds: [...command.workerIds],
      attendantId: command.attendantId,
      validFrom,
      validUntil: new Date(Date.parse(validFrom) + rule.validityHours * 60 * MIN).toISOString(),
      flammableLelPctVol: lel,
      rule,
      rulesVersion: ctx.rules.version,
      declaredWorkerIds: persons.declaredWorkerIds,
    };
    return { ok: true, events: [chainPermitEvent(null, command.permitId, 'applied', data, actor.id, recordedAt)] };
  }

  if (state === null) return { ok: false, rejection: reject('NOT_FOUND', '许可证不存在', 'No such permit') };
  if (isPermitOpen(state) && nowMs > Date.parse(state.validUntil)) {
    return { ok: false, rejection: reject('PERMIT_EXPIRED', `许可证已于 ${state.validUntil} 过期，须先记录过期`, `The permit expired at ${state.validUntil}; record the expiry (tick) first`) };
  }

  const events: PermitEvent[] = [];
  let cur = state;
  const emit = <T extends PermitEventType>(type: T, data: PermitEventDataMap[T]): void => {
    const e = chainPermitEvent(cur, cur.permitId, type, data, actor.id, recordedAt);
    events.push(e);
    cur = evolvePermit(cur, e);
  };
  const refuse = (r: PermitRejection): PermitDecision => ({ ok: false, rejection: r });
  const judge = (reading: GasReadingInput): GasVerdict | PermitRejection => {
    const gas = state.rule.gasTest;
    if (gas === null) return reject('INVALID_COMMAND', '该类作业的规则不要求气体分析', 'This kind of work has no gas-test rule');
    const bad = checkReading(reading, nowMs);
    if (bad) return bad;
    const verdict = judgeGasReading(gas, state.flammableLelPctVol, reading);
    if (verdict.missing.length > 0)
      return reject('READING_INCOMPLETE', `读数缺少规则要求的项目：${verdict.missing.join('、')}`, `The reading lacks what the rule requires: ${verdict.missing.join(', ')}`);
    return verdict;
  };
  const copyReading = (r: GasReadingInput): GasReadingInput => {
    const out: GasReadingInput = { sampledAt: new Date(r.sampledAt).toISOString(), instrument: r.instrument, place: r.place };
    if (r.flammablePctVol !== undefined) out.flammablePctVol = r.flammablePctVol;
    if (r.flammablePctLel !== undefined) out.flammablePctLel = r.flammablePctLel;
    if (r.o2PctVol !== undefined) out.o2PctVol = r.o2PctVol;
    return out;
  };

  switch (command.type) {
    case 'approve': {
      if (!permitStatusAllows('approve', state.status)) return refuse(wrongStatus(state, 'approve'));
      const refusal = permitApprovalRefusal(state, actor, ctx.rules);
      if (refusal) return refuse(refusal);
      const role = permitApproverRole(state);
      if (role !== state.rule.approverRole) emit('downgrade_approved', { role });
      else emit('approved', { role });
      break;
    }
    case 'record_gas_test': {
      if (!permitStatusAllows('record_gas_test', state.status)) return refuse(wrongStatus(state, 'record_gas_test'));
      const verdict = judge(command.reading);
      if ('code' in verdict) return refuse(verdict);
      const older = sampleOrderRejection(state, command.reading.sampledAt);
      if (older) return refuse(older);
      emit('gas_tested', { reading: copyReading(command.reading), verdict });
      break;
    }
    case 'start': {
      if (!permitStatusAllows('start', state.status)) return refuse(wrongStatus(state, 'start'));
      if (nowMs < Date.parse(state.validFrom)) return refuse(reject('OUTSIDE_VALIDITY', `许可证自 ${state.validFrom} 起有效`, `The permit is valid from ${state.validFrom}`));
      if (!state.attendantPresent) return refuse(reject('ATTENDANT_ABSENT', '监护人未到位', 'The attendant is not present'));
      const bad = testRejection(state, nowMs, null);
      if (bad) return refuse(bad);
      const checked = checkPermitAttachments(command.attachments, { permitId: state.permitId, actorId: actor.id, evidence: ctx.evidence });
      if (!checked.ok) return refuse(checked.rejection);
      const given = checked.attachments;
      const missing = state.rule.requiredAttachments.filter((k) => !given.some((a) => a.kind === k));
      if (missing.length > 0) {
        return refuse({
          ...reject(
            'ATTACHMENT_MISSING',
            `开始作业须附：${missing.join('、')}（已上传文件或纸质记录编号）`,
            `Starting the work needs: ${missing.join(', ')} (an uploaded file or a paper record number)`,
          ),
          pointer: '/attachments',
        });
      }
      emit('started', { testSampledAt: state.lastTest?.sampledAt ?? null, attachments: given });
      break;
    }
    case 'record_reading': {
      if (!permitStatusAllows('record_reading', state.status)) return refuse(wrongStatus(state, 'record_reading'));
      const verdict = judge(command.reading);
      if ('code' in verdict) return refuse(verdict);
      const interval = state.rule.monitoringIntervalMinutes;
      const stale = staleReadingRejection(interval, command.reading.sampledAt, nowMs);
      if (stale) return refuse(stale);
      if (state.status === 'in_progress' && interval !== null && state.lastMonitoredAt !== null) {
        const due = Date.parse(state.lastMonitoredAt) + interval * MIN;
        if (nowMs > due) emit('suspended', { reason: 'reading_missed', dueAt: new Date(due).toISOString() });
      }
      emit('reading_recorded', { reading: copyReading(command.reading), verdict });
      if (cur.status === 'in_progress' && !verdict.pass) emit('suspended', { reason: 'reading_failed' });
      break;
    }
    case 'attendant_present': {
      if (!permitStatusAllows('attendant_present', state.status)) return refuse(wrongStatus(state, 'attendant_present'));
      if (actor.id !== state.attendantId) return refuse(reject('NOT_ATTENDANT', '只有监护人本人可以确认到位', 'Only the attendant can confirm being present'));
      emit('attendant_present', {});
      break;
    }
    case 'attendant_absent': {
      if (!permitStatusAllows('attendant_absent', state.status)) return refuse(wrongStatus(state, 'attendant_absent'));
      emit('attendant_absent', {});
      if (cur.status === 'in_progress') emit('suspended', { reason: 'attendant_absent' });
      break;
    }
    case 'resume': {
      if (!permitStatusAllows('resume', state.status)) return refuse(wrongStatus(state, 'resume'));
      if (!state.attendantPresent) return refuse(reject('ATTENDANT_ABSENT', '监护人未到位', 'The attendant is not present'));
      const bad = testRejection(state, nowMs, state.suspendedAt === null ? null : Date.parse(state.suspendedAt));
      if (bad) return refuse(bad);
      emit('resumed', { testSampledAt: state.lastTest?.sampledAt ?? null });
      break;
    }
    case 'close': {
      if (!permitStatusAllows('close', state.status)) return refuse(wrongStatus(state, 'close'));
      emit('closed', {});
      break;
    }
    case 'cancel': {
      if (!permitStatusAllows('cancel', state.status)) return refuse(wrongStatus(state, 'cancel'));
      const bad = badText(command.reason, 'reason', '须说明取消原因', 'give a reason');
      if (bad) return refuse(bad);
      emit('cancelled', { reason: command.reason });
      break;
    }
    default:
      return refuse(invalid('type', `未知命令 ${String((command as { type: unknown }).type).slice(0, 40)}`, `unknown command ${String((command as { type: unknown }).type).slice(0, 40)}`));
  }
  return { ok: true, events };
}
