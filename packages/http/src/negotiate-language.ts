import type { ResponseLang } from './types.js';

/**
 * The response language from an `Accept-Language` header: `en` when an English tag is
 * preferred (highest q) over any Chinese one, `zh-CN` otherwise (the default).
 *
 * @example
 * ```ts
 * negotiateLanguage('en-US,en;q=0.9,zh;q=0.5'); // 'en'
 * negotiateLanguage(null); // 'zh-CN'
 * ```
 */
export function negotiateLanguage(header: string | null): ResponseLang {
  if (!header) return 'zh-CN';
  let best: { lang: ResponseLang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: ResponseLang | null = tag === 'en' || tag.startsWith('en-') ? 'en' : tag === 'zh' || tag.startsWith('zh-') ? 'zh-CN' : null;
    if (lang && (best === null || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh-CN';
}
