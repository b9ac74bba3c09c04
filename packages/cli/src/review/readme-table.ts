import type { Pack } from '@anjian/core';
import { isProvisional, resolveBasis } from '@anjian/core/internal';

/** The heading and rule line of a pack README's rule table, as {@link readmeTable} writes it. */
export const README_TABLE_HEAD = '| 项 Item | 规则 Rule | 级别 Level | 依据 Basis (document, clause, confidence) | 疑似 Provisional |\n|---|---|---|---|---|';

const LEVEL_WORDS: Readonly<Record<string, string>> = { major: '重大 major', general: '一般 general', simple: '简易 simple' };
const CONFIDENCE_WORDS: Readonly<Record<string, string>> = { verified: '已核实 verified', secondary: '二手 secondary', unverified: '未核实 unverified' };

/** A table cell: one line, `|` escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const both = (t: { 'zh-CN': string; en?: string }) => (t.en !== undefined && t.en !== t['zh-CN'] ? `${t['zh-CN']} / ${t.en}` : t['zh-CN']);

/**
 * The rule table of a pack's README, one row per hazard rule in the pack's order (then one per
 * composite, 综合判定): `项 Item | 规则 Rule | 级别 Level | 依据 Basis | 疑似 Provisional`, every
 * text in 中文 / English — the item id and title, the rule id and title, the level, each citation
 * as document number, clause and confidence, and whether the level is provisional (every
 * citation superseded or unverified, as the classifier says). Heading and rows, no trailing
 * newline. Pure.
 *
 * @example
 * ```ts
 * readmeTable(pack).split('\n')[2]; // '| CS-001 辨识… / Identification… | CS-001-H1 … | 重大 major | 应急管理部令第10号 第十三条（一） (已核实 verified) | 否 no |'
 * ```
 */
export function readmeTable(pack: Pack): string {
  const basisCell = (rule: { basis: Pack['composites'][number]['basis']; confirmation?: string | undefined }) => {
    const resolved = resolveBasis(pack, rule.basis);
    if ('unknown' in resolved) return { text: '', provisional: true };
    return { text: resolved.map((c) => `${c.number} ${c.clause} (${CONFIDENCE_WORDS[c.confidence] ?? c.confidence})`).join('; '), provisional: isProvisional(resolved, rule) };
  };
  const row = (item: string, rule: { id: string; title: { 'zh-CN': string; en?: string }; level: string; basis: Pack['composites'][number]['basis']; confirmation?: string | undefined }) => {
    const basis = basisCell(rule);
    return `| ${cell(item)} | ${cell(`${rule.id} ${both(rule.title)}`)} | ${LEVEL_WORDS[rule.level] ?? rule.level} | ${cell(basis.text)} | ${basis.provisional ? '是 yes' : '否 no'} |`;
  };
  const rows = pack.sections.flatMap((section) => section.items.flatMap((item) => item.hazards.map((rule) => row(`${item.id} ${both(item.title)}`, rule))));
  for (const composite of pack.composites) rows.push(row('综合判定 / Composite', composite));
  return [README_TABLE_HEAD, ...rows].join('\n');
}

/** How a README's rule table compares with the generated one; see {@link readmeTableDrift}. */
export type ReadmeTableDrift =
  | { found: false }
  | {
      found: true;
      /** Whether the README's table is the generated one, row for row. */
      same: boolean;
      /** 1-based line of the table's heading in the README. */
      line: number;
      /** Generated rows the README lacks, and README rows the pack no longer gives. */
      missing: string[];
      extra: string[];
      /** The README with its table replaced by the generated one. */
      updated: string;
    };

/**
 * Compare the rule table in a pack README (found by the heading {@link readmeTable} writes,
 * ending at the first line that is not a table row) with the generated `table`. Pure.
 */
export function readmeTableDrift(readme: string, table: string): ReadmeTableDrift {
  const lines = readme.split('\n');
  const head = README_TABLE_HEAD.split('\n');
  const at = lines.findIndex((l, i) => l === head[0] && lines[i + 1] === head[1]);
  if (at < 0) return { found: false };
  let end = at + 2;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  const rows = lines.slice(at + 2, end);
  const generated = table.split('\n').slice(2);
  const updated = [...lines.slice(0, at), ...table.split('\n'), ...lines.slice(end)].join('\n');
  return {
    found: true,
    same: rows.length === generated.length && rows.every((r, i) => r === generated[i]),
    line: at + 1,
    missing: generated.filter((r) => !rows.includes(r)),
    extra: rows.filter((r) => !generated.includes(r)),
    updated,
  };
}
