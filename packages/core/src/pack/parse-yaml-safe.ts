import { createIssue } from './create-issue.js';
import { LOAD_PACK_DEFAULTS } from './load-pack.js';
import { locatePointer, type Position } from './locate-pointer.js';
import { parseYamlFile } from './parse-yaml-file.js';
import type { Issue } from './types.js';

/** Result of {@link parseYamlSafe}. */
export type SafeYamlResult =
  | {
      ok: true;
      /** Plain JSON value of the document. */
      value: unknown;
      /** 1-based position of a JSON Pointer (the key with `{ key: true }`). */
      locate(pointer: string, options?: { key?: boolean }): Position;
    }
  | { ok: false; issues: Issue[] };

/**
 * Parse any YAML file of the anjian world (scenario files, inspections) with the same
 * protections as the pack loader (docs/security.md T3–T9): size cap, iterative depth pre-scan
 * before the composer, no directives, tags, merge keys, duplicate keys or extra documents,
 * capped aliases, no `__proto__`/`constructor`/`prototype` keys, JSON-only values. Never
 * throws; problems are located issues.
 *
 * @example
 * ```ts
 * const parsed = parseYamlSafe(text, { file: 'tests/basic.yaml' });
 * if (parsed.ok) runScenarios(pack, evaluate, [{ file, content: parsed.value as ScenarioFile, locate: parsed.locate }]);
 * ```
 */
export function parseYamlSafe(text: string, options: { file?: string; maxFileSize?: number; maxDepth?: number; maxAliases?: number } = {}): SafeYamlResult {
  const file = options.file ?? 'input.yaml';
  try {
    const outcome = parseYamlFile(file, text, {
      maxFileSize: options.maxFileSize ?? LOAD_PACK_DEFAULTS.maxFileSize,
      maxDepth: options.maxDepth ?? LOAD_PACK_DEFAULTS.maxDepth,
      maxAliases: options.maxAliases ?? LOAD_PACK_DEFAULTS.maxAliases,
    });
    if (!outcome.ok) return outcome;
    const { doc, lineCounter, value } = outcome.parsed;
    return { ok: true, value, locate: (pointer, opts = {}) => locatePointer(doc, lineCounter, pointer, opts) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        createIssue(
          'INTERNAL_ERROR',
          { file, line: 1, column: 1 },
          {
            'zh-CN': `读取 YAML 时出现意外错误：${message.slice(0, 300)}`,
            en: `unexpected error while reading YAML: ${message.slice(0, 300)}`,
          },
        ),
      ],
    };
  }
}
