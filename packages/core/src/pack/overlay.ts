/**
 * Tighten-only local overlays: a city or department adds stricter rules on top of a national
 * pack without forking it. An overlay may add regulations, facts and items, raise levels,
 * tighten thresholds and shorten deadlines; it can never lower a level, remove an item or
 * loosen a threshold or deadline — such an overlay is refused with file, line and column.
 *
 * @module
 */
import { collectPackIssues } from '../classify/compile-pack.js';
import { createIssue, type Bilingual } from './create-issue.js';
import { didYouMean } from './did-you-mean.js';
import type { IssueCode } from './issue-codes.js';
import { parseYamlSafe } from './parse-yaml-safe.js';
import { deepFreeze } from './deep-freeze.js';
import type { Citation, Condition, DeadlinePolicy, Fact, HazardLevel, HazardRule, Issue, Item, LocalizedText, Pack, Regulation } from './types.js';

/** The overlay file format marker. */
export const OVERLAY_FORMAT = 'anjian/overlay@1';

/** A local overlay, as written in `overlay.yaml`. See docs/authoring-packs.en.md, "Local overlays". */
export interface Overlay {
  format: typeof OVERLAY_FORMAT;
  /** Overlay id, e.g. `example-city-gas`. */
  id: string;
  version: string;
  /** Id of the national pack it tightens. */
  extends: string;
  title: LocalizedText;
  issuer: LocalizedText;
  /** Local regulations, cited by the overlay's changes and items. */
  regulations?: Regulation[];
  /** New facts (asked by new items). */
  facts?: Fact[];
  /** New items, each added to a section of the pack. */
  items?: { section: string; item: Item }[];
  /** Stricter thresholds: the comparison of `fact` in `rule`'s condition gets `value`. */
  thresholds?: { rule: string; fact: string; value: unknown; basis?: Citation[]; title?: LocalizedText }[];
  /** Higher levels. */
  levels?: { rule: string; level: HazardLevel; basis?: Citation[]; title?: LocalizedText }[];
  /** Shorter deadlines. */
  deadlines?: { rule: string; deadline: DeadlinePolicy }[];
  /** Not allowed: listed only so that an attempt is refused with a clear message. */
  remove?: string[];
}

/** What {@link applyOverlay} returns. */
export type OverlayResult = { ok: true; pack: Pack; overlay: Overlay; issues: Issue[] } | { ok: false; issues: Issue[] };

const KEYS = ['format', 'id', 'version', 'extends', 'title', 'issuer', 'regulations', 'facts', 'items', 'thresholds', 'levels', 'deadlines', 'remove'];
const RANK: Record<HazardLevel, number> = { simple: 1, general: 2, major: 3 };
const LEVEL_ZH: Record<HazardLevel, string> = { simple: '简易隐患', general: '一般隐患', major: '重大隐患' };

type Locate = (pointer: string, options?: { key?: boolean }) => { line: number; column: number };

/**
 * Whether the comparison `operator` with value `next` holds for every value it holds for
 * with `old` (a superset); undefined when the operator's thresholds cannot be ordered.
 */
function widens(operator: string, old: unknown, next: unknown): boolean | undefined {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const range = (v: unknown) => (Array.isArray(v) && v.length === 2 && num(v[0]) !== undefined && num(v[1]) !== undefined ? (v as [number, number]) : undefined);
  switch (operator) {
    case 'greaterThan':
    case 'greaterThanInclusive':
      return num(old) === undefined || num(next) === undefined ? undefined : num(next)! <= num(old)!;
    case 'lessThan':
    case 'lessThanInclusive':
      return num(old) === undefined || num(next) === undefined ? undefined : num(next)! >= num(old)!;
    case 'between': {
      const [a, b] = [range(old), range(next)];
      return !a || !b ? undefined : b[0] <= a[0] && b[1] >= a[1];
    }
    case 'notBetween': {
      const [a, b] = [range(old), range(next)];
      return !a || !b ? undefined : b[0] >= a[0] && b[1] <= a[1];
    }
    default:
      return undefined;
  }
}

/**
 * Whether `next` tightens the rule: the hazard then holds in at least every case it held
 * before. Under a `not` the comparison must hold in fewer cases instead.
 */
