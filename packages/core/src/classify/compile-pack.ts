import type { Condition, DeadlinePolicy, HazardLevel, Issue, LocalizedText, Pack, Party } from '../pack/types.js';
import { createConditionCompiler, type CompiledCondition } from '../rules/compile-condition.js';
import { isConditionCompileError } from '../rules/condition-compile-error.js';
import { checkInspection } from './check-inspection.js';
import { deadlineFor } from './default-deadlines.js';
import { createExplainer } from './explain-observation.js';
import { factLabels, type FactLabel } from './fact-labels.js';
import { compositeExplainer, compositeFinding, mostSevereFirst, ruleFinding, type RuleTemplate } from './hazard-findings.js';
import { PackCompileError, type PackCompileErrorCode } from './pack-compile-error.js';
import { isProvisional, resolveBasis } from './resolve-basis.js';
import type { Classification, HazardFinding, Inspection, ItemOutcome, ItemResult, Observation, ResolvedCitation } from './types.js';

/** Options of {@link compilePack}. */
export interface CompilePackOptions {
  /**
   * Fallback reference time (ISO 8601 with offset) for date operators when an inspection
   * has no `inspectedAt`. Omitted: such comparisons are false (and `checkFindings` warns).
   */
  now?: () => string;
}

/** A compiled pack: immutable, evaluates inspections synchronously. */
export interface PackEvaluator {
  readonly pack: { readonly id: string; readonly version: string; readonly domain: string };
  /**
   * Classify an inspection. Never throws for any findings (values that fail
   * {@link PackEvaluator.check} simply do not satisfy the conditions that expect them).
   */
  evaluate(inspection: Inspection): Classification;
  /** Validate an inspection's answers against the pack; same as {@link checkFindings}. */
  check(inspection: Inspection): Issue[];
}

/** Severity rank: major > general > simple. */
export const LEVEL_RANK: Readonly<Record<HazardLevel, number>> = Object.freeze({ simple: 1, general: 2, major: 3 });


interface CompiledRule extends RuleTemplate {
  when: CompiledCondition;
  /** Position among all the pack's rules (for the per-evaluation fired table). */
  index: number;
}

interface CompiledItem {
  id: string;
  section: string;
  /** Applies to premises index i when `scope[i]`; undefined: to all. */
  scope: readonly boolean[] | undefined;
  when: CompiledCondition | undefined;
  /** Required facts asked by the item, with their index in `pack.facts`. */
  required: readonly { id: string; index: number }[];
  rules: readonly CompiledRule[];
}

interface CompiledComposite extends RuleTemplate {
  atLeast: number;
  of: readonly string[];
  /** Indexes (in the fired table) of the `of` rules. */
  ofIndex: readonly number[];
  scope: readonly boolean[] | undefined;
  /** The explanation for the fired elements (remembered per set of elements). */
  explain(elements: readonly string[]): LocalizedText & { en: string };
}

/** Internal view of a compiled pack shared with the findings checker. @internal */
export interface CompiledFacts {
  pack: Pack;
  labels: ReadonlyMap<string, FactLabel>;
  /** `when` of each fact that has one. */
  factWhen: ReadonlyMap<string, CompiledCondition>;
  /** Whether some condition measures time from `$inspectedAt`. */
  usesInspectedAt: boolean;
  /** Whether some item or composite is limited to premises kinds. */
  scoped: boolean;
  /** Set the reserved facts the compiled conditions read (before evaluating them). */
  setReserved(premises: unknown, inspectedAt: unknown): void;
}

/**
 * Compile a pack into an immutable evaluator: every condition is checked and compiled
 * once; citations, provisional flags, parties and deadlines are resolved once.
 *
 * Classification rules:
 * - an item is `not_applicable` when its `premises` do not include the inspection's
 *   premises (an inspection without premises is outside every scoped item) or its `when`
 *   is false;
 * - otherwise its hazard rules are evaluated; if any fires the item is a `hazard` (the
 *   most severe level wins, the others are kept in `hazards`), even when some answers are
 *   missing — a hazard seen is reported;
 * - else, if a required fact it asks is applicable (its `when` holds) but missing or
 *   `null`, the item is `not_checked` (never a silent pass); else `pass`;
 * - composites are evaluated after the items: at least `atLeast` of their `of` rules fired,
 *   within their premises scope;
 * - a finding is provisional when every citation of its basis is superseded or
 *   unverified (or it has none); deadlines come from the rule, else `pack.deadlines`,
 *   else {@link DEFAULT_DEADLINES}.
 *
 * Results share the pack's frozen parts (titles, resolved basis, deadlines, and the
 * frozen literals in `observations[].expected`); everything else is fresh per call.
 *
 * Throws {@link PackCompileError} (with a pointer into the pack) on a pack that cannot be
 * evaluated.
 *
 * @example
 * ```ts
 * const evaluator = compilePack(pack);
 * const result = evaluator.evaluate({ pack: pack.id, premises: 'restaurant', findings: { hose_length_m: 3 } });
 * result.hazards[0]?.explanation.en; // "Hose too long. Length of the connecting hose: 3 m, above 2 m."
 * ```
 */
