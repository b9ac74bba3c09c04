import { pick } from '../classify/fact-labels.js';
import type { Classification } from '../classify/types.js';
import { conditionWords } from '../pack/inspection-contract.js';
import type { Fact, Item, Pack } from '../pack/types.js';
import { createConditionCompiler } from '../rules/compile-condition.js';
import type { Asked, MissExplainer } from './explain-miss.js';
import type { Scenario, ScenarioWarning } from './types.js';

type Pair = { 'zh-CN': string; en: string };

/** A warning before it is located: `fact` is the answer it is about. */
export type AnswerWarning = Omit<ScenarioWarning, 'pointer' | 'line' | 'column'> & { fact: string };

/**
 * Finds the answers a scenario writes that do not count, so `anjian test` can say so instead
 * of letting the author believe they tested something: an answer to a question whose own
 * `when` does not hold (`NOT_APPLICABLE_ANSWER`, the findings check's code: a form never
 * asks it, and the findings check refuses an inspection that answers it), and an answer
 * that only items not applicable to the scenario ask or read (`ANSWER_IGNORED`: premises
 * scope or the item's `when`).
 *
 * An answer that any item's or fact's `when` reads always counts (it decides what applies).
 * A scenario that says it tests that the item does not apply — the item `not_applicable`
 * under `expect.items`, or one of its rules under `expect.absent` — is not warned. Answers
 * from a file's `base:` are shared by its scenarios and are not looked at. @internal
 */
export function createAnswerCheck(
  pack: Pack,
): (input: { scenario: Scenario; result: Classification; notAsked: ReadonlySet<string>; invalid: ReadonlySet<string>; why: MissExplainer; asked: Asked }) => AnswerWarning[] {
  const declared = new Map<string, Fact>();
  for (const fact of pack.facts) if (!declared.has(fact.id)) declared.set(fact.id, fact);
  /** Items that ask each fact or whose rules read it. */
  const readers = new Map<string, Item[]>();
  /** Facts read by some item's or fact's `when`: their answers decide what applies. */
  const gates = new Set<string>();
  try {
    const compile = createConditionCompiler({ conditions: pack.conditions, facts: declared, premises: pack.premises.map((p) => p.id) });
    for (const fact of pack.facts) if (fact.when !== undefined) for (const f of compile(fact.when).facts) gates.add(f);
    for (const section of pack.sections) {
      for (const item of section.items) {
        if (item.when !== undefined) for (const f of compile(item.when).facts) gates.add(f);
        const read = new Set(item.asks);
        for (const rule of item.hazards) for (const f of compile(rule.when).facts) read.add(f);
        for (const f of read) readers.set(f, [...(readers.get(f) ?? []), item]);
      }
    }
  } catch {
    // a pack whose conditions do not compile does not get this far (runScenarios needs its evaluator)
    return () => [];
  }

  return ({ scenario, result, notAsked, invalid, why, asked }) => {
    const outcome = new Map(result.items.map((i) => [i.item, i.outcome]));
    const expect = scenario.expect ?? {};
    const absent = new Set(expect.absent ?? []);
    const saysNotApplicable = (item: Item) => expect.items?.[item.id] === 'not_applicable' || item.hazards.some((r) => absent.has(r.id));
    const warnings: AnswerWarning[] = [];
    for (const [id, value] of Object.entries(scenario.findings ?? {})) {
      const fact = declared.get(id);
      if (value === null || fact === undefined || invalid.has(id)) continue;
      const items = readers.get(id) ?? [];
      if (items.some(saysNotApplicable)) continue;
      const name = { zh: `“${pick(fact.label, 'zh-CN')}”（${id}）`, en: `"${pick(fact.label, 'en')}" (${id})` };
      if (notAsked.has(id) && fact.when !== undefined) {
        const words = conditionWords(fact.when, pack.conditions);
        warnings.push({
          fact: id,
          code: 'NOT_APPLICABLE_ANSWER',
          message: { 'zh-CN': `本场景不问${name.zh}：其适用条件 ${words} 不成立`, en: `${name.en} is not asked in this scenario: its when (${words}) does not hold` },
          hint: {
            'zh-CN': `删去这一答案（表单在此不会问它，服务器拒收含这一答案的检查记录），或改写答案使 ${words} 成立`,
            en: `delete the answer (a form does not ask it here, and the server refuses an inspection that answers it), or change the answers so that ${words} holds`,
          },
        });
        continue;
      }
      if (items.length === 0 || gates.has(id) || !items.every((item) => outcome.get(item.id) === 'not_applicable')) continue;
      const reasons = items.map((item) => why.item(item.id, asked)).filter((r): r is Pair => r !== undefined);
      const ids = items.map((item) => item.id).join(', ');
      const because =
        reasons.length > 0
          ? { 'zh-CN': reasons.map((r) => r['zh-CN']).join('；'), en: reasons.map((r) => r.en).join('; ') }
          : { 'zh-CN': `询问它的检查项（${ids}）在本场景中均不适用`, en: `no item that asks it (${ids}) applies in this scenario` };
      const first = items[0]!.id;
      warnings.push({
        fact: id,
        code: 'ANSWER_IGNORED',
        message: { 'zh-CN': `${name.zh}的答案不起作用：${because['zh-CN']}`, en: `the answer to ${name.en} is ignored: ${because.en}` },
        hint: {
          'zh-CN': `删去这一答案，或改写场所类型或答案，使检查项适用；若要测试该检查项不适用，请写明：expect: { items: { ${first}: not_applicable } }`,
          en: `delete the answer, or change the premises or answers so that the item applies; to test that the item does not apply, say so: expect: { items: { ${first}: not_applicable } }`,
        },
      });
    }
    return warnings;
  };
}
