import {
  areaCovers,
  buildEnterpriseFile,
  buildLandlordView,
  canRead,
  collectRoundCoverage,
  drawRoundSample,
  listReadableEnterprises,
  mayAskAboutEnterprise,
  mayChangeTenancy,
  mayManageRound,
  mayReadDocumentKind,
  mayReadRounds,
  openRound,
  readAccess,
  readableInspection,
  readRound,
  readScopes,
  RoundError,
  roundDrawsLeft,
  roundsFromLog,
  roundUnits,
  verifyRoundLog,
  withLandlordTenancies,
  type ActorProfile,
  type HazardFilter,
  type HazardSummary,
  type ReadScopes,
  type RoundDeps,
  type RoundDrawInput,
  type RoundInput,
  type TenancyRecord,
} from '@anjian/core/internal';
import { tenancyInstantRefused, type DocumentRecord } from '@anjian/core/ports';
import { quoteInput } from '@anjian/core/internal';
import { documentNumberOf } from '../document-context.js';
import { checkFilterValues } from '../filter-values.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKey } from '../idempotency-key.js';
import { readJsonObject } from '../read-json-body.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem } from '../problem.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
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

/**
 * The actor with the landlord tenancies of the moment (never taken from the request), and its read
 * scopes; an actor the directory does not know is refused first (`readerOf`: 403 UNKNOWN_ACTOR),
 * before the relations option is looked at.
 */
