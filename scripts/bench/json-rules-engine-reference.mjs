// json-rules-engine 7.3.1 as the reference classifier of the benchmarks (rules.mjs,
// http-classify.ts): an Engine loaded with a pack's rules as exported by
// `toJsonRulesEngineRules`, and the host-side counting of composites that json-rules-engine
// cannot express. Takes the export as an argument so callers choose the core build (dist or
// sources).
import { Engine } from 'json-rules-engine';

/**
 * A json-rules-engine Engine with the exported rules, named conditions and anjian operators,
 * `allowUndefinedFacts` and the export's safe path resolver (the default one runs jsonpath-plus).
 */
export function createReferenceEngine(exported) {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: exported.pathResolver });
  for (const op of exported.operators) engine.addOperator(op.name, op.callback);
  for (const [name, condition] of Object.entries(exported.conditions)) engine.setCondition(name, condition);
  for (const rule of exported.rules) engine.addRule(rule);
  return engine;
}

/**
 * Runs one record (`{ premises, inspectedAt, findings }`) and returns the ids of the fired
 * hazard rules plus the composites they complete — what anjian lists in `hazards[].rule`.
 */
export async function firedByReference(engine, exported, record) {
  const { events } = await engine.run({ ...record.findings, $premises: record.premises, $inspectedAt: record.inspectedAt });
  const fired = new Set(events.map((e) => e.params.rule));
  for (const c of exported.composites) {
    if (c.premises && !c.premises.includes(record.premises)) continue;
    if (c.of.filter((id) => fired.has(id)).length >= c.atLeast) fired.add(c.id);
  }
  return { fired, events };
}
