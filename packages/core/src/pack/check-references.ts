import { pointerJoin } from './create-issue.js';
import type { SemanticContext } from './semantic-context.js';
import type { Citation, HazardLevel, Regulation } from './types.js';
import { BASIS_OMITTED } from './merge-pack-files.js';
import { calendarDateProblem } from './value-hints.js';
import { didYouMean } from './did-you-mean.js';

/**
 * Check the references that are not conditions: facts (range, options), item `asks` and
 * `premises`, citations (declared regulation, confidence, superseded editions), basis of
 * `major` rules and composites, composites' `of` and `atLeast`.
 *
 * @internal
 */
export function checkReferences(ctx: SemanticContext): void {
  const { index, report } = ctx;
  const premises = index.premises.map((p) => String(p.value.id));
  const premisesSet = new Set(premises);
  const regulations = new Map<string, Regulation>();
  for (const r of index.regulations) if (!regulations.has(r.value.id)) regulations.set(r.value.id, r.value);
  for (const { value: regulation, file, pointer } of index.regulations) {
    if (regulation.replacedBy !== undefined && (!regulations.has(regulation.replacedBy) || regulation.replacedBy === regulation.id)) {
      report(
        'UNKNOWN_REGULATION',
        { file, pointer: pointer + '/replacedBy' },
        {
          'zh-CN': `replacedBy 指向的法规“${regulation.replacedBy}”未在 regulations 中声明（须是另一个版本）。`,
          en: `replacedBy names "${regulation.replacedBy}", which is not another regulation declared under regulations.`,
        },
        { hint: ctx.hint(regulation.replacedBy, [...regulations.keys()]) },
      );
    }
    for (const key of ['effective', 'withdrawn'] as const) {
      const problem = regulation[key] === undefined ? undefined : calendarDateProblem(regulation[key]);
      if (problem === undefined) continue;
      report(
        'SCHEMA_PATTERN',
        { file, pointer: `${pointer}/${key}` },
        {
          'zh-CN': `法规“${regulation.id}”的 ${key}（${key === 'effective' ? '施行日期' : '废止日期'}）：${problem['zh-CN']}`,
          en: `the ${key} date of the regulation "${regulation.id}": ${problem.en}`,
        },
        { hint: { 'zh-CN': '写实际存在的日期，年-月-日，例如 2026-03-01；按文件上的日期核对。', en: 'Write a day that exists, year-month-day, e.g. 2026-03-01; check it against the document.' } },
      );
    }
    if (regulation.effective !== undefined && regulation.withdrawn !== undefined && regulation.withdrawn <= regulation.effective) {
      report(
        'EDITION_DATES',
        { file, pointer: pointer + '/withdrawn' },
        {
          'zh-CN': `法规“${regulation.id}”的废止日期 ${regulation.withdrawn} 不晚于施行日期 ${regulation.effective}。`,
          en: `the regulation "${regulation.id}" is withdrawn on ${regulation.withdrawn}, not after it took effect on ${regulation.effective}.`,
        },
      );
    }
  }
  const ruleIds = index.rules.map((r) => r.value.id);
  const ruleSet = new Set(ruleIds);

  for (const { value: fact, file, pointer } of index.facts) {
    if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) {
      report(
        'FACT_RANGE_INVALID',
        { file, pointer: pointer + '/min' },
        {
          'zh-CN': `事实“${fact.id}”的 min（${fact.min}）大于 max（${fact.max}）。`,
          en: `the fact "${fact.id}" has min (${fact.min}) greater than max (${fact.max}).`,
        },
      );
    }
    if ((fact.type === 'enum' || fact.type === 'multi') && !(fact.options && fact.options.length > 0)) {
      report(
        'FACT_OPTIONS_MISSING',
        { file, pointer: pointer + '/type' },
        {
          'zh-CN': `事实“${fact.id}”是 ${fact.type} 类型，但没有列出 options。`,
          en: `the fact "${fact.id}" is of type ${fact.type} but lists no options.`,
        },
      );
    }
    const seen = new Set<string>();
    (fact.options ?? []).forEach((o, i) => {
      if (seen.has(o.value)) {
        report(
          'DUPLICATE_ID',
          { file, pointer: `${pointer}/options/${i}/value` },
          {
            'zh-CN': `事实“${fact.id}”的选项值“${o.value}”重复。`,
            en: `the fact "${fact.id}" lists the option value "${o.value}" twice.`,
          },
        );
      }
      seen.add(o.value);
    });
  }

  const checkPremises = (list: string[] | undefined, file: string, pointer: string) =>
    (list ?? []).forEach((id, i) => {
      if (!premisesSet.has(id)) {
        report(
          'UNKNOWN_PREMISES',
          { file, pointer: `${pointer}/${i}` },
          {
            'zh-CN': `场所类型“${id}”未在 premises 中声明。`,
            en: `the premises kind "${id}" is not declared under premises.`,
          },
          {
            hint: ctx.hint(id, premises) ?? {
              'zh-CN': `在 premises 中声明，或改成已声明的场所类型：${[...premisesSet].join('、')}。`,
              en: `Declare it under premises, or use a declared premises kind: ${[...premisesSet].join(', ')}.`,
            },
          },
        );
      }
    });

  const checkBasis = (what: { id: string; level: HazardLevel; basis: Citation[] }, file: string, pointer: string) => {
    what.basis.forEach((citation, i) => {
      const at = { file, pointer: `${pointer}/basis/${i}` };
      const regulation = regulations.get(citation.regulation);
      if (!regulation) {
        report(
          'UNKNOWN_REGULATION',
          { file, pointer: at.pointer + '/regulation' },
          {
            'zh-CN': `“${what.id}”引用了未声明的法规“${citation.regulation}”。`,
            en: `"${what.id}" cites the regulation "${citation.regulation}", which is not declared under regulations.`,
          },
          { hint: ctx.hint(citation.regulation, regulations.keys()) },
        );
        return;
      }
      const confidence = citation.confidence ?? regulation.confidence;
      if (confidence === 'unverified') {
        report('CITATION_UNVERIFIED', at, {
          'zh-CN': `“${what.id}”引用的 ${regulation.number} ${citation.clause} 尚未核实（unverified）。`,
          en: `"${what.id}" cites ${regulation.number} ${citation.clause}, which is unverified.`,
        });
      }
      if (regulation.status === 'superseded') {
        report('CITATION_SUPERSEDED', at, {
          'zh-CN': `“${what.id}”引用的 ${regulation.number}（${regulation.edition}）已被替代，依据该条的等级为疑似。`,
          en: `"${what.id}" cites ${regulation.number} (${regulation.edition}), which is superseded; a level resting on it is provisional.`,
        });
      }
    });
    if (what.level !== 'major') {
      if (BASIS_OMITTED.has(what)) {
        report(
          'RULE_WITHOUT_BASIS',
          { file, pointer: pointer + '/id' },
          {
            'zh-CN': `“${what.id}”没有写依据（basis），整改通知上将没有法律依据。`,
            en: `"${what.id}" has no basis, so the rectification notice will cite no legal basis.`,
          },
        );
      }
      return;
    }
    if (what.basis.length === 0) {
      report(
        'MAJOR_WITHOUT_BASIS',
        { file, pointer: pointer + '/level' },
        {
          'zh-CN': `重大隐患“${what.id}”没有依据（basis）。重大事故隐患必须引用判定标准的条款。`,
          en: `the major hazard "${what.id}" has no basis. A major hazard must cite the clause of a determination standard.`,
        },
      );
    } else if (!what.basis.some((c) => regulations.get(c.regulation)?.determination === true)) {
      // an undeclared id is reported (UNKNOWN_REGULATION) at the citation: that is the root cause
      const undeclared = what.basis.map((c) => c.regulation).filter((id) => !regulations.has(id));
      // its "did you mean" names a determination standard: following the hint fixes both
      if (undeclared.some((id) => regulations.get(didYouMean(id, regulations.keys()) ?? '')?.determination === true)) return;
      report(
        'MAJOR_WITHOUT_DETERMINATION',
        { file, pointer: pointer + '/basis' },
        undeclared.length === 0
          ? {
              'zh-CN': `重大隐患“${what.id}”的依据中没有重大事故隐患判定标准（determination: true），该等级只能作为疑似。`,
              en: `the major hazard "${what.id}" cites no major-hazard determination standard (determination: true), so its level is only provisional.`,
            }
          : {
              'zh-CN': `重大隐患“${what.id}”的依据中没有已声明的重大事故隐患判定标准：它引用的${undeclared.map((id) => `“${id}”`).join('、')}未在 regulations 中声明（已报 UNKNOWN_REGULATION）。先改正或声明该法规；若它是判定标准，声明时写 determination: true，本警告随之消失。`,
              en: `the major hazard "${what.id}" cites no declared major-hazard determination standard: the ${undeclared.map((id) => `"${id}"`).join(', ')} it cites ${undeclared.length === 1 ? 'is' : 'are'} not declared under regulations (reported as UNKNOWN_REGULATION). Fix or declare that regulation first; if it is the determination standard, declare it with determination: true and this warning goes away.`,
            },
      );
    }
  };

  for (const { value: item, file, pointer } of index.items) {
    item.asks.forEach((name, i) => {
      if (!ctx.facts.has(name)) {
        report(
          'UNKNOWN_FACT',
          { file, pointer: `${pointer}/asks/${i}` },
          {
            'zh-CN': `检查项“${item.id}”询问的事实“${name}”未声明。`,
            en: `the item "${item.id}" asks the fact "${name}", which is not declared under facts.`,
          },
          { hint: ctx.hint(name, ctx.facts.keys()) },
        );
      }
    });
    checkPremises(item.premises, file, pointer + '/premises');
  }
  for (const { value: rule, file, pointer } of index.rules) checkBasis(rule, file, pointer);
  for (const { value: composite, file, pointer } of index.composites) {
    composite.of.forEach((id, i) => {
      if (!ruleSet.has(id)) {
        report(
          'UNKNOWN_RULE',
          { file, pointer: pointerJoin(pointer, 'of', i) },
          {
            'zh-CN': `综合判定“${composite.id}”计数的隐患规则“${id}”不存在。`,
            en: `the composite "${composite.id}" counts the hazard rule "${id}", which does not exist.`,
          },
          { hint: ctx.hint(id, ruleIds) },
        );
      }
    });
    if (composite.atLeast > composite.of.length) {
      report(
        'AT_LEAST_TOO_LARGE',
        { file, pointer: pointer + '/atLeast' },
        {
          'zh-CN': `综合判定“${composite.id}”要求至少 ${composite.atLeast} 项，但 of 只列出 ${composite.of.length} 项。`,
          en: `the composite "${composite.id}" needs at least ${composite.atLeast} but of lists only ${composite.of.length}.`,
        },
      );
    }
    checkPremises(composite.premises, file, pointer + '/premises');
    checkBasis(composite, file, pointer);
  }
}
