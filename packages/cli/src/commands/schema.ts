import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Command } from '../command.js';

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
  usage: 'anjian schema',
  details: {
    'zh-CN': '在 YAML 文件第一行写 # yaml-language-server: $schema=<路径>，编辑器即可提示和检查。',
    en: 'Put # yaml-language-server: $schema=<path> on the first line of a YAML file for completion and checks in the editor.',
  },
  positionals: false,
  options: {},
  async run(_args, { io }) {
    const text = readFileSync(packSchemaPath(), 'utf8');
    // Parse before printing: a corrupt installation is a failure (exit 2), not a document.
    JSON.parse(text);
    io.stdout.write(text.endsWith('\n') ? text : text + '\n');
    return 0;
  },
};
