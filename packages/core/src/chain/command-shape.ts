import { commandIssue, pointerTo, type CommandIssue } from './command-issue.js';
import { checkText, type TextRule } from './command-text.js';
import { PENALTY_ARTICLES, PENALTY_KINDS } from './penalty-articles.js';
import type { CommandType, EvidenceKind } from './types.js';

/**
 * The shape of every command, as data: one definition read by `parseCommand` (untrusted
 * bodies) and by `decide` (which re-checks every command, so hosts calling `handleCommand`
 * directly get the same bounds).
 */

/** Ids of hazards, commands, actors, enterprises, evidence: ASCII, 1–128 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** Domain ids (`gas`, `confined_space`). */
export const DOMAIN_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** Area codes: segments separated by `/` (`D1/G3`), at most 8 levels. */
export const AREA_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,31}){0,7}$/;
const TIME_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Upper bounds of deadline counts (the pack schema's limits). */
export const DEADLINE_LIMITS = Object.freeze({ workingDays: 3650, days: 3650, hours: 8760 });
/** Most evidence references one command may carry. */
export const MAX_EVIDENCE_PER_COMMAND = 60;

const LIMITS = {
  title: { max: 200 },
  label: { max: 200 },
  reason: { max: 2000, multiLine: true },
  description: { max: 4000, multiLine: true },
} satisfies Record<string, TextRule>;

const MAX_ISSUES = 50;

/** Checks a value at a pointer; returns the normalized value, or `undefined` after pushing issues. */
type Check = (value: unknown, pointer: string, issues: CommandIssue[]) => unknown;
interface Field {
  check: Check;
  optional?: boolean;
}

const required = (check: Check): Field => ({ check });
const optional = (check: Check): Field => ({ check, optional: true });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly these keys (optional ones may be absent). */
function object(fields: Record<string, Field>): Check {
  // Each field with its pointer token, escaped once: `pointer + token` is `pointerTo(pointer, key)`.
  const entries = Object.entries(fields).map(([key, field]) => ({ key, field, token: pointerTo('', key) }));
  return (value, pointer, issues) => {
    if (!isPlainObject(value)) {
      issues.push(commandIssue('WRONG_TYPE', pointer, '应为对象', 'expected an object'));
      return undefined;
    }
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const key of Object.keys(value)) {
      if (issues.length >= MAX_ISSUES) return undefined;
      if (!Object.hasOwn(fields, key)) {
        issues.push(commandIssue('UNKNOWN_KEY', pointerTo(pointer, key), '不允许的字段', 'unknown field'));
        ok = false;
      }
    }
    for (const { key, field, token } of entries) {
      const at = pointer + token;
      const v = value[key];
      if (v === undefined) {
        if (!field.optional) {
          issues.push(commandIssue('REQUIRED', at, '缺少必填字段', 'required'));
          ok = false;
        }
        continue;
      }
      const before = issues.length;
      const checked = field.check(v, at, issues);
      if (issues.length > before) ok = false;
      else out[key] = checked;
    }
    return ok ? out : undefined;
  };
}

function text(rule: TextRule): Check {
  return (value, pointer, issues) => checkText(value, pointer, rule, issues);
}

/** `{ 'zh-CN': text, en?: text }`. */
function localized(rule: TextRule): Check {
  return object({ 'zh-CN': required(text(rule)), en: optional(text(rule)) });
}

function pattern(re: RegExp, zh: string, en: string): Check {
  return (value, pointer, issues) => {
    if (typeof value !== 'string') {
      issues.push(commandIssue('WRONG_TYPE', pointer, '应为文本', 'expected a string'));
      return undefined;
    }
    if (!re.test(value)) {
      issues.push(commandIssue('PATTERN', pointer, zh, en));
      return undefined;
    }
    return value;
  };
}

