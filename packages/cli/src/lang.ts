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
  return knownLang(flag, env) ?? 'en';
}

/**
 * The language the user asked for, if they said: `--lang` when it names one ({@link langOfFlag}), else
 * the locale of the environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) when it names a
 * language — `zh…` gives `zh-CN`, another language `en`. No locale, or the language-less `C`
 * and `POSIX` (what CI runners and containers often have), is `undefined`: messages are then
 * shown in both languages (`bilingual`).
 *
 * @example
 * ```ts
 * knownLang(undefined, { LANG: 'C.UTF-8' }); // undefined
 * knownLang(undefined, { LANG: 'en_US.UTF-8' }); // 'en'
 * ```
 */
export function knownLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const named = langOfFlag(flag);
  if (named !== undefined) return named;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^zh/i.test(locale)) return 'zh-CN';
  if (locale === '' || /^(C|POSIX)([._@]|$)/i.test(locale)) return undefined;
  return 'en';
}

/**
 * The language a `--lang` value names: `zh-CN` and `en`, and what people type for them —
 * `zh`, `zh_CN`, `zh-Hans`, `en-US`, `en_GB` (any case); `undefined` for anything else.
 *
 * @example
 * ```ts
 * langOfFlag('zh'); // 'zh-CN'
 * ```
 */
export function langOfFlag(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (/^zh(?:[-_](?:cn|hans))?$/i.test(value)) return 'zh-CN';
  if (/^en(?:[-_][a-z]{2})?$/i.test(value)) return 'en';
  return undefined;
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

/** A message in the user's language (`knownLang`), or in both when the language is not known. */
export function say(text: LocalizedText & { en: string }, lang: Lang | undefined): string {
  return lang === undefined ? bilingual(text) : localize(text, lang);
}
