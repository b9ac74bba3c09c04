import {
  areaCovers,
  buildEnterpriseFile,
  buildLandlordView,
  canRead,
  collectRoundCoverage,
  drawRoundSample,
  mayManageRound,
  openRound,
  readRound,
  readScopes,
  RoundError,
  roundsFromLog,
  roundUnits,
  verifyRoundLog,
  withLandlordTenancies,
  type ActorProfile,
  type HazardFilter,
  type ReadScopes,
  type RoundDeps,
  type RoundInput,
} from '@anjian/core/internal';
import { readJsonObject } from '../read-json-body.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem } from '../problem.js';
import type { RelationsApiOptions } from '../relations-options.js';
import type { JsonSchema, RouteContext, RouteSpec } from '../types.js';

const obj = (description: string): JsonSchema => ({ type: 'object', description });

function relations(ctx: RouteContext): RelationsApiOptions {
  const r = ctx.options.relations;
  if (!r)
    throw new HttpProblem(
      404,
      'RELATIONS_NOT_CONFIGURED',
      { 'zh-CN': '未启用名录关系', en: 'Relations not configured' },
      { 'zh-CN': '本服务未配置场所、轮次与企业档案', en: 'this server has no premises, rounds or enterprise files' },
    );
  return r;
}

/** The actor with the landlord tenancies of the moment (never taken from the request), and its read scopes. */
async function actorScopes(ctx: RouteContext, r: RelationsApiOptions): Promise<{ actor: ActorProfile; scopes: ReadScopes }> {
  const resolved = await ctx.deps.directory.resolve(ctx.actorId as string);
  if (!resolved) throw new HttpProblem(403, 'UNKNOWN_ACTOR', { 'zh-CN': '拒绝访问', en: 'Forbidden' }, { 'zh-CN': '未知的用户', en: 'unknown actor' });
  const actor = await withLandlordTenancies(resolved, r.rental);
  return { actor, scopes: readScopes(actor) };
}

const forbidden = (zh: string, en: string) => new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '拒绝访问', en: 'Forbidden' }, { 'zh-CN': zh, en });
const notFound = (code: string, zh: string, en: string) => new HttpProblem(404, code, { 'zh-CN': '未找到', en: 'Not found' }, { 'zh-CN': zh, en });

function roundProblem(e: unknown): never {
  if (e instanceof RoundError) {
    const status = e.code === 'FORBIDDEN' ? 403 : e.code === 'UNKNOWN_ROUND' ? 404 : e.code === 'ROUND_EXISTS' || e.code === 'CONFLICT' ? 409 : 422;
    const title = {
      403: { 'zh-CN': '拒绝访问', en: 'Forbidden' },
      404: { 'zh-CN': '未找到', en: 'Not found' },
      409: { 'zh-CN': '冲突', en: 'Conflict' },
      422: { 'zh-CN': '轮次无效', en: 'Invalid round' },
    }[status]!;
    const code = status === 422 ? 'INVALID_ROUND' : status === 404 ? 'ROUND_NOT_FOUND' : e.code;
    throw new HttpProblem(status, code, title, e.localized, status === 422 ? [{ code: e.code, severity: 'error', pointer: e.pointer, message: e.localized }] : undefined);
  }
  throw e;
}

function roundDeps(ctx: RouteContext, r: RelationsApiOptions): RoundDeps {
  return { rounds: r.rounds, directory: ctx.deps.directory, clock: ctx.deps.clock, packDomain: (id) => ctx.deps.packs?.get(id)?.pack.domain ?? null };
}

