import type { Lang, LocalizedText } from '@anjian/core';

/** The languages `--lang` accepts. */
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/**
 * The output language: `--lang` when given, else the locale of the environment
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): `zh…` gives `zh-CN`, anything else `en`.
 *
 * @example
 * ```ts
 * resolveLang(undefined, { LANG: 'zh_CN.UTF-8' }); // 'zh-CN'
 * ```
 */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag === 'zh-CN' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** Pick the text of one language, falling back to the other when it is missing. */
export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return (lang === 'en' ? (text.en ?? text['zh-CN']) : (text['zh-CN'] ?? text.en)) ?? '';
}

/** Both languages on one line, `中文 / English`, for messages shown before the language is known. */
export function bilingual(text: LocalizedText & { en: string }): string {
  return `${text['zh-CN']} / ${text.en}`;
}
