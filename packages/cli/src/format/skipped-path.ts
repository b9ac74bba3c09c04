import type { LocalizedText } from '@anjian/core';

/**
 * The note `anjian validate` and `anjian test` write on stderr for an argument that is a file
 * but not a pack (what `checklists/*` gives beside the pack folders): what was left out and
 * what a pack is. The command picks the language of `--lang`.
 */
export function skippedPathNote(path: string): LocalizedText & { en: string } {
  return {
    'zh-CN': `anjian：已跳过 ${path}：不是检查表（检查表是含 pack.yaml 的文件夹，或带有 format: anjian/pack@1 一行的 YAML 文件）`,
    en: `anjian: skipped ${path}: not a pack (a pack is a folder with pack.yaml, or a YAML file with the line format: anjian/pack@1)`,
  };
}
