/**
 * Programmatic entry of the anjian CLI: run it in-process (`main`), or reuse its parts
 * (pack validation report, formatters) in other tools.
 *
 * @example
 * ```ts
 * import { main, memoryIo } from '@anjian/cli';
 * const io = memoryIo();
 * process.exitCode = await main(['validate', 'checklists', '--format', 'json'], io);
 * ```
 *
 * @packageDocumentation
 */
export { main, COMMANDS, VERSION } from './main.js';
export { memoryIo } from './cli-io.js';
export type { CliIo } from './cli-io.js';
export type { Command, CommandArgs, CommandContext, OptionSpec } from './command.js';
export { UsageError } from './usage-error.js';
export { resolveLang, localize, bilingual, LANGS } from './lang.js';
export { validatePacks, displayPath } from './validate-packs.js';
export type { PackReport, ReportIssue, ValidationReport, ValidatePacksOptions } from './validate-packs.js';
export { FORMATTERS, FORMAT_NAMES } from './format/formatters.js';
export type { Formatter, FormatOptions } from './format/format-options.js';
export { codeFrame } from './format/code-frame.js';
export type { CodeFrameOptions } from './format/code-frame.js';
export { validateCommand } from './commands/validate.js';
export { schemaCommand, packSchemaPath } from './commands/schema.js';
export { auditCommand } from './commands/audit.js';
