/**
 * Who may see which periodic report, derived from core's one read policy (`readScopes`): a
 * report aggregates hazards, so it is readable exactly when every hazard it counts is.
 *
 * @module
 */
import { areaCovers } from '../chain/authorize.js';
import type { ReadScopes } from '../chain/read-policy.js';

/** The scope of a report: an area (with its sub-areas) and a domain, each optional. */
export interface ReportScope {
  area?: string;
  domain?: string;
}

/** Result of {@link reportScopeFor}. */
export type ReportScopeDecision =
  | { ok: true; scope: ReportScope }
  /**
   * `none`: the actor reads no area as a whole (an enterprise user); `outside`: not this area or
   * domain; `choose`: several scopes fit — name one of `areas`, or of `domains` when the area is
   * given and the actor's departments there cover several domains. `choices`: the scopes the
   * actor may ask for instead, each `{ area, domain? }` exactly as a request names them (for
   * `choose`, the ones that fit the request; for `outside`, every one; for `none`, none) —
   * sorted by area, then domain, each once.
   */
  | { ok: false; reason: 'none' | 'outside' | 'choose'; areas: string[]; domains: string[]; choices: ReportScope[] };

/** Scopes as a request would name them, each once, sorted by area then domain. */
function choicesOf(list: readonly ReportScope[]): ReportScope[] {
  const seen = new Map<string, ReportScope>();
  for (const c of list) seen.set(`${c.area ?? ''}\n${c.domain ?? ''}`, { ...(c.area === undefined ? {} : { area: c.area }), ...(c.domain === undefined ? {} : { domain: c.domain }) });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

/**
 * The report scope an actor may have for a request. A department admin (read scope `all`)
 * gets what it asks for. A grid inspector gets its grid areas, an enforcement officer its
 * departments' domains in their areas — a request inside one of them is narrowed to it (an
 * officer of the gas department gets the gas report of D1 when asking for D1); without an
 * area, the one scope the actor has (several: `choose`). Scopes of one enterprise (an
 * enterprise user, a landlord) grant no report: a report counts other enterprises' hazards.
 *
 * @example
 * ```ts
 * reportScopeFor([{ area: 'D1', domain: 'gas' }], { area: 'D1/G2' });
 * // { ok: true, scope: { area: 'D1/G2', domain: 'gas' } }
 * ```
 */
export function reportScopeFor(scopes: ReadScopes, requested: ReportScope): ReportScopeDecision {
  if (scopes === 'all') return { ok: true, scope: { ...requested } };
  const usable = scopes.filter((s) => s.area !== undefined && s.enterpriseId === undefined && s.premisesId === undefined && s.level === undefined && s.status === undefined);
  const areas = [...new Set(usable.map((s) => s.area as string))].sort();
  const domainsOf = (list: typeof usable) => [...new Set(list.flatMap((s) => (s.domain === undefined ? [] : [s.domain])))].sort();
  if (usable.length === 0) return { ok: false, reason: 'none', areas, domains: [], choices: [] };
  const fits = (s: (typeof usable)[number], area: string) => areaCovers(s.area as string, area) && (s.domain === undefined || requested.domain === undefined || requested.domain === s.domain);
  if (requested.area === undefined) {
    const candidates = usable.filter((s) => s.domain === undefined || requested.domain === undefined || requested.domain === s.domain);
    if (candidates.length !== 1) {
      const oneArea = new Set(candidates.map((s) => s.area)).size === 1;
      if (candidates.length === 0) return { ok: false, reason: 'outside', areas, domains: [], choices: choicesOf(usable) };
      return { ok: false, reason: 'choose', areas, domains: oneArea ? domainsOf(candidates) : [], choices: choicesOf(candidates.map((c) => ({ area: c.area, domain: requested.domain ?? c.domain }))) };
    }
    const only = candidates[0]!;
    const domain = requested.domain ?? only.domain;
    return { ok: true, scope: { area: only.area as string, ...(domain === undefined ? {} : { domain }) } };
  }
  // Prefer a scope without a domain (it reads every domain of the area).
  const match = usable.filter((s) => fits(s, requested.area as string)).sort((a, b) => (a.domain === undefined ? -1 : 0) - (b.domain === undefined ? -1 : 0));
  const best = match[0];
  if (best === undefined) return { ok: false, reason: 'outside', areas, domains: domainsOf(usable), choices: choicesOf(usable) };
  if (best.domain !== undefined && requested.domain === undefined && match.some((s) => s.domain !== best.domain))
    return { ok: false, reason: 'choose', areas, domains: domainsOf(match), choices: choicesOf(match.map((m) => ({ area: requested.area, domain: m.domain }))) };
  const domain = requested.domain ?? best.domain;
  return { ok: true, scope: { area: requested.area, ...(domain === undefined ? {} : { domain }) } };
}
