import type { Issue, Pack } from '../pack/types.js';
import { compilePack, type PackEvaluator } from './compile-pack.js';
import type { Inspection } from './types.js';

const cache = new WeakMap<Pack, PackEvaluator>();

/**
 * Validate an inspection's answers against a pack, as both a browser form and the server
 * do (pure, isomorphic, same bilingual messages): unknown facts (with a "did you mean"),
 * wrong types, numbers outside `min`/`max`, enum values that are not options, text over
 * `maxLength`, bad dates, missing required answers for applicable facts, answers to facts
 * that do not apply, and the envelope (`pack`, `premises`, `inspectedAt`). Pointers are
 * `/findings/<fact>` (and `/findings/<fact>/<i>` for an element of a list).
 *
 * The pack is compiled once and cached per pack object. The codes and severities are in
 * `FINDINGS_ISSUE_CODES` (`@anjian/core`).
 *
 * @example
 * ```ts
 * checkFindings(pack, { pack: 'demo-kitchen', findings: { hose_length_m: '3' } })[0]?.message.en;
 * // '"Length of the connecting hose" (hose_length_m) must be a number; got the text "3"'
 * ```
 */
export function checkFindings(pack: Pack, inspection: Inspection): Issue[] {
  let evaluator = cache.get(pack);
  if (!evaluator) {
    evaluator = compilePack(pack);
    cache.set(pack, evaluator);
  }
  return evaluator.check(inspection);
}
