/**
 * The portal's UI strings (public/i18n.js) hold no dead keys and miss none: every key is
 * defined in both languages, every key is used by the portal's pages, and every key a page
 * asks for by name — `t('key')`, `data-t="key"` — exists in both languages. A key a page
 * builds (`t(\`nav_${p}\`)`) counts as used through its prefix, read from the pages
 * themselves, so removing the last such call makes the prefix's keys dead too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
/** The pages' code and markup: every file of public/ but the strings themselves. */
const sources = readdirSync(PUBLIC)
  .filter((f) => /\.(js|html)$/.test(f) && f !== 'i18n.js')
  .map((f) => ({ file: f, text: readFileSync(PUBLIC + f, 'utf8') }));
const code = sources.map((s) => s.text).join('\n');

type Strings = Record<'zh-CN' | 'en', Record<string, string>>;
let UI_STRINGS: Strings;
let t: (key: string) => string;
let language = 'zh-CN';
const saved = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');

beforeAll(async () => {
  // i18n.js reads the language from localStorage when `t` is called.
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: { getItem: () => language, setItem() {} } });
  ({ UI_STRINGS, t } = (await import(new URL('../public/i18n.js', import.meta.url).href)) as { UI_STRINGS: Strings; t: (key: string) => string });
});
afterAll(() => {
  if (saved) Object.defineProperty(globalThis, 'localStorage', saved);
  else delete (globalThis as { localStorage?: unknown }).localStorage;
});

/** Prefixes of keys the pages build at run time: `\`nav_${…}\``, `\`sms_${…}\``. */
const dynamicPrefixes = () => [...new Set([...code.matchAll(/`([A-Za-z][\w.]*_)\$\{/g)].map((m) => m[1] as string))];

/** A key a page names as a string literal, in quotes, backquotes or a data-t attribute. */
const named = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((q) => code.includes(q));

describe('portal UI strings (public/i18n.js)', () => {
  it('define the same keys in 中文 and English', () => {
    const zh = Object.keys(UI_STRINGS['zh-CN']).sort();
    const en = Object.keys(UI_STRINGS.en).sort();
    expect(
      zh.filter((k) => !en.includes(k)),
      'keys without English',
    ).toEqual([]);
    expect(
      en.filter((k) => !zh.includes(k)),
      'keys without 中文',
    ).toEqual([]);
  });

  it('are all used by the pages (no dead key)', () => {
    const prefixes = dynamicPrefixes();
    expect(prefixes).toContain('nav_');
    const dead = Object.keys(UI_STRINGS['zh-CN']).filter((k) => !named(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(dead).toEqual([]);
  });

  it('every key a page asks for by name exists in both languages', () => {
    const asked = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'\s*[,)]/g)) asked.add(m[1] as string);
      for (const m of text.matchAll(/data-t="([^"]+)"/g)) asked.add(m[1] as string);
    }
    expect(asked.size).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      language = lang;
      // Its own string, or a term of the terminology table (`t` answers the key itself for an unknown one).
      for (const key of asked) if (!Object.hasOwn(UI_STRINGS[lang], key) && t(key) === key) missing.push(`${lang}: ${key}`);
    }
    language = 'zh-CN';
    expect(missing).toEqual([]);
  });
});