const id = pattern(ID_PATTERN, '编号须为 1–128 个字母、数字或 . _ : -，以字母或数字开头', 'ids are 1–128 letters, digits or . _ : -, starting with a letter or digit');
const domain = pattern(DOMAIN_PATTERN, '领域须为小写字母、数字和下划线（如 gas）', 'a domain is lower-case letters, digits and underscores (e.g. gas)');
const area = pattern(AREA_PATTERN, '区域编码格式无效（如 D1/G3）', 'invalid area code (e.g. D1/G3)');
const version = pattern(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/, '版本号格式无效', 'invalid version');

function oneOf<T extends string>(values: readonly T[]): Check {
  return (value, pointer, issues) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      issues.push(commandIssue('NOT_ALLOWED_VALUE', pointer, `应为 ${values.join('、')} 之一`, `expected one of ${values.join(', ')}`));
      return undefined;
    }
    return value;
  };
}

const boolean: Check = (value, pointer, issues) => {
  if (typeof value !== 'boolean') {
    issues.push(commandIssue('WRONG_TYPE', pointer, '应为 true 或 false', 'expected true or false'));
    return undefined;
  }
  return value;
};

function integer(min: number, max: number): Check {
  return (value, pointer, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push(commandIssue('WRONG_TYPE', pointer, '应为整数', 'expected an integer'));
      return undefined;
    }
    if (value < min || value > max) {
      issues.push(commandIssue('OUT_OF_RANGE', pointer, `应在 ${min}–${max} 之间，现为 ${value}`, `must be within ${min}–${max}, got ${value}`));
      return undefined;
    }
    return value;
  };
}

/** An ISO 8601 time with an explicit offset (`Z` or `±hh:mm`), and a real calendar date. */
export const time: Check = (value, pointer, issues) => {
  if (typeof value !== 'string' || value.length > 40) {
    issues.push(commandIssue('WRONG_TYPE', pointer, '应为 ISO 8601 时间文本', 'expected an ISO 8601 time string'));
    return undefined;
  }
  const m = TIME_WITH_OFFSET.exec(value);
  if (!m) {
    const noOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value);
    issues.push(
      noOffset
        ? commandIssue('TIME_WITHOUT_OFFSET', pointer, '时间须带时区（如 2026-11-02T09:00:00+08:00 或 …Z）', 'a time needs an offset (e.g. 2026-11-02T09:00:00+08:00 or …Z)')
        : commandIssue('INVALID_TIME', pointer, '时间格式应为 ISO 8601（如 2026-11-02T09:00:00+08:00）', 'expected an ISO 8601 time (e.g. 2026-11-02T09:00:00+08:00)'),
    );
    return undefined;
  }
  const [, y, mo, d, h, mi, s, , oh, om] = m.map((x) => (x === undefined ? undefined : Number(x)));
  const date = new Date(Date.UTC(y as number, (mo as number) - 1, d as number));
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === (mo as number) - 1 &&
    date.getUTCDate() === d &&
    (h as number) < 24 &&
    (mi as number) < 60 &&
    (s ?? 0) < 60 &&
    (oh ?? 0) < 24 &&
    (om ?? 0) < 60 &&
    !Number.isNaN(Date.parse(value));
  if (!valid) {
    issues.push(commandIssue('INVALID_TIME', pointer, '不是有效的日期时间', 'not a valid date and time'));
    return undefined;
  }
  return value;
};