function tightening(operator: string, negated: boolean, old: unknown, next: unknown): boolean | undefined {
  return negated ? widens(operator, next, old) : widens(operator, old, next);
}

/** The leaves of a condition comparing `fact`, with their path and whether a `not` is above them. */
function leavesOf(condition: Condition, fact: string, path: (string | number)[] = [], negated = false): { path: (string | number)[]; negated: boolean; leaf: { operator: string; value: unknown } }[] {
  const c = condition as unknown as Record<string, unknown>;
  if (Array.isArray(c.all)) return (c.all as Condition[]).flatMap((x, i) => leavesOf(x, fact, [...path, 'all', i], negated));
  if (Array.isArray(c.any)) return (c.any as Condition[]).flatMap((x, i) => leavesOf(x, fact, [...path, 'any', i], negated));
  if (Array.isArray(c.of)) return (c.of as Condition[]).flatMap((x, i) => leavesOf(x, fact, [...path, 'of', i], negated));
  if (c.not !== undefined) return leavesOf(c.not as Condition, fact, [...path, 'not'], !negated);
  if (c.fact === fact && typeof c.operator === 'string') return [{ path, negated, leaf: { operator: c.operator, value: c.value } }];
  return [];
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const segment of path) node = node[segment] as Record<string | number, unknown>;
  node.value = value;
}

const deadlineHours = (d: DeadlinePolicy): number => (d === 'immediate' ? 0 : 'hours' in d ? d.hours : 'days' in d ? d.days * 24 : (d.workingDays * 24 * 7) / 5);

/**
 * Parse an overlay file (YAML) and apply it to its national pack, checking that it only
 * tightens. Every problem is a located issue (`file`, line, column, pointer into the
 * overlay): a wrong `format` or `extends`, unknown keys, unknown rules, items, sections or
 * regulations (with "did you mean"), and `OVERLAY_LOOSENS` for a lower level, a removed item,
 * a looser threshold or a longer deadline. New items and rules are checked by the same
 * compiler as packs. The result is a frozen pack with the pack's id (inspections for the
 * national pack classify under it unchanged) and version `<pack version>+<overlay id>.<version>`.
 *
 * @example
 * ```ts
 * const result = applyOverlay(gasPack, readFileSync('overlay.yaml', 'utf8'), 'overlay.yaml');
 * if (!result.ok) for (const i of result.issues) console.log(`${i.file}:${i.line}:${i.column} ${i.message.en}`);
 * ```
 */
