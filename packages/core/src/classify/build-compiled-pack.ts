import { basisAsOf, datesEditions } from '../pack/as-of.js';
import type { Condition, DeadlinePolicy, Fact, HazardLevel, LocalizedText, Pack, Party } from '../pack/types.js';
import { createConditionCompiler, type CompiledCondition, type ConditionIssue } from '../rules/compile-condition.js';
import { isConditionCompileError } from '../rules/condition-compile-error.js';
import { factReader } from '../rules/condition-nodes.js';
import { deadlineFor } from './default-deadlines.js';
import { createExplainer } from './explain-observation.js';
import { factLabels } from './fact-labels.js';
import type { AsOfBasis, CompiledComposite, CompiledItem, CompiledPack, CompiledRule } from './compiled-pack.js';
import { titleSentence } from './explanation-sentence.js';
import { compositeExplainer, type RuleTemplate } from './hazard-findings.js';
import { PackCompileError, type PackCompileErrorCode } from './pack-compile-error.js';
import { isProvisional, resolveBasis } from './resolve-basis.js';
import type { ResolvedCitation } from './types.js';

/** A problem {@link buildCompiledPack} found, in collecting mode: a pointer into the pack. @internal */
export interface PackIssue {
  code: string;
  message: LocalizedText & { en: string };
  pointer: string;
  hint?: LocalizedText;
  /** Locate the property name rather than its value. */
  key?: boolean;
}