/** Directory relations (issue 17) — only when `createAnjianApi({ relations })` is configured. */
export const RELATIONS_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/enterprises/{enterpriseId}/file',
    operationId: 'getEnterpriseFile',
    summary: 'One file per enterprise (一企一档): profile, premises, packs, devices, inspections, hazards, rounds, recurrence',
    description:
      "The enterprise's file as core's buildEnterpriseFile builds it, narrowed by the read policy: hazards and inspections the actor may not read are left out (a landlord sees its tenant's at its premises only; an officer those of its domains). An actor who may read nothing of the enterprise gets 403.\n\n企业档案（一企一档），按读取规则收窄：无权读取的隐患和检查记录不列出（出租方只看到承租方在其场所的记录）。",
    tags: ['relations'],
    auth: 'required',
    parameters: [{ name: 'recurrenceDays', in: 'query', description: 'recurrence window, 1–366 days / 复发期限（天）', schema: { type: 'string', pattern: '^[0-9]+$' } }],
    response: { status: 200, description: 'the enterprise file / 企业档案', schema: obj('EnterpriseFile of @anjian/core/internal') },
    errors: [401, 403, 404],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED', 'ENTERPRISE_NOT_FOUND'] },
    async handle(ctx) {
      const r = relations(ctx);
      const { scopes } = await actorScopes(ctx, r);
      const days = ctx.query.get('recurrenceDays');
      const recurrenceDays = days === null ? (r.recurrenceDays ?? 90) : Number(days);
      if (!Number.isInteger(recurrenceDays) || recurrenceDays < 1 || recurrenceDays > 366)
        throw new HttpProblem(400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': '复发期限应为 1–366 天', en: 'recurrenceDays must be 1–366' });
      const file = await buildEnterpriseFile(
        {
          directory: ctx.deps.directory,
          store: ctx.deps.store,
          rental: r.rental,
          rounds: r.rounds,
          packDefinitions: [...ctx.packs.values()],
          ...(ctx.deps.inspections ? { inspections: ctx.deps.inspections } : {}),
          ...(r.devices ? { devices: r.devices } : {}),
        },
        ctx.params.enterpriseId as string,
        { asOf: ctx.deps.clock.now(), recurrenceDays },
      );
      if (!file) throw notFound('ENTERPRISE_NOT_FOUND', `没有企业 ${ctx.params.enterpriseId}`, `no enterprise ${ctx.params.enterpriseId}`);
      const id = file.profile.id;
      // Whole-enterprise readers: everything of it (own users, admins, grid of its area); others see what they may read.
      const whole =
        scopes === 'all' ||
        scopes.some(
          (s) => s.premisesId === undefined && s.domain === undefined && (s.enterpriseId === undefined || s.enterpriseId === id) && (s.area === undefined || areaCovers(s.area, file.profile.area)),
        );
      const readable = (h: { enterpriseId: string; area: string; domain: string; premisesId?: string; createdAt?: string }) => canRead(scopes, h);
      const open = file.hazards.open.filter((h) => readable(h.summary));
      const closed = file.hazards.closed.filter((h) => readable(h.summary));
      const inspections = file.inspections.filter((i) =>
        readable({ enterpriseId: i.enterpriseId, area: i.area, domain: i.domain, createdAt: i.recordedAt, ...(i.premisesId === undefined ? {} : { premisesId: i.premisesId }) }),
      );
      if (
        !whole &&
        open.length + closed.length + inspections.length === 0 &&
        !(scopes as HazardFilter[]).some((s) => s.enterpriseId === id || (s.area !== undefined && areaCovers(s.area, file.profile.area)))
      )
        throw forbidden(`你无权查看企业 ${id} 的档案`, `you may not read the file of enterprise ${id}`);
      const visible = new Set([...open, ...closed].map((h) => h.summary.hazardId));
      const atPremises = new Set(scopes === 'all' ? [] : scopes.flatMap((x) => (x.premisesId === undefined ? [] : [x.premisesId])));
      return jsonResponse({
        ...file,
        // A partial reader (a landlord) sees only the premises its scopes name, not the tenant's others.
        premises: whole ? file.premises : { held: file.premises.held.filter((p) => atPremises.has(p.id)), rented: file.premises.rented.filter((r) => atPremises.has(r.premises.id)), tenants: [] },
        devices: whole ? file.devices : [],
        inspections,
        hazards: { open, closed },
        recurrences: file.recurrences.filter((x) => visible.has(x.hazardId)),
        complete: whole,
      });
    },
  },
  {
    method: 'get',
    path: '/landlords/{enterpriseId}/rental-points',
    operationId: 'getLandlordView',
    summary: "A landlord's rental points, tenants and their hazards rolled up (出租方视图)",
    description:
      'Every premises the landlord holds that has tenants or is a group-rental point (群租房), each tenant with its hazards found at that premises rolled up (open by level, overdue, closed) — for supervision as a unit (挂牌督办). Hazards the actor may not read are not counted; an actor who is neither the landlord nor reads its area gets 403.\n\n出租方名下的出租点及其承租方隐患汇总，可整体挂牌督办。',
    tags: ['relations'],
    auth: 'required',
    response: { status: 200, description: 'the landlord view / 出租方视图', schema: obj('LandlordView of @anjian/core/internal') },
    errors: [401, 403, 404],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED', 'ENTERPRISE_NOT_FOUND'] },
    async handle(ctx) {
      const r = relations(ctx);
      const { actor, scopes } = await actorScopes(ctx, r);
      const landlord = await ctx.deps.directory.enterprise(ctx.params.enterpriseId as string);
      if (!landlord) throw notFound('ENTERPRISE_NOT_FOUND', `没有企业 ${ctx.params.enterpriseId}`, `no enterprise ${ctx.params.enterpriseId}`);
      const own = actor.roles.includes('enterprise') && (actor.enterpriseIds ?? []).includes(landlord.id);
      const premises = await r.rental.premisesOf(landlord.id);
      const reachesArea = scopes === 'all' || scopes.some((s) => s.enterpriseId === undefined && s.area !== undefined && premises.some((p) => areaCovers(s.area as string, p.area)));
      if (!own && !reachesArea) throw forbidden(`你无权查看出租方 ${landlord.id} 的出租点`, `you may not read the rental points of landlord ${landlord.id}`);
      const view = await buildLandlordView({ rental: r.rental, store: ctx.deps.store }, landlord.id, { asOf: ctx.deps.clock.now(), visible: (row) => canRead(scopes, row) });
      return jsonResponse({ landlord, ...view });
    },
  },
  {
    method: 'get',
    path: '/rounds',
    operationId: 'listRounds',
    summary: 'Inspection rounds and campaigns with their coverage (检查轮次与覆盖率)',
    description:
      "Every round with its coverage today (done / due / overdue), computed from the inspection log over the register, and whether the round log's hash chain verifies. Enterprise users see none here (their rounds are in their file).\n\n全部检查轮次及今日覆盖情况（已查/待查/逾期），以及轮次日志的哈希链是否完好。",
    tags: ['relations'],
    auth: 'required',
    response: { status: 200, description: 'rounds / 轮次', schema: obj('{ rounds: [{ round, draws, coverage summary }], log }') },
    errors: [401, 403, 404],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED'] },
    async handle(ctx) {
      const r = relations(ctx);
      const { actor, scopes } = await actorScopes(ctx, r);
      if (!['grid', 'enforcement', 'department_admin', 'system'].some((role) => actor.roles.includes(role as never)))
        throw forbidden('企业用户请在企业档案中查看轮次', 'enterprise users see their rounds in their file');
      const log = await r.rounds.readRoundLog(1, 100_000);
      const units = await roundUnits(await r.enterprises(), r.rental);
      const now = ctx.deps.clock.now();
      const rounds = [];
      for (const state of roundsFromLog(log)) {
        const coverage = ctx.deps.inspections ? await collectRoundCoverage(ctx.deps.inspections, state.round, units, now) : null;
        const entries = coverage
          ? coverage.entries.filter((e) =>
              canRead(scopes, { enterpriseId: e.enterpriseId, area: units.find((u) => u.enterprise.id === e.enterpriseId)?.enterprise.area ?? '', domain: state.round.scope.domain }),
            )
          : [];
        const count = (s: string) => entries.filter((e) => e.status === s).length;
        rounds.push({
          ...state,
          manage: mayManageRound(actor, state.round.scope),
          coverage: coverage && {
            asOf: coverage.asOf,
            total: entries.length,
            done: count('done'),
            due: count('due'),
            overdue: count('overdue'),
            rate: entries.length ? count('done') / entries.length : 0,
          },
        });
      }
      return jsonResponse({ rounds, log: verifyRoundLog(log) });
    },
  },
  {
    method: 'get',
    path: '/rounds/{roundId}',
    operationId: 'getRound',
    summary: 'One round: its draws (seed changes marked) and coverage per enterprise / 轮次详情与覆盖情况',
    description:
      'The round, every 双随机 draw recorded for it (a draw whose seed differs from an earlier one is marked seedChanged), and its coverage per enterprise the actor may read (done with the covering inspection, due, overdue).\n\n轮次、全部抽查记录（种子变更会被标出）及按企业的覆盖情况。',
    tags: ['relations'],
    auth: 'required',
    response: { status: 200, description: 'the round / 轮次', schema: obj('{ round, draws, coverage }') },
    errors: [401, 403, 404],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED', 'ROUND_NOT_FOUND'] },
    async handle(ctx) {
      const r = relations(ctx);
      const { actor, scopes } = await actorScopes(ctx, r);
      if (!['grid', 'enforcement', 'department_admin', 'system'].some((role) => actor.roles.includes(role as never)))
        throw forbidden('企业用户请在企业档案中查看轮次', 'enterprise users see their rounds in their file');
      const state = await readRound(r.rounds, ctx.params.roundId as string);
      if (!state) throw notFound('ROUND_NOT_FOUND', `没有轮次 ${ctx.params.roundId}`, `no round ${ctx.params.roundId}`);
      const units = await roundUnits(await r.enterprises(), r.rental);
      const area = new Map(units.map((u) => [u.enterprise.id, u.enterprise]));
      const coverage = ctx.deps.inspections ? await collectRoundCoverage(ctx.deps.inspections, state.round, units, ctx.deps.clock.now()) : null;
      const entries = (coverage?.entries ?? [])
        .filter((e) => canRead(scopes, { enterpriseId: e.enterpriseId, area: area.get(e.enterpriseId)?.area ?? '', domain: state.round.scope.domain }))
        .map((e) => ({ ...e, name: area.get(e.enterpriseId)?.name ?? e.enterpriseId, area: area.get(e.enterpriseId)?.area ?? '' }));
      return jsonResponse({ ...state, manage: mayManageRound(actor, state.round.scope), coverage: coverage && { ...coverage, entries } });
    },
  },
  {
    method: 'post',
    path: '/rounds',
    operationId: 'openRound',
    summary: 'Open an inspection round or campaign / 开启检查轮次',
    description:
      "Opens a round (kind, title, pack, scope, days): checked by core's openRound, the domain derived from the server's pack, recorded in the hash-chained round log. A department admin, or an officer supervising the pack's domain in the round's area.\n\n开启检查轮次：由核心校验，领域取自服务器上的检查表，写入带哈希链的轮次日志。",
    tags: ['relations'],
    auth: 'required',
    requestBody: obj('RoundInput: { id, kind, title, packId, scope, startsOn, endsOn }'),
    response: { status: 201, description: 'the round / 轮次', schema: obj('RoundRecord') },
    errors: [400, 401, 403, 404, 409, 422],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED'], 409: ['ROUND_EXISTS', 'CONFLICT'], 422: ['INVALID_ROUND'] },
    async handle(ctx) {
      const r = relations(ctx);
      const body = await readJsonObject(ctx.request, 65_536);
      try {
        return jsonResponse(await openRound(roundDeps(ctx, r), body as unknown as RoundInput, ctx.actorId as string), 201);
      } catch (e) {
        return roundProblem(e);
      }
    },
  },
  {
    method: 'post',
    path: '/rounds/{roundId}/draws',
    operationId: 'drawRoundSample',
    summary: '双随机: draw enterprises for spot checks with a published seed, recorded in the round log',
    description:
      "Draws count enterprises of the round's population with the seed (sha256-rank-v1: anyone can re-draw); the whole draw (seed, population digest, list, digest) is appended to the hash-chained round log before the answer. Drawing again with another seed is recorded next to the earlier draw, never in its place.\n\n用公开种子从轮次范围内抽取企业，整个抽取记录写入带哈希链的轮次日志后才返回；换种子重抽会另行记录，不会覆盖。",
    tags: ['relations'],
    auth: 'required',
    requestBody: { type: 'object', required: ['seed', 'count'], properties: { seed: { type: 'string', minLength: 1, maxLength: 200 }, count: { type: 'integer', minimum: 0 } } },
    response: { status: 201, description: 'the recorded draw (a round log entry) / 抽取记录', schema: obj('RoundLogEntry<sample_drawn>') },
    errors: [400, 401, 403, 404, 409, 422],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED', 'ROUND_NOT_FOUND'], 409: ['CONFLICT'], 422: ['INVALID_ROUND'] },
    async handle(ctx) {
      const r = relations(ctx);
      const body = await readJsonObject(ctx.request, 4096);
      if (typeof body.seed !== 'string' || body.seed.length > 200 || typeof body.count !== 'number')
        throw new HttpProblem(
          422,
          'INVALID_ROUND',
          { 'zh-CN': '抽取无效', en: 'Invalid draw' },
          { 'zh-CN': '需要 seed（1–200 个字符）和 count（整数）', en: 'seed (1–200 characters) and count (an integer) are required' },
        );
      const units = await roundUnits(await r.enterprises(), r.rental);
      try {
        return jsonResponse(await drawRoundSample(roundDeps(ctx, r), { roundId: ctx.params.roundId as string, seed: body.seed, count: body.count, units }, ctx.actorId as string), 201);
      } catch (e) {
        return roundProblem(e);
      }
    },
  },
];
