import type { Observation } from '../classify/types.js';
import { didYouMeanHint } from '../pack/did-you-mean.js';
import type { Condition, Fact, LocalizedText } from '../pack/types.js';
import { checkLeafTypes, checkOperatorFits, type FactView } from './check-leaf-types.js';
import { ConditionCompileError, type ConditionCompileErrorCode } from './condition-compile-error.js';
import { findConditionCycle } from './condition-references.js';
import { CONDITION_LIMITS, RESERVED_FACTS } from './operator-catalogue.js';
import { OPERATORS, operatorDefinition } from './operators.js';
import type { Facts, OperatorText } from './operators/define-operator.js';
import { referenceFactOf } from './operators/duration-operators.js';
import {
  allNode,
  anyNode,
  atLeastNode,
  deepFreeze,
  factReader as reader,
  leafNode,
  notNode,
  onePerEpoch,
  slotReader,
  slotsOver,
  TRUE_NODE,
  FALSE_NODE,
  type ConditionNode as Node,
  type Slots,
} from './condition-nodes.js';
import { compileSafePath, type PathSteps } from './safe-path.js';

/** Options of {@link compileCondition}. */
export interface CompileConditionOptions {
  /** Named conditions that `{ condition: name }` may reference (a pack's `conditions`). */
  conditions?: Readonly<Record<string, Condition>>;
  /**
   * Fact ids the condition may read. When given, any other fact (except the reserved
   * `$premises` and `$inspectedAt`) is an `UNKNOWN_FACT` compile error.
   */
  knownFacts?: ReadonlySet<string>;
  /**
   * Fallback reference time (ISO 8601 with offset) for the duration operators when their
   * reference fact is missing. Omitted: such comparisons are false. Evaluation never reads
   * the wall clock on its own.
   */
  now?: () => string;
  /**
   * Where the reserved facts (`$premises`, `$inspectedAt`) are read from, instead of the
   * facts argument. The classifier passes one object it updates before each evaluation,
   * so it can hand the findings over without copying them.
   */
  reservedFrom?: Facts;
  /**
   * Advanced (used by the classifier): an object whose `epoch` the caller increments before
   * each evaluation. Named conditions then run at most once per epoch across every
   * condition of this compiler — the caller promises the facts do not change within one.
   */
  epoch?: { readonly epoch: number };
  /**
   * Advanced (used by the classifier): the numbering of fact slots (fact id → index from 1,
   * see `Slots` in condition-nodes) that the compiler extends as it meets facts. Shared by a
   * pack's conditions, so that one evaluation reads each answer once for all of them.
   * @internal
   */
  factSlots?: Map<string, number>;
  /**
   * The declared facts of the pack the conditions belong to (`compilePack` passes them).
   * Given: values must have their operator's documented shape and fit the fact (type,
   * `min`/`max`, options), operators must fit the fact's type, `{ fact }` references must
   * compare like with like and `params` must be known — the checks `loadPack` reports,
   * because the loader runs this compiler. Implies `knownFacts`.
   */
  facts?: ReadonlyMap<string, Fact>;
  /** With `facts`: the pack's premises kinds (the options of `$premises`). */
  premises?: readonly string[];
  /**
   * Collecting mode (the loader's): report every problem here instead of throwing at the
   * first; the compiled condition is then unusable (a bad leaf reads as false).
   */
  onIssue?: (issue: ConditionIssue) => void;
}

/** A problem the compiler found, as collected by {@link CompileConditionOptions.onIssue}. */
export interface ConditionIssue {
  /** The loader's issue code (`VALUE_SHAPE`, `VALUE_TYPE`, `UNKNOWN_FACT`, …; see docs/issue-codes.md). */
  code: string;
  message: LocalizedText & { en: string };
  /** JSON Pointer into the condition, or into the named condition `condition`. */
  pointer: string;
  condition?: string;
  hint?: LocalizedText;
  /** Locate the property name rather than its value. */
  key?: boolean;
}

