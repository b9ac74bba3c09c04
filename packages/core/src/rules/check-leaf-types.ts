/**
 * The checks a pack's declared facts allow on one leaf: the operator fits the fact's type,
 * literals fit it (type, `min`/`max`, options), `{ fact }` references compare like with
 * like, `params` are known. Run by the compiler when it knows the facts (`compilePack`,
 * and so the loader). Internal to the rules area.
 *
 * @module
 */
import { didYouMeanHint } from '../pack/did-you-mean.js';
import type { Fact, FactType, LocalizedText } from '../pack/types.js';
import { parseIsoTime } from './parse-iso-time.js';
import { OPERATORS } from './operators.js';
import type { OperatorDefinition, OperatorText } from './operators/define-operator.js';
import { valueTypeHint } from './value-type-hint.js';

/** A fact as a condition sees it: declared, or reserved (`$premises`, `$inspectedAt`). @internal */
export interface FactView {
  id: string;
  type: FactType;
  fact?: Fact;
  /** Option values (enum and multi facts, `$premises`). */
  options?: readonly string[];
}

/** Records a typed issue: code, message, pointer suffix from the leaf, hint, whether to locate the key. @internal */
export type LeafReport = (code: string, message: OperatorText, at: string, extra?: { hint?: LocalizedText | undefined; key?: boolean }) => void;

const TYPE_ZH: Record<FactType, string> = {
  boolean: '是否',
  number: '数值',
  count: '计数',
  enum: '单选',
  multi: '多选',
  text: '文字',
  date: '日期',
  datetime: '时间',
  evidence: '证据',
};

/** Fact types a `{ fact }` reference may compare with. */
function compatible(a: FactType, b: FactType): boolean {
  if (a === b) return true;
  const numeric = (t: FactType) => t === 'number' || t === 'count';
  const dates = (t: FactType) => t === 'date' || t === 'datetime';
  return (numeric(a) && numeric(b)) || (dates(a) && dates(b));
}

/**
 * Whether the operator may be used on the fact's type; reports `OPERATOR_FACT_TYPE` and
 * answers false when not (its value is then not worth checking). @internal
 */
export function checkOperatorFits(definition: OperatorDefinition, fact: FactView | undefined, report: LeafReport): boolean {
  if (!fact || definition.factTypes.includes(fact.type)) return true;
  const fitting = Object.values(OPERATORS)
    .filter((o) => o.factTypes.includes(fact.type))
    .map((o) => o.name);
  report(
    'OPERATOR_FACT_TYPE',
    {
      'zh-CN': `运算符“${definition.name}”不能用于“${TYPE_ZH[fact.type]}”（${fact.type}）类型的事实“${fact.id}”。`,
      en: `the operator "${definition.name}" cannot be used on "${fact.id}", which is of type ${fact.type}.`,
    },
    '/operator',
    { hint: { 'zh-CN': `适用于 ${fact.type} 的运算符：${fitting.join('、')}。`, en: `Operators for ${fact.type}: ${fitting.join(', ')}.` } },
  );
  return false;
}

/**
 * Check a leaf whose operator fits the fact (see {@link checkOperatorFits}) and and whose value has the operator's shape, against
 * the declared facts. `fact` is undefined when the leaf has a `path` (the compared value
 * is inside the fact; its type is not declared) — then only references and params are
 * checked. @internal
 */
