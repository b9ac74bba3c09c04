import type { Condition, Pack } from '../pack/types.js';
import { referenceFactOf } from '../rules/operators/duration-operators.js';
import type { OperatorContext } from '../rules/operators/define-operator.js';
import { OPERATOR_CATALOGUE } from '../rules/operator-catalogue.js';
import { OPERATORS } from '../rules/operators.js';
import { compileSafePath, readPath } from '../rules/safe-path.js';

/** A json-rules-engine condition as exported (plain JSON). */
export type JreCondition = Record<string, unknown>;

/** A json-rules-engine rule object carrying an anjian hazard as its event. */
export interface JreRule {
  name: string;
  conditions: JreCondition;
  event: {
    type: 'anjian.hazard';
    params: { pack: string; version: string; item: string; rule: string; level: string; party: string };
  };
}

/** A custom operator to register with `engine.addOperator(name, callback)`. */
export interface JreOperator {
  name: string;
  callback: (factValue: unknown, jsonValue: unknown) => boolean;
}

/** Everything a host needs to run a pack's hazard rules on json-rules-engine. */
export interface JsonRulesEngineExport {
  rules: JreRule[];
  /** Named conditions, for `engine.setCondition(name, condition)`. */
  conditions: Record<string, JreCondition>;
  /** anjian operators the rules use (`anjian:…`), for `engine.addOperator`. */
  operators: JreOperator[];
  /**
   * A path resolver that only walks `$.a.b[0]` own properties. Pass it as the engine's
   * `pathResolver`: the default one executes code with jsonpath-plus (docs/security.md T1).
   */
  pathResolver: (value: unknown, path: string) => unknown;
  /** Composites are not expressible as single rules; the host counts fired events itself. */
  composites: Array<{ id: string; level: string; atLeast: number; of: string[]; premises?: string[] }>;
}

/** Thrown when a pack cannot be expressed for json-rules-engine (e.g. an `atLeast` with too many combinations). */
export class InteropError extends Error {
  override readonly name = 'InteropError';
  readonly code = 'NOT_EXPORTABLE';
}

const MAX_COMBINATIONS = 1000;

/**
 * Export a pack's hazard rules as json-rules-engine (7.x) rule objects, for hosts that already
 * run that engine. Each rule's conditions include its item's applicability (premises scope
 * and `when`); an `atLeast` node becomes an `any` of `all` combinations.
 *
 * Differences that remain, by design: json-rules-engine has no notion of a required answer,
 * so an item anjian reports as `not_checked` may fire there; composites are returned as data
 * for the host to count. Create the engine with `allowUndefinedFacts: true` and the
 * returned `pathResolver`, and supply `$premises` and `$inspectedAt` as facts.
 *
 * @example
 * ```ts
 * const out = toJsonRulesEngineRules(pack);
 * const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: out.pathResolver });
 * for (const op of out.operators) engine.addOperator(op.name, op.callback);
 * for (const [name, c] of Object.entries(out.conditions)) engine.setCondition(name, c);
 * for (const rule of out.rules) engine.addRule(rule);
 * const { events } = await engine.run({ ...findings, $premises: 'restaurant' });
 * ```
 */
export function toJsonRulesEngineRules(pack: Pack): JsonRulesEngineExport {
  const operators = new Map<string, JreOperator>();
  const convert = (condition: Condition): JreCondition => convertCondition(condition, operators);
  const conditions: Record<string, JreCondition> = {};
  for (const [name, condition] of Object.entries(pack.conditions)) conditions[name] = topLevel(convert(condition));

  const rules: JreRule[] = [];
  for (const section of pack.sections) {
    for (const item of section.items) {
      const applicability: JreCondition[] = [];
      if (item.premises) applicability.push({ fact: '$premises', operator: 'in', value: [...item.premises] });
      if (item.when) applicability.push(convert(item.when));
      for (const rule of item.hazards) {
        rules.push({
          name: rule.id,
          conditions: { all: [...applicability, convert(rule.when)] },
          event: {
            type: 'anjian.hazard',
            params: { pack: pack.id, version: pack.version, item: item.id, rule: rule.id, level: rule.level, party: rule.party ?? 'user' },
          },
        });
      }
    }
  }
  return {
    rules,
    conditions,
    operators: [...operators.values()],
    pathResolver: safePathResolver,
    composites: pack.composites.map((c) => ({
      id: c.id,
      level: c.level,
      atLeast: c.atLeast,
      of: [...c.of],
      ...(c.premises ? { premises: [...c.premises] } : {}),
    })),
  };
}

