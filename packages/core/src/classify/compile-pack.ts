import type { Issue, Pack } from '../pack/types.js';
import { buildCompiledPack, type PackIssue } from './build-compiled-pack.js';
import { evidenceRouting, type EvidenceRouting } from './answer-evidence.js';
import { checkInspection } from './check-inspection.js';
import { evaluatePack } from './evaluate-pack.js';
import type { Classification, Inspection } from './types.js';

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
  /** The pack's id, version, domain and premises kinds (ids; `reportInspection` takes a place's kind among them). */
  readonly pack: { readonly id: string; readonly version: string; readonly domain: string; readonly premises?: readonly string[] };
  /** Which `evidence` answers go to the hazards of which rule (`reportInspection` attaches them). */
  readonly evidence: EvidenceRouting;
  /**
   * Classify an inspection. Never throws for any findings (values that fail
   * {@link PackEvaluator.check} simply do not satisfy the conditions that expect them).
   * It classifies what it is given: an answer to a question whose `when` does not hold is
   * read like any other — {@link PackEvaluator.check} refuses such an inspection
   * (`NOT_APPLICABLE_ANSWER`, an error), so check first, as `reportInspection`,
   * `POST /inspections` and `anjian classify` do.
   */
  evaluate(inspection: Inspection): Classification;
  /** Validate an inspection's answers against the pack; same as {@link checkFindings}. */
  check(inspection: Inspection): Issue[];
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
 *   unverified (or it has none), or when its rule or composite says `confirmation:
 *   collective` (people decide the level: provisional whatever the basis, on every day;
 *   see `isProvisional`) — as of the inspection day when it has `inspectedAt`
 *   (see `classificationAsOf`: editions not yet in force or withdrawn by then); deadlines come from the rule, else `pack.deadlines`,
 *   else `DEFAULT_DEADLINES` (`@anjian/core/internal`).
 *
 * Results share the pack's frozen parts (titles, resolved basis, deadlines, and the
 * frozen literals in `observations[].expected`); everything else is fresh per call.
 *
 * Every check happens here, and it is the same check `loadPack` reports (the loader runs
 * this compiler in a collecting mode): values are checked against the operator's
 * definition and the declared facts, named conditions are checked whether used or not.
 * So a pack that validates compiles, and one that does not, does not. Throws
 * {@link PackCompileError} (with a pointer into the pack) at the first problem.
 *
 * The result is the compiled pack as data plus `evaluatePack` over it; hazards' explanations
 * are rendered on first read.
 *
 * @example
 * ```ts
 * const evaluator = compilePack(pack);
 * const result = evaluator.evaluate({ pack: pack.id, premises: 'restaurant', findings: { hose_length_m: 3 } });
 * result.hazards[0]?.explanation.en; // "Hose too long. Length of the connecting hose: 3 m, above 2 m."
 * ```
 */
export function compilePack(pack: Pack, options: CompilePackOptions = {}): PackEvaluator {
  const compiled = buildCompiledPack(pack, options.now ? { now: options.now } : {});
  return Object.freeze({
    pack: Object.freeze({ id: pack.id, version: pack.version, domain: pack.domain, premises: Object.freeze(pack.premises.map((p) => p.id)) }),
    evidence: evidenceRouting(pack),
    // the law in force on the inspection day (pack/as-of): editions' dates decide the basis
    evaluate: (inspection: Inspection) => evaluatePack(compiled, inspection),
    check: (inspection: Inspection) => checkInspection(compiled, inspection),
  });
}

/**
 * Everything {@link compilePack} would reject in a pack, all at once, with pointers into
 * the pack: the loader's condition checks. Empty exactly when `compilePack(pack)` succeeds.
 * @internal
 */
export function collectPackIssues(pack: Pack): PackIssue[] {
  const issues: PackIssue[] = [];
  buildCompiledPack(pack, { onIssue: (issue) => issues.push(issue) });
  return issues;
}
