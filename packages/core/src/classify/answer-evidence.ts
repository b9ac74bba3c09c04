import type { HazardFinding } from './types.js';
import type { Pack } from '../pack/types.js';

/** One upload an inspection's answer names: its id and where the answer lists it (`/findings/site_photos/0`). */
export interface AnswerUpload {
  id: string;
  pointer: string;
}

/** Which uploads of an inspection's evidence answers go to which of its hazards: see {@link answerEvidence}. */
export interface AnswerEvidence {
  /** Every upload the evidence answers name, in the pack's fact order (checked whether reported or not). */
  all: readonly AnswerUpload[];
  /** The uploads that go to the hazard of a rule (or composite). */
  of(rule: string): readonly AnswerUpload[];
}

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Which `evidence` facts of a pack go to the hazards of which rule, computed once when the pack
 * is compiled (`PackEvaluator.evidence`): see {@link answerEvidence}.
 */
export interface EvidenceRouting {
  /** The pack's `evidence` facts, in its order. */
  readonly facts: readonly string[];
  /** Per hazard rule: the `evidence` facts its item asks, and those no item asks (the inspection's as a whole). */
  readonly ofRule: ReadonlyMap<string, readonly string[]>;
  /** The `evidence` facts no item asks. */
  readonly inspectionWide: readonly string[];
}

/** The {@link EvidenceRouting} of a pack. */
export function evidenceRouting(pack: Pack): EvidenceRouting {
  const facts = pack.facts.filter((f) => f.type === 'evidence').map((f) => f.id);
  const items = pack.sections.flatMap((s) => s.items);
  const asked = new Set(items.flatMap((item) => item.asks));
  const inspectionWide = facts.filter((f) => !asked.has(f));
  const ofRule = new Map<string, readonly string[]>();
  for (const item of items) {
    const own = facts.filter((f) => item.asks.includes(f) || inspectionWide.includes(f));
    for (const rule of item.hazards) ofRule.set(rule.id, Object.freeze(own));
  }
  return Object.freeze({ facts: Object.freeze(facts), ofRule, inspectionWide: Object.freeze(inspectionWide) });
}

/**
 * The photos an inspector took while answering, routed to the hazards the answers produced —
 * derived from the pack, never named by the client:
 *
 * - a hazard of a rule gets the answers to the `evidence` facts its item asks (`asks`): the
 *   photo of the blocked exit goes to the blocked-exit hazard;
 * - a composite (综合判定) gets those of the items of the rules it counted;
 * - an `evidence` fact that no item asks is the inspection's as a whole (a photo of the
 *   premises): every hazard gets it.
 *
 * A fact several items ask (the fire pack's `site_photos`) gives its photos to each hazard of
 * those items. Answers that are not lists of strings give nothing (the pack's check refuses
 * them before).
 */
export function answerEvidence(routing: EvidenceRouting, findings: Readonly<Record<string, unknown>>, hazards: readonly HazardFinding[]): AnswerEvidence {
  const uploadsOf = new Map<string, AnswerUpload[]>();
  for (const fact of routing.facts) {
    const value = Object.hasOwn(findings, fact) ? findings[fact] : undefined;
    const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    uploadsOf.set(
      fact,
      ids.map((id, i) => ({ id, pointer: `/findings/${escape(fact)}/${i}` })),
    );
  }
  const byRule = new Map<string, AnswerUpload[]>();
  for (const hazard of hazards) {
    const rules = hazard.kind === 'composite' ? (hazard.elements ?? []) : [hazard.rule];
    const facts = new Set(rules.flatMap((r) => routing.ofRule.get(r) ?? []));
    for (const f of routing.inspectionWide) facts.add(f);
    byRule.set(
      hazard.rule,
      routing.facts.filter((f) => facts.has(f)).flatMap((f) => uploadsOf.get(f) ?? []),
    );
  }
  return { all: [...uploadsOf.values()].flat(), of: (rule) => byRule.get(rule) ?? [] };
}
