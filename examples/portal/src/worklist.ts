/**
 * Worklists of the portal (`GET /worklist`, `GET /worklist.xlsx`): the hazards the signed-in
 * user may read — listed through the API itself (`GET /api/hazards` with the user's cookie,
 * so the read policy is the API's) — with what a person works from: title, enterprise,
 * level, status, due date and days overdue (core's `dueDate`), queues per role (core's
 * `authorize` decides "for me to act on"), search, filters, sort, paging, the archive of
 * closed hazards, rankings by enterprise and grid area, and an .xlsx export. Beside the
 * hazards, `rounds`: the inspection-round members the user still has to inspect (core's
 * `collectRoundWork` and `roundWorkFor` — due, or overdue after the round's end).
 */
import { foldEvents, type ActorProfile, type Calendar, type Clock, type Directory, type HazardLevel, type HazardState, type HazardStatus, type Store, type LocalizedText } from '@anjian/core';
import {
  authorize,
  collectRoundWork,
  cutInput,
  didYouMean,
  dueDate,
  enterpriseForRead,
  hazardRefOf,
  quoteInput,
  readScopes,
  roundWorkFor,
  type CommandType,
  type DueDate,
  type DueSource,
  type RoundWorkSource,
} from '@anjian/core/internal';
import { portalProblem, portalQueryProblem } from './portal-problem.js';
import { portalReader } from './portal-reader.js';
import { worklistXlsx } from './worklist-xlsx.js';

