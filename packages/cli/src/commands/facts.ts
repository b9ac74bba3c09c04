import { factCatalogue, type FactEntry } from '@anjian/core/internal';
import type { Command } from '../command.js';
import { LANGS } from '../lang.js';
import { loadOnePack } from '../load-one-pack.js';

/**
 * `anjian facts <pack> [--premises X] [--format pretty|json]`: every fact of a pack — type,
 * unit, range, options, whether required, and when it is asked (for the premises kind given)
 * — from core's `factCatalogue`. Exit 0; 1 when the pack does not load; 2 on a usage error.
 *
 * @example
 * ```sh
 * anjian facts checklists/gas --premises restaurant
 * ```
 */
export const factsCommand: Command = {
  name: 'facts',
  summary: { 'zh-CN': '列出检查表的事实（检查问题）：类型、单位、选项、范围、何时询问', en: "List a pack's facts: type, unit, options, range, when asked" },
  usage: 'anjian facts <pack folder> [--premises <kind>] [--format pretty|json]',
  details: {
    'zh-CN': '给出 --premises 时，按该场所类型说明每个问题是否询问（always 总是、never 不问、when 满足条件时）。',
    en: 'With --premises, says for that premises kind whether each question is asked (always, never, or when a condition on other answers holds).',
  },
  positionals: true,
  options: {
    premises: { type: 'string', valueName: 'KIND', description: { 'zh-CN': '场所类型编号', en: 'premises kind id' } },
    format: { type: 'string', short: 'f', choices: ['pretty', 'json'], valueName: 'FORMAT', description: { 'zh-CN': '输出格式（默认 pretty）', en: 'output format (default pretty)' } },
    lang: { type: 'string', choices: LANGS, valueName: 'LANG', description: { 'zh-CN': '输出语言', en: 'output language' } },
  },
  async run({ values, positionals }, { io, lang }) {
    const premises = typeof values.premises === 'string' ? values.premises : undefined;
    const pack = await loadOnePack(positionals[0], premises, io, lang, 'facts');
    if (!pack) return 1;
    const facts = factCatalogue(pack, premises);
    if (values.format === 'json') {
      io.stdout.write(JSON.stringify({ pack: { id: pack.id, version: pack.version }, premises: premises ?? null, facts }, null, 2) + '\n');
      return 0;
    }
    const en = lang === 'en';
    const out = [`${pack.id}@${pack.version}${premises ? `  premises: ${premises}` : ''}  ${facts.length} ${en ? 'facts' : '个事实'}`, ''];
    for (const f of facts) out.push(line(f, en));
    io.stdout.write(out.join('\n') + '\n');
    return 0;
  },
};

function line(f: FactEntry, en: boolean): string {
  const label = en ? f.label.en : f.label['zh-CN'];
  const parts: string[] = [f.type];
  if (f.unit) parts.push(f.unit);
  if (f.range) parts.push(`${f.range[0] ?? (f.type === 'count' ? 0 : '−∞')}–${f.range[1] ?? '∞'}`);
  if (f.maxLength !== undefined) parts.push(en ? `≤ ${f.maxLength} chars` : `≤ ${f.maxLength} 字`);
  if (f.required) parts.push(en ? 'required' : '必答');
  const asked = f.asked === 'when' ? (en ? `asked when ${f.when}` : `满足条件时询问：${f.when}`) : f.asked === 'never' ? (en ? 'not asked' : '不询问') : en ? 'always asked' : '总是询问';
  const options = f.options ? `\n      ${f.options.map((o) => `${o.value} (${en ? o.label.en : o.label['zh-CN']})`).join(', ')}` : '';
  return `  ${f.id}  ${label}\n      ${parts.join(' · ')} · ${asked}${options}`;
}