function topLevel(condition: JreCondition): JreCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition || 'condition' in condition ? condition : { all: [condition] };
}

function convertCondition(condition: Condition, operators: Map<string, JreOperator>): JreCondition {
  if ('all' in condition) return { all: condition.all.map((c) => convertCondition(c, operators)) };
  if ('any' in condition) return { any: condition.any.map((c) => convertCondition(c, operators)) };
  if ('not' in condition) return { not: convertCondition(condition.not, operators) };
  if ('condition' in condition) return { condition: condition.condition };
  if ('atLeast' in condition) {
    const parts = condition.of.map((c) => convertCondition(c, operators));
    const combos = combinations(parts.length, condition.atLeast);
    if (combos === undefined) {
      throw new InteropError(`atLeast ${condition.atLeast} of ${parts.length} needs more than ${MAX_COMBINATIONS} combinations`);
    }
    if (condition.atLeast <= 0) return { all: [] };
    return { any: combos.map((combo) => ({ all: combo.map((i) => parts[i]!) })) };
  }
  const leaf = condition;
  const spec = Object.hasOwn(OPERATOR_CATALOGUE, leaf.operator) ? OPERATOR_CATALOGUE[leaf.operator] : undefined;
  if (!spec) throw new InteropError(`unknown operator "${leaf.operator}"`);
  const base: JreCondition = { fact: leaf.fact };
  if (leaf.path !== undefined) base.path = leaf.path;
  if (spec.origin === 'json-rules-engine') {
    return { ...base, operator: leaf.operator, value: leaf.value, ...(leaf.params ? { params: leaf.params } : {}) };
  }
  if (spec.value === 'duration') {
    // json-rules-engine operators see only (fact value, value): the duration goes into the
    // operator's name and the reference fact becomes the value.
    const name = `anjian:${leaf.operator}:${String(leaf.value)}`;
    if (!operators.has(name)) operators.set(name, durationOperator(name, leaf.operator, leaf.value));
    return { ...base, operator: name, value: { fact: referenceFactOf({ params: leaf.params }) } };
  }
  const name = `anjian:${leaf.operator}`;
  if (!operators.has(name)) operators.set(name, valueOperator(name, leaf.operator));
  return { ...base, operator: name, value: leaf.value };
}

const compileContext: OperatorContext = {
  invalid(message) {
    throw new InteropError(message.en);
  },
  now: undefined,
  reader: (name) => (facts) => (Object.hasOwn(facts, name) ? facts[name] : undefined),
};

function durationOperator(name: string, operator: string, n: unknown): JreOperator {
  const shape = OPERATORS[operator]!.checkValue(n, { strict: false });
  if (shape) throw new InteropError(`the value of operator ${operator} must be ${shape.en}`);
  const test = OPERATORS[operator]!.create({ operator, value: n, valueIsFact: false, params: { reference: 'reference' } }, compileContext);
  return { name, callback: (factValue, referenceValue) => test(factValue, undefined, { reference: referenceValue }) };
}

function valueOperator(name: string, operator: string): JreOperator {
  const definition = OPERATORS[operator]!;
  return {
    name,
    callback: (factValue, jsonValue) => {
      // `before`/`after` take a literal or a resolved fact; ranges take [min, max].
      const valueIsFact = definition.value === 'date';
      // factories take values their definition accepts (the compiler checks first)
      if (!valueIsFact && definition.checkValue(jsonValue, { strict: false }) !== undefined) return false;
      try {
        return definition.create({ operator, value: jsonValue, valueIsFact, params: undefined }, compileContext)(factValue, jsonValue, {});
      } catch {
        return false;
      }
    },
  };
}

/** Own-property path resolver for json-rules-engine: `$.a.b[0]` only; anything else is `undefined`. */
export function safePathResolver(value: unknown, path: string): unknown {
  const compiled = compileSafePath(path);
  return 'steps' in compiled ? readPath(value, compiled.steps) : undefined;
}

function combinations(n: number, k: number): number[][] | undefined {
  if (k > n) return [];
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (start: number): boolean => {
    if (pick.length === k) {
      out.push([...pick]);
      return out.length <= MAX_COMBINATIONS;
    }
    for (let i = start; i <= n - (k - pick.length); i++) {
      pick.push(i);
      if (!walk(i + 1)) return false;
      pick.pop();
    }
    return true;
  };
  return walk(0) ? out : undefined;
}
