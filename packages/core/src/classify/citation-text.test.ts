import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { citationText } from './citation-text.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('citationText', () => {
  it('leaves out a number that is the short name of the title, in both languages; keeps a standard’s code', () => {
    const law = { title: { 'zh-CN': '中华人民共和国消防法', en: "Fire Protection Law of the People's Republic of China" }, number: '消防法', clause: '第二十八条' };
    expect(citationText(law)).toBe('中华人民共和国消防法 第二十八条');
    expect(citationText(law, 'en')).toBe("Fire Protection Law of the People's Republic of China 第二十八条");
    expect(citationText({ title: { 'zh-CN': '城镇燃气设计规范', en: 'Code for design of city gas engineering' }, number: 'GB 50028-2006', clause: '10.8.3' })).toBe(
      '城镇燃气设计规范 GB 50028-2006 10.8.3',
    );
    expect(citationText({ title: '自编', number: '', clause: '' })).toBe('自编');
  });

  it('no pack’s regulation repeats its title in a citation', () => {
    for (const dir of readdirSync(join(root, 'checklists'))) {
      const file = join(root, 'checklists', dir, 'pack.yaml');
      if (!existsSync(file)) continue;
      const pack = parse(readFileSync(file, 'utf8')) as { regulations?: Array<{ title: { 'zh-CN': string; en: string }; number: string }> };
      for (const r of pack.regulations ?? []) {
        // The regulation's number (a code or a short name) is read once: 消防法 not again after 中华人民共和国消防法.
        const text = citationText({ ...r, clause: '第一条' });
        expect(text.split(r.number).length - 1, `${dir}: ${text}`).toBe(1);
      }
    }
  });
});
