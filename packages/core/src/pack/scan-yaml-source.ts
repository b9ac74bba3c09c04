import { CST, Lexer } from 'yaml';
import type { IssueCode } from './issue-codes.js';

/** Limits the pre-scan enforces. */
export interface ScanLimits {
  /** Maximum nesting depth (block indentation levels plus flow brackets). */
  maxDepth: number;
  /** Maximum number of `*alias` tokens. */
  maxAliases: number;
}

/** Something the pre-scan rejects, at a 1-based line/column. */
export interface ScanFinding {
  code: Extract<IssueCode, 'NESTING_TOO_DEEP' | 'YAML_DIRECTIVE' | 'YAML_TAG' | 'YAML_ALIAS_LIMIT'>;
  line: number;
  column: number;
  /** The offending source text (a tag, a directive line) or the depth reached. */
  found: string;
}

// Control characters the lexer emits that are not part of the source text.
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

/** At most this many findings are reported per file; the rest add nothing. */
const MAX_FINDINGS = 20;

/**
 * Scan YAML text with yaml's own iterative `Lexer` before anything composes it, and report
 * what a pack may never contain: nesting deeper than `maxDepth`, `%YAML`/`%TAG`
 * directives, tags, and more aliases than `maxAliases`.
 *
 * Why: yaml 2.9.1's composer is recursive, and the second parse of a deeply nested
 * document in one process can abort Node (docs/security.md T6). The lexer is a flat state
 * machine, so this scan is safe on any input. Block depth is estimated from the columns of
 * indicators and scalars (a stack of columns, popped when a line starts further left), flow
 * depth from brackets (a `-` in the same column as a key counts as its child, so
 * unindented sequences `a:\n- b:` are not under-counted); the estimate errs high by at
 * most one level (a scalar value counts as a level).
 *
 * Stops at the first nesting finding, so the cost is linear in the text scanned.
 *
 * `lexemes`, when given, receives every token the lexer produced, in order, so that the
 * caller can hand them to yaml's `Parser` (`parser.next(lexeme)`) instead of lexing the text
 * a second time. The list is whole only when the scan returns no finding.
 *
 * @internal
 */
export function scanYamlSource(text: string, limits: ScanLimits, lexemes?: string[]): ScanFinding[] {
  const findings: ScanFinding[] = [];
  // Columns of the open block levels; `seq` marks a `-` entry.
  const stack: { column: number; seq: boolean }[] = [];
  let flowDepth = 0;
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  let scalarNext = false;
  let inBlockScalar = false;
  let aliases = 0;

  for (const token of new Lexer().lex(text)) {
    lexemes?.push(token);
    if (token === DOCUMENT || token === FLOW_END) continue;
    if (token === SCALAR) {
      scalarNext = true;
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    const column = offset - lineStart + 1;
    const at = { line, column };

    if (scalarNext && inBlockScalar) {
      // The body of a `|` or `>` scalar: its indentation is text, not structure.
      inBlockScalar = false;
    } else {
      switch (type) {
        case 'directive-line':
          findings.push({ code: 'YAML_DIRECTIVE', ...at, found: token.slice(0, 80) });
          break;
        case 'tag':
          findings.push({ code: 'YAML_TAG', ...at, found: token.slice(0, 80) });
          break;
        case 'alias':
          aliases += 1;
          if (aliases === limits.maxAliases + 1) findings.push({ code: 'YAML_ALIAS_LIMIT', ...at, found: String(aliases) });
          break;
        case 'doc-start':
          stack.length = 0;
          flowDepth = 0;
          break;
        case 'block-scalar-header':
          inBlockScalar = true;
          break;
        case 'seq-item-ind':
        case 'explicit-key-ind':
        case 'map-value-ind':
        case 'scalar':
        case 'flow-map-start':
        case 'flow-seq-start':
          if (flowDepth === 0 && type !== 'map-value-ind') {
            const seq = type === 'seq-item-ind';
            // A `-` in the same column as a key is that key's (unindented) sequence: a child.
            for (let top = stack[stack.length - 1]; top && (top.column > column || (top.column === column && (!seq || top.seq))); top = stack[stack.length - 1]) {
              stack.pop();
            }
            stack.push({ column, seq });
          }
          if (type === 'flow-map-start' || type === 'flow-seq-start') flowDepth += 1;
          if (stack.length + flowDepth > limits.maxDepth) {
            findings.push({ code: 'NESTING_TOO_DEEP', ...at, found: String(stack.length + flowDepth) });
            return findings;
          }
          break;
        case 'flow-map-end':
        case 'flow-seq-end':
          if (flowDepth > 0) flowDepth -= 1;
          break;
        default:
          break;
      }
    }
    scalarNext = false;
    if (findings.length >= MAX_FINDINGS) return findings;

    offset += token.length;
    let nl = token.indexOf('\n');
    if (nl >= 0) {
      let last = nl;
      while (nl >= 0) {
        line += 1;
        last = nl;
        nl = token.indexOf('\n', nl + 1);
      }
      lineStart = offset - token.length + last + 1;
    }
  }
  return findings;
}
