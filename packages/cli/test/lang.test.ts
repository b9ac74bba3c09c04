import { describe, expect, it } from 'vitest';
import { stripControl } from '../src/format/strip-control.js';
import { textWidth } from '../src/format/text-width.js';
import { bilingual, knownLang, localize, resolveLang, say } from '../src/lang.js';

describe('resolveLang', () => {
  it.each([
    [undefined, {}, 'en'],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    [undefined, { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB' }, 'en'],
    [undefined, { LANG: 'en_US', LC_ALL: 'zh_CN' }, 'zh-CN'],
    ['en', { LC_ALL: 'zh_CN' }, 'en'],
    ['zh-CN', {}, 'zh-CN'],
  ] as const)('--lang %s with %j → %s', (flag, env, expected) => {
    expect(resolveLang(flag, env)).toBe(expected);
  });
});

describe('knownLang', () => {
  it.each([
    [undefined, {}, undefined],
    [undefined, { LANG: 'C.UTF-8' }, undefined],
    [undefined, { LANG: 'C' }, undefined],
    [undefined, { LC_ALL: 'POSIX' }, undefined],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    [undefined, { LANG: 'fr_FR.UTF-8' }, 'en'],
    ['fr', {}, undefined],
    ['en', { LC_ALL: 'zh_CN' }, 'en'],
    // what people type for the two languages
    ['zh', { LANG: 'en_US.UTF-8' }, 'zh-CN'],
    ['zh_CN', {}, 'zh-CN'],
    ['ZH-cn', {}, 'zh-CN'],
    ['zh-Hans', {}, 'zh-CN'],
    ['en-US', { LANG: 'zh_CN.UTF-8' }, 'en'],
    ['en_GB', {}, 'en'],
    ['zhx', {}, undefined],
  ] as const)('--lang %s with %j → %s', (flag, env, expected) => {
    expect(knownLang(flag, env)).toBe(expected);
  });
  it('say gives one language when known, both when not', () => {
    expect(say({ 'zh-CN': '甲', en: 'A' }, 'en')).toBe('A');
    expect(say({ 'zh-CN': '甲', en: 'A' }, 'zh-CN')).toBe('甲');
    expect(say({ 'zh-CN': '甲', en: 'A' }, undefined)).toBe('甲 / A');
  });
});

describe('text helpers', () => {
  it('localize falls back to the other language', () => {
    expect(localize({ 'zh-CN': '中文' }, 'en')).toBe('中文');
    expect(localize({ 'zh-CN': '中文', en: 'English' }, 'en')).toBe('English');
    expect(localize(undefined, 'zh-CN')).toBe('');
    expect(bilingual({ 'zh-CN': '甲', en: 'A' })).toBe('甲 / A');
  });
  it('textWidth counts CJK and full-width characters as two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('报警器')).toBe(6);
    expect(textWidth('（）')).toBe(4);
    expect(textWidth('a报b')).toBe(4);
  });
  it('stripControl neutralises escape sequences and line separators', () => {
    expect(stripControl('a\u001b[2Jb\u0007c\u2028d\te')).toBe('a?[2Jb?c?d e');
    expect(stripControl('x\ny', true)).toBe('x\ny');
    expect(stripControl('x\ny')).toBe('x?y');
  });
});
