/**
 * As-of evaluation: which edition of each cited document was in force on the inspection
 * date, and what that does to a classification.
 *
 * @module
 */
import { compositeExplainer } from '../classify/hazard-findings.js';
import { isProvisional } from '../classify/resolve-basis.js';
import type { Classification, HazardFinding, ItemResult, ResolvedCitation } from '../classify/types.js';
import type { HazardLevel, LocalizedText, Pack, Regulation } from './types.js';

/** Whether a regulation was in force on a date, and if not, why. */
export interface InForce {
  inForce: boolean;
  /** `not_yet_effective` before `effective`, `withdrawn` on or after `withdrawn`. */
  reason?: 'not_yet_effective' | 'withdrawn';
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/**
 * The calendar day of an inspection time as written (its own offset: `2025-10-15T23:30:00+08:00`
 * is 2025-10-15, the day in China), or undefined when the text does not start with a date.
 *
 * @example
 * ```ts
 * inspectionDay('2026-06-15T09:00:00+08:00'); // '2026-06-15'
 * ```
 */
export function inspectionDay(inspectedAt: unknown): string | undefined {
  return typeof inspectedAt === 'string' ? ISO_DAY.exec(inspectedAt)?.[1] : undefined;
}

/**
 * Whether a regulation was in force on `day` (YYYY-MM-DD): from its `effective` date
 * (inclusive; none: always) until its `withdrawn` date (exclusive; none: still in force).
 *
 * @example
 * ```ts
 * inForceOn({ effective: '2025-11-01' } as Regulation, '2025-10-15'); // { inForce: false, reason: 'not_yet_effective' }
 * ```
 */
export function inForceOn(regulation: Pick<Regulation, 'effective' | 'withdrawn'>, day: string): InForce {
  if (regulation.effective !== undefined && day < regulation.effective) return { inForce: false, reason: 'not_yet_effective' };
  if (regulation.withdrawn !== undefined && day >= regulation.withdrawn) return { inForce: false, reason: 'withdrawn' };
  return { inForce: true };
}

/**
 * A citation as of a day: `status` is `superseded` when the edition was withdrawn by then and
 * `current` while it was in force (a later withdrawal does not count against an earlier
 * inspection); `inForce` says whether it applied; `replacedBy` names the edition in force
 * instead when the pack declares it.
 */
export function citationAsOf(pack: Pick<Pack, 'regulations'>, citation: ResolvedCitation, day: string): ResolvedCitation {
  const regulation = pack.regulations.find((r) => r.id === citation.regulation);
  if (!regulation) return citation;
  const state = inForceOn(regulation, day);
  const out: ResolvedCitation = { ...citation, status: state.reason === 'withdrawn' ? 'superseded' : state.inForce ? 'current' : citation.status, inForce: state.inForce };
  if (regulation.effective !== undefined) out.effective = regulation.effective;
  if (regulation.withdrawn !== undefined) out.withdrawn = regulation.withdrawn;
  if (state.reason === 'withdrawn' && regulation.replacedBy !== undefined) {
    const next = pack.regulations.find((r) => r.id === regulation.replacedBy);
    if (next) out.replacedBy = { regulation: next.id, number: next.number, edition: String(next.edition) };
  }
  return Object.freeze(out);
}

/**
 * A basis with the editions in force put first: for each citation of a withdrawn edition
 * whose successor is declared (`replacedBy`) and not cited already, a citation of the
 * successor whose clause is not yet encoded (confidence `unverified`, so the level stays
 * provisional until the pack maps the clause).
 */
function withSuccessors(pack: Pick<Pack, 'regulations'>, basis: ResolvedCitation[], day: string): ResolvedCitation[] {
  const added: ResolvedCitation[] = [];
  for (const c of basis) {
    if (c.replacedBy === undefined || basis.some((b) => b.regulation === c.replacedBy!.regulation) || added.some((a) => a.regulation === c.replacedBy!.regulation)) continue;
    const next = pack.regulations.find((r) => r.id === c.replacedBy!.regulation)!;
    const successor: ResolvedCitation = {
      regulation: next.id,
      clause: '—',
      number: next.number,
      edition: String(next.edition),
      title: next.title,
      status: next.status,
      confidence: 'unverified',
      note: {
        'zh-CN': `检查日 ${day} 施行的版本；对应条款尚未编入本检查表，暂依 ${c.number} ${c.clause} 判定（疑似）`,
        en: `the edition in force on ${day}; its clause is not yet encoded in this pack, so the level follows ${c.number} ${c.clause} (provisional)`,
      },
    };
    added.push(citationAsOf(pack, successor, day));
  }
  return added.length === 0 ? basis : [...added, ...basis];
}

/** A finding rests only on documents not yet in force: it was not the law on that day. */
function notYetLaw(basis: readonly ResolvedCitation[]): boolean {
  return basis.length > 0 && basis.every((c) => c.inForce === false && c.effective !== undefined && c.withdrawn === undefined);
}

/**
 * A finding's basis as of a day: each citation as of that day, successors of withdrawn
 * editions first; whether the finding is then provisional (`isProvisional`: every citation
 * withdrawn, not yet in force, superseded or unverified, or the rule's `confirmation` says
 * people decide it); and whether it was not the law yet (every citation not yet in force),
 * so that {@link classificationAsOf} drops it. Depends only on the rule (its basis and
 * `confirmation`) and the day (the classifier keeps it per rule and day).
 * @internal
 */
export function basisAsOf(
  pack: Pick<Pack, 'regulations'>,
  basis: readonly ResolvedCitation[],
  day: string,
  rule: { readonly confirmation?: string | undefined } = {},
): { basis: ResolvedCitation[]; provisional: boolean; notYetLaw: boolean } {
  const asOf = withSuccessors(
    pack,
    basis.map((c) => citationAsOf(pack, c, day)),
    day,
  );
  return { basis: asOf, provisional: isProvisional(asOf, rule), notYetLaw: notYetLaw(asOf) };
}

/** Whether some edition of the pack has dates (else the law as of any day is the pack's static view). @internal */
export function datesEditions(pack: Pick<Pack, 'regulations'>): boolean {
  return pack.regulations.some((r) => r.effective !== undefined || r.withdrawn !== undefined);
}

const RANK: Record<HazardLevel, number> = { simple: 1, general: 2, major: 3 };

function titleOfRule(sections: Pack['sections'], id: string): LocalizedText {
  for (const s of sections) for (const i of s.items) for (const r of i.hazards) if (r.id === id) return r.title;
  return { 'zh-CN': id, en: id };
}

/** The `confirmation` of each rule and composite that has one, by id. */
function confirmations(pack: Pick<Pack, 'sections' | 'composites'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of pack.sections) for (const i of s.items) for (const r of i.hazards) if (r.confirmation !== undefined) out.set(r.id, r.confirmation);
  for (const c of pack.composites) if (c.confirmation !== undefined) out.set(c.id, c.confirmation);
  return out;
}