/** What {@link CompiledCondition.explain} returns. */
export interface ConditionExplanation {
  result: boolean;
  /**
   * The leaves that decided the result: for a true `all` every leaf, for a false `all` the
   * first false branch; for a true `any` the first true branch, for a false one every
   * branch; for `not` the inner's (marked `negated`); for `atLeast` the true branches when
   * it holds, else the false ones.
   */
  observations: Observation[];
}

/**
 * A compiled condition: a frozen, synchronous predicate over a facts object (own
 * properties are the facts). It never throws for any facts object (hostile getters aside).
 */
export interface CompiledCondition {
  (facts: Facts): boolean;
  /** Evaluate and say which leaves decided, with actual and expected values. */
  explain(facts: Facts): ConditionExplanation;
  /** Every fact id the condition reads (references resolved), in first-use order. */
  readonly facts: readonly string[];
  /**
   * The explanation walk into the caller's arrays, without the result object, over the
   * slots of the evaluation that tested the condition (as {@link CompiledCondition.holds}):
   * pushes the deciding observations to `out` and, at the same index, the id of the leaf
   * that made each (ids are numbered per compiler, from 0, fixed at compile time). For the
   * classifier, which caches each leaf's wording by its id. @internal
   */
  readonly record: (slots: Slots, out: Observation[], leaves: number[]) => boolean;
  /**
   * The condition's test over fact slots (`slotsOver(facts, n)` from condition-nodes, `n`
   * at least {@link CompiledCondition.slotCount}; the facts object must be an object: the
   * caller's promise). @internal
   */
  readonly holds: (slots: Slots) => boolean;
  /** How many slots (the facts object included) {@link CompiledCondition.holds} reads. @internal */
  readonly slotCount: number;
}

interface Compiled {
  node: Node;
  /** Levels from this node down, itself included. */
  height: number;
}

interface NamedEntry extends Compiled {
  leaves: number;
  facts: Set<string>;
}

const KINDS = ['any', 'all', 'not', 'atLeast', 'condition'] as const;
const EMPTY: Facts = Object.freeze({});
/** Thrown inside the compiler in collecting mode to abandon one node after reporting it. */
const SKIP = Symbol('skip');
const FALSE_COMPILED: Compiled = Object.freeze({ node: FALSE_NODE, height: 1 });

/**
 * Compile a condition (json-rules-engine's `all / any / not / condition / fact` language
 * plus anjian's `atLeast` and operators) into plain closures.
 *
 * Every check happens here, never at evaluation: unknown operators and names, reference
 * cycles, depth and size caps ({@link CONDITION_LIMITS}), unsafe `path`s, malformed
 * nodes and literal values an operator cannot use all throw a
 * {@link ConditionCompileError} with a JSON Pointer. The result answers exactly as
 * json-rules-engine 7.3.1 does (with `allowUndefinedFacts: true`) for its operators,
 * including `any: []` being true; where that engine would throw at run time (`in`
 * against a referenced fact that is neither an array nor a string), the leaf is false.
 * A `{ condition }` reference counts as one level of depth.
 *
 * @example
 * ```ts
 * const tooLong = compileCondition({ fact: 'hose_length_m', operator: 'greaterThan', value: 2 });
 * tooLong({ hose_length_m: 3 });          // true
 * tooLong.explain({ hose_length_m: 3 });  // { result: true, observations: [{ fact: 'hose_length_m', operator: 'greaterThan', actual: 3, expected: 2 }] }
 * ```
 */
export function compileCondition(condition: Condition, options: CompileConditionOptions = {}): CompiledCondition {
  return createConditionCompiler(options)(condition);
}

/**
 * A compiler that shares the compiled named conditions between many calls (a pack's rules
 * reference the same named conditions; each is checked and compiled once).
 *
 * @example
 * ```ts
 * const compile = createConditionCompiler({ conditions: pack.conditions });
 * const rules = pack.sections.flatMap((s) => s.items.flatMap((i) => i.hazards.map((h) => compile(h.when))));
 * ```
 */