export function checkLeafTypes(
  definition: OperatorDefinition,
  fact: FactView | undefined,
  value: unknown,
  valueFact: FactView | undefined,
  params: Readonly<Record<string, unknown>> | undefined,
  view: (name: string) => FactView | undefined,
  report: LeafReport,
): void {
  for (const key of Object.keys(params ?? {})) {
    if (!(definition.params ?? []).includes(key)) {
      report('UNKNOWN_PARAM', { 'zh-CN': `运算符“${definition.name}”不接受参数“${key}”。`, en: `the operator "${definition.name}" takes no parameter "${key}".` }, `/params/${key}`, {
        key: true,
        hint: definition.params?.length ? { 'zh-CN': `可用参数：${definition.params.join('、')}。`, en: `Parameters: ${definition.params.join(', ')}.` } : undefined,
      });
    } else if (key === 'reference') {
      const ref = view(String(params![key]));
      if (ref && ref.type !== 'date' && ref.type !== 'datetime') {
        report(
          'VALUE_FACT_TYPE',
          { 'zh-CN': `参照事实“${ref.id}”是 ${ref.type} 类型，应为日期或时间。`, en: `the reference fact "${ref.id}" is of type ${ref.type}; it must be a date or datetime.` },
          '/params/reference',
        );
      }
    }
  }
  if (valueFact) {
    if (fact && !compatible(fact.type, valueFact.type)) {
      report(
        'VALUE_FACT_TYPE',
        {
          'zh-CN': `不能把 ${fact.type} 类型的“${fact.id}”与 ${valueFact.type} 类型的“${valueFact.id}”比较。`,
          en: `cannot compare "${fact.id}" (${fact.type}) with "${valueFact.id}" (${valueFact.type}).`,
        },
        '/value/fact',
      );
    }
    return;
  }
  if (!fact) return;
  switch (definition.value) {
    case 'scalar':
      if (value === null && definition.booleanReadsAsRecord) return; // equal / notEqual null: "not recorded"
      return checkLiteral(value, fact, '/value', report);
    case 'list':
    case 'range':
      (value as unknown[]).forEach((v, i) => checkLiteral(v, fact, `/value/${i}`, report));
      return;
    case 'element':
      if (fact.type === 'multi') checkOption(value as string, fact, '/value', report);
      return;
    default:
      return;
  }
}

function checkOption(value: string, fact: FactView, at: string, report: LeafReport): void {
  const options = fact.options ?? [];
  if (!options.includes(value)) {
    report(
      'VALUE_NOT_AN_OPTION',
      {
        'zh-CN': `“${value}”不是事实“${fact.id}”的选项；选项为：${options.join('、')}。`,
        en: `"${value}" is not an option of "${fact.id}"; the options are: ${options.join(', ')}.`,
      },
      at,
      { hint: didYouMeanHint(value, options) },
    );
  }
}

function checkLiteral(value: unknown, fact: FactView, at: string, report: LeafReport): void {
  const shown = JSON.stringify(value)?.slice(0, 60);
  const wrong = (zh: string, en: string) =>
    report(
      'VALUE_TYPE',
      {
        'zh-CN': `事实“${fact.id}”是“${TYPE_ZH[fact.type]}”（${fact.type}）类型，比较值应为${zh}，但这里是 ${shown}。`,
        en: `"${fact.id}" is of type ${fact.type}, so the value must be ${en}, but found ${shown}.`,
      },
      at,
      typeof value === 'string' && (fact.type === 'number' || fact.type === 'count' || fact.type === 'boolean') ? { hint: valueTypeHint(value, fact.type)! } : undefined,
    );
  switch (fact.type) {
    case 'boolean':
      if (typeof value !== 'boolean') wrong(' true 或 false', 'true or false');
      return;
    case 'number':
    case 'count': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong('数字', 'a number');
      const min = fact.fact?.min ?? (fact.type === 'count' ? 0 : undefined);
      const max = fact.fact?.max;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        report(
          'VALUE_OUT_OF_RANGE',
          {
            'zh-CN': `阈值 ${value} 超出事实“${fact.id}”的取值范围 [${min ?? '-∞'}, ${max ?? '+∞'}]，该条件永远不会成立或总是成立。`,
            en: `the threshold ${value} lies outside the range [${min ?? '-∞'}, ${max ?? '+∞'}] of "${fact.id}", so the condition can never (or always) hold.`,
          },
          at,
        );
      }
      return;
    }
    case 'enum':
    case 'multi':
      if (typeof value !== 'string') return wrong('一个选项值', 'an option value');
      return checkOption(value, fact, at, report);
    case 'date':
      // the one date grammar (parseIsoTime): 2026-02-30 is no date
      if (parseIsoTime(value)?.ms !== undefined || parseIsoTime(value) === undefined) wrong('日期 YYYY-MM-DD', 'a date YYYY-MM-DD');
      return;
    case 'datetime':
      if (parseIsoTime(value) === undefined) wrong('带时区的 ISO 8601 时间（如 2026-11-28T08:00:00+08:00）', 'an ISO 8601 date-time with offset (such as 2026-11-28T08:00:00+08:00)');
      return;
    case 'text':
    case 'evidence':
      if (typeof value !== 'string') wrong('文字', 'text');
      return;
  }
}