/** `immediate`, or exactly one of `{ workingDays }`, `{ days }`, `{ hours }` within {@link DEADLINE_LIMITS}. */
function policy(allowImmediate: boolean): Check {
  return (value, pointer, issues) => {
    if (value === 'immediate' && allowImmediate) return value;
    if (!isPlainObject(value) || Object.keys(value).length !== 1) {
      issues.push(
        commandIssue(
          'WRONG_TYPE',
          pointer,
          `应为 ${allowImmediate ? '"immediate"、' : ''}{ "workingDays": n }、{ "days": n } 或 { "hours": n } 之一`,
          `expected ${allowImmediate ? '"immediate", ' : ''}{ "workingDays": n }, { "days": n } or { "hours": n }`,
        ),
      );
      return undefined;
    }
    const [key] = Object.keys(value) as [string];
    if (!Object.hasOwn(DEADLINE_LIMITS, key)) {
      issues.push(commandIssue('UNKNOWN_KEY', pointerTo(pointer, key), '应为 workingDays、days 或 hours', 'expected workingDays, days or hours'));
      return undefined;
    }
    const n = integer(1, DEADLINE_LIMITS[key as keyof typeof DEADLINE_LIMITS])(value[key], pointerTo(pointer, key), issues);
    return n === undefined ? undefined : { [key]: n };
  };
}

function list(item: Check, max: number): Check {
  return (value, pointer, issues) => {
    if (!Array.isArray(value)) {
      issues.push(commandIssue('WRONG_TYPE', pointer, '应为数组', 'expected an array'));
      return undefined;
    }
    if (value.length > max) {
      issues.push(commandIssue('TOO_MANY', pointer, `最多 ${max} 项，现有 ${value.length} 项`, `at most ${max} items, got ${value.length}`));
      return undefined;
    }
    const before = issues.length;
    const out = value.map((v, i) => item(v, pointerTo(pointer, i), issues));
    return issues.length > before ? undefined : out;
  };
}

/** Opaque trusted data (citations, findings): an array of objects, bounded in length. */
function opaqueList(max: number): Check {
  return list((v, pointer, issues) => {
    if (!isPlainObject(v)) {
      issues.push(commandIssue('WRONG_TYPE', pointer, '应为对象', 'expected an object'));
      return undefined;
    }
    return v;
  }, max);
}

/** Evidence references `{ id, kind }` of the given kinds, at most {@link MAX_EVIDENCE_PER_COMMAND}. */
const evidenceOf = (kinds: readonly EvidenceKind[]): Check => list(object({ id: required(id), kind: required(oneOf(kinds)) }), MAX_EVIDENCE_PER_COMMAND);
/** A report's and a rectification's evidence: the defect before, the fix after, documents. */
const evidence = evidenceOf(['photo_before', 'photo_after', 'document']);
/**
 * A reviewer's evidence (verify, reject, spot_check, reopen): what the reviewer saw on site
 * (`photo_review`, 复查/抽查照片) and documents. Never `photo_after` or `photo_before`: those
 * are the rectifier's and the reporter's, and the rectification's evidence rules count them.
 */
const reviewEvidence = evidenceOf(['photo_review', 'document']);
/** An officer's acceptance and the lifting of a stop-work order: any kind, the site as the officer saw it included. */
const officerEvidence = evidenceOf(['photo_before', 'photo_after', 'document', 'photo_review']);
const level = oneOf(['simple', 'general', 'major']);
const reason = localized(LIMITS.reason);

const common: Record<string, Field> = {
  type: required(text({ max: 64 })),
  expectedVersion: optional(integer(0, 1_000_000_000)),
  occurredAt: optional(time),
};
/**
 * The decider's view of a command's own ids: hosts and stored hazards may predate
 * {@link ID_PATTERN}, so `decide` only bounds them (1–256 characters, no white space,
 * control or bidi characters); `parseCommand` holds new ids to the pattern.
 */
const storedId = pattern(
  /^[^\s\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]{1,256}$/u,
  '编号须为 1–256 个字符，不含空白或控制字符',
  'ids are 1–256 characters without white space or control characters',
);
const ids: Record<string, Field> = { commandId: required(storedId), hazardId: required(storedId) };
const coOfficer: Record<string, Field> = { coOfficerId: optional(id) };
/** A penalty: an article of the law table, a kind, a fine in whole yuan (its range is checked by `decide` against the article). */
const penalty = object({ article: required(oneOf(Object.keys(PENALTY_ARTICLES))), kind: required(oneOf(PENALTY_KINDS)), fineAmount: optional(integer(1, 100_000_000)) });

