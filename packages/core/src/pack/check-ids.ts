import type { Located } from './merge-pack-files.js';
import type { SemanticContext } from './semantic-context.js';
import { locatePointer } from './locate-pointer.js';

/**
 * Ids are unique across all files of a pack, per kind: premises, regulations, facts,
 * named conditions, sections, items, and hazard ids (rules and composites share one
 * namespace, since both are what a classification reports).
 *
 * @internal
 */
export function checkIds(ctx: SemanticContext): void {
  const { index } = ctx;
  const kinds: { zh: string; en: string; entries: { id: string; file: string; pointer: string; key?: boolean }[] }[] = [
    { zh: '场所类型', en: 'premises kind', entries: withId(index.premises) },
    { zh: '法规', en: 'regulation', entries: withId(index.regulations) },
    { zh: '事实', en: 'fact', entries: withId(index.facts) },
    { zh: '命名条件', en: 'named condition', entries: index.conditions.map((c) => ({ id: c.name, file: c.file, pointer: c.pointer, key: true })) },
    { zh: '分组', en: 'section', entries: withId(index.sections) },
    { zh: '检查项', en: 'item', entries: withId(index.items) },
    { zh: '隐患规则或综合判定', en: 'hazard rule or composite', entries: [...withId(index.rules), ...withId(index.composites)] },
  ];
  for (const kind of kinds) {
    const first = new Map<string, { file: string; pointer: string; key?: boolean }>();
    const allIds = new Set(kind.entries.map((e) => e.id));
    for (const e of kind.entries) {
      const seen = first.get(e.id);
      if (!seen) {
        first.set(e.id, e);
        continue;
      }
      const parsed = index.files.get(seen.file);
      const pos = parsed ? locatePointer(parsed.doc, parsed.lineCounter, seen.pointer, { key: seen.key ?? false }) : undefined;
      const where = `${seen.file}${pos ? `:${pos.line}:${pos.column}` : ''}`;
      ctx.report(
        'DUPLICATE_ID',
        { file: e.file, pointer: e.pointer, key: e.key ?? false },
        {
          'zh-CN': `${kind.zh}编号“${e.id}”重复，已在 ${where} 使用。`,
          en: `the ${kind.en} id "${e.id}" is used twice; it is already used at ${where}.`,
        },
        { hint: freeIdHint(e.id, allIds) },
      );
    }
  }
}

/** For an id ending in a number (`CS-002-H1`): the next number not in use, to write instead. */
function freeIdHint(id: string, used: ReadonlySet<string>): { 'zh-CN': string; en: string } | undefined {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (!m) return undefined;
  const [, prefix, digits] = m as unknown as [string, string, string];
  let n = Number(digits);
  let free: string;
  do free = `${prefix}${String(++n).padStart(digits.length, '0')}`;
  while (used.has(free));
  return {
    'zh-CN': `如果这是另一条，改用未用过的编号，例如 ${free}；如果同一条写了两遍，删去其中一条。`,
    en: `If this is another entry, give it an unused id, e.g. ${free}; if the same entry is written twice, delete one of them.`,
  };
}

function withId(list: Located<{ id: string }>[]): { id: string; file: string; pointer: string }[] {
  return list.map((l) => ({ id: String(l.value.id), file: l.file, pointer: l.pointer + '/id' }));
}