export function compilePack(pack: Pack, options: CompilePackOptions = {}): PackEvaluator {
  const fail = (code: PackCompileErrorCode, zh: string, en: string, pointer: string, cause?: unknown): never => {
    throw new PackCompileError(code, { 'zh-CN': zh, en }, pointer, cause === undefined ? undefined : { cause });
  };
  const knownFacts = new Set(pack.facts.map((f) => f.id));
  const premisesIds = new Set(pack.premises.map((p) => p.id));
  // The reserved facts are read from this object, set before each evaluation, so that the
  // findings are handed to the conditions as they are, without a copy.
  const reserved: { $premises: unknown; $inspectedAt: unknown } = { $premises: undefined, $inspectedAt: undefined };
  const setReserved = (premises: unknown, inspectedAt: unknown) => {
    reserved.$premises = premises;
    reserved.$inspectedAt = inspectedAt;
    clock.epoch += 1;
  };
  // Named conditions shared by many rules run once per evaluation (the epoch advances
  // whenever the reserved facts are set, i.e. at the start of each evaluation or check).
  const clock = { epoch: 0 };
  const compiler = createConditionCompiler({ conditions: pack.conditions, knownFacts, reservedFrom: reserved, epoch: clock, ...(options.now ? { now: options.now } : {}) });
  let usesInspectedAt = false;
  const compile = (condition: Condition, pointer: string): CompiledCondition => {
    try {
      const compiled = compiler(condition);
      if (compiled.facts.includes('$inspectedAt')) usesInspectedAt = true;
      return compiled;
    } catch (error) {
      if (!isConditionCompileError(error)) throw error;
      const at = error.condition === undefined ? `${pointer}${error.pointer}` : `/conditions/${escape(error.condition)}${error.pointer}`;
      return fail(error.code, error.localized['zh-CN'], error.localized.en, at, error);
    }
  };
  // Premises scopes as flags by premises index: one map lookup per evaluation, then array reads.
  const premisesIndex = new Map(pack.premises.map((p, i) => [p.id, i] as const));
  const scopeOf = (premises: readonly string[] | undefined, pointer: string): readonly boolean[] | undefined => {
    if (premises === undefined) return undefined;
    const flags = pack.premises.map(() => false);
    premises.forEach((p, i) => {
      const at = premisesIndex.get(p);
      if (at === undefined) fail('UNKNOWN_PREMISES', `未声明的场所类型 "${p}"`, `unknown premises kind "${p}"`, `${pointer}/${i}`);
      else flags[at] = true;
    });
    return flags;
  };
  const template = (
    rule: { id: string; level: HazardLevel; title: LocalizedText; basis: Pack['composites'][number]['basis']; party?: Party; deadline?: DeadlinePolicy; rectification?: LocalizedText },
    pointer: string,
  ): RuleTemplate => {
    const basis = resolveBasis(pack, rule.basis ?? []);
    if ('unknown' in basis) {
      const id = rule.basis[basis.unknown]?.regulation;
      return fail('UNKNOWN_REGULATION', `未声明的法规 "${String(id)}"`, `unknown regulation "${String(id)}"`, `${pointer}/basis/${basis.unknown}/regulation`);
    }
    return {
      rule: rule.id,
      level: rule.level,
      title: rule.title,
      basis: Object.freeze(basis) as ResolvedCitation[],
      provisional: isProvisional(basis),
      party: rule.party ?? 'user',
      deadline: deadlineFor(pack, rule.level, rule.deadline),
      rectification: rule.rectification,
    };
  };

  const factWhen = new Map<string, CompiledCondition>();
  const whenByIndex: (CompiledCondition | undefined)[] = [];
  const required = new Map<string, number>();
  pack.facts.forEach((fact, i) => {
    const when = fact.when === undefined ? undefined : compile(fact.when, `/facts/${i}/when`);
    if (when) factWhen.set(fact.id, when);
    whenByIndex.push(when);
    if (fact.required) required.set(fact.id, i);
  });

  const ruleIds = new Map<string, number>();
  const items: CompiledItem[] = [];
  pack.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      const at = `/sections/${s}/items/${i}`;
      item.asks.forEach((f, k) => {
        if (!knownFacts.has(f)) fail('UNKNOWN_FACT', `检查项 ${item.id} 询问了未声明的事实 "${f}"`, `item ${item.id} asks an unknown fact "${f}"`, `${at}/asks/${k}`);
      });
      const rules = item.hazards.map((rule, r): CompiledRule => {
        const index = ruleIds.size;
        ruleIds.set(rule.id, index);
        return { ...template(rule, `${at}/hazards/${r}`), when: compile(rule.when, `${at}/hazards/${r}/when`), index };
      });
      items.push({
        id: item.id,
        section: section.id,
        scope: scopeOf(item.premises, `${at}/premises`),
        when: item.when === undefined ? undefined : compile(item.when, `${at}/when`),
        required: item.asks.filter((f) => required.has(f)).map((id) => ({ id, index: required.get(id)! })),
        rules,
      });
    });
  });

  const titles = new Map(pack.sections.flatMap((section) => section.items.flatMap((item) => item.hazards.map((h) => [h.id, h.title] as const))));
  const titleOf = (id: string): LocalizedText => titles.get(id) ?? { 'zh-CN': id };
  const composites: CompiledComposite[] = pack.composites.map((composite, c) => {
    const at = `/composites/${c}`;
    composite.of.forEach((id, k) => {
      if (!ruleIds.has(id)) fail('UNKNOWN_RULE', `组合判定 ${composite.id} 引用了不存在的规则 "${id}"`, `composite ${composite.id} counts an unknown rule "${id}"`, `${at}/of/${k}`);
    });
    if (!Number.isInteger(composite.atLeast) || composite.atLeast < 1 || composite.atLeast > composite.of.length) {
      fail('INVALID_PACK', `组合判定 ${composite.id} 的 atLeast 必须在 1 到 ${composite.of.length} 之间`, `composite ${composite.id}: atLeast must be from 1 to ${composite.of.length}`, `${at}/atLeast`);
    }
    return {
      ...template(composite, at),
      atLeast: composite.atLeast,
      of: composite.of,
      ofIndex: composite.of.map((id) => ruleIds.get(id)!),
      scope: scopeOf(composite.premises, `${at}/premises`),
      explain: compositeExplainer(composite, titleOf),
    };
  });

  const labels = factLabels(pack);
  const explain = createExplainer(labels);
  const shared: CompiledFacts = {
    pack,
    labels,
    factWhen,
    usesInspectedAt,
    scoped: items.some((i) => i.scope) || composites.some((c) => c.scope),
    setReserved,
  };
  const factCount = pack.facts.length;

  const evaluate = (inspection: Inspection): Classification => {
    const envelope = (inspection !== null && typeof inspection === 'object' ? inspection : {}) as Partial<Inspection>;
    const findings = envelope.findings !== null && typeof envelope.findings === 'object' ? envelope.findings : {};
    const premises = typeof envelope.premises === 'string' ? envelope.premises : undefined;
    const inspectedAt = typeof envelope.inspectedAt === 'string' ? envelope.inspectedAt : undefined;
    const facts = findings as Readonly<Record<string, unknown>>;
    setReserved(premises, inspectedAt);

    let applicable: (boolean | undefined)[] | undefined;
    const isApplicable = (index: number): boolean => {
      const when = whenByIndex[index];
      if (when === undefined) return true;
      applicable ??= new Array<boolean | undefined>(factCount);
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
    const inScope = (scope: readonly boolean[] | undefined) => scope === undefined || (where >= 0 && scope[where] === true);
    const itemResults: ItemResult[] = [];
    const hazards: HazardFinding[] = [];
    const firedAt: (HazardFinding | undefined)[] | undefined = composites.length > 0 ? new Array<HazardFinding | undefined>(ruleIds.size).fill(undefined) : undefined;
    let notApplicable = 0;
    let notChecked = 0;
    let passed = 0;
    for (const item of items) {
      const result: ItemResult = { item: item.id, section: item.section, outcome: 'not_applicable', hazards: [] };
      itemResults.push(result);
      if (!inScope(item.scope) || (item.when && !item.when(facts))) {
        notApplicable += 1;
        continue;
      }
      let fired: HazardFinding[] | undefined;
      for (const rule of item.rules) {
        if (!rule.when(facts)) continue;
        const observations = rule.when.explain(facts).observations;
        const finding = ruleFinding(rule, item.id, observations, explain(rule.title, observations));
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
      if (!inScope(composite.scope)) continue;
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
      hazards.push(compositeFinding(composite, elements, observations, composite.explain(elements)));
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
  };

  return Object.freeze({
    pack: Object.freeze({ id: pack.id, version: pack.version, domain: pack.domain }),
    evaluate,
    check: (inspection: Inspection) => checkInspection(shared, inspection),
  });
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
