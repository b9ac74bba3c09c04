import { explainObservation } from '../classify/explain-observation.js';
import { factLabels, type FactLabel } from '../classify/fact-labels.js';
import type { Inspection, Observation } from '../classify/types.js';
import { conditionWords } from '../pack/inspection-contract.js';
import type { Condition, Fact, Lang, Pack } from '../pack/types.js';
import { createConditionCompiler, type CompiledCondition } from '../rules/compile-condition.js';

/** A text in both languages. */
type Pair = { 'zh-CN': string; en: string };

/** At most this many conditions that were false are named for one rule (then "and N more"). */
const MAX_FALSE_LEAVES = 3;

/**
 * Why a rule, a composite or an item came out as it did in one scenario, for the failures
 * of `anjian test`: the words of the compiled conditions' own recording walk (the
 * `explain` of `compileCondition`, as the classifier records a fired hazard), rendered as
 * the classifier renders observations (`explainObservation`), never a second evaluator.
 * @internal
 */
export interface MissExplainer {
  /**
   * Why rule or composite `id` did not fire: its item did not apply (premises scope or the
   * item's `when`, said which), or the conditions that were false with the recorded value
   * and the threshold (at most {@link MAX_FALSE_LEAVES}), or how many of a composite's rules
   * fired. `undefined` when nothing can be said (an unknown id).
   */
  rule(id: string, scenario: Asked, fired: ReadonlySet<string>): Pair | undefined;
  /** Why item `id` did not apply (premises scope or its `when`); `undefined` when it applies. */
  item(id: string, scenario: Asked): Pair | undefined;
}

/**
 * The scenario's inspection, and the facts whose answers the findings check refused (a
 * false condition on such an answer is shown as the bare record: neither the comparison
 * nor its opposite held).
 * @internal
 */
export interface Asked {
  inspection: Inspection;
  invalid: ReadonlySet<string>;
}

interface Compiled {
  items: Map<string, { premises: readonly string[] | undefined; when: CompiledCondition | undefined }>;
  rules: Map<string, { item: string; when: CompiledCondition }>;
  factWhen: Map<string, CompiledCondition>;
  labels: ReadonlyMap<string, FactLabel>;
}

/**
 * A {@link MissExplainer} for a pack. Its conditions are compiled on the first question
 * (with the pack's named conditions, declared facts and premises kinds, as the classifier
 * compiles them); a pack whose conditions do not compile gets no explanations.
 * @internal
 */
export function createMissExplainer(pack: Pack): MissExplainer {
  let compiled: Compiled | null | undefined;
  const get = (): Compiled | null => {
    if (compiled !== undefined) return compiled;
    try {
      const declared = new Map<string, Fact>();
      for (const fact of pack.facts) if (!declared.has(fact.id)) declared.set(fact.id, fact);
      const compile = createConditionCompiler({ conditions: pack.conditions, facts: declared, premises: pack.premises.map((p) => p.id) });
      const result: Compiled = { items: new Map(), rules: new Map(), factWhen: new Map(), labels: factLabels(pack) };
      for (const fact of pack.facts) if (fact.when !== undefined && !result.factWhen.has(fact.id)) result.factWhen.set(fact.id, compile(fact.when));
      for (const section of pack.sections) {
        for (const item of section.items) {
          result.items.set(item.id, { premises: item.premises, when: item.when === undefined ? undefined : compile(item.when) });
          for (const rule of item.hazards) result.rules.set(rule.id, { item: item.id, when: compile(rule.when) });
        }
      }
      compiled = result;
    } catch {
      compiled = null;
    }
    return compiled;
  };
  const item = (id: string, { inspection, invalid }: Asked): Pair | undefined => {
    const c = get();
    const entry = c?.items.get(id);
    if (!c || !entry) return undefined;
    const outside = scopeReason(entry.premises, inspection.premises, { zh: `检查项 ${id}`, en: `item ${id}` });
    if (outside) return outside;
    if (entry.when === undefined) return undefined;
    const { result, observations } = entry.when.explain(factsOf(inspection));
    if (result) return undefined;
    const why = falseLeaves(observations, c, inspection, invalid);
    return { 'zh-CN': `检查项 ${id} 的适用条件（when）不成立：${why['zh-CN']}`, en: `the when of item ${id} does not hold: ${why.en}` };
  };

  return {
    item,
    rule(id, asked, fired) {
      const { inspection, invalid } = asked;
      const composite = pack.composites.find((k) => k.id === id);
      if (composite) {
        const outside = scopeReason(composite.premises, inspection.premises, { zh: `综合判定 ${id}`, en: `composite ${id}` });
        if (outside) return outside;
        const firing = composite.of.filter((r) => fired.has(r));
        return {
          'zh-CN': `需至少 ${composite.atLeast} 条（${composite.of.join('、')}）触发，实际触发 ${firing.length} 条${firing.length > 0 ? `：${firing.join('、')}` : ''}`,
          en: `it needs at least ${composite.atLeast} of ${composite.of.join(', ')} to fire; ${firing.length} fired${firing.length > 0 ? `: ${firing.join(', ')}` : ''}`,
        };
      }
      const c = get();
      const rule = c?.rules.get(id);
      if (!c || !rule) return undefined;
      const excluded = item(rule.item, asked);
      if (excluded) return { 'zh-CN': `规则未求值，${excluded['zh-CN']}`, en: `the rule was not evaluated: ${excluded.en}` };
      const { result, observations } = rule.when.explain(factsOf(inspection));
      if (result) {
        // the condition holds, yet the classification has no such finding (its basis not in force on the day)
        return {
          'zh-CN': `条件成立（${observations.map((o) => explainObservation(o, c.labels, 'zh-CN')).join('；')}），但分类结果中没有这一隐患（如其依据在检查日尚未生效）`,
          en: `its condition holds (${observations.map((o) => explainObservation(o, c.labels, 'en')).join('; ')}), but the classification has no such hazard (e.g. none of its basis was in force on the inspection day)`,
        };
      }
      return falseLeaves(observations, c, inspection, invalid);
    },
  };
}