/** One row of a worklist. */
export interface WorklistRow {
  hazardId: string;
  /** The short reference people read and type (隐患编号, `YH-0042`): core's hazardRef. */
  ref: string;
  title: LocalizedText;
  /** The rule of the pack that found it (searchable), or null for an observation. */
  rule: string | null;
  enterpriseId: string;
  enterpriseName: LocalizedText;
  area: string;
  domain: string;
  level: HazardLevel;
  provisional: boolean;
  status: HazardStatus;
  due: string | null;
  dueSource: DueSource | null;
  /** Whole days past the due date (0 when not overdue). */
  daysOverdue: number;
  pendingExtension: boolean;
  stopWork: 'partial' | 'whole' | null;
  listed: boolean;
  /** Something in it is for the signed-in user to do (a decision core's authorize allows). */
  forMe: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The queues, in the order the page shows them. */
export const QUEUES = ['todo', 'new', 'extension', 'overdue', 'open', 'closed'] as const;
export type Queue = (typeof QUEUES)[number] | 'all';
const SORTS = ['due', 'updated', 'created', 'level', 'enterprise', 'overdue'] as const;
type Sort = (typeof SORTS)[number];
/** The query parameters of GET /worklist and /worklist.xlsx (`lang`: the export's language); any other is refused. */
const PARAMETERS = ['queue', 'sort', 'dir', 'page', 'size', 'q', 'level', 'status', 'domain', 'enterprise', 'area', 'lang'] as const;

/**
 * The query refused as the API refuses one (fail closed: `?levle=major` must not list everything):
 * a parameter the worklist does not take is 400 `UNKNOWN_QUERY_PARAMETER` with a "did you mean",
 * one given twice 400 `INVALID_QUERY`, a queue or sort it does not have 400 `BAD_QUERY`; what
 * is echoed of the request is quoted and cut to 64 characters (core's `quoteInput`/`cutInput`).
 */
function refuseQuery(request: Request, path: string, p: URLSearchParams): Response | null {
  const seen = new Set<string>();
  for (const [name] of p) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      const guess = didYouMean(name.slice(0, 128), PARAMETERS);
      const message = {
        'zh-CN': `未知的查询参数 ${quoteInput(name)}${guess ? `（是不是“${guess}”？）` : ''}`,
        en: `unknown query parameter ${quoteInput(name)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      };
      return portalQueryProblem(
        request,
        400,
        'UNKNOWN_QUERY_PARAMETER',
        { 'zh-CN': '未知的查询参数', en: 'Unknown query parameter' },
        { 'zh-CN': `${message['zh-CN']}；GET ${path} 可用：${PARAMETERS.join('、')}`, en: `${message.en}; GET ${path} accepts: ${PARAMETERS.join(', ')}` },
        { code: 'UNKNOWN_PARAMETER', parameter: cutInput(name), message, ...(guess ? { hint: { 'zh-CN': `是不是“${guess}”？`, en: `did you mean "${guess}"?` } } : {}) },
      );
    }
    if (seen.has(name)) {
      const message = {
        'zh-CN': `查询参数 "${name}" 出现了 ${p.getAll(name).length} 次，只能给一次（列表用逗号分隔：${name}=a,b）`,
        en: `query parameter "${name}" is given ${p.getAll(name).length} times; give it once (a list is comma-separated: ${name}=a,b)`,
      };
      return portalQueryProblem(request, 400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, message, { code: 'REPEATED_PARAMETER', parameter: name, message });
    }
    seen.add(name);
  }
  const queue = p.get('queue') || 'all';
  if (queue !== 'all' && !(QUEUES as readonly string[]).includes(queue)) {
    const message = { 'zh-CN': `没有队列 ${quoteInput(queue)}（可用：${[...QUEUES, 'all'].join('、')}）`, en: `no queue ${quoteInput(queue)} (queues: ${[...QUEUES, 'all'].join(', ')})` };
    return portalQueryProblem(request, 400, 'BAD_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, message, { code: 'MALFORMED_VALUE', parameter: 'queue', message });
  }
  const sort = p.get('sort') || 'due';
  if (!(SORTS as readonly string[]).includes(sort)) {
    const message = { 'zh-CN': `不能按 ${quoteInput(sort)} 排序（可用：${SORTS.join('、')}）`, en: `cannot sort by ${quoteInput(sort)} (sorts: ${SORTS.join(', ')})` };
    return portalQueryProblem(request, 400, 'BAD_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, message, { code: 'MALFORMED_VALUE', parameter: 'sort', message });
  }
  return null;
}

/** Decisions that put a hazard in someone's "for me" queue (reading, escalating, reopening do not). */
const DECISIONS = [
  'issue_notice',
  'submit_rectification',
  'submit_plan',
  'verify',
  'reject',
  'accept',
  'close',
  'file_case',
  'confirm_level',
  'grant_extension',
  'deny_extension',
  'approve_plan',
  'lift_stop_work',
  'delist',
] as const;
/** Decisions that apply only in some states of the hazard (the table alone would offer them always). */
const APPLIES: Partial<Record<(typeof DECISIONS)[number], (s: HazardState) => boolean>> = {
  confirm_level: (s) => s.provisional,
  grant_extension: (s) => s.pendingExtension !== null,
  deny_extension: (s) => s.pendingExtension !== null,
  approve_plan: (s) => s.plan !== null && (s as { planApproved?: boolean }).planApproved === false,
  lift_stop_work: (s) => s.stopWork !== null,
  delist: (s) => s.listed,
};
const RANK: Record<HazardLevel, number> = { simple: 0, general: 1, major: 2 };
const DAY = 86_400_000;

/** What the worklist needs from the portal. */
export interface WorklistDeps {
  /** The API's handler: the list is read through it with the user's own cookie. */
  api: { fetch(request: Request): Promise<Response> };
  store: Pick<Store, 'load'>;
  /**
   * The API's directory (a landlord's profile carries its tenancies): the user is resolved as the
   * API resolves them, so "for me" and the round work are decided on the profile the list was read with.
   */
  directory: Directory;
  calendar: Calendar;
  clock: Clock;
  /**
   * English renderings of registered names, by enterprise id (the demo's made-up enterprises). The
   * directory registers one name; a row names its enterprise by it, and in English by this where given.
   */
  englishNames?: ReadonlyMap<string, string>;
  /** Where the rounds' coverage is read from; without it the worklist lists no round work. */
  rounds?: () => Promise<RoundWorkSource>;
}

const matches = (row: WorklistRow, q: string): boolean => {
  const hay = [row.title['zh-CN'], row.title.en, row.enterpriseName['zh-CN'], row.enterpriseName.en, row.rule, row.hazardId, row.ref, row.area].filter(Boolean).join('\n').toLowerCase();
  return q
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
};

function inQueue(row: WorklistRow, queue: Queue, now: number): boolean {
  switch (queue) {
    case 'todo':
      return row.forMe;
    case 'new':
      return row.status === 'reported';
    case 'extension':
      return row.pendingExtension;
    case 'overdue':
      return row.status !== 'closed' && row.due !== null && Date.parse(row.due) < now;
    case 'open':
      return row.status !== 'closed';
    case 'closed':
      return row.status === 'closed';
    case 'all':
      return true;
  }
}

function compare(sort: Sort): (a: WorklistRow, b: WorklistRow) => number {
  const due = (r: WorklistRow) => (r.due === null ? Number.POSITIVE_INFINITY : Date.parse(r.due));
  switch (sort) {
    case 'due':
      return (a, b) => due(a) - due(b);
    case 'updated':
      return (a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
    case 'created':
      return (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt);
    case 'level':
      return (a, b) => RANK[a.level] - RANK[b.level];
    case 'enterprise':
      return (a, b) => a.enterpriseName['zh-CN'].localeCompare(b.enterpriseName['zh-CN'], 'zh-CN');
    case 'overdue':
      return (a, b) => a.daysOverdue - b.daysOverdue;
  }
}

/** Counts per enterprise or per grid area: open, overdue and major-open hazards, busiest first. */
function ranking(rows: readonly WorklistRow[], key: (r: WorklistRow) => string, name: (k: string) => LocalizedText | string) {
  const by = new Map<string, { key: string; name: LocalizedText | string; open: number; overdue: number; major: number; closed: number }>();
  for (const r of rows) {
    const k = key(r);
    let e = by.get(k);
    if (!e) by.set(k, (e = { key: k, name: name(k), open: 0, overdue: 0, major: 0, closed: 0 }));
    if (r.status === 'closed') e.closed++;
    else {
      e.open++;
      if (r.daysOverdue > 0) e.overdue++;
      if (r.level === 'major') e.major++;
    }
  }
  return [...by.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.major - a.major || a.key.localeCompare(b.key));
}

/** Creates the worklist routes. */
export function createWorklist(deps: WorklistDeps) {
  /** Rows by hazard id, each with the version it was built from (a changed hazard is read again). */
  const cache = new Map<string, { version: number; state: HazardState; ref: string; rule: string | null; due: DueDate }>();
  /** An enterprise's name as the API's directory registers it (its id when the directory does not know it). */
  async function entName(id: string): Promise<LocalizedText> {
    const zh = (await deps.directory.enterprise(id))?.name ?? id;
    const en = deps.englishNames?.get(id);
    return en === undefined ? { 'zh-CN': zh } : { 'zh-CN': zh, en };
  }

  async function readable(request: Request): Promise<{ hazardId: string; version: number }[]> {
    // Who asks is decided by the API's own authenticate: the session cookie (and the identity
    // header only where a unit test created the portal to trust it).
    const headers = new Headers();
    for (const name of ['cookie', 'x-demo-user']) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const items: { hazardId: string; version: number }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const url = new URL('/api/hazards', request.url);
      url.searchParams.set('limit', '200');
      if (after) url.searchParams.set('after', after);
      const res = await deps.api.fetch(new Request(url, { headers }));
      if (!res.ok) throw Object.assign(new Error('list'), { status: res.status });
      const page = (await res.json()) as { items: { hazardId: string; version: number }[]; next: string | null };
      items.push(...page.items);
      if (!page.next) break;
      after = page.next;
    }
    return items;
  }

  async function rowsFor(request: Request, actor: ActorProfile): Promise<WorklistRow[]> {
    const now = deps.clock.now().getTime();
    const rows: WorklistRow[] = [];
    // Names are asked of the directory once per enterprise and request, so a changed registration shows at once.
    const names = new Map<string, Promise<LocalizedText>>();
    const nameOf = (id: string) => {
      let name = names.get(id);
      if (!name) names.set(id, (name = entName(id)));
      return name;
    };
    for (const { hazardId, version } of await readable(request)) {
      let hit = cache.get(hazardId);
      if (!hit || hit.version !== version) {
        const events = await deps.store.load(hazardId);
        const state = events && foldEvents(events);
        if (!events || !state) continue;
        const first = events[0]!.data as { findings?: { rule?: string }[] };
        hit = { version: state.version, state, ref: hazardRefOf(events)!, rule: first.findings?.[0]?.rule ?? null, due: dueDate(state, events, deps.calendar) };
        cache.set(hazardId, hit);
      }
      const { state: s, due } = hit;
      const subject = { level: s.level, status: s.status, domain: s.domain, area: s.area, enterpriseId: s.enterpriseId, reporterId: s.reporterId, rectifierIds: s.rectifierIds };
      // Commands the chain does not know (older cores) are simply never allowed by authorize.
      const forMe = DECISIONS.some((c) => (APPLIES[c]?.(s) ?? true) && authorize(actor, c as CommandType, subject).allowed);
      rows.push({
        hazardId,
        ref: hit.ref,
        title: s.title,
        rule: hit.rule,
        enterpriseId: s.enterpriseId,
        enterpriseName: await nameOf(s.enterpriseId),
        area: s.area,
        domain: s.domain,
        level: s.level,
        provisional: s.provisional,
        status: s.status,
        due: due.deadline,
        dueSource: due.source,
        daysOverdue: due.deadline && now > Date.parse(due.deadline) ? Math.ceil((now - Date.parse(due.deadline)) / DAY) : 0,
        pendingExtension: s.pendingExtension !== null,
        stopWork: s.stopWork,
        listed: s.listed,
        forMe,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
      });
    }
    return rows;
  }

  /** `GET /worklist` (JSON) and `GET /worklist.xlsx`, for the signed-in `actorId`. */
  async function handle(request: Request, actorId: string | null): Promise<Response> {
    const url = new URL(request.url);
    // 401 without a session, 403 UNKNOWN_ACTOR for a user the API's directory does not know (fail closed, as the API).
    const reader = await portalReader(request, actorId, deps.directory);
    if (!reader.ok) return reader.response;
    const actor = reader.actor;
    const p = url.searchParams;
    const refused = refuseQuery(request, url.pathname, p);
    if (refused) return refused;
    const queue = (p.get('queue') || 'all') as Queue;
    const sort = (p.get('sort') || 'due') as Sort;
    // An enterprise filter names one the reader may ask about and the directory knows, as the API's lists decide
    // (core's enterpriseForRead): another's is 403 whether registered or not, an unknown one 422 — never an empty list.
    const enterpriseId = p.get('enterprise');
    if (enterpriseId) {
      const decided = await enterpriseForRead(readScopes(actor), enterpriseId, (id) => deps.directory.enterprise(id));
      if (!decided.ok && decided.reason === 'forbidden') {
        const message = { 'zh-CN': `你无权查看企业 ${quoteInput(enterpriseId)} 的记录`, en: `you may not read the records of enterprise ${quoteInput(enterpriseId)}` };
        return portalQueryProblem(request, 403, 'FORBIDDEN', { 'zh-CN': '拒绝访问', en: 'Forbidden' }, message);
      }
      if (!decided.ok) {
        const message = { 'zh-CN': `查询参数 enterprise：名录中没有企业 ${quoteInput(enterpriseId)}`, en: `query parameter enterprise: no enterprise ${quoteInput(enterpriseId)} in the directory` };
        return portalQueryProblem(request, 422, 'UNKNOWN_QUERY_VALUE', { 'zh-CN': '查询参数的取值未知', en: 'Unknown query value' }, message, {
          code: 'UNKNOWN_ENTERPRISE',
          parameter: 'enterprise',
          message,
        });
      }
    }
    const desc = p.get('dir') === 'desc';
    const page = Math.max(1, Math.floor(Number(p.get('page') ?? 1)) || 1);
    const size = Math.min(100, Math.max(1, Math.floor(Number(p.get('size') ?? 20)) || 20));
    const q = (p.get('q') ?? '').trim().toLowerCase().slice(0, 100);
    const now = deps.clock.now().getTime();

    let all: WorklistRow[];
    try {
      all = await rowsFor(request, actor);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (status === 401) return portalProblem(request, 401, 'UNAUTHENTICATED', '请先登录。', 'Sign in first.');
      throw error;
    }
    const filtered = all.filter(
      (r) =>
        (!q || matches(r, q)) &&
        (!p.get('level') || p.get('level')!.split(',').includes(r.level)) &&
        (!p.get('status') || p.get('status')!.split(',').includes(r.status)) &&
        (!p.get('domain') || r.domain === p.get('domain')) &&
        (!p.get('enterprise') || r.enterpriseId === p.get('enterprise')) &&
        (!p.get('area') || r.area === p.get('area') || r.area.startsWith(`${p.get('area')}/`)),
    );
    const counts = Object.fromEntries(QUEUES.map((k) => [k, filtered.filter((r) => inQueue(r, k, now)).length]));
    const rows = filtered.filter((r) => inQueue(r, queue, now));
    const cmp = compare(sort);
    rows.sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)) || a.hazardId.localeCompare(b.hazardId));

    if (url.pathname.endsWith('.xlsx')) {
      const lang = p.get('lang') === 'en' ? 'en' : 'zh-CN';
      const body = await worklistXlsx(rows, lang, new Date(now));
      // exceljs writes a Node Buffer; the Response takes its bytes.
      const name = `hazards-${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)}.xlsx`;
      return new Response(body as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
        },
      });
    }
    const areaName = (a: string) => a;
    const nameById = new Map(filtered.map((r) => [r.enterpriseId, r.enterpriseName]));
    // Round members still to inspect, by who does the round's inspections; the list's enterprise and area filters apply.
    const rounds = deps.rounds
      ? roundWorkFor(actor, await collectRoundWork(await deps.rounds(), new Date(now))).filter(
          (w) => (!p.get('enterprise') || w.enterpriseId === p.get('enterprise')) && (!p.get('area') || w.area === p.get('area') || w.area.startsWith(`${p.get('area')}/`)),
        )
      : [];
    return Response.json(
      {
        items: rows.slice((page - 1) * size, page * size),
        total: rows.length,
        page,
        size,
        queue,
        sort,
        dir: desc ? 'desc' : 'asc',
        counts,
        rankings: {
          byEnterprise: ranking(
            filtered,
            (r) => r.enterpriseId,
            (k) => nameById.get(k)!,
          ).slice(0, 10),
          byArea: ranking(filtered, (r) => r.area, areaName).slice(0, 10),
        },
        rounds,
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  }

  return { handle };
}