export function applyOverlay(pack: Pack, text: string, file = 'overlay.yaml'): OverlayResult {
  const parsed = parseYamlSafe(text, { file });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const locate: Locate = parsed.locate;
  const issues: Issue[] = [];
  const report = (code: IssueCode, pointer: string, message: Bilingual, hint?: LocalizedText, key = false) =>
    issues.push(createIssue(code, { file, ...locate(pointer, { key }), pointer }, message, hint ? { hint } : {}));
  const raw = parsed.value as Record<string, unknown>;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report('OVERLAY_INVALID', '', { 'zh-CN': '覆盖文件必须是对象（format、id、extends…）', en: 'an overlay must be a mapping (format, id, extends…)' });
    return { ok: false, issues };
  }
  for (const key of Object.keys(raw)) {
    if (KEYS.includes(key)) continue;
    const near = didYouMean(key, KEYS);
    report(
      'OVERLAY_INVALID',
      `/${key}`,
      { 'zh-CN': `覆盖文件中没有“${key}”这一项${near ? `（是不是“${near}”？）` : ''}`, en: `an overlay has no key "${key}"${near ? ` (did you mean "${near}"?)` : ''}` },
      undefined,
      true,
    );
  }
  if (raw.format !== OVERLAY_FORMAT) report('OVERLAY_INVALID', '/format', { 'zh-CN': `format 应为 ${OVERLAY_FORMAT}`, en: `format must be ${OVERLAY_FORMAT}` });
  for (const key of ['id', 'version', 'extends'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '') report('OVERLAY_INVALID', `/${key}`, { 'zh-CN': `缺少 ${key}（文本）`, en: `${key} is missing (text)` });
  }
  for (const key of ['title', 'issuer'] as const) {
    const t = raw[key] as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object' || typeof t['zh-CN'] !== 'string') report('OVERLAY_INVALID', `/${key}`, { 'zh-CN': `缺少 ${key}（含 zh-CN 的文本）`, en: `${key} is missing (text with zh-CN)` });
  }
  if (typeof raw.extends === 'string' && raw.extends !== pack.id) {
    report('OVERLAY_BASE_MISMATCH', '/extends', { 'zh-CN': `覆盖文件针对检查表“${raw.extends}”，而不是“${pack.id}”`, en: `the overlay extends pack "${raw.extends}", not "${pack.id}"` });
  }
  if (issues.length > 0) return { ok: false, issues };
  const overlay = raw as unknown as Overlay;
  const next = structuredClone(pack) as Pack;
  const rules = new Map<string, HazardRule>();
  for (const s of next.sections) for (const i of s.items) for (const r of i.hazards) rules.set(r.id, r);
  const items = new Map(next.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const regulationIds = () => next.regulations.map((r) => r.id);
  const list = <T>(key: keyof Overlay): T[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      report('OVERLAY_INVALID', `/${key}`, { 'zh-CN': `${key} 应为列表`, en: `${key} must be a list` });
      return [];
    }
    return v as T[];
  };
  const findRule = (id: unknown, pointer: string): HazardRule | undefined => {
    const rule = typeof id === 'string' ? rules.get(id) : undefined;
    if (!rule) {
      const near = typeof id === 'string' ? didYouMean(id, rules.keys()) : undefined;
      report('UNKNOWN_RULE', pointer, {
        'zh-CN': `检查表“${pack.id}”中没有隐患规则 ${JSON.stringify(id)}${near ? `（是不是“${near}”？）` : ''}`,
        en: `pack "${pack.id}" has no hazard rule ${JSON.stringify(id)}${near ? ` (did you mean "${near}"?)` : ''}`,
      });
    }
    return rule;
  };
  const addBasis = (rule: HazardRule, basis: unknown, pointer: string) => {
    if (basis === undefined) return;
    if (!Array.isArray(basis)) return report('OVERLAY_INVALID', pointer, { 'zh-CN': 'basis 应为引用列表', en: 'basis must be a list of citations' });
    (basis as Citation[]).forEach((c, k) => {
      if (!c || typeof c.regulation !== 'string' || typeof c.clause !== 'string') {
        report('OVERLAY_INVALID', `${pointer}/${k}`, { 'zh-CN': '引用须有 regulation 和 clause', en: 'a citation needs regulation and clause' });
      } else if (!regulationIds().includes(c.regulation)) {
        const near = didYouMean(c.regulation, regulationIds());
        report('UNKNOWN_REGULATION', `${pointer}/${k}/regulation`, {
          'zh-CN': `法规“${c.regulation}”既不在检查表中，也不在覆盖文件的 regulations 中${near ? `（是不是“${near}”？）` : ''}`,
          en: `the regulation "${c.regulation}" is declared neither in the pack nor under the overlay's regulations${near ? ` (did you mean "${near}"?)` : ''}`,
        });
      } else rule.basis.push(c);
    });
  };

  // additions first: regulations and facts the changes and items may use
  list<Regulation>('regulations').forEach((r, i) => {
    if (next.regulations.some((x) => x.id === r?.id))
      report('DUPLICATE_ID', `/regulations/${i}/id`, { 'zh-CN': `法规编号“${r.id}”已在检查表中使用`, en: `the regulation id "${r.id}" is already used by the pack` });
    else next.regulations.push(r);
  });
  list<Fact>('facts').forEach((f, i) => {
    if (next.facts.some((x) => x.id === f?.id))
      report('DUPLICATE_ID', `/facts/${i}/id`, {
        'zh-CN': `事实编号“${f.id}”已在检查表中使用：覆盖文件不能改写国家检查表的事实`,
        en: `the fact id "${f.id}" is already used by the pack: an overlay cannot redefine a national fact`,
      });
    else next.facts.push(f);
  });
  list<string>('remove').forEach((id, i) => {
    report(
      'OVERLAY_LOOSENS',
      `/remove/${i}`,
      {
        'zh-CN': `覆盖文件不能删除国家检查表的${items.has(id) ? '检查项' : rules.has(id) ? '隐患规则' : '内容'} ${JSON.stringify(id)}：地方规则只能更严`,
        en: `an overlay cannot remove the national ${items.has(id) ? 'item' : rules.has(id) ? 'rule' : 'entry'} ${JSON.stringify(id)}: local rules may only be stricter`,
      },
      { 'zh-CN': '删除 remove；如需放宽，须修改国家检查表本身并经发布审核。', en: 'Delete remove; relaxing a national rule means changing the national pack, through its review.' },
    );
  });
  list<{ rule: string; level: HazardLevel; basis?: Citation[]; title?: LocalizedText }>('levels').forEach((entry, i) => {
    const at = `/levels/${i}`;
    const rule = findRule(entry?.rule, `${at}/rule`);
    if (!rule) return;
    if (!(entry.level in RANK)) return report('OVERLAY_INVALID', `${at}/level`, { 'zh-CN': 'level 应为 simple、general 或 major', en: 'level must be simple, general or major' });
    if (RANK[entry.level] < RANK[rule.level]) {
      return report('OVERLAY_LOOSENS', `${at}/level`, {
        'zh-CN': `不能把 ${rule.id} 从国家规定的${LEVEL_ZH[rule.level]}降为${LEVEL_ZH[entry.level]}：地方规则只能更严`,
        en: `cannot lower ${rule.id} from the national ${rule.level} to ${entry.level}: local rules may only be stricter`,
      });
    }
    rule.level = entry.level;
    addBasis(rule, entry.basis, `${at}/basis`);
    retitle(rule, entry.title, `${at}/title`);
  });
  const retitle = (rule: HazardRule, title: unknown, pointer: string) => {
    if (title === undefined) return;
    const t = title as LocalizedText;
    if (typeof t !== 'object' || t === null || typeof t['zh-CN'] !== 'string') return report('OVERLAY_INVALID', pointer, { 'zh-CN': 'title 应为含 zh-CN 的文本', en: 'title must be text with zh-CN' });
    rule.title = t;
  };
  list<{ rule: string; fact: string; value: unknown; basis?: Citation[]; title?: LocalizedText }>('thresholds').forEach((entry, i) => {
    const at = `/thresholds/${i}`;
    const rule = findRule(entry?.rule, `${at}/rule`);
    if (!rule) return;
    const found = leavesOf(rule.when, entry.fact);
    if (found.length !== 1) {
      return report('OVERLAY_INVALID', `${at}/fact`, {
        'zh-CN': `${rule.id} 的条件中${found.length === 0 ? '没有' : '有多个'}对事实“${entry.fact}”的比较`,
        en: `the condition of ${rule.id} has ${found.length === 0 ? 'no' : 'several'} comparisons of the fact "${entry.fact}"`,
      });
    }
    const { path, negated, leaf } = found[0]!;
    const tighter = tightening(leaf.operator, negated, leaf.value, entry.value);
    if (tighter === undefined) {
      return report('OVERLAY_INVALID', `${at}/value`, {
        'zh-CN': `无法比较阈值：${rule.id} 用 ${leaf.operator} 比较“${entry.fact}”，只能调整 greaterThan、lessThan（含 Inclusive）、between、notBetween 的数值`,
        en: `cannot compare thresholds: ${rule.id} compares "${entry.fact}" with ${leaf.operator}; only the numbers of greaterThan, lessThan (and Inclusive), between and notBetween can be tightened`,
      });
    }
    if (!tighter) {
      return report('OVERLAY_LOOSENS', `${at}/value`, {
        'zh-CN': `${JSON.stringify(entry.value)} 放宽了 ${rule.id} 的国家阈值 ${JSON.stringify(leaf.value)}（${leaf.operator}）：隐患会在更少的情形下成立，地方规则只能更严`,
        en: `${JSON.stringify(entry.value)} loosens the national threshold ${JSON.stringify(leaf.value)} of ${rule.id} (${leaf.operator}): the hazard would hold in fewer cases; local rules may only be stricter`,
      });
    }
    setAt(rule.when as unknown as Record<string, unknown>, path, entry.value);
    addBasis(rule, entry.basis, `${at}/basis`);
    retitle(rule, entry.title, `${at}/title`);
  });
  list<{ rule: string; deadline: DeadlinePolicy }>('deadlines').forEach((entry, i) => {
    const at = `/deadlines/${i}`;
    const rule = findRule(entry?.rule, `${at}/rule`);
    if (!rule) return;
    const national = rule.deadline ?? next.deadlines?.[rule.level];
    if (national !== undefined && deadlineHours(entry.deadline) > deadlineHours(national)) {
      return report('OVERLAY_LOOSENS', `${at}/deadline`, {
        'zh-CN': `${rule.id} 的整改期限 ${JSON.stringify(entry.deadline)} 长于国家规定的 ${JSON.stringify(national)}：地方规则只能更严`,
        en: `the deadline ${JSON.stringify(entry.deadline)} of ${rule.id} is longer than the national ${JSON.stringify(national)}: local rules may only be stricter`,
      });
    }
    rule.deadline = entry.deadline;
  });
  const addedItems: { pointer: string; section: number; index: number }[] = [];
  list<{ section: string; item: Item }>('items').forEach((entry, i) => {
    const at = `/items/${i}`;
    const s = next.sections.findIndex((x) => x.id === entry?.section);
    if (s < 0) {
      const near =
        typeof entry?.section === 'string'
          ? didYouMean(
              entry.section,
              next.sections.map((x) => x.id),
            )
          : undefined;
      return report('OVERLAY_INVALID', `${at}/section`, {
        'zh-CN': `检查表没有章节 ${JSON.stringify(entry?.section)}${near ? `（是不是“${near}”？）` : ''}`,
        en: `the pack has no section ${JSON.stringify(entry?.section)}${near ? ` (did you mean "${near}"?)` : ''}`,
      });
    }
    const item = entry.item;
    if (!item || typeof item.id !== 'string' || !Array.isArray(item.hazards) || !Array.isArray(item.asks)) {
      return report('OVERLAY_INVALID', `${at}/item`, { 'zh-CN': '新增检查项须有 id、title、asks、hazards', en: 'a new item needs id, title, asks and hazards' });
    }
    if (items.has(item.id))
      return report('DUPLICATE_ID', `${at}/item/id`, {
        'zh-CN': `检查项编号“${item.id}”已在检查表中使用：覆盖文件不能改写国家检查项`,
        en: `the item id "${item.id}" is already used by the pack: an overlay cannot redefine a national item`,
      });
    const clash = item.hazards.find((h) => rules.has(h.id));
    if (clash)
      return report('DUPLICATE_ID', `${at}/item/hazards/${item.hazards.indexOf(clash)}/id`, {
        'zh-CN': `隐患规则编号“${clash.id}”已在检查表中使用`,
        en: `the rule id "${clash.id}" is already used by the pack`,
      });
    const section = next.sections[s]!;
    addedItems.push({ pointer: `${at}/item`, section: s, index: section.items.length });
    section.items.push(item);
  });
  if (issues.length > 0) return { ok: false, issues };

  // the merged pack must compile like any pack: new items, rules and thresholds are checked
  for (const problem of collectPackIssues(next)) {
    const added = addedItems.find((a) => problem.pointer.startsWith(`/sections/${a.section}/items/${a.index}`));
    const pointer = added ? added.pointer + problem.pointer.slice(`/sections/${added.section}/items/${added.index}`.length) : '';
    issues.push({ ...createIssue('INVALID_PACK', { file, ...locate(pointer), pointer }, problem.message as Bilingual), code: problem.code });
  }
  if (issues.length > 0) return { ok: false, issues };
  next.version = `${pack.version}+${overlay.id}.${overlay.version}`;
  next.title = {
    'zh-CN': `${pack.title['zh-CN']}（${overlay.title['zh-CN']}）`,
    en: `${pack.title.en ?? pack.title['zh-CN']} (${overlay.title.en ?? overlay.title['zh-CN']})`,
  };
  return { ok: true, pack: deepFreeze(next), overlay, issues: [] };
}
