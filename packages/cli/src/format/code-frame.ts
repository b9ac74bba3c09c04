import { stripControl } from './strip-control.js';
import { textWidth } from './text-width.js';

/** Options of {@link codeFrame}. */
export interface CodeFrameOptions {
  /** Lines shown before and after the reported line. Default 2 and 1. */
  before?: number;
  after?: number;
  /** Longest part of a line shown; longer lines are cut around the column. Default 120. */
  maxWidth?: number;
}

/**
 * The source lines around a position with a caret under the column, like a compiler:
 *
 * ```text
 *    12 |     when: { fact: hose_length_m, operator: greaterThan, value: 2 }
 *  > 13 |     basis: []
 *       |     ^
 * ```
 *
 * `lines` is the file split into lines; `line` and `column` are 1-based. Returns `''` when
 * the line is outside the file. Control characters are shown as `?` so a hostile file
 * cannot drive the terminal.
 *
 * @example
 * ```ts
 * codeFrame('a: 1\nb: [\n'.split('\n'), 2, 4);
 * ```
 */
export function codeFrame(lines: readonly string[], line: number, column: number, options: CodeFrameOptions = {}): string {
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return '';
  const before = options.before ?? 2;
  const after = options.after ?? 1;
  const maxWidth = options.maxWidth ?? 120;
  const first = Math.max(1, line - before);
  const last = Math.min(lines.length, line + after);
  const gutter = String(last).length;
  const col = Math.max(1, Math.floor(column) || 1);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1] ?? '';
    // Cut long lines to a window that contains the column of the reported line.
    const start = raw.length > maxWidth && n === line ? Math.max(0, Math.min(col - 1 - Math.floor(maxWidth / 2), raw.length - maxWidth)) : 0;
    const shown = stripControl(raw.slice(start, start + maxWidth));
    const prefix = start > 0 ? '…' : '';
    const suffix = start + maxWidth < raw.length ? '…' : '';
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(gutter)} | ${prefix}${shown}${suffix}`.trimEnd());
    if (n === line) {
      const lead = stripControl(raw.slice(start, Math.max(start, col - 1)));
      out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(textWidth(prefix + lead))}^`);
    }
  }
  return out.join('\n');
}
