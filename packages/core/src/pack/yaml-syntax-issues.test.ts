import { describe, expect, it } from 'vitest';
import { parseYamlSafe } from './parse-yaml-safe.js';

// Issue 22, pack authors 4: YAML syntax errors in 中文 and English, one per cause, each with
// the hint for that cause (the texts a pack author sees, held exactly).
function issuesOf(text: string) {
  const parsed = parseYamlSafe(text, { file: 'pack.yaml' });
  if (parsed.ok) throw new Error('expected a syntax error');
  return parsed.issues.map((i) => ({ code: i.code, at: `${i.line}:${i.column}`, zh: i.message['zh-CN'], en: i.message.en, hintZh: i.hint?.['zh-CN'], hintEn: i.hint?.en }));
}

describe('YAML syntax errors: one issue per cause, with its hint', () => {
  it('an unquoted value with ": " (the BLOCK_AS_IMPLICIT_KEY of the field report)', () => {
    expect(issuesOf('id: dust\nexample: enforcement: yes\n')).toEqual([
      {
        code: 'YAML_SYNTAX',
        at: '2:10',
        zh: '第 2 行第 10 列：这一行的值含有“: ”（冒号加空格），YAML 把它读成了又一个键。',
        en: 'line 2, column 10: the value on this line contains ": " (a colon and a space), which YAML reads as another key.',
        hintZh: `这行文字含 ': '，请加引号：example: "enforcement: yes"`,
        hintEn: `This text contains ': ', so quote it: example: "enforcement: yes"`,
      },
    ]);
    expect(issuesOf('items:\n  - title: 注意: 这里\n')[0]!.hintZh).toBe(`这行文字含 ': '，请加引号：- title: "注意: 这里"`);
  });

  it('one tab gives one issue (the parser reports five), saying the rest may follow from it', () => {
    expect(issuesOf('premises:\n\t- id: r\n    label: x\n  - id: c\n')).toEqual([
      {
        code: 'YAML_SYNTAX',
        at: '2:1',
        zh: '第 2 行第 1 列：这一行用制表符（Tab）缩进；YAML 只能用空格缩进。（其后另有 4 处语法报错，多由此引起，改正后重新检查）',
        en: 'line 2, column 1: this line is indented with a tab; YAML indents with spaces only. (4 more syntax errors follow, mostly caused by this one; fix it and check again)',
        hintZh: '把第 2 行开头的 Tab 换成空格，与同级的行对齐（每级通常 2 个空格）；可把编辑器设为“用空格代替 Tab”。',
        hintEn: 'Replace the tab at the start of line 2 with spaces, aligned with the lines of the same level (usually 2 spaces per level); set the editor to insert spaces for tabs.',
      },
    ]);
  });

  it('bad indentation names the line, its indent and the levels above', () => {
    expect(issuesOf('a:\n  b: 1\n c: 2\n')[0]).toMatchObject({
      at: '3:2',
      zh: '第 3 行第 2 列：这一行缩进 1 格，与前面任何一级都不对齐（前面的层级是 0、2 格）。',
      en: 'line 3, column 2: this line is indented 1 space, which matches no level above it (the levels above are 0, 2 spaces).',
    });
    expect(issuesOf('a:\n  b: 1\n   c: 2\n')[0]).toMatchObject({
      at: '3:4',
      zh: '第 3 行第 4 列：这一行缩进 3 格，比上一行（2 格）深；但上一行已写了值，下面不能再缩进出一级。（其后另有 1 处语法报错，多由此引起，改正后重新检查）',
      hintZh: '与上一行对齐（2 格）；若是上一行文字的续行，把整段文字放在一行内并加引号。',
    });
  });

  it('duplicate keys, each with the line of the first one', () => {
    expect(issuesOf('a: 1\nb: 2\na: 3\n')).toEqual([
      {
        code: 'YAML_DUPLICATE_KEY',
        at: '3:1',
        zh: '第 3 行第 1 列：键“a”在同一层出现了两次（第 1 行已有）。',
        en: 'line 3, column 1: the key "a" appears twice at the same level (already on line 1).',
        hintZh: '删去重复的一项，或把两处内容合并；若本应是两个不同的项，请改用不同的键名。',
        hintEn: 'Delete one of the two, or merge them; if they are meant to be different entries, give them different keys.',
      },
    ]);
    expect(issuesOf('w: { fact: a, operator: equal, fact: b }\n')[0]!.zh).toBe('第 1 行第 32 列：键“fact”在同一层出现了两次（同一行前面已有）。');
  });

  it('unclosed quotes and brackets, a reserved first character, a missing space after the colon', () => {
    expect(issuesOf('a: "abc\nb: 2\n')[0]).toMatchObject({ at: '1:4', zh: '第 1 行第 4 列：这里开始的引号（"）没有结束。', hintZh: '在文字末尾补上 "，或去掉开头的 "。' });
    expect(issuesOf('domain: [gas\ntitle: x\n')[0]).toMatchObject({
      at: '2:1',
      zh: '第 2 行第 1 列：方括号 [ 没有闭合，或其中少了逗号（从第 1 行开始）。',
      hintEn: 'Close it with ] at the end of the entry; separate entries with commas; quote text that contains a comma or a colon.',
    });
    expect(issuesOf('a: @foo\n')[0]).toMatchObject({ zh: '第 1 行第 4 列：不加引号的值不能以“@”开头（YAML 保留了这个字符）。', hintZh: '给值加引号："@foo"' });
    expect(issuesOf('a:1\nb: 2\n')[0]).toMatchObject({ zh: '第 1 行第 2 列：“a:”后面缺一个空格，这一行没有被读成“键: 值”。', hintEn: 'Add a space after the colon: a: 1' });
  });
});
