import type { Lang } from '@anjian/core';
import type { Command, OptionSpec } from './command.js';
import { localize } from './lang.js';

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: { 'zh-CN': '显示帮助', en: 'show help' } },
  debug: { type: 'boolean', description: { 'zh-CN': '出错时显示完整的调用栈', en: 'show the full stack trace on a crash' } },
};

function optionLines(options: Record<string, OptionSpec>, lang: Lang): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` <${spec.valueName ?? 'VALUE'}>` : '';
    const choices = spec.choices ? (lang === 'en' ? ` (${spec.choices.join(' | ')})` : `（${spec.choices.join(' | ')}）`) : '';
    return [`  ${short}--${name}${value}`, localize(spec.description, lang) + choices] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right);
}

/** Help of one command (`anjian <command> --help`). */
export function commandHelp(command: Command, lang: Lang): string {
  const out = [`${lang === 'en' ? 'Usage: ' : '用法：'}${command.usage}`, '', localize(command.summary, lang)];
  if (command.details) out.push('', localize(command.details, lang));
  out.push('', lang === 'en' ? 'Options:' : '选项：', ...optionLines({ ...command.options, ...GLOBAL_OPTIONS }, lang));
  return out.join('\n') + '\n';
}

/** Help of the CLI (`anjian --help`). */
export function mainHelp(commands: readonly Command[], lang: Lang, version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4;
  const en = lang === 'en';
  return (
    [
      `anjian ${version} — ${en ? 'checklist packs for work-safety supervision' : '安全生产监管检查表工具'}`,
      '',
      en ? 'Usage: anjian <command> [options]' : '用法：anjian <命令> [选项]',
      '',
      en ? 'Commands:' : '命令：',
      ...commands.map((c) => `  ${c.name.padEnd(width)}${localize(c.summary, lang)}`),
      '',
      en ? 'Options:' : '选项：',
      ...optionLines(
        {
          ...GLOBAL_OPTIONS,
          version: { type: 'boolean', short: 'v', description: { 'zh-CN': '显示版本号', en: 'show the version' } },
          lang: { type: 'string', valueName: 'LANG', choices: ['zh-CN', 'en'], description: { 'zh-CN': '输出语言（默认取自 LANG）', en: 'output language (default from LANG)' } },
        },
        lang,
      ),
      '',
      en ? 'Run "anjian <command> --help" for the options of a command.' : '运行“anjian <命令> --help”查看命令的选项。',
      en ? 'Exit codes: 0 clean, 1 problems found, 2 usage error or internal failure.' : '退出码：0 无问题，1 发现问题，2 用法错误或内部故障。',
    ].join('\n') + '\n'
  );
}