/** The fields of each command type besides `type`, `expectedVersion`, `occurredAt` (and the ids). */
const FIELDS: Readonly<Record<string, Record<string, Field>>> = {
  report: {
    title: required(localized(LIMITS.title)),
    level: required(level),
    provisional: required(boolean),
    basis: required(opaqueList(100)),
    deadline: required(policy(true)),
    pack: required(object({ id: required(id), version: required(version) })),
    domain: required(domain),
    area: required(area),
    enterpriseId: required(id),
    unitId: optional(id),
    premisesId: optional(id),
    landlordEnterpriseId: optional(id),
    source: required(oneOf(['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'])),
    findings: optional(opaqueList(100)),
    evidence: required(evidence),
    fixedOnSpot: optional(boolean),
    inspectionId: optional(id),
    sameInspection: optional(list(storedId, 1000)),
    ...coOfficer,
  },
  report_observation: {
    title: required(localized(LIMITS.title)),
    description: optional(localized(LIMITS.description)),
    enterpriseId: required(id),
    domain: required(domain),
    level: required(level),
    evidence: required(evidence),
    ...coOfficer,
  },
  reclassify: { level: required(level), reason: required(reason), ...coOfficer },
  confirm_level: { level: required(level), reason: required(reason), ...coOfficer },
  issue_notice: { note: optional(reason), ...coOfficer },
  submit_rectification: { evidence: required(evidence), note: optional(reason) },
  verify: { note: optional(reason), evidence: optional(reviewEvidence), ...coOfficer },
  reject: { reason: required(reason), evidence: optional(reviewEvidence), ...coOfficer },
  request_extension: { extension: required(policy(false)), reason: required(reason) },
  grant_extension: { note: optional(reason) },
  deny_extension: { reason: required(reason) },
  escalate: { reason: required(reason), overdueDeadline: optional(time) },
  file_case: { ...coOfficer },
  list_for_supervision: { authority: required(localized(LIMITS.label)), note: optional(reason), ...coOfficer },
  submit_plan: {
    plan: required(
      object({
        objectives: required(reason),
        measures: required(reason),
        fundsAndMaterials: required(reason),
        responsible: required(reason),
        deadline: required(time),
        milestones: required(reason),
        safetyAndEmergency: required(reason),
      }),
    ),
  },
  approve_plan: { note: optional(reason) },
  order_stop_work: { scope: required(oneOf(['partial', 'whole'])), reason: required(reason), ...coOfficer },
  accept: { note: required(reason), evidence: optional(officerEvidence), ...coOfficer },
  close: { note: optional(reason), ...coOfficer },
  lift_stop_work: { note: required(reason), evidence: optional(officerEvidence), ...coOfficer },
  delist: { note: required(reason), ...coOfficer },
  reopen: { reason: required(reason), evidence: optional(reviewEvidence) },
  spot_check: { result: required(oneOf(['pass', 'fail'])), note: optional(reason), evidence: optional(reviewEvidence) },
  warn_due_soon: { deadline: required(time) },
  notice_overdue: { deadline: required(time) },
  notify_penalty: { penalty: required(penalty), ...coOfficer },
  record_statement: { statement: required(reason), hearingRequested: required(boolean) },
  record_hearing: { report: required(reason) },
  withdraw_hearing: { reason: required(reason) },
  decide_penalty: { penalty: required(penalty), ...coOfficer },
};

const compiled = new Map<string, Check>();

/**
 * Command types that carry evidence references (an `evidence` field in their shape), in
 * shape order: the acts an uploaded file can be for.
 */
export const EVIDENCE_COMMAND_TYPES: readonly CommandType[] = Object.freeze(Object.keys(FIELDS).filter((type) => 'evidence' in (FIELDS[type] as object)) as CommandType[]);

/** Command types whose shape is known. */
export function isKnownCommandType(type: unknown): boolean {
  return typeof type === 'string' && Object.hasOwn(FIELDS, type);
}

