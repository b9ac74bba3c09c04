/**
 * Replay before publishing: classify the same inspections under two versions of the packs and
 * say, per hazard, what the new version changes.
 *
 * @module
 */
import { compilePack, type PackEvaluator } from '../classify/compile-pack.js';
import type { Classification, HazardFinding, Inspection } from '../classify/types.js';
import type { HazardLevel, Issue, Pack } from './types.js';

/** One inspection to replay, with a name to show (a file name, a stored id). */
export interface ReplayInput {
  name: string;
  inspection: Inspection;
}

/** What one hazard looks like under one version. */
export interface ReplayHazard {
  level: HazardLevel;
  provisional: boolean;
  /** `number clause` of each citation, in order (e.g. `GB 35181-2017 6.10`). */
  basis: string[];
}

/** One difference between the two versions for one inspection. */
export interface ReplayChange {
  rule: string;
  /**
   * `added` / `removed`: the hazard is found only by the new / old version; `level_up` /
   * `level_down`: found by both at another level; `provisional`: the 疑似 flag changed;
   * `basis`: the citations changed. A hazard can have several changes.
   */
  change: 'added' | 'removed' | 'level_up' | 'level_down' | 'provisional' | 'basis';
  title: { 'zh-CN': string; en: string };
  from?: ReplayHazard;
  to?: ReplayHazard;
}

/** The replay of one inspection. */
export interface ReplayEntry {
  name: string;
  pack: string;
  /** Most severe level found by each version (`null`: none; absent: not classified). */
  highest: { from?: HazardLevel | null; to?: HazardLevel | null };
  changes: ReplayChange[];
  /** Errors of the findings check under each version (e.g. answers to facts a version does not have). */
  issues: { from: Issue[]; to: Issue[] };
}

/** What {@link replayInspections} returns. */
export interface ReplayReport {
  from: { id: string; version: string }[];
  to: { id: string; version: string }[];
  entries: ReplayEntry[];
  summary: { inspections: number; changed: number } & Record<ReplayChange['change'], number>;
}

const RANK: Record<HazardLevel, number> = { simple: 1, general: 2, major: 3 };

function view(h: HazardFinding): ReplayHazard {
  return { level: h.level, provisional: h.provisional, basis: h.basis.map((c) => `${c.number} ${c.clause}`) };
}

function bilingual(h: HazardFinding): { 'zh-CN': string; en: string } {
  return { 'zh-CN': h.title['zh-CN'], en: h.title.en ?? h.title['zh-CN'] };
}

/**
 * The differences between two classifications of one inspection, hazard by hazard: new,
 * gone, level up or down, provisional flag, citations. Pure.
 */
export function diffClassifications(before: Classification, after: Classification): ReplayChange[] {
  const old = new Map(before.hazards.map((h) => [h.rule, h]));
  const now = new Map(after.hazards.map((h) => [h.rule, h]));
  const changes: ReplayChange[] = [];
  for (const h of after.hazards) {
    const was = old.get(h.rule);
    if (!was) {
      changes.push({ rule: h.rule, change: 'added', title: bilingual(h), to: view(h) });
      continue;
    }
    const from = view(was);
    const to = view(h);
    if (was.level !== h.level) changes.push({ rule: h.rule, change: RANK[h.level] > RANK[was.level] ? 'level_up' : 'level_down', title: bilingual(h), from, to });
    if (was.provisional !== h.provisional) changes.push({ rule: h.rule, change: 'provisional', title: bilingual(h), from, to });
    if (from.basis.join('\n') !== to.basis.join('\n')) changes.push({ rule: h.rule, change: 'basis', title: bilingual(h), from, to });
  }
  for (const h of before.hazards) if (!now.has(h.rule)) changes.push({ rule: h.rule, change: 'removed', title: bilingual(h), from: view(h) });
  return changes;
}

/**
 * Classify each inspection under the old packs (`from`) and the new ones (`to`) — the pack
 * is picked by the inspection's `pack` id — and report what changes, per hazard. An
 * inspection is classified even when the findings check reports errors under a version
 * (stored findings may answer facts a version does not know); the errors are listed with
 * it. Pure: packs in, report out; the portal can run it over its store, the CLI over files.
 *
 * @example
 * ```ts
 * const report = replayInspections([oldGas], [newGas], [{ name: 'a.yaml', inspection }]);
 * report.summary.level_up; // hazards that became more severe
 * ```
 */
