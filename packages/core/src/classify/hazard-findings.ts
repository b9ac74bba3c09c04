/**
 * Building the hazard findings of a classification. Internal to the classify area.
 *
 * @module
 */
import type { DeadlinePolicy, HazardLevel, LocalizedText, Pack, Party } from '../pack/types.js';
import type { Pair } from './explanation-sentence.js';
import type { HazardFinding, Observation, ResolvedCitation } from './types.js';

/** The static part of a hazard finding, computed once at compile time. @internal */
export interface RuleTemplate {
  rule: string;
  level: HazardLevel;
  title: LocalizedText;
  basis: ResolvedCitation[];
  /** Provisional in the pack's static view (`isProvisional` of the basis and the rule). */
  provisional: boolean;
  /** The rule's `confirmation` (`collective`: people decide the level, so provisional on every day). */
  confirmation: string | undefined;
  party: Party;
  deadline: DeadlinePolicy;
  rectification: LocalizedText | undefined;
  /** The title as the explanation's first sentence. */
  head: Pair;
}

/**
 * A fired rule's finding: static parts from the template, the basis and provisional flag
 * as of the inspection day (the template's own when the pack dates no editions), the
 * observations and their explanation. The explanation is an ordinary enumerable property
 * (for `JSON.stringify`, spreading and deep equality), built by the caller. @internal
 */
export function ruleFinding(t: RuleTemplate, item: string, observations: Observation[], explanation: Pair, basis: ResolvedCitation[], provisional: boolean): HazardFinding {
  // one literal per shape (no property added afterwards): the same keys in the same order
  if (t.rectification === undefined) {
    return { rule: t.rule, item, kind: 'rule', level: t.level, provisional, party: t.party, title: t.title, basis, deadline: t.deadline, observations, explanation };
  }
  return {
    rule: t.rule,
    item,
    kind: 'rule',
    level: t.level,
    provisional,
    party: t.party,
    title: t.title,
    basis,
    deadline: t.deadline,
    observations,
    explanation,
    rectification: t.rectification,
  };
}

/** A fired composite's finding, as {@link ruleFinding}; the explanation names the elements. @internal */
export function compositeFinding(
  t: RuleTemplate,
  elements: string[],
  observations: Observation[],
  explain: (elements: readonly string[]) => LocalizedText & { en: string },
  basis: ResolvedCitation[],
  provisional: boolean,
): HazardFinding {
  const finding: HazardFinding = {
    rule: t.rule,
    kind: 'composite',
    level: t.level,
    provisional,
    party: t.party,
    title: t.title,
    basis,
    deadline: t.deadline,
    observations,
    explanation: explain(elements),
    elements,
  };
  if (t.rectification !== undefined) finding.rectification = t.rectification;
  return finding;
}

/** Stable order, major then general then simple, without a comparator (three buckets). @internal */
export function mostSevereFirst(findings: readonly HazardFinding[]): HazardFinding[] {
  const out: HazardFinding[] = [];
  for (const level of ['major', 'general', 'simple'] as const) for (const f of findings) if (f.level === level) out.push(f);
  return out;
}

/**
 * 「…。3 项中有 2 项成立（至少 2 项）：甲；乙。」 / "…. 2 of 3 elements present (at least 2
 * required): A; B." — the same "label：records" shape as a rule's explanation; the element
 * titles are joined by 「；」 / "; " because titles may contain 「、」 and commas. @internal
 */
export function compositeExplainer(composite: Pack['composites'][number], titleOf: (id: string) => LocalizedText): (elements: readonly string[]) => LocalizedText & { en: string } {
  const zhTitles = new Map(composite.of.map((id) => [id, titleOf(id)['zh-CN']]));
  const enTitles = new Map(composite.of.map((id) => [id, titleOf(id).en ?? titleOf(id)['zh-CN']]));
  const final = /[。！？.!?]$/;
  const zhTitle = composite.title['zh-CN'];
  const enTitle = composite.title.en ?? composite.title['zh-CN'];
  const head = { zh: final.test(zhTitle) ? zhTitle : `${zhTitle}。`, en: final.test(enTitle) ? enTitle : `${enTitle}.` };
  return (elements) => {
    let zh = '';
    let en = '';
    for (const id of elements) {
      zh += zh === '' ? zhTitles.get(id) : `；${zhTitles.get(id)}`;
      en += en === '' ? enTitles.get(id) : `; ${enTitles.get(id)}`;
    }
    return {
      'zh-CN': `${head.zh}${composite.of.length} 项中有 ${elements.length} 项成立（至少 ${composite.atLeast} 项）：${zh}。`,
      en: `${head.en} ${elements.length} of ${composite.of.length} elements present (at least ${composite.atLeast} required): ${en}.`,
    };
  };
}
