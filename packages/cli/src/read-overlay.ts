import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyOverlay, parseYamlSafe, type Issue, type Pack } from '@anjian/core/internal';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';

/** An overlay file as the CLI reads it (`--overlay`). */
export interface OverlayFile {
  /** Absolute path. */
  path: string;
  /** Relative to the working directory (for issues). */
  display: string;
  text: string;
  /** The pack id it `extends` (undefined when the file does not say). */
  extends: string | undefined;
}

/**
 * Read an overlay file given with `--overlay`.
 *
 * @throws {UsageError} when the file cannot be read.
 */
export function readOverlay(given: string, cwd: string, command: string): OverlayFile {
  const path = resolve(cwd, given);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError({ 'zh-CN': `无法读取覆盖文件：${given}`, en: `cannot read the overlay file: ${given}` }, command);
  }
  const parsed = parseYamlSafe(text, { file: given });
  const value = parsed.ok ? (parsed.value as { extends?: unknown } | null) : null;
  return { path, display: displayPath(cwd, path), text, extends: typeof value?.extends === 'string' ? value.extends : undefined };
}

/** Apply an overlay to a pack; the refused overlay's issues are located in the overlay file. */
export function packWithOverlay(pack: Pack, overlay: OverlayFile): { pack: Pack; touched: Set<string> } | { issues: Issue[] } {
  const result = applyOverlay(pack, overlay.text, overlay.display);
  if (!result.ok) return { issues: result.issues };
  const o = result.overlay;
  const touched = new Set<string>([
    ...(o.thresholds ?? []).map((t) => t.rule),
    ...(o.levels ?? []).map((t) => t.rule),
    ...(o.deadlines ?? []).map((t) => t.rule),
    ...(o.items ?? []).flatMap((i) => i.item.hazards.map((h) => h.id)),
  ]);
  return { pack: result.pack, touched };
}
