import { parseArgs } from 'node:util';
import { didYouMean } from '@anjian/core/internal';
import packageJson from '../package.json';
import type { CliIo } from './cli-io.js';
import type { Command, CommandArgs, OptionSpec } from './command.js';
import { auditCommand } from './commands/audit.js';
import { classifyCommand } from './commands/classify.js';
import { documentCommand } from './commands/document.js';
import { exportCommand } from './commands/export.js';
import { formCommand } from './commands/form.js';
import { replayCommand } from './commands/replay.js';
import { reportCommand } from './commands/report.js';
import { factsCommand } from './commands/facts.js';
import { newCommand } from './commands/new.js';
import { schemaCommand } from './commands/schema.js';
import { testCommand } from './commands/test.js';
import { validateCommand } from './commands/validate.js';
import { commandHelp, GLOBAL_OPTIONS, mainHelp } from './help.js';
import { knownLang, langOfFlag, say } from './lang.js';
import { UsageError } from './usage-error.js';

/** Version of the CLI (from its package.json). */
export const VERSION: string = packageJson.version;

/**
 * The command table. A new command is a file in `src/commands/` and an entry here.
 */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  testCommand,
  classifyCommand,
  replayCommand,
  factsCommand,
  formCommand,
  exportCommand,
  newCommand,
  schemaCommand,
  auditCommand,
  documentCommand,
  reportCommand,
];

/**
 * Run the CLI in-process and resolve to the exit code: 0 clean, 1 problems found, 2 usage
 * error or internal failure. Never throws and never calls `process.exit`; a usage error or a
 * crash prints a one-line message (the stack only with `--debug`) in the language of `--lang`
 * or the locale, in both languages when neither names one (`knownLang`).
 *
 * @param argv the arguments after the program name, e.g. `['validate', 'checklists']`.
 * @example
 * ```ts
 * import { main, memoryIo } from '@anjian/cli';
 * const io = memoryIo({ cwd: process.cwd() });
 * const code = await main(['validate', 'examples/packs/demo-kitchen', '--format', 'json'], io);
 * console.log(code, JSON.parse(io.out()).summary);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  let commandName: string | undefined;
  // Messages before and after the command is known are in the language the user asked for
  // (`--lang`, else the locale), in both when neither says.
  const asked = knownLang(langFlag(argv), io.env);
  try {
    const lang = asked ?? 'en';
    const index = argv.findIndex((a) => COMMANDS.some((c) => c.name === a));
    // the word typed as the command: the first argument that is neither an option nor --lang's value
    const first = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--lang');
    if (index === -1) {
      if (first !== undefined) {
        // `new-pack`, `new_pack`: a command and its subcommand written as one word
        const joined = COMMANDS.find((c) => first.length > c.name.length + 1 && first.startsWith(c.name) && /^[-_]/.test(first.slice(c.name.length)));
        const guess = joined
          ? `${joined.name} ${first.slice(joined.name.length + 1)}`
          : didYouMean(
              first,
              COMMANDS.map((c) => c.name),
            );
        throw new UsageError({
          'zh-CN': `未知命令：${first}${guess ? `（是不是 ${guess}？）` : ''}`,
          en: `unknown command: ${first}${guess ? ` (did you mean ${guess}?)` : ''}`,
        });
      }
      const { values } = parse(
        argv,
        {
          ...GLOBAL_OPTIONS,
          version: { type: 'boolean', short: 'v', description: { 'zh-CN': '', en: '' } },
          lang: { type: 'string', description: { 'zh-CN': '', en: '' } },
        },
        false,
        undefined,
      );
      if (values.version === true) {
        io.stdout.write(`${VERSION}\n`);
        return 0;
      }
      if (values.help === true) {
        io.stdout.write(mainHelp(COMMANDS, lang, VERSION));
        return 0;
      }
      io.stderr.write(mainHelp(COMMANDS, lang, VERSION));
      throw new UsageError({ 'zh-CN': '缺少命令', en: 'missing command' });
    }
    const command = COMMANDS.find((c) => c.name === argv[index])!;
    commandName = command.name;
    const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
    const args = parse(rest, { ...command.options, ...GLOBAL_OPTIONS }, command.positionals, command.name);
    if (args.values.help === true) {
      io.stdout.write(commandHelp(command, lang));
      return 0;
    }
    return await command.run(args, { io, lang, version: VERSION });
  } catch (error) {
    if (UsageError.is(error)) {
      const name = error.command ?? commandName;
      const help = name ? `anjian ${name} --help` : 'anjian --help';
      io.stderr.write(`anjian: ${say(error.text, asked)}\n${say({ 'zh-CN': `运行 ${help} 查看用法`, en: `run ${help} for usage` }, asked)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `anjian: ${say({ 'zh-CN': `内部错误：${oneLine(message)}`, en: `internal error: ${oneLine(message)}` }, asked)}` +
        (debug ? '' : ` ${say({ 'zh-CN': '（加 --debug 查看调用栈）', en: '(add --debug for the stack trace)' }, asked)}`) +
        '\n',
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

/** `--lang` as written anywhere in argv (so help and usage errors are in that language). */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

function parse(argv: readonly string[], options: Record<string, OptionSpec>, positionals: boolean, command: string | undefined): CommandArgs {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(options)) config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw toUsageError(error, command);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, spec] of Object.entries(options)) {
    let value = values[name];
    // `--lang zh`, `--lang zh_CN`: what people type for a language is that language
    if (name === 'lang' && typeof value === 'string') value = values[name] = langOfFlag(value) ?? value;
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(
        {
          'zh-CN': `--${name} 的取值“${value}”无效，可选：${spec.choices.join(' | ')}`,
          en: `invalid value "${value}" for --${name}; choose one of ${spec.choices.join(' | ')}`,
        },
        command,
      );
    }
  }
  return { values, positionals: parsed.positionals };
}

function toUsageError(error: unknown, command: string | undefined): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const token = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError({ 'zh-CN': `未知选项：${token}`, en: `unknown option: ${token}` }, command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const missing = /Option '(-[^' ]+)(?:, (--[^' ]+))?(?: <value>)?' argument missing/.exec(message);
      if (missing) {
        const flag = missing[2] ?? missing[1]!;
        return new UsageError({ 'zh-CN': `选项 ${flag} 缺少取值`, en: `the option ${flag} needs a value` }, command);
      }
      return new UsageError({ 'zh-CN': `选项用法不对：${oneLine(message)}`, en: `bad option value: ${oneLine(message)}` }, command);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError({ 'zh-CN': `多余的参数：${token}`, en: `unexpected argument: ${token}` }, command);
    default:
      return new UsageError({ 'zh-CN': `参数无效：${oneLine(message)}`, en: `invalid arguments: ${oneLine(message)}` }, command);
  }
}
