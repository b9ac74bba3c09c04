import type { Lang, LocalizedText } from '@anjian/core';
import type { CliIo } from './cli-io.js';

/** One option of a command, as `util.parseArgs` takes it plus help text. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Allowed values of a string option (checked by `main`, listed in the help). */
  choices?: readonly string[];
  /** Placeholder in the help, e.g. `N`. */
  valueName?: string;
  /** Shown in the help. */
  description: LocalizedText & { en: string };
}

/** Parsed arguments handed to a command. */
export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** What every command receives besides its arguments. */
export interface CommandContext {
  io: CliIo;
  /** Output language (from `--lang` or the environment). */
  lang: Lang;
  /** Version of the CLI. */
  version: string;
}

/**
 * A subcommand of `anjian`. Commands live in `src/commands/`, one file each, and are listed
 * in the table of `main.ts`; adding a command is adding a file and a table entry.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: LocalizedText & { en: string };
  /** Usage line, e.g. `anjian validate [paths…] [options]`. */
  usage: string;
  /** Longer help text shown under the usage line. */
  details?: LocalizedText & { en: string };
  options: Record<string, OptionSpec>;
  /** Whether the command takes positional arguments. */
  positionals: boolean;
  /** Run the command and resolve to the exit code (0, 1 or 2). */
  run(args: CommandArgs, context: CommandContext): Promise<number>;
}
