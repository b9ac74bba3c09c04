import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inspectionSchema } from '@anjian/core/internal';
import type { Command } from '../command.js';
import { loadOnePack } from '../load-one-pack.js';
import { UsageError } from '../usage-error.js';

/** Path of the pack JSON Schema shipped with the installed `@anjian/core`. */
export function packSchemaPath(): string {
  return createRequire(import.meta.url).resolve('@anjian/core/schema/pack.schema.json');
}

/**
 * `anjian schema`: print the pack JSON Schema (draft 2020-12) shipped with `@anjian/core`,
 * e.g. to save it next to the packs for editors.
 *
 * @example
 * ```sh
 * anjian schema > pack.schema.json
 * ```
 */
export const schemaCommand: Command = {
  name: 'schema',
  summary: { 'zh-CN': '输出检查表的 JSON Schema（供编辑器提示与校验）', en: 'Print the pack JSON Schema (for editor help and validation)' },
  usage: 'anjian schema [--inspection <pack folder> [--premises <kind>]]',
  details: {
    'zh-CN':
      '在 YAML 文件第一行写 # yaml-language-server: $schema=<路径>，编辑器即可提示和检查。\n--inspection 输出该检查表的检查记录 JSON Schema（pack、premises、findings 中每个事实的类型、选项和范围）。',
    en: 'Put # yaml-language-server: $schema=<path> on the first line of a YAML file for completion and checks in the editor.\n--inspection prints the JSON Schema of an inspection file for that pack (pack, premises, each fact under findings with its type, options and range).',
  },
  positionals: true,
  options: {
    inspection: { type: 'boolean', description: { 'zh-CN': '输出检查记录的 JSON Schema（需给出检查表文件夹）', en: 'print the inspection JSON Schema of a pack (give the pack folder)' } },
    premises: { type: 'string', valueName: 'KIND', description: { 'zh-CN': '只允许该场所类型', en: 'allow only this premises kind' } },
  },
  async run({ values, positionals }, { io, lang }) {
    if (values.inspection === true) {
      const premises = typeof values.premises === 'string' ? values.premises : undefined;
      const pack = await loadOnePack(positionals[0], premises, io, lang, 'schema');
      if (!pack) return 1;
      io.stdout.write(JSON.stringify(inspectionSchema(pack, premises), null, 2) + '\n');
      return 0;
    }
    if (positionals.length > 0) {
      throw new UsageError(
        { 'zh-CN': `多余的参数：${positionals[0]}（检查表文件夹只能与 --inspection 一起用）`, en: `unexpected argument: ${positionals[0]} (a pack folder goes with --inspection)` },
        'schema',
      );
    }
    if (values.premises !== undefined) throw new UsageError({ 'zh-CN': '--premises 只能与 --inspection 一起用', en: '--premises goes with --inspection' }, 'schema');
    const text = readFileSync(packSchemaPath(), 'utf8');
    // Parse before printing: a corrupt installation is a failure (exit 2), not a document.
    JSON.parse(text);
    io.stdout.write(text.endsWith('\n') ? text : text + '\n');
    return 0;
  },
};
