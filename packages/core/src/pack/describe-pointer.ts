/** Split a schema title `English / 中文` into its two languages. @internal */
export function splitTitle(title: unknown): { zh: string; en: string } | undefined {
  if (typeof title !== 'string') return undefined;
  const [en, zh] = title.split(' / ');
  return { en: en ?? title, zh: zh ?? en ?? title };
}

type EntryNames = Readonly<Record<string, { zh: string; en: string; by: string }>>;

/** What an entry of a list under this key is called in a pack file, and which of its properties names it. */
export const PACK_ENTRY_NAMES: EntryNames = {
  premises: { zh: '场所类型', en: 'premises kind', by: 'id' },
  regulations: { zh: '法规', en: 'regulation', by: 'id' },
  facts: { zh: '事实', en: 'fact', by: 'id' },
  options: { zh: '选项', en: 'option', by: 'value' },
  sections: { zh: '章节', en: 'section', by: 'id' },
  items: { zh: '检查项', en: 'item', by: 'id' },
  hazards: { zh: '隐患规则', en: 'hazard rule', by: 'id' },
  composites: { zh: '综合判定', en: 'composite', by: 'id' },
};

/**
 * Name a place in a pack file the way its author wrote it: by the ids of the entries on the
 * way (`隐患规则“GAS-003-H1”，basis 第 1 项` / `hazard rule "GAS-003-H1", basis entry 1`),
 * never by 0-based positions. An entry without its id yet is counted from 1
 * (`第 2 个事实` / `fact 2`); an option is named with its fact. The pointer's remaining
 * properties follow the deepest named entry. `names` says how a file names its entries
 * (a pack's by default; a scenario file's are its scenarios, by name).
 *
 * @internal
 */
export function describeLocation(root: unknown, pointer: string, names: EntryNames = PACK_ENTRY_NAMES): { zh: string; en: string } {
  if (pointer === '') return { zh: '顶层', en: 'top level' };
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  let named: { zh: string; en: string } | undefined;
  let rest: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const index = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : undefined;
    const entry = index !== undefined ? names[segments[i - 1] ?? ''] : undefined;
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    if (entry && index !== undefined) {
      const id = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[entry.by] : undefined;
      const self = typeof id === 'string' || typeof id === 'number' ? { zh: `${entry.zh}“${id}”`, en: `${entry.en} "${id}"` } : { zh: `第 ${index + 1} 个${entry.zh}`, en: `${entry.en} ${index + 1}` };
      named = entry.by === 'value' && named ? { zh: `${named.zh}的${self.zh}`, en: `${named.en}, ${self.en}` } : self;
      rest = [];
    } else if (index !== undefined) {
      rest.push(`#${index + 1}`);
    } else {
      rest.push(segment);
    }
  }
  const tail = (lang: 'zh' | 'en') =>
    rest
      .map((p, i) => {
        if (!p.startsWith('#')) return i === 0 ? p : rest[i - 1]!.startsWith('#') ? (lang === 'zh' ? `，${p}` : `, ${p}`) : `.${p}`;
        const n = p.slice(1);
        return `${i === 0 ? '' : ' '}${lang === 'zh' ? `第 ${n} 项` : `entry ${n}`}`;
      })
      .join('');
  if (!named) return { zh: tail('zh'), en: tail('en') };
  if (rest.length === 0) return named;
  return { zh: `${named.zh}，${tail('zh')}`, en: `${named.en}, ${tail('en')}` };
}