export function createConditionCompiler(options: CompileConditionOptions = {}): (condition: Condition) => CompiledCondition {
  const named = options.conditions ?? {};
  const declared = options.facts;
  const strict = declared !== undefined;
  const knownFacts: ReadonlySet<string> | undefined = declared ? new Set(declared.keys()) : options.knownFacts;
  const onIssue = options.onIssue;
  const premisesOptions = options.premises ?? [];
  const view = (name: string): FactView | undefined => {
    if (Object.hasOwn(RESERVED_FACTS, name)) return name === '$premises' ? { id: name, type: 'enum', options: premisesOptions } : { id: name, type: RESERVED_FACTS[name]! };
    const fact = declared?.get(name);
    return fact ? { id: name, type: fact.type, fact, options: (fact.options ?? []).map((o) => o.value) } : undefined;
  };
  const now = options.now;
  const reservedFrom = options.reservedFrom;
  const epoch = options.epoch;
  const readerOf = (name: string, steps?: PathSteps): ((facts: Facts) => unknown) =>
    reservedFrom !== undefined && Object.hasOwn(RESERVED_FACTS, name)
      ? (() => {
          const fromReserved = reader(name, steps);
          return () => fromReserved(reservedFrom);
        })()
      : reader(name, steps);
  const factSlots = options.factSlots ?? new Map<string, number>();
  /** A fact's slot (numbered at first use); none for a reserved fact read from `reservedFrom`, nor for `__proto__`. */
  const slotOf = (name: string): number | undefined => {
    if (name === '__proto__' || (reservedFrom !== undefined && Object.hasOwn(RESERVED_FACTS, name))) return undefined;
    let slot = factSlots.get(name);
    if (slot === undefined) factSlots.set(name, (slot = factSlots.size + 1));
    return slot;
  };
  const slotReaderOf = (name: string, steps?: PathSteps): ((slots: Slots) => unknown) => {
    if (reservedFrom !== undefined && Object.hasOwn(RESERVED_FACTS, name)) {
      const fromReserved = reader(name, steps);
      return () => fromReserved(reservedFrom);
    }
    return slotReader(name, slotOf(name), steps);
  };
  const memo = new Map<string, NamedEntry>();
  const acyclic = new Set<string>();
  let leaves = 0;
  /** Ids of the compiled leaves, per compiler (see {@link CompiledCondition.record}). */
  let nextLeafId = 0;
  let facts = new Set<string>();
  let inName: string | undefined;

  /**
   * Report a problem. Throwing mode: throw it. Collecting mode: record it, and throw SKIP
   * when `fatal` (the node cannot be compiled) — the nearest node turns it into `false`.
   */
  const problem = (code: ConditionCompileErrorCode, issueCode: string, message: OperatorText, pointer: string, extra: { hint?: LocalizedText | undefined; key?: boolean } = {}, fatal = true): void => {
    if (!onIssue) {
      const error = new ConditionCompileError(code, message, pointer, inName);
      if (issueCode !== code) Object.defineProperty(error, 'issue', { value: issueCode, enumerable: true });
      throw error;
    }
    const issue: ConditionIssue = { code: issueCode, message, pointer };
    if (inName !== undefined) issue.condition = inName;
    if (extra.hint) issue.hint = extra.hint;
    if (extra.key) issue.key = true;
    onIssue(issue);
    if (fatal) throw SKIP;
  };
  const fail = (code: ConditionCompileErrorCode, zh: string, en: string, pointer: string, extra?: { hint?: LocalizedText | undefined; key?: boolean }): never => {
    problem(code, code, { 'zh-CN': zh, en }, pointer, extra);
    throw SKIP; // not reached: problem() always throws here
  };

  const countLeaf = (pointer: string) => {
    leaves += 1;
    if (leaves > CONDITION_LIMITS.maxLeaves) {
      fail(
        'CONDITION_TOO_LARGE',
        `条件过大：超过 ${CONDITION_LIMITS.maxLeaves} 个叶子条件（含引用展开）`,
        `condition too large: more than ${CONDITION_LIMITS.maxLeaves} leaves (references resolved)`,
        pointer,
      );
    }
  };

  const useFact = (name: unknown, pointer: string): string => {
    if (typeof name !== 'string' || name === '') {
      return fail('INVALID_CONDITION', 'fact 必须是非空字符串', 'fact must be a non-empty string', pointer);
    }
    if (knownFacts && !knownFacts.has(name) && !Object.hasOwn(RESERVED_FACTS, name)) {
      const message = { 'zh-CN': `条件引用了未声明的事实“${name}”。`, en: `the condition uses the fact "${name}", which is not declared under facts.` };
      problem('UNKNOWN_FACT', 'UNKNOWN_FACT', message, pointer, { hint: didYouMeanHint(name, [...knownFacts, ...Object.keys(RESERVED_FACTS)]) }, false);
    }
    facts.add(name);
    return name;
  };

  const pathOf = (path: unknown, pointer: string): PathSteps | undefined => {
    if (path === undefined) return undefined;
    const compiled = compileSafePath(path);
    if ('reason' in compiled) return fail('UNSAFE_PATH', compiled.reason['zh-CN'], compiled.reason.en, pointer);
    return compiled.steps;
  };

  const compileNode = (raw: unknown, pointer: string, depth: number): Compiled => {
    if (!onIssue) return compileNodeOnce(raw, pointer, depth);
    try {
      return compileNodeOnce(raw, pointer, depth);
    } catch (error) {
      if (error === SKIP) return FALSE_COMPILED;
      throw error;
    }
  };

  const compileNodeOnce = (raw: unknown, pointer: string, depth: number): Compiled => {
    if (depth > CONDITION_LIMITS.maxDepth) {
      fail(
        'CONDITION_TOO_DEEP',
        `条件嵌套过深（超过 ${CONDITION_LIMITS.maxDepth} 层，含引用展开）`,
        `condition nested too deep (more than ${CONDITION_LIMITS.maxDepth} levels, references resolved)`,
        pointer,
      );
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return fail('INVALID_CONDITION', '条件必须是对象', 'a condition must be an object', pointer);
    }
    const node = raw as Record<string, unknown>;
    const kinds = KINDS.filter((k) => Object.hasOwn(node, k));
    if (kinds.length > 1 || (kinds.length === 1 && Object.hasOwn(node, 'fact'))) {
      const keys = [...kinds, ...(Object.hasOwn(node, 'fact') ? ['fact'] : [])].join(', ');
      fail('INVALID_CONDITION', `条件同时含有 ${keys}，含义不明确`, `a condition may have only one of ${keys}`, pointer);
    }
    switch (kinds[0]) {
      case 'all':
      case 'any':
        return group(kinds[0], node[kinds[0]], `${pointer}/${kinds[0]}`, depth);
      case 'not': {
        const inner = compileNode(node['not'], `${pointer}/not`, depth + 1);
        return { node: notNode(inner.node), height: inner.height + 1 };
      }
      case 'atLeast':
        return atLeast(node, pointer, depth);
      case 'condition':
        return reference(node['condition'], `${pointer}/condition`, depth);
      default:
        if (!Object.hasOwn(node, 'fact')) {
          return fail(
            'INVALID_CONDITION',
            '条件必须含有 all、any、not、atLeast、condition 之一，或者是含 fact 的比较',
            'a condition needs one of all, any, not, atLeast, condition, or is a comparison with fact',
            pointer,
          );
        }
        return leaf(node, pointer);
    }
  };

  const children = (list: unknown, pointer: string, depth: number, key: string): Compiled[] => {
    if (!Array.isArray(list)) return fail('INVALID_CONDITION', `${key} 必须是数组`, `"${key}" must be an array`, pointer);
    return list.map((child, i) => compileNode(child, `${pointer}/${i}`, depth + 1));
  };

  const group = (kind: 'all' | 'any', list: unknown, pointer: string, depth: number): Compiled => {
    const parts = children(list, pointer, depth, kind);
    if (parts.length === 0 && strict) {
      // a pack's schema asks for at least one entry; json-rules-engine reads [] as true
      fail('INVALID_CONDITION', `${kind} 至少要有一项`, `"${kind}" needs at least one entry`, pointer);
    }
    if (parts.length === 0) countLeaf(pointer);
    const height = 1 + Math.max(0, ...parts.map((p) => p.height));
    const nodes = parts.map((p) => p.node);
    if (nodes.length === 0) return { node: TRUE_NODE, height }; // json-rules-engine: empty all AND empty any are true
    if (nodes.length === 1) return { node: nodes[0]!, height };
    return { node: kind === 'all' ? allNode(nodes) : anyNode(nodes), height };
  };

  const atLeast = (node: Record<string, unknown>, pointer: string, depth: number): Compiled => {
    const n = node['atLeast'];
    const parts = children(node['of'], `${pointer}/of`, depth, 'of');
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > parts.length) {
      fail('INVALID_CONDITION', `atLeast 必须是 1 到 ${parts.length}（of 的条数）之间的整数`, `atLeast must be an integer from 1 to ${parts.length} (the length of "of")`, `${pointer}/atLeast`);
    }
    return {
      node: atLeastNode(
        n as number,
        parts.map((p) => p.node),
      ),
      height: 1 + Math.max(0, ...parts.map((p) => p.height)),
    };
  };

  const reference = (name: unknown, pointer: string, depth: number): Compiled => {
    if (typeof name !== 'string' || !Object.hasOwn(named, name)) {
      return fail('UNKNOWN_CONDITION', `引用了未定义的命名条件“${String(name)}”。`, `refers to the named condition "${String(name)}", which is not defined under conditions.`, pointer, {
        hint: typeof name === 'string' ? didYouMeanHint(name, Object.keys(named)) : undefined,
      });
    }
    let entry = memo.get(name);
    if (!entry) {
      const cycle = findConditionCycle(name, named, acyclic);
      if (cycle) fail('CONDITION_CYCLE', `命名条件循环引用：${cycle.join(' → ')}`, `named conditions reference each other in a cycle: ${cycle.join(' → ')}`, pointer);
      const saved = { leaves, facts, inName };
      leaves = 0;
      facts = new Set();
      inName = name;
      const compiled = compileNode(named[name], '', depth + 1);
      entry = { ...compiled, node: epoch ? onePerEpoch(compiled.node, epoch) : compiled.node, leaves, facts };
      memo.set(name, entry);
      leaves = saved.leaves;
      facts = saved.facts;
      inName = saved.inName;
    } else if (depth + entry.height > CONDITION_LIMITS.maxDepth) {
      fail(
        'CONDITION_TOO_DEEP',
        `引用 "${name}" 后条件嵌套过深（超过 ${CONDITION_LIMITS.maxDepth} 层）`,
        `condition nested too deep once "${name}" is resolved (more than ${CONDITION_LIMITS.maxDepth} levels)`,
        pointer,
      );
    }
    leaves += entry.leaves - 1;
    countLeaf(pointer);
    for (const f of entry.facts) facts.add(f);
    return { node: entry.node, height: entry.height + 1 };
  };

  const leaf = (node: Record<string, unknown>, pointer: string): Compiled => {
    countLeaf(pointer);
    const fact = useFact(node['fact'], `${pointer}/fact`);
    const operator = node['operator'];
    if (typeof operator !== 'string') {
      return fail('INVALID_CONDITION', '缺少 operator（或不是字符串）', 'operator is missing or not a string', `${pointer}/operator`);
    }
    const definition = operatorDefinition(operator);
    if (!definition) {
      const known = Object.keys(OPERATORS);
      return fail('UNKNOWN_OPERATOR', `未知的运算符“${operator}”。`, `unknown operator "${operator}".`, `${pointer}/operator`, {
        hint: didYouMeanHint(operator, known) ?? { 'zh-CN': `可用的运算符：${known.join('、')}。`, en: `Operators: ${known.join(', ')}.` },
      });
    }
    if (!Object.hasOwn(node, 'value')) fail('INVALID_CONDITION', '缺少 value', 'value is missing', pointer);
    const params = node['params'];
    if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
      fail('INVALID_CONDITION', 'params 必须是对象', 'params must be an object', `${pointer}/params`);
    }
    const path = node['path'];
    const steps = pathOf(path, `${pointer}/path`);
    const value = literal(node['value'], `${pointer}/value`);
    const typedFact = strict && path === undefined ? view(fact) : undefined;
    const report = (code: string, message: OperatorText, at: string, extra?: { hint?: LocalizedText | undefined; key?: boolean }, fatal = false) =>
      problem(code as ConditionCompileErrorCode, code, message, `${pointer}${at}`, extra, fatal);
    // an operator on the wrong type of fact: its value is not worth checking
    if (strict && !checkOperatorFits(definition, typedFact, (code, message, at, extra) => report(code, message, at, extra, true))) return FALSE_COMPILED;
    const shape = definition.checkValue(value, { strict });
    if (shape) {
      problem(
        'INVALID_CONDITION',
        'VALUE_SHAPE',
        {
          'zh-CN': `运算符“${operator}”要求 value 为${shape['zh-CN']}。`,
          en: `the operator "${operator}" needs a value that is ${shape.en}.`,
        },
        `${pointer}/value`,
      );
    }
    const valueIsFact = value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
    let valueFact: string | undefined;
    let valueSteps: PathSteps | undefined;
    if (valueIsFact) {
      const ref = value as Record<string, unknown>;
      valueFact = useFact(ref['fact'], `${pointer}/value/fact`);
      valueSteps = pathOf(ref['path'], `${pointer}/value/path`);
    }
    const typedParams = params as Record<string, unknown> | undefined;
    const reference = definition.params?.includes('reference') ? referenceFactOf({ params: typedParams }) : undefined;
    if (reference !== undefined) useFact(reference, `${pointer}/params/reference`);
    if (strict) checkLeafTypes(definition, typedFact, value, valueFact === undefined ? undefined : view(valueFact), typedParams, view, report);
    const test = definition.create(
      { operator, value, valueIsFact, params: typedParams },
      { invalid: (m, at = '') => fail('INVALID_CONDITION', m['zh-CN'], m.en, `${pointer}${at}`), now, reader: (name) => readerOf(name) },
    );
    const slotExpected = valueFact === undefined ? undefined : slotReaderOf(valueFact, valueSteps);
    // a comparison on a plain read (of the slots, or of `reservedFrom`) fuses into one closure
    const from = reservedFrom !== undefined && Object.hasOwn(RESERVED_FACTS, fact) ? reservedFrom : undefined;
    const fuse = path === undefined && definition.comparison !== undefined ? { comparison: definition.comparison, fact, slot: slotOf(fact), ...(from ? { from } : {}) } : undefined;
    return {
      node: leafNode(nextLeafId++, fact, operator, slotReaderOf(fact, steps), slotExpected, value, test, path as string | undefined, valueFact, reference, fuse),
      height: 1,
    };
  };

  /**
   * json-rules-engine deep-clones a rule's conditions on every run, so an object literal
   * never is the very object a fact holds; copying it once here keeps `equal` from ever
   * matching by identity with a caller's object. The copy is frozen: observations hand it
   * out as `expected`.
   */
  const literal = (value: unknown, pointer: string): unknown => {
    if (value === null || typeof value !== 'object' || Object.hasOwn(value, 'fact')) return value;
    try {
      return deepFreeze(structuredClone(value));
    } catch {
      return fail('INVALID_CONDITION', 'value 必须是数据（不能含函数等）', 'value must be plain data (no functions)', pointer);
    }
  };

  return (condition: Condition): CompiledCondition => {
    leaves = 0;
    facts = new Set();
    inName = undefined;
    const root = compileNode(condition, '', 1).node;
    const used = Object.freeze([...facts]);
    // the slots this condition reads: those of its facts (a referenced named condition's included)
    let size = 1;
    for (const name of used) {
      const slot = factSlots.get(name);
      if (slot !== undefined && slot >= size) size = slot + 1;
    }
    const safe = (f: Facts): Facts => (f !== null && (typeof f === 'object' || typeof f === 'function') ? f : EMPTY);
    const compiled = (f: Facts): boolean => root.test(slotsOver(safe(f), size));
    compiled.explain = (f: Facts): ConditionExplanation => {
      const observations: Observation[] = [];
      const result = root.explain(slotsOver(safe(f), size), observations);
      return { result, observations };
    };
    compiled.facts = used;
    compiled.record = root.explain as (slots: Slots, out: Observation[], leaves: number[]) => boolean;
    compiled.holds = root.test;
    compiled.slotCount = size;
    return Object.freeze(compiled) as CompiledCondition;
  };
}
