import { classificationAsOf, inspectionDay } from '../pack/as-of.js';
import type { HazardLevel } from '../pack/types.js';
import { slotsOver, valueAt } from '../rules/condition-nodes.js';
import type { CompiledPack } from './compiled-pack.js';
import { compositeFinding, mostSevereFirst, ruleFinding } from './hazard-findings.js';
import type { Classification, HazardFinding, Inspection, ItemOutcome, ItemResult, Observation } from './types.js';

const EMPTY_FINDINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Classify an inspection with a compiled pack (see {@link compilePack} for the rules), as of
 * the inspection day when it has `inspectedAt` (the result equals `classificationAsOf`
 * applied to the pack's static view). Never throws for any inspection; reads each answer
 * where a condition needs it and allocates per item and per fired hazard, not per
 * condition: conditions are tested first, and only the rules that fire walk their
 * condition again to record the deciding observations. @internal
 */
export function evaluatePack(compiled: CompiledPack, inspection: Inspection): Classification {
  return run(compiled, inspection, true) ?? classificationAsOf(compiled.pack, run(compiled, inspection, false)!);
}

/**
 * One evaluation. With `asOf`, findings cite the law as of the inspection day, and the
 * result is `undefined` when a finding rested only on editions not yet in force (rare: the
 * caller then applies `classificationAsOf` to the static view, which drops it and recounts).
 */
function run(compiled: CompiledPack, inspection: Inspection, asOf: boolean): Classification | undefined {
  const { pack, items, composites, premisesIndex, factWhenByIndex, explain } = compiled;
  const envelope = (inspection !== null && typeof inspection === 'object' ? inspection : {}) as Partial<Inspection>;
  const facts = (envelope.findings !== null && typeof envelope.findings === 'object' ? envelope.findings : EMPTY_FINDINGS) as Readonly<Record<string, unknown>>;
  const premises = typeof envelope.premises === 'string' ? envelope.premises : undefined;
  const inspectedAt = typeof envelope.inspectedAt === 'string' ? envelope.inspectedAt : undefined;
  const day = asOf && inspectedAt !== undefined ? inspectionDay(inspectedAt) : undefined;
  /** The basis as of the inspection day, per rule (undefined: the pack dates no editions, or no day). */
  const basisOf = day !== undefined && compiled.dated ? compiled.asOfDay(day) : undefined;
  compiled.setReserved(premises, inspectedAt);

  // every condition reads the answers through these slots: each answer once per evaluation
  const slots = slotsOver(facts, compiled.slotCount);
  /** Whether each fact's `when` holds, by fact index (computed when a missing answer needs it). */
  let applicable: (boolean | undefined)[] | undefined;

  const where = premises === undefined ? -1 : (premisesIndex.get(premises) ?? -1);
  const itemResults: ItemResult[] = [];
  const hazards: HazardFinding[] = [];
  /** Fired findings by rule index, for the composites (allocated at the first fire). */
  let firedAt: (HazardFinding | undefined)[] | undefined;
  const counted = composites.length > 0;
  /** Leaf ids of the observations being recorded (one array per evaluation, emptied per rule). */
  const leaves: number[] = [];
  let drop = false;
  let notApplicable = 0;
  let notChecked = 0;
  let passed = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    // each outcome's result is one object literal (the same key order as before: item,
    // section, outcome, hazards, then level or missing)
    if ((item.scope !== undefined && !(where >= 0 && item.scope[where] === true)) || (item.when !== undefined && !item.when.holds(slots))) {
      itemResults.push({ item: item.id, section: item.section, outcome: 'not_applicable', hazards: [] });
      notApplicable += 1;
      continue;
    }
    let fired: HazardFinding[] | undefined;
    const rules = item.rules;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (!rule.when.holds(slots)) continue;
      const observations: Observation[] = [];
      leaves.length = 0;
      rule.when.record(slots, observations, leaves);
      const explanation = explain.leaves(rule.head, observations, leaves);
      let finding: HazardFinding;
      if (basisOf !== undefined) {
        const state = basisOf(rule.index, rule);
        if (state.drop) drop = true;
        finding = ruleFinding(rule, item.id, observations, explanation, state.basis, state.provisional);
      } else finding = ruleFinding(rule, item.id, observations, explanation, rule.basis, rule.provisional);
      if (fired === undefined) fired = [finding];
      else fired.push(finding);
      if (counted) (firedAt ??= new Array<HazardFinding | undefined>(compiled.ruleCount))[rule.index] = finding;
    }
    if (fired !== undefined) {
      if (fired.length > 1) fired = mostSevereFirst(fired);
      const ids: string[] = [];
      for (const f of fired) {
        ids.push(f.rule);
        hazards.push(f);
      }
      itemResults.push({ item: item.id, section: item.section, outcome: 'hazard', hazards: ids, level: fired[0]!.level });
      continue;
    }
    // missing answers matter only when nothing fired (a hazard seen is reported as such)
    let missing: string[] | undefined;
    for (const f of item.required) {
      const value = f.slot === undefined ? f.read(facts) : valueAt(slots, f.slot, f.id); // inherited functions (and __proto__) are not answers
      if (value !== undefined && value !== null) continue;
      const when = factWhenByIndex[f.index];
      if (when !== undefined) {
        applicable ??= new Array<boolean | undefined>(factWhenByIndex.length);
        let known = applicable[f.index];
        if (known === undefined) applicable[f.index] = known = when.holds(slots);
        if (!known) continue;
      }
      (missing ??= []).push(f.id);
    }
    if (missing !== undefined) {
      itemResults.push({ item: item.id, section: item.section, outcome: 'not_checked', hazards: [], missing });
      notChecked += 1;
    } else {
      itemResults.push({ item: item.id, section: item.section, outcome: 'pass', hazards: [] });
      passed += 1;
    }
  }

  if (firedAt !== undefined) {
    for (let c = 0; c < composites.length; c++) {
      const composite = composites[c]!;
      if (composite.scope !== undefined && !(where >= 0 && composite.scope[where] === true)) continue;
      let count = 0;
      for (const index of composite.ofIndex) if (firedAt[index] !== undefined) count += 1;
      if (count < composite.atLeast) continue;
      const elements: string[] = [];
      const observations: Observation[] = [];
      for (const index of composite.ofIndex) {
        const element = firedAt[index];
        if (element === undefined) continue;
        elements.push(element.rule);
        for (const o of element.observations) observations.push(o);
      }
      if (basisOf !== undefined) {
        const state = basisOf(compiled.ruleCount + c, composite);
        if (state.drop) drop = true;
        hazards.push(compositeFinding(composite, elements, observations, composite.explain, state.basis, state.provisional));
      } else hazards.push(compositeFinding(composite, elements, observations, composite.explain, composite.basis, composite.provisional));
    }
  }
  if (drop) return undefined;
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
  // the law as of the inspection day (classificationAsOf's `asOf`, its last key)
  if (day !== undefined) classification.asOf = day;
  return classification;
}
