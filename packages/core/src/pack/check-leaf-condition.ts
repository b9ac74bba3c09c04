import { CONDITION_LIMITS, FORBIDDEN_KEYS, OPERATOR_CATALOGUE, RESERVED_FACTS, SAFE_PATH, type OperatorSpec } from '../rules/operator-catalogue.js';
import { pointerJoin } from './create-issue.js';
import type { SemanticContext } from './semantic-context.js';
import type { Fact, FactType } from './types.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

const TYPE_ZH: Record<FactType, string> = {
  boolean: '是否', number: '数值', count: '计数', enum: '单选', multi: '多选', text: '文字', date: '日期', datetime: '时间', evidence: '证据',
};

/** A fact as a condition sees it: declared, or reserved (`$premises`, `$inspectedAt`). */
interface FactView {
  id: string;
  type: FactType;
  fact?: Fact;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Fact types a `{ fact }` reference may compare with. */
function compatible(a: FactType, b: FactType): boolean {
  if (a === b) return true;
  const numeric = new Set<FactType>(['number', 'count']);
  const dates = new Set<FactType>(['date', 'datetime']);
  return (numeric.has(a) && numeric.has(b)) || (dates.has(a) && dates.has(b));
}

/**
 * Check one `{ fact, operator, value, path?, params? }` leaf: the fact exists, the
 * operator exists and fits its type, the value has the operator's shape and fits the fact
 * (type, range, options), `{ fact }` references are compatible, `path` is safe, `params`
 * are known.
 *
 * @internal
 */
export function checkLeafCondition(ctx: SemanticContext, leaf: Record<string, unknown>, file: string, pointer: string): void {
  const { report } = ctx;
  const at = (...segments: (string | number)[]) => ({ file, pointer: pointerJoin(pointer, ...segments) });
  const view = (name: string): FactView | undefined => {
    if (name.startsWith('$')) {
      const type = hasOwn(RESERVED_FACTS, name) ? RESERVED_FACTS[name] : undefined;
      return type ? { id: name, type } : undefined;
    }
    const fact = ctx.facts.get(name);
    return fact ? { id: name, type: fact.type, fact } : undefined;
  };
  const unknownFact = (name: string, where: { file: string; pointer: string }) =>
    report('UNKNOWN_FACT', where, {
      'zh-CN': `条件引用了未声明的事实“${name}”。`,
      en: `the condition uses the fact "${name}", which is not declared under facts.`,
    }, { hint: ctx.hint(name, [...ctx.facts.keys(), ...Object.keys(RESERVED_FACTS)]) });

  const factName = String(leaf.fact);
  const fact = view(factName);
  if (!fact) unknownFact(factName, at('fact'));

  const operatorName = String(leaf.operator);
  const spec: OperatorSpec | undefined = hasOwn(OPERATOR_CATALOGUE, operatorName) ? OPERATOR_CATALOGUE[operatorName] : undefined;
  if (!spec) {
    report('UNKNOWN_OPERATOR', at('operator'), {
      'zh-CN': `未知的运算符“${operatorName}”。`,
      en: `unknown operator "${operatorName}".`,
    }, { hint: ctx.hint(operatorName, Object.keys(OPERATOR_CATALOGUE)) ?? {
      'zh-CN': `可用的运算符：${Object.keys(OPERATOR_CATALOGUE).join('、')}。`,
      en: `Operators: ${Object.keys(OPERATOR_CATALOGUE).join(', ')}.`,
    } });
  }

  const hasPath = leaf.path !== undefined;
  if (hasPath) checkPath(ctx, String(leaf.path), at('path'));

  if (leaf.params !== undefined && spec) checkParams(ctx, leaf.params as Record<string, unknown>, spec, at, view, unknownFact);

  if (!spec) return;
  if (fact && !hasPath && !spec.factTypes.includes(fact.type)) {
    const fitting = Object.values(OPERATOR_CATALOGUE).filter((o) => o.factTypes.includes(fact.type)).map((o) => o.name);
    report('OPERATOR_FACT_TYPE', at('operator'), {
      'zh-CN': `运算符“${operatorName}”不能用于${TYPE_ZH[fact.type]}（${fact.type}）类型的事实“${fact.id}”。`,
      en: `the operator "${operatorName}" cannot be used on "${fact.id}", which is of type ${fact.type}.`,
    }, { hint: { 'zh-CN': `适用于 ${fact.type} 的运算符：${fitting.join('、')}。`, en: `Operators for ${fact.type}: ${fitting.join(', ')}.` } });
    return;
  }
  // With a path, the compared value is inside the fact; its type is not declared.
  const literalFact = hasPath ? undefined : fact;
  checkValue(ctx, leaf.value, spec, literalFact, at, view, unknownFact);
}

function checkPath(ctx: SemanticContext, path: string, where: { file: string; pointer: string }): void {
  const shown = path.length > 80 ? path.slice(0, 80) + '…' : path;
  const forbidden = path.match(/[A-Za-z_][A-Za-z0-9_]*/g)?.find((name) => FORBIDDEN_KEYS.has(name));
  if (path.length > CONDITION_LIMITS.maxPathLength || !SAFE_PATH.test(path) || forbidden !== undefined) {
    ctx.report('UNSAFE_PATH', where, {
      'zh-CN': `path“${shown}”不被允许。path 只能是 $.a.b[0] 这样的属性访问${forbidden ? `，且不能访问“${forbidden}”` : ''}；不允许 JSONPath 过滤器（?(…)）、递归（..）、通配符（*）或脚本。`,
      en: `the path "${shown}" is not allowed. A path may only access properties like $.a.b[0]${forbidden ? ` and may not touch "${forbidden}"` : ''}; JSONPath filters (?(…)), recursion (..), wildcards (*) and scripts are not allowed.`,
    });
  }
}

type At = (...segments: (string | number)[]) => { file: string; pointer: string };
type View = (name: string) => FactView | undefined;
type UnknownFact = (name: string, where: { file: string; pointer: string }) => void;

function checkParams(ctx: SemanticContext, params: Record<string, unknown>, spec: OperatorSpec, at: At, view: View, unknownFact: UnknownFact): void {
  for (const key of Object.keys(params)) {
    if (!(spec.params ?? []).includes(key)) {
      ctx.report('UNKNOWN_PARAM', { ...at('params', key), key: true }, {
        'zh-CN': `运算符“${spec.name}”不接受参数“${key}”。`,
        en: `the operator "${spec.name}" takes no parameter "${key}".`,
      }, { hint: spec.params?.length ? { 'zh-CN': `可用参数：${spec.params.join('、')}。`, en: `Parameters: ${spec.params.join(', ')}.` } : undefined });
      continue;
    }
    if (key === 'reference') {
      const name = String(params[key]);
      const ref = view(name);
      if (!ref) unknownFact(name, at('params', key));
      else if (ref.type !== 'date' && ref.type !== 'datetime') {
        ctx.report('VALUE_FACT_TYPE', at('params', key), {
          'zh-CN': `参照事实“${name}”是 ${ref.type} 类型，应为日期或时间。`,
          en: `the reference fact "${name}" is of type ${ref.type}; it must be a date or datetime.`,
        });
      }
    }
  }
}

function isFactRef(value: unknown): value is { fact: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string';
}

function checkValue(ctx: SemanticContext, value: unknown, spec: OperatorSpec, fact: FactView | undefined, at: At, view: View, unknownFact: UnknownFact): void {
  const shape = (zh: string, en: string) =>
    ctx.report('VALUE_SHAPE', at('value'), {
      'zh-CN': `运算符“${spec.name}”要求 value 为${zh}。`,
      en: `the operator "${spec.name}" needs a value that is ${en}.`,
    });
  const ref = (target: string) => {
    const other = view(target);
    if (!other) return unknownFact(target, at('value', 'fact'));
    if (fact && !compatible(fact.type, other.type)) {
      ctx.report('VALUE_FACT_TYPE', at('value', 'fact'), {
        'zh-CN': `不能把 ${fact.type} 类型的“${fact.id}”与 ${other.type} 类型的“${other.id}”比较。`,
        en: `cannot compare "${fact.id}" (${fact.type}) with "${other.id}" (${other.type}).`,
      });
    }
  };
  switch (spec.value) {
    case 'scalar':
      if (isFactRef(value)) return ref(value.fact);
      if (Array.isArray(value) || (typeof value === 'object' && value !== null)) return shape('单个值或 { fact: 其他事实 }', 'a single value or { fact: other }');
      if (value === null && (spec.name === 'equal' || spec.name === 'notEqual')) return;
      return checkLiteral(ctx, value, fact, at('value'));
    case 'list':
      if (!Array.isArray(value)) return shape('列表，如 [a, b]', 'a list, such as [a, b]');
      value.forEach((v, i) => checkLiteral(ctx, v, fact, at('value', i)));
      return;
    case 'range':
      if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number' || value[0] > value[1]) {
        return shape('[最小值, 最大值] 两个数字，且最小值不大于最大值', 'a pair [min, max] of numbers with min ≤ max');
      }
      value.forEach((v, i) => checkLiteral(ctx, v, fact, at('value', i)));
      return;
    case 'duration':
      if (typeof value !== 'number' || value < 0) return shape('不小于 0 的数字', 'a number ≥ 0');
      return;
    case 'date':
      if (isFactRef(value)) return ref(value.fact);
      if (typeof value !== 'string' || !(DATE.test(value) || DATETIME.test(value))) {
        return shape('日期（YYYY-MM-DD）、时间（ISO 8601）或 { fact: 其他事实 }', 'a date (YYYY-MM-DD), an ISO 8601 time or { fact: other }');
      }
      return;
    case 'element':
      if (typeof value !== 'string') return shape('一个选项值（文字）', 'one option value (text)');
      if (fact?.type === 'multi') checkOption(ctx, value, fact, at('value'));
      return;
  }
}

