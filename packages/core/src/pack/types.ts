/**
 * The checklist pack model: what a YAML pack says once it is loaded and validated.
 *
 * The JSON Schema in `schema/pack.schema.json` is the contract for the YAML; these types
 * are the same shapes as TypeScript. Anything that changes one changes the other (a test
 * compares them).
 *
 * @module
 */

/** A language tag anjian speaks. `zh-CN` is required everywhere; `en` is strongly expected. */
export type Lang = 'zh-CN' | 'en';

/**
 * Human-facing text in both languages. `zh-CN` is required; a missing `en` is a warning
 * at load time.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}

/** Hazard levels: 简易隐患 (fixed on the spot), 一般事故隐患 (fixed by a deadline), 重大事故隐患. */
export type HazardLevel = 'simple' | 'general' | 'major';

/** All hazard levels, most severe last. */
export const HAZARD_LEVELS: readonly HazardLevel[] = Object.freeze(['simple', 'general', 'major']);

/**
 * Severity rank of each level, from {@link HAZARD_LEVELS} (major > general > simple): the
 * one ranking the classifier, the CLI's `--fail-on` and the review chain compare with.
 */
export const LEVEL_RANK: Readonly<Record<HazardLevel, number>> = Object.freeze(Object.fromEntries(HAZARD_LEVELS.map((level, i) => [level, i + 1])) as Record<HazardLevel, number>);

/** Well-known domains. Packs may use other lower-case ids. */
export type Domain = 'gas' | 'fire' | 'confined_space' | 'chemicals' | 'hazardous_work' | (string & {});

/** How sure we are that a citation says what the pack claims (see docs/authoring-packs.en.md §4). */
export type Confidence = 'verified' | 'secondary' | 'unverified';

/** Whether a cited edition is in force. */
export type RegulationStatus = 'current' | 'superseded';

/** Which party a hazard belongs to (e.g. a gas operator is answerable for a user defect it did not notify). */
export type Party = 'user' | 'operator' | (string & {});

/** A regulation a pack relies on, declared once in the pack's metadata and cited by id. */
export interface Regulation {
  /** Pack-local id used by citations, e.g. `jcg-2023-4`. */
  id: string;
  title: LocalizedText;
  /** Official document number, e.g. `建城规〔2023〕4号`, `GB 35181-2017`. */
  number: string;
  /** Edition (year or full designation), e.g. `2017`, `2022`. */
  edition: string;
  status: RegulationStatus;
  /** Confidence of this pack's reading of the document as a whole; a citation may lower it. */
  confidence: Confidence;
  /** True when the document is a national major-hazard determination standard (重大事故隐患判定标准). */
  determination?: boolean;
  /** In force from (inclusive), ISO date. Inspections dated earlier are classified without it. */
  effective?: string;
  /** Withdrawn on (exclusive), ISO date: inspections from this day cite it as superseded. */
  withdrawn?: string;
  /** Id of the regulation (another edition) in force after `withdrawn`, named in the output. */
  replacedBy?: string;
  /** Free-text note (e.g. "superseded by GB 35181-2025; items kept provisionally"). */
  note?: LocalizedText;
}

/** One citation of a clause as the basis of a rule. */
export interface Citation {
  /** Id of a {@link Regulation} declared in the pack. */
  regulation: string;
  /** Clause, e.g. `第十三条(二)`, `5.3.2`, `Art. 6`. */
  clause: string;
  /** Confidence of this clause reading; defaults to the regulation's. */
  confidence?: Confidence;
  note?: LocalizedText;
}

/** A premises kind a pack applies to (restaurant, canteen, crowded place …). */
export interface PremisesKind {
  id: string;
  label: LocalizedText;
  description?: LocalizedText;
}

/** Types of observation a fact may record. */
export type FactType = 'boolean' | 'number' | 'count' | 'enum' | 'multi' | 'text' | 'date' | 'datetime' | 'evidence';

/** An option of an `enum` or `multi` fact. */
export interface FactOption {
  value: string;
  label: LocalizedText;
}

/**
 * An observation an inspection records, and the form field a portal renders for it.
 *
 * - `boolean`: yes / no.
 * - `number`: a measurement, with `unit` and an allowed `min`/`max` range.
 * - `count`: a non-negative integer (people, cylinders), optional `max`.
 * - `enum`: one of `options`; `multi`: a subset of `options` (an array).
 * - `text`: free text (`maxLength`).
 * - `date` (`YYYY-MM-DD`) and `datetime` (ISO 8601 with offset).
 * - `evidence`: references to photos or documents (an array of ids or URLs).
 */
export interface Fact {
  /** Fact id, snake_case; the key in findings. */
  id: string;
  type: FactType;
  label: LocalizedText;
  hint?: LocalizedText;
  /** Unit shown next to a number, e.g. `m`, `%LEL`, `kg`. */
  unit?: string;
  min?: number;
  max?: number;
  /** Options of `enum`/`multi` facts. */
  options?: FactOption[];
  maxLength?: number;
  /** A required fact that is missing makes its items `not_checked`. Default false. */
  required?: boolean;
  /** When the question is asked (applicability). Omitted: always. */
  when?: Condition;
}

