import type { HazardLevel } from '../pack/types.js';
import type { CompiledPack } from './compiled-pack.js';
import { compositeFinding, mostSevereFirst, ruleFinding } from './hazard-findings.js';
import type { Classification, HazardFinding, Inspection, ItemOutcome, ItemResult, Observation } from './types.js';

const EMPTY_FINDINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Classify an inspection with a compiled pack (see {@link compilePack} for the rules).
 * Never throws for any inspection; reads each answer where a condition needs it and
 * allocates per fired hazard, not per condition. @internal
 */
export function evaluatePack(compiled: CompiledPack, inspection: Inspection): Classification {
  const { pack, items, composites, premisesIndex, factWhenByIndex, explain } = compiled;
  const envelope = (inspection !== null && typeof inspection === 'object' ? inspection : {}) as Partial<Inspection>;
  const facts = (envelope.findings !== null && typeof envelope.findings === 'object' ? envelope.findings : EMPTY_FINDINGS) as Readonly<Record<string, unknown>>;
  const premises = typeof envelope.premises === 'string' ? envelope.premises : undefined;
  const inspectedAt = typeof envelope.inspectedAt === 'string' ? envelope.inspectedAt : undefined;
  compiled.setReserved(premises, inspectedAt);

  let applicable: (boolean | undefined)[] | undefined;
  const isApplicable = (index: number): boolean => {
    const when = factWhenByIndex[index];
    if (when === undefined) return true;
    applicable ??= new Array<boolean | undefined>(factWhenByIndex.length);
    let known = applicable[index];
    if (known === undefined) applicable[index] = known = when(facts);
    return known;
  };
  const isMissing = (id: string): boolean => {
    const value = facts[id];
    // inherited functions (and __proto__) are not answers; anything else read here is own or missing
    return value === undefined || value === null || ((typeof value === 'function' || id === '__proto__') && !Object.hasOwn(facts, id));
  };

  const where = premises === undefined ? -1 : (premisesIndex.get(premises) ?? -1);
  const itemResults: ItemResult[] = [];
  const hazards: HazardFinding[] = [];
  const firedAt: (HazardFinding | undefined)[] | undefined = composites.length > 0 ? new Array<HazardFinding | undefined>(compiled.ruleCount).fill(undefined) : undefined;
  let notApplicable = 0;
  let notChecked = 0;
  let passed = 0;
  for (const item of items) {
    const result: ItemResult = { item: item.id, section: item.section, outcome: 'not_applicable', hazards: [] };
    itemResults.push(result);
    if ((item.scope !== undefined && !(where >= 0 && item.scope[where] === true)) || (item.when && !item.when(facts))) {
      notApplicable += 1;
      continue;
    }
    let fired: HazardFinding[] | undefined;
    for (const rule of item.rules) {
      if (!rule.when(facts)) continue;
      const finding = ruleFinding(rule, item.id, rule.when.explain(facts).observations, (observations) => explain(rule.title, observations));
      (fired ??= []).push(finding);
      if (firedAt) firedAt[rule.index] = finding;
    }
    if (fired) {
      if (fired.length > 1) fired = mostSevereFirst(fired);
      result.outcome = 'hazard';
      result.level = fired[0]!.level;
      for (const f of fired) {
        result.hazards.push(f.rule);
        hazards.push(f);
      }
    } else {
      // missing answers matter only when nothing fired (a hazard seen is reported as such)
      let missing: string[] | undefined;
      for (const f of item.required) if (isMissing(f.id) && isApplicable(f.index)) (missing ??= []).push(f.id);
      if (missing) {
        result.missing = missing;
        result.outcome = 'not_checked';
        notChecked += 1;
      } else {
        result.outcome = 'pass';
        passed += 1;
      }
    }
  }

  for (const composite of composites) {
    if (composite.scope !== undefined && !(where >= 0 && composite.scope[where] === true)) continue;
    let count = 0;
    for (const index of composite.ofIndex) if (firedAt![index] !== undefined) count += 1;
    if (count < composite.atLeast) continue;
    const elements: string[] = [];
    const observations: Observation[] = [];
    for (const index of composite.ofIndex) {
      const element = firedAt![index];
      if (element === undefined) continue;
      elements.push(element.rule);
      for (const o of element.observations) observations.push(o);
    }
    hazards.push(compositeFinding(composite, elements, observations, composite.explain));
  }
  const sorted = hazards.length > 1 ? mostSevereFirst(hazards) : hazards;

  const itemCounts: Record<ItemOutcome, number> = { pass: passed, hazard: items.length - passed - notApplicable - notChecked, not_applicable: notApplicable, not_checked: notChecked };
  let simple = 0;
  let general = 0;
  let provisional = 0;
  for (const h of hazards) {
    if (h.level === 'simple') simple += 1;
    else if (h.level === 'general') general += 1;
    if (h.provisional) provisional += 1;
  }
  const levelCounts: Record<HazardLevel, number> = { simple, general, major: hazards.length - simple - general };
  const classification: Classification = {
    pack: { id: pack.id, version: pack.version },
    items: itemResults,
    hazards: sorted,
    summary: {
      items: itemCounts,
      hazards: levelCounts,
      provisional,
      highest: sorted[0]?.level ?? null,
    },
  };
  if (premises !== undefined) classification.premises = premises;
  if (inspectedAt !== undefined) classification.inspectedAt = inspectedAt;
  return classification;
}