function checkOption(ctx: SemanticContext, value: string, fact: FactView, where: { file: string; pointer: string }): void {
  const options = fact.id === '$premises'
    ? ctx.index.premises.map((p) => String(p.value.id))
    : (fact.fact?.options ?? []).map((o) => o.value);
  if (!options.includes(value)) {
    ctx.report('VALUE_NOT_AN_OPTION', where, {
      'zh-CN': `“${value}”不是事实“${fact.id}”的选项；选项为：${options.join('、')}。`,
      en: `"${value}" is not an option of "${fact.id}"; the options are: ${options.join(', ')}.`,
    }, { hint: ctx.hint(value, options) });
  }
}

function checkLiteral(ctx: SemanticContext, value: unknown, fact: FactView | undefined, where: { file: string; pointer: string }): void {
  if (!fact) return;
  const wrong = (zh: string, en: string) =>
    ctx.report('VALUE_TYPE', where, {
      'zh-CN': `事实“${fact.id}”是${TYPE_ZH[fact.type]}（${fact.type}）类型，比较值应为${zh}，但这里是 ${JSON.stringify(value)?.slice(0, 60)}。`,
      en: `"${fact.id}" is of type ${fact.type}, so the value must be ${en}, but found ${JSON.stringify(value)?.slice(0, 60)}.`,
    }, typeof value === 'string' && (fact.type === 'number' || fact.type === 'count' || fact.type === 'boolean')
      ? { hint: { 'zh-CN': '去掉引号。', en: 'Remove the quotes.' } }
      : {});
  switch (fact.type) {
    case 'boolean':
      if (typeof value !== 'boolean') wrong(' true 或 false', 'true or false');
      return;
    case 'number':
    case 'count': {
      if (typeof value !== 'number') return wrong('数字', 'a number');
      const min = fact.fact?.min ?? (fact.type === 'count' ? 0 : undefined);
      const max = fact.fact?.max;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        ctx.report('VALUE_OUT_OF_RANGE', where, {
          'zh-CN': `阈值 ${value} 超出事实“${fact.id}”的取值范围 [${min ?? '-∞'}, ${max ?? '+∞'}]，该条件永远不会成立或总是成立。`,
          en: `the threshold ${value} lies outside the range [${min ?? '-∞'}, ${max ?? '+∞'}] of "${fact.id}", so the condition can never (or always) hold.`,
        });
      }
      return;
    }
    case 'enum':
    case 'multi':
      if (typeof value !== 'string') return wrong('一个选项值', 'an option value');
      return checkOption(ctx, value, fact, where);
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) wrong('日期 YYYY-MM-DD', 'a date YYYY-MM-DD');
      return;
    case 'datetime':
      if (typeof value !== 'string' || !(DATETIME.test(value) || DATE.test(value))) wrong('ISO 8601 时间', 'an ISO 8601 date-time');
      return;
    case 'text':
    case 'evidence':
      if (typeof value !== 'string') wrong('文字', 'text');
      return;
  }
}
