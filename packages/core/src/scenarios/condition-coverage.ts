import type { Inspection } from '../classify/types.js';
import { conditionWords } from '../pack/inspection-contract.js';
import type { Condition, Pack } from '../pack/types.js';
import { compileCondition, type CompiledCondition } from '../rules/compile-condition.js';

/** One leaf condition of a rule and how the scenarios saw it. */
export interface LeafCoverage {
  /** Where the leaf is in the rule's `when` (named conditions written out), e.g. `when/all/0 › uses_lpg`. */
  path: string;
  /** The leaf in short words, e.g. `below_ground = true`. */
  words: string;
  /** Scenarios where the rule's item applied, the leaf's facts were answered and the leaf held. */
  true: number;
  /** …and where it did not hold. */
  false: number;
  /** Seen both true and false. */
  covered: boolean;
  /**
   * True when the item's own applicability already requires this leaf (its `when` holds it
   * through `all` and named conditions, or its only premises kind is the one compared): it
   * cannot be false where the item applies, so it is not counted.
   */
  implied?: true;
}

interface Leaf {
  path: string;
  words: string;
  implied?: true;
  test: CompiledCondition;
  counts: { true: number; false: number };
}

/**
 * Condition coverage of a pack's hazard rules: for every leaf of every rule's `when` (named
 * conditions written out), how many scenarios saw it true and how many false — counted only
 * in scenarios where the rule's item applied (was checked) and the facts the leaf reads were
 * answered. A rule can be "covered" (fired once, held back once) while one of its leaves was
 * never false where it mattered; this shows it.
 *
 * @internal
 * @example
 * ```ts
 * const leaves = createConditionCoverage(pack);
 * leaves.observe(inspection, new Set(['DEMO-001'])); // per scenario
 * leaves.of('DEMO-001-H1'); // [{ path: 'when/all/1', words: 'below_ground = true', true: 1, false: 3, covered: true }, …]
 * ```
 */
export function createConditionCoverage(pack: Pack): {
  observe(inspection: Inspection, checkedItems: ReadonlySet<string>): void;
  of(rule: string): LeafCoverage[];
} {
  const named = pack.conditions ?? {};
  const byRule = new Map<string, { item: string; leaves: Leaf[] }>();
  for (const section of pack.sections) {
    for (const item of section.items) {
      const required = new Set<string>();
      if (item.when) necessary(item.when, named, required, 0);
      if (item.premises?.length === 1) required.add(conditionWords({ fact: '$premises', operator: 'equal', value: item.premises[0] }));
      for (const rule of item.hazards) {
        const leaves: Leaf[] = [];
        collect(rule.when, 'when', named, leaves, 0);
        for (const leaf of leaves) if (required.has(leaf.words)) leaf.implied = true;
        byRule.set(rule.id, { item: item.id, leaves });
      }
    }
  }
  return {
    observe(inspection, checkedItems) {
      const facts: Record<string, unknown> = { ...inspection.findings, $premises: inspection.premises, $inspectedAt: inspection.inspectedAt };
      for (const { item, leaves } of byRule.values()) {
        if (!checkedItems.has(item)) continue;
        for (const leaf of leaves) {
          if (leaf.test.facts.some((f) => facts[f] === undefined || facts[f] === null)) continue;
          if (leaf.test(facts)) leaf.counts.true++;
          else leaf.counts.false++;
        }
      }
    },
    of(rule) {
      return (byRule.get(rule)?.leaves ?? []).map((l) => ({
        path: l.path,
        words: l.words,
        true: l.counts.true,
        false: l.counts.false,
        covered: l.counts.true > 0 && l.counts.false > 0,
        ...(l.implied ? { implied: true as const } : {}),
      }));
    },
  };
}

function collect(condition: Condition, path: string, named: Readonly<Record<string, Condition>>, out: Leaf[], depth: number): void {
  const c = condition as unknown as Record<string, unknown>;
  if (depth > 16) return;
  const list = (Array.isArray(c.all) ? c.all : Array.isArray(c.any) ? c.any : Array.isArray(c.of) ? c.of : undefined) as Condition[] | undefined;
  if (list) {
    const key = Array.isArray(c.all) ? 'all' : Array.isArray(c.any) ? 'any' : 'of';
    list.forEach((child, i) => collect(child, `${path}/${key}/${i}`, named, out, depth + 1));
    return;
  }
  if (c.not !== undefined) return collect(c.not as Condition, `${path}/not`, named, out, depth + 1);
  if (typeof c.condition === 'string') {
    const target = Object.hasOwn(named, c.condition) ? named[c.condition] : undefined;
    if (target !== undefined) collect(target, `${path} › ${c.condition}`, named, out, depth + 1);
    return;
  }
  out.push({ path, words: conditionWords(condition), test: compileCondition(condition), counts: { true: 0, false: 0 } });
}

/** The leaves a condition cannot hold without: reached from its root through `all` and named conditions only. */
function necessary(condition: Condition, named: Readonly<Record<string, Condition>>, out: Set<string>, depth: number): void {
  const c = condition as unknown as Record<string, unknown>;
  if (depth > 16) return;
  if (Array.isArray(c.all)) for (const child of c.all as Condition[]) necessary(child, named, out, depth + 1);
  else if (typeof c.condition === 'string') {
    const target = Object.hasOwn(named, c.condition) ? named[c.condition] : undefined;
    if (target !== undefined) necessary(target, named, out, depth + 1);
  } else if (typeof c.fact === 'string') out.add(conditionWords(condition));
}