/**
 * Fields a client once sent that the server now assigns: a command carrying one is refused
 * (fail closed) with this reason at its pointer, not read and not ignored.
 */
const SERVER_ASSIGNED: Readonly<Record<string, Readonly<Record<string, { 'zh-CN': string; en: string }>>>> = {
  issue_notice: {
    noticeNo: {
      'zh-CN': '通知书编号由服务器分配：即文书登记簿随下达整改通知为隐患整改通知书或责令限期整改指令书分配的文号（与文书打印的编号同一序列），请求中不得填写 noticeNo，请删除该字段',
      en: 'the notice number is assigned by the server: it is the 文号 the document register gives the notice (隐患整改通知书 or 责令限期整改指令书) when it is issued, the number the document prints; remove noticeNo from the request',
    },
  },
  file_case: {
    caseNo: {
      'zh-CN': '案号由服务器分配：即立案审批表在文书登记簿中的文号（与文书打印的编号同一序列），请求中不得填写 caseNo，请删除该字段',
      en: 'the case number is assigned by the server: it is the 文号 the document register gives the case filing approval (立案审批表), the number the documents print; remove caseNo from the request',
    },
  },
};

/** Why a request body may not name `coOfficerId` (see {@link checkCommandShape}). */
export const CO_OFFICER_DERIVED = Object.freeze({
  'zh-CN': '第二名执法人员由其确认码认定，请求中不得填写 coOfficerId：请删除该字段，由第二名执法人员在本人账号中为此隐患和此行为生成确认码，随请求提交（HTTP：Co-Sign-Code 请求头）',
  en: 'the second officer is derived from his co-sign code, a request does not name him: remove coOfficerId; he generates a code for this hazard and act in his own session, and it is sent with the request (HTTP: the Co-Sign-Code header)',
});

/**
 * Checks a command object against its type's shape. `withIds`: `commandId` and `hazardId`
 * are part of the object (the decider's view) rather than supplied separately (a body).
 * Returns the normalized command (texts trimmed) or the issues. The type must be known.
 */
export function checkCommandShape(value: Record<string, unknown>, withIds: boolean): { command: Record<string, unknown> } | { issues: CommandIssue[] } {
  const type = value.type as string;
  const fields = Object.hasOwn(FIELDS, type) ? FIELDS[type] : undefined;
  if (!fields) return { issues: [commandIssue('UNKNOWN_TYPE', '/type', '未知的指令类型', 'unknown command type')] };
  const key = `${withIds ? 'decide' : 'body'}:${type}`;
  let check = compiled.get(key);
  if (!check) compiled.set(key, (check = object({ ...common, ...(withIds ? ids : {}), ...fields })));
  const issues: CommandIssue[] = [];
  for (const [field, why] of Object.entries(SERVER_ASSIGNED[type] ?? {})) {
    if (Object.hasOwn(value, field)) issues.push(commandIssue('SERVER_ASSIGNED', pointerTo('', field), why['zh-CN'], why.en));
  }
  // An untrusted body never names the second officer: he is derived from his co-sign code (HandleCommandOptions).
  if (!withIds && Object.hasOwn(value, 'coOfficerId')) issues.push(commandIssue('SERVER_ASSIGNED', '/coOfficerId', CO_OFFICER_DERIVED['zh-CN'], CO_OFFICER_DERIVED.en));
  const command = issues.length > 0 ? undefined : check(value, '', issues);
  if (issues.length > 0 || command === undefined) return { issues: issues.slice(0, MAX_ISSUES) };
  return { command: command as Record<string, unknown> };
}

/** Checks a list of a report's evidence references (`{ id, kind }` of `photo_before`, `photo_after`, `document`; at most {@link MAX_EVIDENCE_PER_COMMAND}). */
export function checkEvidenceRefs(value: unknown, pointer: string, issues: CommandIssue[]): unknown {
  return evidence(value, pointer, issues);
}
