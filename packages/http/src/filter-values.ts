import type { ActorProfile } from '@anjian/core';
import { AREA_PATTERN, areaCovers, DOMAIN_PATTERN, enterpriseForRead, ID_PATTERN, narrow, quoteInput, timeBounded, type ReadScopes } from '@anjian/core/internal';
import type { HazardFilter } from '@anjian/core/ports';
import { HttpProblem, type Bilingual } from './problem.js';
import type { RouteContext } from './types.js';

/** The query parameters that name something the server knows, and their names in this route's query. */
export interface FilterNames {
  enterprise?: string;
  domain?: string;
  area?: string;
}

const forbidden = (message: Bilingual) => new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '拒绝访问', en: 'Forbidden' }, message);

function problemAt(status: 400 | 422, code: string, issue: string, parameter: string, message: Bilingual): HttpProblem {
  const title = status === 400 ? { 'zh-CN': '请求无效', en: 'Bad request' } : { 'zh-CN': '查询参数的取值未知', en: 'Unknown query value' };
  return new HttpProblem(status, code, title, message, [{ code: issue, severity: 'error', parameter, message }]);
}

const malformed = (parameter: string, value: string, zh: string, en: string) =>
  problemAt(400, 'INVALID_QUERY', 'MALFORMED_VALUE', parameter, {
    'zh-CN': `查询参数 ${parameter} 的取值 ${quoteInput(value)} 无效：${zh}`,
    en: `query parameter ${parameter}: ${quoteInput(value)} is not ${en}`,
  });

/**
 * The problem of a query value the server does not know: 422 `UNKNOWN_QUERY_VALUE` with one issue
 * (`issue`, e.g. `UNKNOWN_AREA`) naming the parameter, both languages — every list and report
 * route answers an unknown value with it.
 */
export const unknownQueryValue = (parameter: string, issue: string, zh: string, en: string): HttpProblem =>
  problemAt(422, 'UNKNOWN_QUERY_VALUE', issue, parameter, { 'zh-CN': `查询参数 ${parameter}：${zh}`, en: `query parameter ${parameter}: ${en}` });

/** Whether some hazard the actor reads matches `filter` (one row looked at per scope; a time-bounded scope is not probed). */
async function someReadable(ctx: RouteContext, scopes: ReadScopes, filter: HazardFilter): Promise<boolean> {
  const probes = scopes === 'all' ? [filter] : scopes.filter((s) => !timeBounded(s)).flatMap((s) => narrow(filter, s) ?? []);
  for (const probe of probes) if ((await ctx.deps.store.query(probe, { limit: 1, after: null })).items.length > 0) return true;
  return false;
}

/**
 * A list or report filter checked against what the server knows, before the list is read —
 * an unknown value answered with an empty list would look like "nothing there" (fail closed):
 *
 * - malformed (`area=D1//G1`, an enterprise id or domain that cannot be one): 400 `INVALID_QUERY`;
 * - an enterprise: core's `enterpriseForRead` — an actor that may not ask about the id (an
 *   enterprise user naming another enterprise) is refused 403 `FORBIDDEN` before the id is looked
 *   up, alike for a registered and an unknown one; who may know the register is answered
 *   422 `UNKNOWN_QUERY_VALUE` for an id the directory does not know, and 403 for an enterprise
 *   none of whose records it may read;
 * - a domain: known when a loaded pack serves it, one of the actor's departments supervises it,
 *   or a hazard the actor reads has it; else 422;
 * - an area: known when it is (or contains) the area of a registered enterprise (the relations'
 *   register — the directory's `listEnterprises` when it has one —, or the enterprises the actor's
 *   scopes name), of the actor's jurisdiction, of a hazard the actor reads, or what the route's
 *   `areaKnownHere` accepts; else 422.
 *
 * Each problem carries one issue naming the parameter (`parameter`), in both languages, the value
 * echoed cut to 64 characters. A known value outside the actor's scopes is still a filter that
 * matches nothing it may read (an empty list), not an error.
 */