async function actorScopes(ctx: RouteContext): Promise<{ r: RelationsApiOptions; actor: ActorProfile; scopes: ReadScopes }> {
  const resolved = await readerOf(ctx);
  const r = relations(ctx);
  const actor = await withLandlordTenancies(resolved, r.rental);
  return { r, actor, scopes: readScopes(actor) };
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

const TENANCY: JsonSchema = {
  type: 'object',
  required: ['premisesId', 'landlordEnterpriseId', 'tenantEnterpriseId', 'area', 'period'],
  additionalProperties: false,
  description: 'one period of a tenant at a premises / 一段租赁关系',
  properties: {
    premisesId: { type: 'string' },
    landlordEnterpriseId: { type: 'string' },
    tenantEnterpriseId: { type: 'string' },
    area: { type: 'string' },
    period: { type: 'integer', minimum: 1, description: '1, 2, … each time the tenant rents the premises again / 第几次承租' },
    startedAt: { type: 'string' },
    startedBy: { type: 'string', description: 'who recorded the start / 登记开始的用户' },
    endedAt: { type: 'string' },
    endedBy: { type: 'string', description: 'who recorded the end / 登记终止的用户' },
  },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const invalidTenancy = (pointer: string, zh: string, en: string) =>
  new HttpProblem(422, 'INVALID_TENANCY', { 'zh-CN': '租赁关系无效', en: 'Invalid tenancy' }, { 'zh-CN': zh, en }, [
    { code: 'INVALID_TENANCY', severity: 'error', pointer, message: { 'zh-CN': zh, en } },
  ]);

/**
 * A tenancy change's body: only `fields`, each a string; `instant` (the time field) an ISO
 * instant in `toISOString()` form, not after `now` — absent means now. Located 422s.
 */
function tenancyBody(body: Record<string, unknown>, fields: readonly string[], instant: 'startedAt' | 'endedAt', now: Date): Record<string, string> {
  for (const key of Object.keys(body))
    if (!fields.includes(key)) throw invalidTenancy(`/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, `不认识的字段 ${quoteInput(key)}`, `unknown field ${quoteInput(key)}`);
  const out: Record<string, string> = {};
  for (const key of fields) {
    const v = body[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '' || v.length > 200) throw invalidTenancy(`/${key}`, `${key} 应为 1–200 个字符的字符串`, `${key} must be a string of 1–200 characters`);
    out[key] = v;
  }
  const at = out[instant] ?? now.toISOString();
  if (!INSTANT.test(at) || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at)
    throw invalidTenancy(`/${instant}`, `${instant} 应为如 2026-12-06T00:00:00.000Z 的时间`, `${instant} must be an instant like 2026-12-06T00:00:00.000Z`);
  // Core's one rule for a tenancy's instants: not before TENANCY_EARLIEST, not after now.
  const refused = tenancyInstantRefused(instant, at, now);
  if (refused) throw invalidTenancy(`/${instant}`, refused.localized['zh-CN'], refused.localized.en);
  out[instant] = at;
  return out;
}

/** The directory's refusal of a tenancy change as a problem; anything else is rethrown. */
function tenancyProblem(e: unknown, kind: 'start' | 'end'): never {
  // By name, not instanceof: the directory may come from another bundle of core.
  const x = e as { name?: string; code?: string; field?: string; localized?: { 'zh-CN': string; en: string } };
  if (x?.name !== 'RentalDirectoryError' || !x.localized) throw e;
  if (x.code === 'UNKNOWN') throw new HttpProblem(404, kind === 'end' ? 'TENANCY_NOT_FOUND' : 'PREMISES_NOT_FOUND', { 'zh-CN': '未找到', en: 'Not found' }, x.localized);
  if (x.code === 'CONFLICT')
    throw new HttpProblem(409, kind === 'end' ? 'TENANCY_ENDED' : x.field === 'startedAt' ? 'TENANCY_OVERLAP' : 'TENANCY_EXISTS', { 'zh-CN': '冲突', en: 'Conflict' }, x.localized);
  const pointer = `/${x.field ?? ''}`;
  throw new HttpProblem(422, 'INVALID_TENANCY', { 'zh-CN': '租赁关系无效', en: 'Invalid tenancy' }, x.localized, [{ code: 'INVALID_TENANCY', severity: 'error', pointer, message: x.localized }]);
}

/**
 * The actor and the premises of a tenancy change, after the permission check
 * (`mayChangeTenancy`): an actor with no staff role is refused before the premises is looked
 * up, so an enterprise user learns nothing of premises ids.
 */
async function tenancyChange(ctx: RouteContext, r: RelationsApiOptions) {
  const actor = await readerOf(ctx);
  const refuse = () =>
    forbidden(
      '只有部门管理员或辖区覆盖该场所的网格员、执法人员可以登记租赁关系的开始和终止',
      "only a department admin, or a grid inspector or officer whose areas cover the premises, may record a tenancy's start or end",
    );
  if (!['department_admin', 'grid', 'enforcement'].some((role) => actor.roles.includes(role as never))) throw refuse();
  const premises = await r.rental.premises(ctx.params.premisesId as string);
  if (!premises) throw notFound('PREMISES_NOT_FOUND', `没有场所 ${quoteInput(ctx.params.premisesId ?? '')}`, `no premises ${quoteInput(ctx.params.premisesId ?? '')}`);
  if (!mayChangeTenancy(actor, premises)) throw refuse();
  return { actor, premises };
}

function roundDeps(ctx: RouteContext, r: RelationsApiOptions): RoundDeps {
  return {
    rounds: r.rounds,
    directory: ctx.deps.directory,
    clock: ctx.deps.clock,
    packDomain: (id) => ctx.deps.packs?.get(id)?.pack.domain ?? null,
    ...(r.roundSeedKey === undefined ? {} : { seedKey: r.roundSeedKey }),
  };
}

/** Directory relations (issue 17) — only when `createAnjianApi({ relations })` is configured. */
export const RELATIONS_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/enterprises',
    operationId: 'listEnterprises',
    summary: 'The registered enterprises the actor may read, by area and name (名录) / 可查看的登记企业',
    description:
      "The register of enterprises (the directory's listEnterprises, the filter pushed down, when it has one; else RelationsApiOptions.enterprises) narrowed on the server by the actor's read policy (core's mayReadSomeOf, in listReadableEnterprises): an officer those of its jurisdiction, a grid inspector those of its grid, a department admin all, an enterprise user its own, a landlord its own and its tenants (current and past). Each line is the directory's record: id, name, area, and address and regime when registered — nothing else (no legal representative, no phone). `area` keeps the enterprises registered in it or its sub-areas, `q` those whose name or id contains it; an area the server does not know is 422 UNKNOWN_QUERY_VALUE (malformed: 400), not an empty list; ordered by id, `after` (the previous page's `next`) continues, `next` is null on the last page.\n\n按读取规则在服务器端收窄的企业名录：执法人员为其辖区，网格员为其网格，部门管理员为全部，企业用户为本企业，出租方另含其承租方（含历史）。每行为名录登记的 id、名称、区域，登记了的地址与许可规则类别，不含其他信息。area 按区域（含下级）筛选，q 按名称或编号包含筛选；服务器不知道的区域返回 422 UNKNOWN_QUERY_VALUE（格式错误为 400），而不是空列表；按编号排序，after 续查（上一页的 next），最后一页 next 为 null。",
    tags: ['relations'],
    auth: 'required',
    parameters: [
      { name: 'area', in: 'query', description: 'area code, sub-areas included / 区域（含下级）', schema: { type: 'string', maxLength: 200 } },
      { name: 'q', in: 'query', description: 'part of the name or id / 名称或编号的一部分', schema: { type: 'string', maxLength: 100 } },
      { name: 'after', in: 'query', description: 'the `next` of the previous page / 上一页的 next', schema: { type: 'string', maxLength: 200 } },
      { name: 'limit', in: 'query', description: 'page size 1–500, default 100 / 每页条数', schema: { type: 'string', pattern: '^[0-9]{1,3}$' } },
    ],
    response: {
      status: 200,
      description: 'one page of the readable register / 可查看的企业名录（一页）',
      schema: {
        type: 'object',
        required: ['items', 'next'],
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'name', 'area'],
              additionalProperties: false,
              properties: {
                id: { type: 'string' },
                name: { type: 'string', description: 'as registered / 登记名称' },
                area: { type: 'string', description: 'registered area / 登记区域' },
                address: { type: 'string', description: 'registered address / 登记地址' },
                regime: { type: 'string', enum: ['hazchem', 'general'], description: 'which standard its permits are held to / 作业许可适用的规则类别' },
              },
            },
          },
          next: { type: ['string', 'null'], description: 'pass as `after` for the next page; null on the last / 下一页的 after，最后一页为 null' },
        },
      },
    },
    errors: [400, 401, 403, 404, 422],
    problemCodes: withReaderCodes({ 400: ['INVALID_QUERY'], 404: ['RELATIONS_NOT_CONFIGURED'], 422: ['UNKNOWN_QUERY_VALUE'] }),
    async handle(ctx) {
      const { r, actor, scopes } = await actorScopes(ctx);
      const q = ctx.query;
      const bad = (zh: string, en: string) => new HttpProblem(400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': zh, en });
      const limitText = q.get('limit');
      const limit = limitText === null ? 100 : Number(limitText);
      if (limitText !== null && (!/^[0-9]{1,3}$/.test(limitText) || limit < 1 || limit > 500)) throw bad('limit 须为 1–500', 'limit must be 1–500');
      const area = q.get('area');
      const text = q.get('q');
      const after = q.get('after');
      for (const [name, value, max] of [
        ['q', text, 100],
        ['after', after, 200],
      ] as const)
        if (value !== null && (value === '' || value.length > max)) throw bad(`${name} 应为 1–${max} 个字符`, `${name} must be 1–${max} characters`);
      // Derived on the server: the register, each enterprise kept when some record of it could lie inside the actor's scopes
      // (core's listReadableEnterprises: pushed down to the directory's listEnterprises when it has one, else r.enterprises() filtered).
      const source = { directory: ctx.deps.directory, register: r.enterprises };
      // An area the server does not know is 422 UNKNOWN_QUERY_VALUE, not an empty list (T60); malformed, 400.
      await checkFilterValues(ctx, actor, scopes, { area: 'area' }, async (a) => (await listReadableEnterprises(source, scopes, { areas: [a], limit: 1 })).items.length > 0);
      const { items: page, next } = await listReadableEnterprises(source, scopes, {
        ...(area === null ? {} : { areas: [area] }),
        ...(text === null ? {} : { q: text }),
        ...(after === null ? {} : { after }),
        limit,
      });
      const items = page.map((e) => ({
        id: e.id,
        name: e.name,
        area: e.area,
        ...(e.address === undefined ? {} : { address: e.address }),
        ...(e.regime === undefined ? {} : { regime: e.regime }),
      }));
      return jsonResponse({ items, next });
    },
  },
  {
    method: 'get',
    path: '/enterprises/{enterpriseId}/file',
    operationId: 'getEnterpriseFile',
    summary: 'One file per enterprise (一企一档): profile, premises, packs, devices, inspections, hazards, rounds, recurrence',
    description:
      "The enterprise's file as core's buildEnterpriseFile builds it, narrowed by the read policy: hazards and inspections the actor may not read are left out (a landlord sees its tenant's at its premises only; an officer those of its domains). An actor who may read nothing of the enterprise gets 403. With documents configured, each hazard's document carries `number`, its 文号 as printed. Each tenancy line shown names the other party as the directory registers it: landlordName on premises.rented, tenantName on premises.tenants, both on premises.past (absent for one the directory does not know).\n\n企业档案（一企一档），按读取规则收窄：无权读取的隐患和检查记录不列出（出租方只看到承租方在其场所的记录）。启用执法文书时，每份文书带 `number`（文号）。每条租赁记录附名录登记的对方名称（landlordName、tenantName）。",
    tags: ['relations'],
    auth: 'required',
    parameters: [{ name: 'recurrenceDays', in: 'query', description: 'recurrence window, 1–366 days / 复发期限（天）', schema: { type: 'string', pattern: '^[0-9]+$' } }],
    response: { status: 200, description: 'the enterprise file / 企业档案', schema: obj('EnterpriseFile of @anjian/core/internal') },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes({ 404: ['RELATIONS_NOT_CONFIGURED', 'ENTERPRISE_NOT_FOUND'] }),
    async handle(ctx) {
      const { r, actor, scopes } = await actorScopes(ctx);
      const asked = ctx.params.enterpriseId as string;
      const refused = () => forbidden(`你无权查看企业 ${quoteInput(asked)} 的档案`, `you may not read the file of enterprise ${quoteInput(asked)}`);
      // Core's order: an actor that may not ask about the id (an enterprise user naming another) is refused before
      // the look-up, so a registered enterprise and an unknown one answer alike; who may know the register is told.
      if (!mayAskAboutEnterprise(scopes, asked)) throw refused();
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
        asked,
        { asOf: ctx.deps.clock.now(), recurrenceDays },
      );
      if (!file) throw notFound('ENTERPRISE_NOT_FOUND', `没有企业 ${quoteInput(asked)}`, `no enterprise ${quoteInput(asked)}`);
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
      // What the read policy looks at in a record: core's one mapping (as GET /evidence and the portal).
      const inspections = file.inspections.filter((i) => readable(readableInspection(i)));
      if (
        !whole &&
        open.length + closed.length + inspections.length === 0 &&
        !(scopes as HazardFilter[]).some((s) => s.enterpriseId === id || (s.area !== undefined && areaCovers(s.area, file.profile.area)))
      )
        throw refused();
      const visible = new Set([...open, ...closed].map((h) => h.summary.hazardId));
      // Each document with its 文号 as printed (as GET /hazards/{id}/documents lists it), when the API has documents.
      const documents = ctx.options.documents;
      // A landlord's hazards of its tenant list only the documents it may read of them (core's readAccess, mayReadDocumentKind).
      const numbered = <H extends { summary: HazardSummary; documents: readonly DocumentRecord[] }>(h: H): H => {
        const access = readAccess(actor, h.summary) ?? 'premises';
        const shown = h.documents.filter((d) => mayReadDocumentKind(access, d.kind));
        return { ...h, documents: documents ? shown.map((d) => ({ ...d, number: documentNumberOf(documents, d) })) : shown };
      };
      const atPremises = new Set(scopes === 'all' ? [] : scopes.flatMap((x) => (x.premisesId === undefined ? [] : [x.premisesId])));
      // A partial reader (a landlord) sees only the premises its scopes name, not the tenant's others.
      const shownPremises = whole
        ? file.premises
        : {
            held: file.premises.held.filter((p) => atPremises.has(p.id)),
            rented: file.premises.rented.filter((r) => atPremises.has(r.premises.id)),
            tenants: [],
            past: file.premises.past.filter((t) => atPremises.has(t.premisesId)),
          };
      // The other party of each tenancy line shown, named as the directory registers it (its name only): a landlord of
      // the enterprise, a tenant of it — parties of its own tenancies, no one else. One the directory does not know keeps its id.
      const parties = [
        ...new Set([
          ...shownPremises.rented.map((x) => x.landlordEnterpriseId),
          ...shownPremises.tenants.map((x) => x.tenantEnterpriseId),
          ...shownPremises.past.flatMap((x) => [x.landlordEnterpriseId, x.tenantEnterpriseId]),
        ]),
      ];
      const partyNames = new Map(await Promise.all(parties.map(async (p) => [p, (await ctx.deps.directory.enterprise(p))?.name] as const)));
      const nameOf = (key: 'landlordName' | 'tenantName', party: string) => {
        const name = partyNames.get(party);
        return name === undefined ? {} : { [key]: name };
      };
      return jsonResponse({
        ...file,
        premises: {
          held: shownPremises.held,
          rented: shownPremises.rented.map((x) => ({ ...x, ...nameOf('landlordName', x.landlordEnterpriseId) })),
          tenants: shownPremises.tenants.map((x) => ({ ...x, ...nameOf('tenantName', x.tenantEnterpriseId) })),
          past: shownPremises.past.map((x) => ({ ...x, ...nameOf('landlordName', x.landlordEnterpriseId), ...nameOf('tenantName', x.tenantEnterpriseId) })),
        },
        devices: whole ? file.devices : [],
        inspections,
        hazards: { open: open.map(numbered), closed: closed.map(numbered) },
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
      'Every premises the landlord holds that has tenants, had tenants or is a group-rental point (群租房), each current tenant with its hazards found at that premises rolled up (open by level, overdue, closed), and the past tenancies with their periods and what the tenant found there during them — for supervision as a unit (挂牌督办). Each tenant line (current and past) names the tenant as the directory registers it: tenantName, and tenantAddress when registered — nothing else of its record, and no enterprise that does not rent from the landlord; a tenant the directory does not know has neither. Hazards the actor may not read are not counted; an actor who is neither the landlord nor reads its area gets 403. manage lists the premises whose tenancies the actor may start and end.\n\n出租方名下的出租点及其承租方隐患汇总（含历史租赁及租期），可整体挂牌督办；每条承租记录附名录登记的承租方名称 tenantName 及地址 tenantAddress（仅此二项）；manage 为当前用户可登记租赁开始和终止的场所。',
    tags: ['relations'],
    auth: 'required',
    response: { status: 200, description: 'the landlord view / 出租方视图', schema: obj('LandlordView of @anjian/core/internal') },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes({ 404: ['RELATIONS_NOT_CONFIGURED', 'ENTERPRISE_NOT_FOUND'] }),
    async handle(ctx) {
      const { r, actor, scopes } = await actorScopes(ctx);
      const asked = ctx.params.enterpriseId as string;
      const refused = () => forbidden(`你无权查看出租方 ${quoteInput(asked)} 的出租点`, `you may not read the rental points of landlord ${quoteInput(asked)}`);
      // As for the file: refused before the look-up when the actor may not ask about the id.
      if (!mayAskAboutEnterprise(scopes, asked)) throw refused();
      const landlord = await ctx.deps.directory.enterprise(asked);
      if (!landlord) throw notFound('ENTERPRISE_NOT_FOUND', `没有企业 ${quoteInput(asked)}`, `no enterprise ${quoteInput(asked)}`);
      const own = actor.roles.includes('enterprise') && (actor.enterpriseIds ?? []).includes(landlord.id);
      const premises = await r.rental.premisesOf(landlord.id);
      const reachesArea = scopes === 'all' || scopes.some((s) => s.enterpriseId === undefined && s.area !== undefined && premises.some((p) => areaCovers(s.area as string, p.area)));
      if (!own && !reachesArea) throw refused();
      const view = await buildLandlordView({ rental: r.rental, store: ctx.deps.store }, landlord.id, { asOf: ctx.deps.clock.now(), visible: (row) => canRead(scopes, row) });
      // Who rents (or rented) here, as the directory registers them: each tenant line names its enterprise (name, and its
      // address when registered) and nothing else of its record; the view holds the landlord's own tenancies only, so no
      // other enterprise is named. One the directory does not know keeps its id alone.
      const tenantIds = [...new Set(view.premises.flatMap((line) => [...line.tenants, ...line.pastTenancies].map((t) => t.tenantEnterpriseId)))];
      const registered = new Map(await Promise.all(tenantIds.map(async (id) => [id, await ctx.deps.directory.enterprise(id)] as const)));
      const named = <T extends { tenantEnterpriseId: string }>(t: T): T & { tenantName?: string; tenantAddress?: string } => {
        const e = registered.get(t.tenantEnterpriseId);
        return e ? { ...t, tenantName: e.name, ...(e.address === undefined ? {} : { tenantAddress: e.address }) } : t;
      };
      const premisesLines = view.premises.map((line) => ({ ...line, tenants: line.tenants.map(named), pastTenancies: line.pastTenancies.map(named) }));
      // The premises whose tenancies the actor may start and end (the portal shows its actions there).
      return jsonResponse({ landlord, ...view, premises: premisesLines, manage: premises.filter((p) => mayChangeTenancy(actor, p)).map((p) => p.id) });
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
    problemCodes: withReaderCodes({ 404: ['RELATIONS_NOT_CONFIGURED'] }),
    async handle(ctx) {
      const { r, actor, scopes } = await actorScopes(ctx);
      // Core's read policy, before any round is looked up (a round's existence does not leak).
      if (!mayReadRounds(actor)) throw forbidden('企业用户请在企业档案中查看轮次', 'enterprise users see their rounds in their file');
      const log = await r.rounds.readRoundLog(1, 100_000);
      const units = await roundUnits(await r.enterprises(), r.rental);
      // each coverage entry's area by its enterprise: one lookup, not a scan of the register per entry (15 000² at city scale)
      const areaOf = new Map<string, string>();
      for (const u of units) if (!areaOf.has(u.enterprise.id)) areaOf.set(u.enterprise.id, u.enterprise.area);
      const now = ctx.deps.clock.now();
      const rounds = [];
      for (const state of roundsFromLog(log)) {
        const coverage = ctx.deps.inspections ? await collectRoundCoverage(ctx.deps.inspections, state.round, units, now) : null;
        const entries = coverage ? coverage.entries.filter((e) => canRead(scopes, { enterpriseId: e.enterpriseId, area: areaOf.get(e.enterpriseId) ?? '', domain: state.round.scope.domain })) : [];
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
      'The round, every 双随机 draw recorded for it (a draw whose seed differs from an earlier one is marked seedChanged), drawsLeft (how many more draws the round allows: the first and MAX_ROUND_REDRAWS = 2 re-draws, then 0 — a draw is then 422 REDRAW_LIMIT), and its coverage per enterprise the actor may read (done with the covering inspection, due, overdue).\n\n轮次、全部抽查记录（种子变更会被标出）、drawsLeft（还可抽取的次数：首次抽取后最多重新抽取 2 次，为 0 时再抽取返回 REDRAW_LIMIT）及按企业的覆盖情况。',
    tags: ['relations'],
    auth: 'required',
    response: { status: 200, description: 'the round / 轮次', schema: obj('{ round, draws, drawsLeft, manage, coverage }') },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes({ 404: ['RELATIONS_NOT_CONFIGURED', 'ROUND_NOT_FOUND'] }),
    async handle(ctx) {
      const { r, actor, scopes } = await actorScopes(ctx);
      // Core's read policy, before any round is looked up (a round's existence does not leak).
      if (!mayReadRounds(actor)) throw forbidden('企业用户请在企业档案中查看轮次', 'enterprise users see their rounds in their file');
      const state = await readRound(r.rounds, ctx.params.roundId as string);
      if (!state) throw notFound('ROUND_NOT_FOUND', `没有轮次 ${quoteInput(ctx.params.roundId ?? '')}`, `no round ${quoteInput(ctx.params.roundId ?? '')}`);
      const units = await roundUnits(await r.enterprises(), r.rental);
      const area = new Map(units.map((u) => [u.enterprise.id, u.enterprise]));
      const coverage = ctx.deps.inspections ? await collectRoundCoverage(ctx.deps.inspections, state.round, units, ctx.deps.clock.now()) : null;
      const entries = (coverage?.entries ?? [])
        .filter((e) => canRead(scopes, { enterpriseId: e.enterpriseId, area: area.get(e.enterpriseId)?.area ?? '', domain: state.round.scope.domain }))
        .map((e) => ({ ...e, name: area.get(e.enterpriseId)?.name ?? e.enterpriseId, area: area.get(e.enterpriseId)?.area ?? '' }));
      return jsonResponse({ ...state, drawsLeft: roundDrawsLeft(state.draws.length), manage: mayManageRound(actor, state.round.scope), coverage: coverage && { ...coverage, entries } });
    },
  },
  {
    method: 'post',
    path: '/rounds',
    operationId: 'openRound',
    summary: 'Open an inspection round or campaign / 开启检查轮次',
    description:
      "Opens a round (kind, title, pack, scope, days): checked by core's openRound, the domain derived from the server's pack, recorded in the hash-chained round log. A department admin, or an officer supervising the pack's domain in the round's area. startsOn is no earlier than 2000-01-01 (ROUND_EARLIEST_DAY) and a round lasts at most 1,096 days, both days included (MAX_ROUND_DAYS: a three-year campaign fits); else 422 INVALID_ROUND, issue DATE_RANGE at /startsOn or /endsOn, nothing recorded.\n\n开启检查轮次：由核心校验，领域取自服务器上的检查表，写入带哈希链的轮次日志。开始日期不早于 2000-01-01，轮次最长 1096 天（含首尾，三年行动可以开启），否则返回 422（DATE_RANGE），不记录。",
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
    summary: '双随机: draw enterprises for spot checks with the seed committed when the round opened, recorded in the round log',
    description:
      "Draws count enterprises of the round's population with the round's committed seed (T33): the server generated it when the round opened and published only its SHA-256 (round.seeds.commitment); the draw reveals it, so anyone checks sha256(seed) = commitment and re-draws the list by hand (sha256-rank-v1). Nobody types a seed: a body with `seed` is 422 SEED_NOT_ACCEPTED. A re-draw needs a reason and reveals the seed the previous draw committed to (nextCommitment); it is recorded next to the earlier draw, marked seedChanged, never in its place. A round is drawn at most three times — the first draw and MAX_ROUND_REDRAWS = 2 re-draws (GET /rounds/{roundId} says drawsLeft); one more is 422 INVALID_ROUND with issue REDRAW_LIMIT at /roundId, naming the earlier reasons, nothing recorded (inspect the latest list, or the department opens a new round). The Idempotency-Key makes a retry answer the draw it recorded (header Idempotent-Replayed), also when requests race; the same key with another count or reason is 422 IDEMPOTENCY_KEY_REUSED. A round opened without a commitment, or a server without its round seed key, cannot draw (422, fail closed).\n\n用开启轮次时由服务器生成的种子抽取：开启时只公布其 SHA-256 承诺值，抽取时揭示种子，任何人可核验 sha256(种子) 等于承诺值并手工复抽。抽取人不能提供种子（请求含 seed 返回 422 SEED_NOT_ACCEPTED）。重新抽取须填写原因，揭示上次抽取公布承诺值的下一个种子，与原抽取一并记录并标记种子已变更。首次抽取后最多重新抽取 2 次，再抽取返回 422（REDRAW_LIMIT），不记录。相同幂等键的重试（包括并发请求）返回已记录的抽取；相同键不同数量或原因为 422。轮次开启时没有承诺值、或服务器未配置种子密钥时不能抽取。",
    tags: ['relations'],
    auth: 'required',
    parameters: [IDEMPOTENCY_KEY_HEADER],
    requestBody: {
      type: 'object',
      required: ['count'],
      additionalProperties: false,
      properties: {
        count: {
          type: 'integer',
          minimum: 1,
          description:
            "how many enterprises to draw: 1 up to the round's population, else 422 (issue COUNT_ABOVE_POPULATION or INVALID_DRAW at /count), nothing recorded / 抽取数量：1 至轮次范围内的企业数",
        },
        reason: { type: 'string', minLength: 1, maxLength: 200, description: 'why the round is drawn again: required for every draw after the first / 重新抽取原因' },
      },
    },
    response: { status: 201, description: 'the recorded draw (a round log entry; a replay answers the same one) / 抽取记录', schema: obj('RoundLogEntry<sample_drawn>') },
    errors: [400, 401, 403, 404, 409, 422],
    problemCodes: { 404: ['RELATIONS_NOT_CONFIGURED', 'ROUND_NOT_FOUND'], 409: ['CONFLICT'], 422: ['INVALID_ROUND'] },
    async handle(ctx) {
      const r = relations(ctx);
      const key = idempotencyKey(ctx);
      const body = await readJsonObject(ctx.request, 4096);
      const units = await roundUnits(await r.enterprises(), r.rental);
      try {
        // The body's fields as sent (core refuses a seed and unknown fields); the round, key and register only from the server.
        for (const field of ['roundId', 'key', 'units']) if (field in body) throw new RoundError('UNKNOWN_FIELD', `/${field}`, `抽取请求中没有字段 ${field}`, `a draw request has no field ${field}`);
        const input = { ...body, roundId: ctx.params.roundId as string, key, units } as unknown as RoundDrawInput;
        const { entry, replayed } = await drawRoundSample(roundDeps(ctx, r), input, ctx.actorId as string);
        return jsonResponse(entry, 201, replayed ? { 'idempotent-replayed': 'true' } : undefined);
      } catch (e) {
        return roundProblem(e);
      }
    },
  },
  {
    method: 'post',
    path: '/premises/{premisesId}/tenancies',
    operationId: 'startTenancy',
    summary: 'Start a tenancy: a tenant renting at the premises (again, after an end) / 登记租赁开始',
    description:
      "Records that tenantEnterpriseId rents at the premises from startedAt (default: now; never in the future, never before 2000-01-01T00:00:00.000Z — TENANCY_EARLIEST; else 422 INVALID_TENANCY at /startedAt): a new period of the tenancy — 1 the first time, 2 when the tenant rents again after an end — so the landlord reads the tenant's hazards found there from then on, and the tenant may report there. Who: a department admin, or a grid inspector or enforcement officer whose areas cover the premises' area — never the landlord or the tenant (the relation decides what a landlord reads). The actor is recorded as startedBy. A tenant renting there already is 409 TENANCY_EXISTS; a start before the end of its previous period 409 TENANCY_OVERLAP.\n\n登记承租企业自 startedAt（默认当前时间，不能晚于当前时间）起承租该场所（不能早于 2000-01-01T00:00:00.000Z，否则 422 INVALID_TENANCY）：租赁关系的新一期（首次为 1，终止后再次承租为 2……）。由部门管理员或辖区覆盖该场所的网格员、执法人员登记，出租方和承租方不能自行登记；登记人记为 startedBy。",
    tags: ['relations'],
    auth: 'required',
    requestBody: {
      type: 'object',
      required: ['tenantEnterpriseId'],
      additionalProperties: false,
      properties: {
        tenantEnterpriseId: { type: 'string', minLength: 1, maxLength: 200 },
        startedAt: { type: 'string', description: 'an instant like 2026-12-06T00:00:00.000Z, default now / 时间，默认当前时间' },
      },
    },
    response: { status: 201, description: 'the new tenancy / 新的租赁关系', schema: TENANCY },
    errors: [400, 401, 403, 404, 409, 422],
    problemCodes: withReaderCodes({ 404: ['RELATIONS_NOT_CONFIGURED', 'PREMISES_NOT_FOUND'], 409: ['TENANCY_EXISTS', 'TENANCY_OVERLAP'], 422: ['INVALID_TENANCY'] }),
    async handle(ctx) {
      const r = relations(ctx);
      const { actor, premises } = await tenancyChange(ctx, r);
      const body = tenancyBody(await readJsonObject(ctx.request, 4096), ['tenantEnterpriseId', 'startedAt'], 'startedAt', ctx.deps.clock.now());
      const tenantEnterpriseId = body.tenantEnterpriseId;
      if (tenantEnterpriseId === undefined) throw invalidTenancy('/tenantEnterpriseId', '缺少承租企业 tenantEnterpriseId', 'tenantEnterpriseId is required');
      if (!(await ctx.deps.directory.enterprise(tenantEnterpriseId)))
        throw invalidTenancy('/tenantEnterpriseId', `名录中没有企业 ${quoteInput(tenantEnterpriseId)}`, `no enterprise ${quoteInput(tenantEnterpriseId)} in the directory`);
      let tenancy: TenancyRecord;
      try {
        tenancy = await r.rental.startTenancy({ premisesId: premises.id, tenantEnterpriseId, startedAt: body.startedAt as string, startedBy: actor.id });
      } catch (e) {
        return tenancyProblem(e, 'start');
      }
      return jsonResponse(tenancy, 201);
    },
  },
  {
    method: 'post',
    path: '/premises/{premisesId}/tenancies/{tenantEnterpriseId}/end',
    operationId: 'endTenancy',
    summary: 'End a tenancy (结束租赁): the history is kept / 登记租赁终止',
    description:
      "Records that the tenant's current tenancy at the premises ended at endedAt (default: now; never in the future, and after the tenancy's start). The tenancy stays in the history with its period; the landlord keeps reading what the tenant found there during it and nothing found from the end on, and the tenant may no longer report there. Who: as for starting one. The actor is recorded as endedBy. No tenancy of the tenant there is 404 TENANCY_NOT_FOUND; one already ended 409 TENANCY_ENDED; an end not after the start 422 INVALID_TENANCY at /endedAt.\n\n登记承租企业在该场所的当前租赁关系于 endedAt（默认当前时间，不能晚于当前时间，须晚于开始时间）终止；历史保留，出租方仍可读取租期内的隐患，终止后的读不到。登记人记为 endedBy。",
    tags: ['relations'],
    auth: 'required',
    requestBody: {
      type: 'object',
      additionalProperties: false,
      properties: { endedAt: { type: 'string', description: 'an instant like 2026-12-06T00:00:00.000Z, default now / 时间，默认当前时间' } },
    },
    response: { status: 200, description: 'the ended tenancy / 已终止的租赁关系', schema: TENANCY },
    errors: [400, 401, 403, 404, 409, 422],
    problemCodes: withReaderCodes({ 404: ['RELATIONS_NOT_CONFIGURED', 'PREMISES_NOT_FOUND', 'TENANCY_NOT_FOUND'], 409: ['TENANCY_ENDED'], 422: ['INVALID_TENANCY'] }),
    async handle(ctx) {
      const r = relations(ctx);
      const { actor, premises } = await tenancyChange(ctx, r);
      const body = tenancyBody(await readJsonObject(ctx.request, 4096), ['endedAt'], 'endedAt', ctx.deps.clock.now());
      let tenancy: TenancyRecord;
      try {
        tenancy = await r.rental.endTenancy({ premisesId: premises.id, tenantEnterpriseId: ctx.params.tenantEnterpriseId as string, endedAt: body.endedAt as string, endedBy: actor.id });
      } catch (e) {
        return tenancyProblem(e, 'end');
      }
      return jsonResponse(tenancy);
    },
  },
];
