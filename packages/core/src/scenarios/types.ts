/**
 * Scenario tests that ship with a pack (`tests/*.yaml` beside `pack.yaml`): given
 * findings, the expected result of items and the expected hazards. `anjian test` runs them.
 *
 * @module
 */
import type { FindingValue, ItemOutcome } from '../classify/types.js';
import type { HazardLevel, LocalizedText } from '../pack/types.js';
import type { LeafCoverage } from './condition-coverage.js';
export type { LeafCoverage } from './condition-coverage.js';

/** An expected hazard of a scenario. */
export interface ExpectedHazard {
  /** Rule or composite id. */
  rule: string;
  level: HazardLevel;
  /** When given, the hazard's provisional flag must match. */
  provisional?: boolean;
}

/** One scenario: findings in, expectations out. */
export interface Scenario {
  name: string;
  premises?: string;
  inspectedAt?: string;
  findings: Record<string, FindingValue>;
  expect: {
    /** Item id → expected outcome (only the listed items are checked). */
    items?: Record<string, ItemOutcome>;
    /** When present, the exact set of fired rules and composites, with their levels. */
    hazards?: ExpectedHazard[];
    /** Rules or composites that must not fire. */
    absent?: string[];
  };
  /** Marks a known gap: the scenario runs and is reported, but its failure does not fail the run. */
  todo?: string;
}

/**
 * Answers shared by every scenario of a file: a scenario starts from them and overrides
 * what it lists (an answer set to `null` removes the base's).
 */
export interface ScenarioBase {
  premises?: string;
  inspectedAt?: string;
  findings?: Record<string, FindingValue>;
}

/** A scenario file. */
export interface ScenarioFile {
  /** Id of the pack the scenarios are written for. */
  pack: string;
  /** Baseline answers the scenarios of this file override. */
  base?: ScenarioBase;
  scenarios: Scenario[];
}

/** One expectation that did not hold. */
export interface ScenarioFailure {
  /** JSON pointer into the scenario file, e.g. `/scenarios/2/expect/hazards/0`. */
  pointer: string;
  line?: number;
  column?: number;
  /**
   * The message, ending with the reason when one is known (after 「：」 / ": "): for a
   * hazard that should fire but did not, the conditions that were false with the recorded
   * value and the threshold (at most three), or that its item did not apply and why
   * (premises scope or the item's `when`); for a hazard that fired unexpectedly, the
   * classifier's explanation of it.
   */
  message: LocalizedText & { en: string };
  /** The reason alone, when one is known (it ends `message` too). */
  because?: LocalizedText & { en: string };
}

/**
 * An answer a scenario writes that does not count (the scenario may still pass): the author
 * believes it tested something it did not. `anjian test` shows it as a warning; it never
 * fails the run.
 */
export interface ScenarioWarning {
  /**
   * `ANSWER_IGNORED`: only items that do not apply to the scenario (premises scope, or the
   * item's `when`) ask or read the answer; `NOT_APPLICABLE_ANSWER`: the question's own `when`
   * does not hold, so a form never asks it and no real inspection has the answer. The findings
   * check's own warnings too: `INSPECTED_AT_MISSING` (the pack measures time from the
   * inspection, the scenario has no `inspectedAt`: such conditions are false; at the
   * scenario), `DUPLICATE_OPTION` (a list answer names an option twice).
   */
  code: 'ANSWER_IGNORED' | 'NOT_APPLICABLE_ANSWER' | 'INSPECTED_AT_MISSING' | 'DUPLICATE_OPTION';
  /** JSON pointer to the answer in the scenario file, e.g. `/scenarios/2/findings/hose_length_m` (`/scenarios/2` for a missing `inspectedAt`). */
  pointer: string;
  line?: number;
  column?: number;
  /** What does not count, and why (the premises scope or the `when` that does not hold). */
  message: LocalizedText & { en: string };
  /** What to do: delete the answer, make the item apply, or expect it `not_applicable`. */
  hint: LocalizedText & { en: string };
}

/** Outcome of one scenario. */
export interface ScenarioResult {
  file: string;
  index: number;
  name: string;
  status: 'passed' | 'failed' | 'todo' | 'todo_passed';
  failures: ScenarioFailure[];
  /** Answers of the scenario that did not count, and the findings check's warnings (present when there is one); see {@link ScenarioWarning}. */
  warnings?: ScenarioWarning[];
  todo?: string;
  line?: number;
}

/** Whether each rule was exercised both ways. */
export interface RuleCoverage {
  rule: string;
  kind: 'rule' | 'composite';
  item?: string;
  /** Names of scenarios that fired it. */
  fired: number;
  /** Scenarios where its item applied (or the composite's scope held) and it did not fire. */
  heldBack: number;
  covered: boolean;
  /**
   * Condition coverage (rules only): each leaf of the rule's `when`, named conditions written
   * out, with how often it was seen true and false where the rule's item applied.
   */
  conditions?: LeafCoverage[];
}

/** What running all scenario files of a pack gives. */
export interface ScenarioRun {
  pack: { id: string; version: string };
  results: ScenarioResult[];
  coverage: RuleCoverage[];
  summary: {
    scenarios: number;
    passed: number;
    failed: number;
    todo: number;
    /** Warnings of all scenarios ({@link ScenarioResult.warnings}). */
    warnings: number;
    rules: number;
    covered: number;
    /** Percentage of rules covered, 0–100, one decimal. */
    percent: number;
    /** Leaf conditions of the rules, and how many were seen both true and false. */
    leaves: number;
    leavesCovered: number;
    /** Percentage of leaf conditions covered, 0–100, one decimal. */
    conditionPercent: number;
  };
}