/**
 * Classify as of the inspection date: given a classification made with the pack's static
 * view, apply the law in force on the inspection's day (its `inspectedAt`).
 *
 * - each citation gets `inForce`, the edition's dates, and `status` as of that day; a
 *   withdrawn edition names its successor (`replacedBy`, from the pack's `replacedBy`), and
 *   the successor is cited first, its clause marked as not yet encoded (unverified);
 * - a hazard is provisional when no citation of its basis was in force, verified or
 *   secondary on that day, or when its rule or composite says people decide its level
 *   (`confirmation: collective`: provisional on every day);
 * - a hazard whose whole basis was not yet in force is dropped (the rule was not law yet):
 *   its item passes when nothing else fired; a composite that loses elements below its
 *   `atLeast` is dropped too;
 * - the summary is recounted and `asOf` set to the day.
 *
 * The pack's `sections` and `composites` say which rules people decide (their titles explain
 * a composite that lost elements). Without a readable `inspectedAt` the classification is
 * returned unchanged. Pure.
 *
 * @example
 * ```ts
 * const result = classificationAsOf(pack, evaluator.evaluate(inspection));
 * result.asOf; // '2025-10-15'
 * result.hazards[0]?.basis[0]?.inForce; // true
 * ```
 */
export function classificationAsOf(pack: Pick<Pack, 'regulations' | 'composites' | 'sections'>, classification: Classification): Classification {
  const day = inspectionDay(classification.inspectedAt);
  if (day === undefined) return classification;
  if (!datesEditions(pack)) return { ...classification, asOf: day };
  const dropped = new Set<string>();
  const kept: HazardFinding[] = [];
  const confirmation = confirmations(pack);
  for (const hazard of classification.hazards) {
    const asOf = basisAsOf(pack, hazard.basis, day, { confirmation: confirmation.get(hazard.rule) });
    if (asOf.notYetLaw) {
      dropped.add(hazard.rule);
      continue;
    }
    kept.push({ ...hazard, basis: asOf.basis, provisional: asOf.provisional });
  }
  const composites = new Map(pack.composites.map((c) => [c.id, c]));
  const keptRules = new Map(kept.map((h) => [h.rule, h]));
  const hazards = kept.filter((h) => {
    if (h.kind !== 'composite' || !h.elements?.some((e) => dropped.has(e))) return true;
    h.elements = h.elements.filter((e) => !dropped.has(e));
    const composite = composites.get(h.rule);
    if (!composite || h.elements.length < composite.atLeast) {
      dropped.add(h.rule);
      return false;
    }
    // what the composite says and shows is its remaining elements only
    h.observations = h.elements.flatMap((e) => keptRules.get(e)?.observations ?? []);
    h.explanation = compositeExplainer(composite, (id) => titleOfRule(pack.sections, id))(h.elements);
    return true;
  });
  const items: ItemResult[] = classification.items.map((item) => {
    if (!item.hazards.some((r) => dropped.has(r))) return item;
    const left = item.hazards.filter((r) => !dropped.has(r));
    if (left.length > 0) {
      const level = hazards.filter((h) => left.includes(h.rule)).reduce<HazardLevel>((top, h) => (RANK[h.level] > RANK[top] ? h.level : top), 'simple');
      return { ...item, hazards: left, level };
    }
    const { level: _level, ...rest } = item;
    return { ...rest, hazards: [], outcome: 'pass' };
  });
  const count = (outcome: ItemResult['outcome']) => items.filter((i) => i.outcome === outcome).length;
  const level = (l: HazardLevel) => hazards.filter((h) => h.level === l).length;
  return {
    ...classification,
    asOf: day,
    items,
    hazards,
    summary: {
      items: { pass: count('pass'), hazard: count('hazard'), not_applicable: count('not_applicable'), not_checked: count('not_checked') },
      hazards: { simple: level('simple'), general: level('general'), major: level('major') },
      provisional: hazards.filter((h) => h.provisional).length,
      highest: hazards[0]?.level ?? null,
    },
  };
}
