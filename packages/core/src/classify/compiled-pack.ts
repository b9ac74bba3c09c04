/**
 * A compiled pack as data: what {@link compilePack} builds once and {@link evaluatePack}
 * and the findings checker read. Internal to the classify area.
 *
 * @module
 */
import type { LocalizedText, Pack } from '../pack/types.js';
import type { CompiledCondition } from '../rules/compile-condition.js';
import type { Explainer } from './explain-observation.js';
import type { FactLabel } from './fact-labels.js';
import type { RuleTemplate } from './hazard-findings.js';
import type { ResolvedCitation } from './types.js';

/** A finding's basis as of an inspection day. @internal */
export interface AsOfBasis {
  basis: ResolvedCitation[];
  provisional: boolean;
  /** Every citation was not yet in force: the finding is dropped (see `classificationAsOf`). */
  drop: boolean;
}

/** A hazard rule, compiled. @internal */
export interface CompiledRule extends RuleTemplate {
  when: CompiledCondition;
  /** Position among all the pack's rules (for the per-evaluation fired table). */
  index: number;
}

/** A checklist item, compiled. @internal */
export interface CompiledItem {
  id: string;
  section: string;
  /** Applies to premises index i when `scope[i]`; undefined: to all. */
  scope: readonly boolean[] | undefined;
  when: CompiledCondition | undefined;
  /** Required facts asked by the item, with their index in `pack.facts`. */
  required: readonly { id: string; index: number; slot: number | undefined; read: (facts: Readonly<Record<string, unknown>>) => unknown }[];
  rules: readonly CompiledRule[];
}

/** A composite (综合判定), compiled. @internal */
export interface CompiledComposite extends RuleTemplate {
  atLeast: number;
  of: readonly string[];
  /** Indexes (in the fired table) of the `of` rules. */
  ofIndex: readonly number[];
  scope: readonly boolean[] | undefined;
  /** The explanation for the fired elements. */
  explain(elements: readonly string[]): LocalizedText & { en: string };
}

/**
 * Everything evaluation needs, computed once. The only state that changes afterwards is
 * `reserved` and `clock`, which {@link CompiledPack.setReserved} sets at the start of each
 * evaluation (evaluation is synchronous, so one evaluation never sees another's). @internal
 */
export interface CompiledPack {
  pack: Pack;
  labels: ReadonlyMap<string, FactLabel>;
  /** Premises kind id → index (for the scopes). */
  premisesIndex: ReadonlyMap<string, number>;
  items: readonly CompiledItem[];
  composites: readonly CompiledComposite[];
  /** Number of hazard rules (the size of the fired table). */
  ruleCount: number;
  /** Size of an evaluation's fact slots (`slotsOver` in rules/condition-nodes; the facts object included): every condition and required answer of the pack. */
  slotCount: number;
  /** `when` of each fact by index in `pack.facts` (undefined: always applicable). */
  factWhenByIndex: readonly (CompiledCondition | undefined)[];
  /** `when` of each fact that has one, by id. */
  factWhen: ReadonlyMap<string, CompiledCondition>;
  /** Whether some condition measures time from `$inspectedAt`. */
  usesInspectedAt: boolean;
  /** Whether some item or composite is limited to premises kinds. */
  scoped: boolean;
  /** The explanation of a rule's observations (remembers the clauses it rendered, per leaf). */
  explain: Explainer;
  /** Whether some edition of the pack has dates: then findings cite the law as of the inspection day. */
  dated: boolean;
  /**
   * The basis as of a day (see `basisAsOf` in pack/as-of), by a rule's index (< `ruleCount`)
   * or a composite's (`ruleCount` + its index): computed once per rule and day.
   */
  asOfDay(day: string): (index: number, template: RuleTemplate) => AsOfBasis;
  /** Set the reserved facts the compiled conditions read (before evaluating them). */
  setReserved(premises: unknown, inspectedAt: unknown): void;
}