/** A leaf comparison, json-rules-engine compatible. */
export interface LeafCondition {
  fact: string;
  operator: string;
  /** A literal or a reference to another fact: `{ fact: other }`. */
  value: unknown;
  /** Safe property access into the fact's value: `$.a.b[0]`. Never JSONPath filters. */
  path?: string;
  params?: Record<string, unknown>;
}

/** A reference to a named shared condition of the pack. */
export interface ConditionReference {
  condition: string;
}

/** All of the listed conditions hold. */
export interface AllCondition {
  all: Condition[];
}

/** Any of the listed conditions holds. */
export interface AnyCondition {
  any: Condition[];
}

/** The condition does not hold. */
export interface NotCondition {
  not: Condition;
}

/** anjian extension: at least `atLeast` of `of` hold. */
export interface AtLeastCondition {
  atLeast: number;
  of: Condition[];
}

/** The condition language: json-rules-engine's, plus `atLeast`. */
export type Condition = LeafCondition | ConditionReference | AllCondition | AnyCondition | NotCondition | AtLeastCondition;

/**
 * How long the unit has to rectify a hazard.
 * `immediate` for simple hazards (fixed on the spot); otherwise one of the counts.
 */
export type DeadlinePolicy = 'immediate' | { workingDays: number } | { days: number } | { hours: number };

/** A rule that makes an item's finding a hazard. */
export interface HazardRule {
  /** Unique id across the pack, e.g. `GAS-003-H1`. */
  id: string;
  level: HazardLevel;
  title: LocalizedText;
  /** When the hazard is present. */
  when: Condition;
  /** Clauses this rule rests on. Required for `major`. */
  basis: Citation[];
  /**
   * `collective`: only people decide this level (a major fire hazard, 重大火灾隐患, is determined
   * by the fire authority's collective discussion, 集体讨论): the findings are provisional (疑似)
   * on every inspection day, whatever the basis says. Omitted: provisional when every citation
   * is superseded, not in force or unverified. See `isProvisional`.
   */
  confirmation?: 'collective';
  rectification?: LocalizedText;
  deadline?: DeadlinePolicy;
  /** Who is answerable (default `user`). */
  party?: Party;
}

/** A checklist item: one thing the inspector checks. */
export interface Item {
  /** Unique id across the pack, e.g. `GAS-003`. */
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Facts the item asks. */
  asks: string[];
  /** Premises kinds the item applies to; omitted means all of the pack's. */
  premises?: string[];
  /** When the item applies. Omitted: always. */
  when?: Condition;
  hazards: HazardRule[];
}

/** A group of items, rendered as one section of the form. */
export interface Section {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  items: Item[];
}

/**
 * A composite determination: "at least `atLeast` of these hazard rules fired ⇒ level",
 * e.g. GB 35181's comprehensive determination, scoped by premises kind.
 */
export interface Composite {
  id: string;
  level: HazardLevel;
  title: LocalizedText;
  atLeast: number;
  /** Hazard rule ids counted as elements. */
  of: string[];
  premises?: string[];
  basis: Citation[];
  /** `collective`: only people decide this level; its findings are always provisional (see {@link HazardRule.confirmation}). */
  confirmation?: 'collective';
  rectification?: LocalizedText;
  deadline?: DeadlinePolicy;
  party?: Party;
}

/** A loaded, validated checklist pack. Deeply frozen once loaded. */
export interface Pack {
  /** Format marker, `anjian/pack@1`. */
  format: 'anjian/pack@1';
  id: string;
  /** Semver. */
  version: string;
  domain: Domain;
  /**
   * The domain's name as a reader knows it (燃气 / Gas, 有限空间 / Confined spaces): reports
   * show it for the domain code (`domainLabels`). Without it they show the pack's `title`.
   */
  domainLabel?: LocalizedText;
  title: LocalizedText;
  description?: LocalizedText;
  issuer: LocalizedText;
  premises: PremisesKind[];
  regulations: Regulation[];
  facts: Fact[];
  /** Named shared conditions, referenced by `{ condition: name }`. */
  conditions: Record<string, Condition>;
  sections: Section[];
  composites: Composite[];
  /** Default deadline per level (department overrides). */
  deadlines?: Partial<Record<HazardLevel, DeadlinePolicy>>;
}

/** Severity of a loader issue. */
export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * A problem found in input data: located, bilingual, actionable.
 * Bad data yields an array of these; only misuse of the API throws.
 */
export interface Issue {
  /** UPPER_SNAKE machine code, stable across releases (documented in docs/issue-codes.md). */
  code: string;
  severity: IssueSeverity;
  message: LocalizedText & { en: string };
  /** File the issue is in (as given to the loader). */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
  /** JSON Pointer into the file's document (RFC 6901). */
  pointer?: string;
  hint?: LocalizedText;
  /** Link to the documentation of the code. */
  docs?: string;
}
