/**
 * Inspections in, classifications out.
 *
 * @module
 */
import type { Citation, Confidence, DeadlinePolicy, HazardLevel, LocalizedText, Party } from '../pack/types.js';

/** Where a finding comes from. */
export type FindingSource = 'self_check' | 'grid_patrol' | 'enforcement' | 'sensor' | 'permit';

/** A value recorded for a fact. `null` or absence means "not observed". */
export type FindingValue = boolean | number | string | string[] | null;

/**
 * One inspection: the answers recorded against one pack at one premises.
 * This is also the file format `anjian classify` reads (YAML or JSON).
 */
export interface Inspection {
  /** Pack id (and optionally `@version`) the findings answer. */
  pack: string;
  /** Premises kind id of the pack (e.g. `restaurant`). */
  premises?: string;
  /** When the inspection took place (ISO 8601); date operators compare against it. */
  inspectedAt?: string;
  source?: FindingSource;
  /** Free identification of the unit inspected (not used by classification). */
  subject?: { id?: string; name?: string; address?: string; area?: string };
  /** Fact id → recorded value. */
  findings: Record<string, FindingValue>;
}

/** Result of one checklist item. */
export type ItemOutcome = 'pass' | 'hazard' | 'not_applicable' | 'not_checked';

/** One observation that decided a hazard: what was seen against what the rule asks. */
export interface Observation {
  fact: string;
  operator: string;
  /** The recorded value (after `path`), or `undefined` when missing. */
  actual: unknown;
  /** The rule's threshold (a referenced fact's value when `value: { fact }`). */
  expected: unknown;
  path?: string;
  /** When `value` was `{ fact }`: the referenced fact (its value is in `expected`). */
  valueFact?: string;
  /** Duration operators: the fact the time was measured from (`$inspectedAt` by default). */
  reference?: string;
  /** True when the observation decided through a `not`: the comparison did NOT hold. */
  negated?: boolean;
}

/** A citation resolved against the pack's regulations. */
export interface ResolvedCitation extends Citation {
  number: string;
  edition: string;
  title: LocalizedText;
  status: 'current' | 'superseded';
  /** Effective confidence (the citation's, else the regulation's). */
  confidence: Confidence;
  /** As of the inspection day (set when the inspection has `inspectedAt`): whether this edition was in force. */
  inForce?: boolean;
  /** The edition's dates, from the pack (when declared). */
  effective?: string;
  withdrawn?: string;
  /** When withdrawn by the inspection day: the edition in force instead. */
  replacedBy?: { regulation: string; number: string; edition: string };
}

/** A hazard the classifier found. */
export interface HazardFinding {
  /** Rule (or composite) id. */
  rule: string;
  /** Item id; absent for composites. */
  item?: string;
  kind: 'rule' | 'composite';
  level: HazardLevel;
  /**
   * True when every citation of the basis is superseded, not in force on the inspection day
   * or unverified, or when the rule says people decide its level (`confirmation:
   * collective`, whatever the basis): the level is a suggestion (疑似) that an enforcement
   * officer must confirm. See `isProvisional`.
   */
  provisional: boolean;
  party: Party;
  title: LocalizedText;
  basis: ResolvedCitation[];
  rectification?: LocalizedText;
  deadline: DeadlinePolicy;
  /** Observations that decided it. */
  observations: Observation[];
  /** Composites: the counted rule ids that fired (in the order of `of`). */
  elements?: string[];
  /** One sentence in each language. */
  explanation: LocalizedText & { en: string };
}

/** Result of one item. */
export interface ItemResult {
  item: string;
  section: string;
  outcome: ItemOutcome;
  /** The most severe fired hazard's level when `outcome` is `hazard`. */
  level?: HazardLevel;
  /** Fired rule ids, most severe first. */
  hazards: string[];
  /** Required facts that were missing (when `not_checked`). */
  missing?: string[];
}

/** The classified inspection. */
export interface Classification {
  pack: { id: string; version: string };
  premises?: string;
  inspectedAt?: string;
  /** The day (YYYY-MM-DD) whose law was applied: the inspection's, when it has `inspectedAt`. */
  asOf?: string;
  items: ItemResult[];
  /** All fired hazards (rules then composites), most severe first. */
  hazards: HazardFinding[];
  summary: {
    items: Record<ItemOutcome, number>;
    hazards: Record<HazardLevel, number>;
    provisional: number;
    /** The most severe level found, or null. */
    highest: HazardLevel | null;
  };
}
