import type { LocalizedText } from '../pack/types.js';

/** What {@link citationText} reads of a citation: the regulation's title and number, and the clause. */
export interface CitationParts {
  title?: LocalizedText | string;
  /** The regulation's number: a standard's code (GB 15603-2022), a document number, or a law's short name (消防法). */
  number?: string;
  clause?: string;
}

const textOf = (v: LocalizedText | string | undefined, locale: 'zh-CN' | 'en'): string => (v === undefined ? '' : typeof v === 'string' ? v : (v[locale] ?? v['zh-CN'] ?? v.en ?? ''));

/**
 * A citation as a reader sees it — title, number, clause — in `locale`: the one formatter
 * for a basis (the portal's hazard and inspection pages). A number that is only the short
 * name the Chinese title already holds (消防法 in 中华人民共和国消防法, 安全生产法) is left out,
 * in both languages: 「中华人民共和国消防法 第二十八条」, not 「中华人民共和国消防法 消防法 第二十八条」.
 * A standard's code or a document number is kept (「GB 15603-2022」).
 */
export function citationText(c: CitationParts, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const title = textOf(c.title, locale);
  const zhTitle = textOf(c.title, 'zh-CN');
  const number = c.number?.trim() ?? '';
  const shortName = number !== '' && zhTitle.includes(number);
  return [title, shortName ? '' : number, c.clause?.trim() ?? ''].filter((part) => part !== '').join(' ');
}