export async function checkFilterValues(
  ctx: RouteContext,
  actor: ActorProfile | null,
  scopes: ReadScopes,
  names: FilterNames,
  /** What else tells this route an area is known (the permit list: an open permit in it). */
  areaKnownHere?: (area: string) => Promise<boolean>,
): Promise<void> {
  const value = (name: string | undefined) => (name === undefined ? null : ctx.query.get(name));
  const enterpriseId = value(names.enterprise);
  const domain = value(names.domain);
  const area = value(names.area);
  if (enterpriseId !== null && !ID_PATTERN.test(enterpriseId))
    throw malformed(names.enterprise!, enterpriseId, '企业编号为 1–128 个字母、数字或 ._:-', 'an enterprise id (1–128 letters, digits or ._:-)');
  if (domain !== null && !DOMAIN_PATTERN.test(domain)) throw malformed(names.domain!, domain, '领域应如 gas 或 confined_space', 'a domain like gas or confined_space');
  if (area !== null && !AREA_PATTERN.test(area)) throw malformed(names.area!, area, '区域代码应如 D1 或 D1/G1', 'an area code like D1 or D1/G1');
  if (enterpriseId !== null) {
    const decided = await enterpriseForRead(scopes, enterpriseId, (id) => ctx.deps.directory.enterprise(id));
    if (!decided.ok && decided.reason === 'forbidden')
      throw forbidden({ 'zh-CN': `你无权查看企业 ${quoteInput(enterpriseId)} 的记录`, en: `you may not read the records of enterprise ${quoteInput(enterpriseId)}` });
    if (!decided.ok) throw unknownQueryValue(names.enterprise!, 'UNKNOWN_ENTERPRISE', `名录中没有企业 ${quoteInput(enterpriseId)}`, `no enterprise ${quoteInput(enterpriseId)} in the directory`);
  }
  if (domain !== null) {
    const served = [...ctx.packs.values()].some((p) => p.domain === domain);
    const supervised = (actor?.departments ?? []).some((d) => d.domains.includes(domain));
    if (!served && !supervised && !(await someReadable(ctx, scopes, { domain }))) {
      const domains = [...new Set([...ctx.packs.values()].map((p) => p.domain))].sort();
      throw unknownQueryValue(
        names.domain!,
        'UNKNOWN_DOMAIN',
        `没有检查表或记录属于领域 ${quoteInput(domain)}（已知领域：${domains.join('、') || '无'}）`,
        `no pack or record is of domain ${quoteInput(domain)} (known domains: ${domains.join(', ') || 'none'})`,
      );
    }
  }
  if (area !== null && !(await knownArea(ctx, actor, scopes, area)) && !(await areaKnownHere?.(area))) {
    throw unknownQueryValue(
      names.area!,
      'UNKNOWN_AREA',
      `服务器不知道区域 ${quoteInput(area)}：可列出的企业名录、你的辖区和你可读取的记录中都没有位于该区域的`,
      `this server knows no area ${quoteInput(area)}: nothing in the enterprise register it can list, in your jurisdiction or in the records you read lies in it`,
    );
  }
}

async function knownArea(ctx: RouteContext, actor: ActorProfile | null, scopes: ReadScopes, area: string): Promise<boolean> {
  const within = (a: string) => areaCovers(area, a);
  const jurisdiction = [...(actor?.gridAreas ?? []), ...(actor?.departments ?? []).flatMap((d) => d.areas)];
  if (actor?.roles.includes('grid') || actor?.roles.includes('enforcement')) if (jurisdiction.some(within)) return true;
  const relations = ctx.options.relations;
  // The register: one enterprise of the area asked of the directory when it lists (the filter pushed down), else the relations' list.
  const list = ctx.deps.directory.listEnterprises?.bind(ctx.deps.directory);
  if (relations && (list ? (await list({ areas: [area], limit: 1 })).length > 0 : (await relations.enterprises()).some((e) => within(e.area)))) return true;
  if (scopes !== 'all') {
    for (const id of new Set(scopes.flatMap((s) => (s.enterpriseId === undefined ? [] : [s.enterpriseId])))) {
      const e = await ctx.deps.directory.enterprise(id);
      if (e && within(e.area)) return true;
    }
  }
  return someReadable(ctx, scopes, { area });
}
