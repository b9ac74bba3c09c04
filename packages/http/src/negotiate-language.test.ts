import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './negotiate-language.js';

describe('negotiateLanguage', () => {
  it.each([
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.4,zh-TW;q=0.6', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR,de', 'zh-CN'],
    ['en;q=0,zh;q=0.1', 'zh-CN'],
    ['EN-gb', 'en'],
    ['english', 'zh-CN'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