/** The scope sentence when `premises` is outside a scoped item's or composite's kinds. */
function scopeReason(scope: readonly string[] | undefined, premises: string | undefined, who: { zh: string; en: string }): Pair | undefined {
  if (scope === undefined || (premises !== undefined && scope.includes(premises))) return undefined;
  return {
    'zh-CN': `${who.zh} 只适用于场所类型 ${scope.join('、')}，本场景为 ${premises ?? '（未填写）'}`,
    en: `${who.en} is for premises ${scope.join(', ')} only; the scenario's is ${premises ?? '(none)'}`,
  };
}

/**
 * The deciding observations of a false condition, each as what was the case (the
 * observation read the other way: 「…：2026-06-10 09:30，在检查前120分钟之内」), then what
 * the rule needs in the pack's words; a missing answer whose fact's `when` does not hold
 * says the fact is not asked here.
 */
function falseLeaves(observations: readonly Observation[], c: Compiled, inspection: Inspection, invalid: ReadonlySet<string>): Pair {
  const shown = observations.slice(0, MAX_FALSE_LEAVES);
  const more = observations.length - shown.length;
  const text = (lang: Lang): string => {
    const zh = lang === 'zh-CN';
    const parts = shown.map((o) => {
      // what was the case: the comparison read the other way; an answer the findings check
      // refused satisfies neither, so it is shown as it was recorded
      const flipped: Observation = invalid.has(o.fact) ? { fact: o.fact, operator: 'equal', actual: o.actual, expected: o.actual } : { ...o };
      if (o.negated) delete flipped.negated;
      else if (!invalid.has(o.fact)) flipped.negated = true;
      const leaf = { fact: o.fact, operator: o.operator, value: o.valueFact !== undefined ? { fact: o.valueFact } : o.expected } as unknown as Condition;
      const words = conditionWords(o.negated ? ({ not: leaf } as unknown as Condition) : leaf);
      let notAsked = '';
      const when = o.actual === undefined || o.actual === null ? c.factWhen.get(o.fact) : undefined;
      if (when !== undefined && !when(factsOf(inspection))) {
        notAsked = zh ? `，此处不问：事实 ${o.fact} 的 when 不成立` : `; not asked here: the when of fact ${o.fact} does not hold`;
      }
      return zh ? `${explainObservation(flipped, c.labels, lang)}（规则要求 ${words}${notAsked}）` : `${explainObservation(flipped, c.labels, lang)} (the rule needs ${words}${notAsked})`;
    });
    if (more > 0) parts.push(zh ? `另有 ${more} 个条件不成立` : `${more} more false`);
    return parts.join(zh ? '；' : '; ');
  };
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}

/** What the conditions read: the answers and the reserved facts. */
function factsOf(inspection: Inspection): Record<string, unknown> {
  return { ...inspection.findings, $premises: inspection.premises, $inspectedAt: inspection.inspectedAt };
}