/** Options of {@link buildCompiledPack}. @internal */
export interface BuildOptions {
  now?: () => string;
  /** Collecting mode: report every problem here instead of throwing the first. */
  onIssue?: (issue: PackIssue) => void;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Check and compile every part of a pack once: conditions (with the pack's declared facts,
 * so values are checked against the facts' types), premises scopes, citations, deadlines,
 * composites. Throws a {@link PackCompileError} at the first problem, or, with
 * `onIssue`, reports them all (the result is then not for evaluation). @internal
 */
export function buildCompiledPack(pack: Pack, options: BuildOptions = {}): CompiledPack {
  const onIssue = options.onIssue;
  /** Throwing mode: throw. Collecting mode: record, and let the caller carry on. */
  const problem = (code: PackCompileErrorCode, message: LocalizedText & { en: string }, pointer: string, extra: { cause?: unknown; hint?: LocalizedText; key?: boolean } = {}): void => {
    if (!onIssue) throw new PackCompileError(code, message, pointer, extra.cause === undefined ? undefined : { cause: extra.cause });
    const issue: PackIssue = { code, message, pointer };
    if (extra.hint) issue.hint = extra.hint;
    if (extra.key) issue.key = true;
    onIssue(issue);
  };
  const declared = new Map<string, Fact>();
  for (const fact of pack.facts) if (!declared.has(fact.id)) declared.set(fact.id, fact);
  // The reserved facts are read from this object, set before each evaluation, so that the
  // findings are handed to the conditions as they are, without a copy.
  const reserved: { $premises: unknown; $inspectedAt: unknown } = { $premises: undefined, $inspectedAt: undefined };
  // Named conditions shared by many rules run once per evaluation (the epoch advances
  // whenever the reserved facts are set, i.e. at the start of each evaluation or check).
  const clock = { epoch: 0 };
  const setReserved = (premises: unknown, inspectedAt: unknown) => {
    reserved.$premises = premises;
    reserved.$inspectedAt = inspectedAt;
    clock.epoch += 1;
  };
  let owner: { zh: string; en: string } | undefined;
  let rootPointer = '';
  /** Set while compiling a named condition on its own (through `{ condition: name }`). */
  let wrapped = false;
  const conditionIssue = (issue: ConditionIssue) => {
    const inNamed = issue.condition !== undefined;
    const who = inNamed ? { zh: `命名条件“${issue.condition}”`, en: `named condition "${issue.condition}"` } : owner;
    const message = who ? { 'zh-CN': `${who.zh}：${issue.message['zh-CN']}`, en: `in ${who.en}: ${issue.message.en}` } : issue.message;
    // the reference of the wrapper itself (a cycle through this name) is the name's key
    const atName = wrapped && !inNamed;
    const pointer = inNamed ? `/conditions/${escape(issue.condition!)}${issue.pointer}` : atName ? rootPointer : `${rootPointer}${issue.pointer}`;
    problem(issue.code as PackCompileErrorCode, message, pointer, { ...(issue.hint ? { hint: issue.hint } : {}), ...(issue.key || atName ? { key: true } : {}) });
  };
  // One numbering of fact slots for every condition of the pack: an evaluation reads each answer once.
  const factSlots = new Map<string, number>();
  const compiler = createConditionCompiler({
    factSlots,
    conditions: pack.conditions,
    facts: declared,
    premises: pack.premises.map((p) => p.id),
    reservedFrom: reserved,
    epoch: clock,
    ...(options.now ? { now: options.now } : {}),
    ...(onIssue ? { onIssue: conditionIssue } : {}),
  });
  let usesInspectedAt = false;
  const compile = (condition: Condition, pointer: string, who: { zh: string; en: string }): CompiledCondition => {
    owner = who;
    rootPointer = pointer;
    try {
      const compiled = compiler(condition);
      if (compiled.facts.includes('$inspectedAt')) usesInspectedAt = true;
      return compiled;
    } catch (error) {
      if (!isConditionCompileError(error)) throw error;
      const at = error.condition !== undefined ? `/conditions/${escape(error.condition)}${error.pointer}` : wrapped ? pointer : `${pointer}${error.pointer}`;
      problem(error.code, error.localized, at, { cause: error });
      throw error; // not reached: throwing mode
    }
  };
  // Every named condition is checked, used or not: a pack that validates compiles whole.
  wrapped = true;
  for (const name of Object.keys(pack.conditions)) {
    compile({ condition: name }, `/conditions/${escape(name)}`, { zh: `命名条件“${name}”`, en: `named condition "${name}"` });
  }
  wrapped = false;

  // Premises scopes as flags by premises index: one map lookup per evaluation, then array reads.
  const premisesIndex = new Map(pack.premises.map((p, i) => [p.id, i] as const));
  const scopeOf = (premises: readonly string[] | undefined, pointer: string): readonly boolean[] | undefined => {
    if (premises === undefined) return undefined;
    const flags = pack.premises.map(() => false);
    premises.forEach((p, i) => {
      const at = premisesIndex.get(p);
      if (at === undefined) problem('UNKNOWN_PREMISES', { 'zh-CN': `未声明的场所类型 "${p}"`, en: `unknown premises kind "${p}"` }, `${pointer}/${i}`);
      else flags[at] = true;
    });
    return flags;
  };
  const template = (
    rule: {
      id: string;
      level: HazardLevel;
      title: LocalizedText;
      basis: Pack['composites'][number]['basis'];
      confirmation?: string;
      party?: Party;
      deadline?: DeadlinePolicy;
      rectification?: LocalizedText;
    },
    pointer: string,
  ): RuleTemplate => {
    let basis = resolveBasis(pack, rule.basis ?? []);
    if ('unknown' in basis) {
      const id = rule.basis[basis.unknown]?.regulation;
      problem('UNKNOWN_REGULATION', { 'zh-CN': `未声明的法规 "${String(id)}"`, en: `unknown regulation "${String(id)}"` }, `${pointer}/basis/${basis.unknown}/regulation`);
      basis = [];
    }
    return {
      rule: rule.id,
      level: rule.level,
      title: rule.title,
      basis: Object.freeze(basis) as ResolvedCitation[],
      provisional: isProvisional(basis, rule),
      confirmation: rule.confirmation,
      party: rule.party ?? 'user',
      deadline: deadlineFor(pack, rule.level, rule.deadline),
      rectification: rule.rectification,
      head: titleSentence(rule.title),
    };
  };

  const factWhen = new Map<string, CompiledCondition>();
  const factWhenByIndex: (CompiledCondition | undefined)[] = [];
  const required = new Map<string, number>();
  pack.facts.forEach((fact, i) => {
    const when = fact.when === undefined ? undefined : compile(fact.when, `/facts/${i}/when`, { zh: `事实“${fact.id}”的适用条件`, en: `the applicability of fact "${fact.id}"` });
    if (when) factWhen.set(fact.id, when);
    factWhenByIndex.push(when);
    if (fact.required) required.set(fact.id, i);
  });

  /** A required answer's slot (the conditions' numbering; none for `__proto__`, read as the conditions read it). */
  const slotFor = (id: string): number | undefined => {
    if (id === '__proto__') return undefined;
    let slot = factSlots.get(id);
    if (slot === undefined) factSlots.set(id, (slot = factSlots.size + 1));
    return slot;
  };
  const ruleIds = new Map<string, number>();
  const items: CompiledItem[] = [];
  pack.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      const at = `/sections/${s}/items/${i}`;
      item.asks.forEach((f, k) => {
        if (!declared.has(f)) problem('UNKNOWN_FACT', { 'zh-CN': `检查项 ${item.id} 询问了未声明的事实 "${f}"`, en: `item ${item.id} asks an unknown fact "${f}"` }, `${at}/asks/${k}`);
      });
      const rules = item.hazards.map((rule, r): CompiledRule => {
        const index = ruleIds.size;
        ruleIds.set(rule.id, index);
        const when = compile(rule.when, `${at}/hazards/${r}/when`, { zh: `隐患规则“${rule.id}”`, en: `hazard rule "${rule.id}"` });
        return { ...template(rule, `${at}/hazards/${r}`), when, index };
      });
      items.push({
        id: item.id,
        section: section.id,
        scope: scopeOf(item.premises, `${at}/premises`),
        when: item.when === undefined ? undefined : compile(item.when, `${at}/when`, { zh: `检查项“${item.id}”的适用条件`, en: `the applicability of item "${item.id}"` }),
        // the answer read as the conditions read it (own properties; inherited functions are not answers)
        required: item.asks.filter((f) => required.has(f)).map((id) => ({ id, index: required.get(id)!, slot: slotFor(id), read: factReader(id, undefined) })),
        rules,
      });
    });
  });

  const titles = new Map(pack.sections.flatMap((section) => section.items.flatMap((item) => item.hazards.map((h) => [h.id, h.title] as const))));
  const titleOf = (id: string): LocalizedText => titles.get(id) ?? { 'zh-CN': id };
  const composites: CompiledComposite[] = pack.composites.map((composite, c) => {
    const at = `/composites/${c}`;
    composite.of.forEach((id, k) => {
      if (!ruleIds.has(id))
        problem('UNKNOWN_RULE', { 'zh-CN': `综合判定 ${composite.id} 引用了不存在的规则 "${id}"`, en: `composite ${composite.id} counts an unknown rule "${id}"` }, `${at}/of/${k}`);
    });
    if (!Number.isInteger(composite.atLeast) || composite.atLeast < 1 || composite.atLeast > composite.of.length) {
      problem(
        'INVALID_PACK',
        { 'zh-CN': `综合判定 ${composite.id} 的 atLeast 必须在 1 到 ${composite.of.length} 之间`, en: `composite ${composite.id}: atLeast must be from 1 to ${composite.of.length}` },
        `${at}/atLeast`,
      );
    }
    return {
      ...template(composite, at),
      atLeast: composite.atLeast,
      of: composite.of,
      ofIndex: composite.of.filter((id) => ruleIds.has(id)).map((id) => ruleIds.get(id)!),
      scope: scopeOf(composite.premises, `${at}/premises`),
      explain: compositeExplainer(composite, titleOf),
    };
  });

  const labels = factLabels(pack);
  // the basis as of a day, per rule (a day's entries are computed as rules fire; few days
  // recur, so the memory is small, and bounded); an evaluation looks its day up once
  const perDay = new Map<string, (index: number, t: RuleTemplate) => AsOfBasis>();
  const asOfDay = (day: string): ((index: number, t: RuleTemplate) => AsOfBasis) => {
    let basisOf = perDay.get(day);
    if (basisOf === undefined) {
      if (perDay.size >= 1024) perDay.clear();
      const entries: (AsOfBasis | undefined)[] = [];
      basisOf = (index, t) => {
        let entry = entries[index];
        if (entry === undefined) {
          const state = basisAsOf(pack, t.basis, day, t);
          entries[index] = entry = { basis: Object.freeze(state.basis) as ResolvedCitation[], provisional: state.provisional, drop: state.notYetLaw };
        }
        return entry;
      };
      perDay.set(day, basisOf);
    }
    return basisOf;
  };
  return {
    pack,
    labels,
    premisesIndex,
    items,
    composites,
    ruleCount: ruleIds.size,
    slotCount: factSlots.size + 1,
    factWhenByIndex,
    factWhen,
    usesInspectedAt,
    scoped: items.some((i) => i.scope) || composites.some((c) => c.scope),
    explain: createExplainer(labels),
    dated: datesEditions(pack),
    asOfDay,
    setReserved,
  };
}