export function replayInspections(from: readonly Pack[], to: readonly Pack[], inspections: readonly ReplayInput[]): ReplayReport {
  const compile = (packs: readonly Pack[]) => new Map<string, PackEvaluator>(packs.map((p) => [p.id, compilePack(p)]));
  const before = compile(from);
  const after = compile(to);
  const summary: ReplayReport['summary'] = { inspections: 0, changed: 0, added: 0, removed: 0, level_up: 0, level_down: 0, provisional: 0, basis: 0 };
  const entries = inspections.map(({ name, inspection }): ReplayEntry => {
    const id = typeof inspection?.pack === 'string' ? (inspection.pack.split('@')[0] ?? '') : '';
    const run = (evaluators: Map<string, PackEvaluator>, side: 'from' | 'to') => {
      const evaluator = evaluators.get(id);
      if (!evaluator) {
        const issue: Issue = {
          code: 'PACK_NOT_FOUND',
          severity: 'error',
          pointer: '/pack',
          message: { 'zh-CN': `${side === 'from' ? '旧' : '新'}版本中没有检查表 ${JSON.stringify(id)}`, en: `the ${side === 'from' ? 'old' : 'new'} version has no pack ${JSON.stringify(id)}` },
        };
        return { classification: undefined, issues: [issue] };
      }
      const versioned = { ...inspection, pack: id };
      return { classification: evaluator.evaluate(versioned), issues: evaluator.check(versioned).filter((i) => i.severity === 'error') };
    };
    const a = run(before, 'from');
    const b = run(after, 'to');
    const changes = a.classification && b.classification ? diffClassifications(a.classification, b.classification) : [];
    summary.inspections += 1;
    if (changes.length > 0) summary.changed += 1;
    for (const c of changes) summary[c.change] += 1;
    const highest: ReplayEntry['highest'] = {};
    if (a.classification) highest.from = a.classification.summary.highest;
    if (b.classification) highest.to = b.classification.summary.highest;
    return { name, pack: id, highest, changes, issues: { from: a.issues, to: b.issues } };
  });
  return { from: from.map((p) => ({ id: p.id, version: p.version })), to: to.map((p) => ({ id: p.id, version: p.version })), entries, summary };
}

const LEVEL_WORDS: Record<HazardLevel, string> = { simple: '简易 simple', general: '一般 general', major: '重大 major' };
const CHANGE_WORDS: Record<ReplayChange['change'], string> = {
  added: '新增 new',
  removed: '不再判定 gone',
  level_up: '等级升高 level up',
  level_down: '等级降低 level down',
  provisional: '疑似标记 provisional',
  basis: '依据 citations',
};

const level = (l: HazardLevel | null | undefined) => (l === undefined ? '—' : l === null ? '无 none' : LEVEL_WORDS[l]);
const flag = (h: ReplayHazard) => `${LEVEL_WORDS[h.level]}${h.provisional ? ' 疑似/provisional' : ''}`;

/**
 * A replay report as Markdown, in both languages: a summary table, then per inspection the
 * highest level before and after and each change (`DEMO-001-H1 等级升高 level up: 一般
 * general → 重大 major`), citations as `old → new`. Deterministic (for diffs and docs).
 */
export function renderReplayMarkdown(report: ReplayReport): string {
  const packs = (list: ReplayReport['from']) => list.map((p) => `${p.id}@${p.version}`).join(', ');
  const s = report.summary;
  const out = [
    `# 回放 / Replay`,
    '',
    `- 旧版本 / from: ${packs(report.from)}`,
    `- 新版本 / to: ${packs(report.to)}`,
    `- 检查记录 / inspections: ${s.inspections}, 有变化 / changed: ${s.changed}`,
    '',
    '| 变化 / change | 数量 / count |',
    '|---|---|',
    ...(Object.keys(CHANGE_WORDS) as ReplayChange['change'][]).map((k) => `| ${CHANGE_WORDS[k]} | ${s[k]} |`),
    '',
  ];
  for (const e of report.entries) {
    out.push(`## ${e.name} (${e.pack})`, '', `最高等级 / highest: ${level(e.highest.from)} → ${level(e.highest.to)}`, '');
    for (const [side, issues] of [
      ['旧版本 / from', e.issues.from],
      ['新版本 / to', e.issues.to],
    ] as const) {
      if (issues.length > 0) out.push(`${side}: ${issues.length} 处检查错误 / check errors — ${issues.map((i) => `${i.code} ${i.pointer ?? ''}`.trim()).join('; ')}`, '');
    }
    if (e.changes.length === 0) {
      out.push('无变化 / no change', '');
      continue;
    }
    for (const c of e.changes) {
      const title = `${c.title['zh-CN']} / ${c.title.en}`;
      let detail: string;
      if (c.change === 'added') detail = `${flag(c.to!)} — ${c.to!.basis.join('; ') || '—'}`;
      else if (c.change === 'removed') detail = `${flag(c.from!)}`;
      else if (c.change === 'basis') detail = `${c.from!.basis.join('; ') || '—'} → ${c.to!.basis.join('; ') || '—'}`;
      else detail = `${flag(c.from!)} → ${flag(c.to!)}`;
      out.push(`- \`${c.rule}\` ${CHANGE_WORDS[c.change]}: ${detail}  `, `  ${title}`);
    }
    out.push('');
  }
  return out.join('\n');
}
