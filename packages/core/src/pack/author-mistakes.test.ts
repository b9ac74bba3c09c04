import { describe, expect, it } from 'vitest';
import { loadPack } from './index.js';
import { parseYamlSafe } from './parse-yaml-safe.js';

// The mistakes a department's safety engineer makes writing a pack by hand (a Chinese input
// method, Chinese words for English values, impossible dates, an empty file): each gets a
// located message and a hint that says what to write, in both languages.

const PACK = `format: anjian/pack@1
id: lpg-shop
version: 0.1.0
domain: gas
title: { zh-CN: 液化气供应站, en: LPG shop }
issuer: { zh-CN: 燃气办, en: Gas Office }
premises:
  - id: shop
    label: { zh-CN: 供应站, en: Shop }
regulations:
  - id: jcg
    title: { zh-CN: 判定标准, en: Criteria }
    number: 建城规〔2023〕4号
    edition: "2023"
    status: current
    confidence: verified
    determination: true
    effective: "2023-01-01"
facts:
  - id: cylinders
    type: count
    max: 500
    label: { zh-CN: 钢瓶数量, en: Cylinders }
  - id: last_check
    type: date
    label: { zh-CN: 上次检查日期, en: Last checked on }
sections:
  - id: storage
    title: { zh-CN: 存放, en: Storage }
    items:
      - id: LPG-001
        title: { zh-CN: 数量, en: Number }
        asks: [cylinders, last_check]
        hazards:
          - id: LPG-001-H1
            level: major
            title: { zh-CN: 过多, en: Too many }
            when: { fact: cylinders, operator: greaterThan, value: 100 }
            basis: [{ regulation: jcg, clause: 第六条 }]
            deadline: { workingDays: 5 }
          - id: LPG-001-H2
            level: simple
            title: { zh-CN: 久未检查, en: Not checked }
            when: { fact: last_check, operator: olderThanDays, value: 365 }
            basis: [{ regulation: jcg, clause: 第八条 }]
`;

/** The pack with one text replaced (which must be there), loaded; its issues as `line:col code`, zh and en message and hint. */
function mistake(from: string, to: string) {
  expect(PACK).toContain(from);
  const result = loadPack({ files: { 'pack.yaml': PACK.replace(from, to) } });
  expect(result.ok).toBe(false);
  return result.issues.map((i) => ({ at: `${i.line}:${i.column}`, code: i.code, zh: i.message['zh-CN'], en: i.message.en, hintZh: i.hint?.['zh-CN'], hintEn: i.hint?.en }));
}

describe('a pack written by hand: the mistakes of a Chinese input method', () => {
  it('the unchanged pack loads', () => {
    expect(loadPack({ files: { 'pack.yaml': PACK } }).issues).toEqual([]);
  });

  it('a full-width colon after a key, in a block and inside { … }', () => {
    expect(mistake('    type: count', '    type：count')).toEqual([
      {
        at: '21:9',
        code: 'YAML_SYNTAX',
        zh: '第 21 行第 9 列：“type”后面是全角冒号“：”（中文输入法）；YAML 只认半角冒号“:”，所以这里没有被读成“键: 值”。',
        en: 'line 21, column 9: "type" is followed by a full-width colon "：" (typed by a Chinese input method); YAML only reads the ASCII colon ":", so this is not read as "key: value".',
        hintZh: '把“：”换成半角冒号加一个空格：type: count',
        hintEn: 'Replace "：" with an ASCII colon and a space: type: count',
      },
    ]);
    const inFlow = mistake('{ zh-CN: 钢瓶数量, en: Cylinders }', '{ zh-CN：钢瓶数量, en: Cylinders }').find((i) => i.code === 'SCHEMA_UNKNOWN_PROPERTY');
    expect(inFlow).toMatchObject({ at: '23:14', hintEn: expect.stringContaining('use an ASCII colon and a space: zh-CN: 钢瓶数量') as string });
    expect(inFlow!.hintZh).toContain('全角冒号');
  });

  it('a full-width space in the indentation, a full-width dash, a full-width comma, full-width braces', () => {
    expect(mistake('    type: count', '\u3000\u3000type: count')[0]).toMatchObject({
      at: '21:1',
      zh: expect.stringContaining('第 21 行第 1 列：这一行开头有全角空格') as string,
      hintEn: expect.stringContaining('Replace the full-width spaces at the start of line 21 with ASCII spaces') as string,
    });
    expect(mistake('  - id: cylinders', '  － id: cylinders')[0]).toMatchObject({ at: '20:3', hintZh: '改为：- id: cylinders', hintEn: 'Write: - id: cylinders' });
    expect(mistake('{ zh-CN: 钢瓶数量, en: Cylinders }', '{ zh-CN: 钢瓶数量，en: Cylinders }')[0]).toMatchObject({
      at: '23:25',
      en: expect.stringContaining('separated by a full-width comma "，"') as string,
    });
    expect(mistake('{ zh-CN: 钢瓶数量, en: Cylinders }', '｛ zh-CN: 钢瓶数量, en: Cylinders ｝')[0]).toMatchObject({ at: '23:12', hintEn: expect.stringContaining('ASCII { }') as string });
  });
});

describe('Chinese words and other names for the English values', () => {
  it('a level, a fact type, a status written in Chinese: the English value', () => {
    expect(mistake('level: major', 'level: 重大')).toEqual([
      expect.objectContaining({ at: '36:20', code: 'SCHEMA_ENUM', hintZh: '这里的取值用英文：“重大”应写 major。', hintEn: 'Values are written in English: write major for "重大".' }),
    ]);
    expect(mistake('level: simple', 'level: 一般事故隐患')[0]).toMatchObject({ hintEn: 'Values are written in English: write general for "一般事故隐患".' });
    expect(mistake('type: count', 'type: 数量')[0]).toMatchObject({ hintEn: 'Values are written in English: write count for "数量".' });
    expect(mistake('status: current', 'status: 现行')[0]).toMatchObject({ hintEn: 'Values are written in English: write current for "现行".' });
  });

  it('an operator written as a symbol, a short name or the start of a name', () => {
    expect(mistake('operator: greaterThan', 'operator: gt')[0]).toMatchObject({
      code: 'UNKNOWN_OPERATOR',
      at: '38:48',
      hintEn: expect.stringMatching(/^Operators are written by their English name; here write greaterThan\./) as string,
    });
    expect(mistake('operator: greaterThan', 'operator: ">="')[0]).toMatchObject({ hintZh: expect.stringMatching(/^运算符用英文名称，这里应写 greaterThanInclusive。/) as string });
    expect(mistake('operator: olderThanDays', 'operator: olderThan')[0]).toMatchObject({ hintEn: expect.stringMatching(/here write olderThanDays or olderThanMinutes\./) as string });
  });

  it('a deadline in words or with a misspelt unit', () => {
    expect(mistake('deadline: { workingDays: 5 }', 'deadline: { workdays: 5 }')[0]).toMatchObject({
      code: 'SCHEMA_SHAPE',
      hintEn: 'did you mean { workingDays: 5 }?',
      hintZh: '是不是 { workingDays: 5 }？',
    });
    expect(mistake('deadline: { workingDays: 5 }', 'deadline: 立即')[0]).toMatchObject({ hintZh: '当场整改写 immediate（不写“立即”）。' });
    expect(mistake('deadline: { workingDays: 5 }', 'deadline: 5个工作日')[0]).toMatchObject({ hintEn: 'Write the deadline as { workingDays: 5 }.' });
  });
});

describe('dates and numbers', () => {
  it('a regulation effective on a day that does not exist is an error at the date', () => {
    expect(mistake('effective: "2023-01-01"', 'effective: "2023-02-29"')).toEqual([
      expect.objectContaining({
        at: '18:16',
        code: 'SCHEMA_PATTERN',
        zh: '法规“jcg”的 effective（施行日期）：2023-02-29 不是日历上的日期：2023 年 2 月只有 28 天。',
        en: 'the effective date of the regulation "jcg": 2023-02-29 is not a day of the calendar: February 2023 has 28 days.',
      }),
    ]);
    expect(mistake('effective: "2023-01-01"', 'effective: "2024-02-29"\n    withdrawn: "2025-13-01"')[0]).toMatchObject({ at: '19:16', en: expect.stringContaining('there is no month 13') as string });
    expect(loadPack({ files: { 'pack.yaml': PACK.replace('effective: "2023-01-01"', 'effective: "2024-02-29"') } }).ok).toBe(true);
  });

  it('a date comparison: the day that does not exist, or the date rewritten YYYY-MM-DD', () => {
    const before = (value: string) => mistake('operator: olderThanDays, value: 365', `operator: before, value: ${value}`)[0];
    expect(before('2026-02-30')).toMatchObject({ code: 'VALUE_SHAPE', at: '44:64', hintZh: '2026-02-30 不是日历上的日期：2026 年 2 月只有 28 天。改成实际存在的日期。' });
    expect(before('2026/3/1')).toMatchObject({ hintEn: 'Write the date as year-month-day with two-digit month and day: 2026-03-01' });
    expect(before('2026年3月1日')).toMatchObject({ hintZh: '日期写成 年-月-日，月和日补零：2026-03-01' });
  });

  it('a number of days written in words', () => {
    expect(mistake('value: 365', 'value: 一年')[0]).toMatchObject({ code: 'VALUE_SHAPE', hintZh: '写天数（一个数字），例如一个月写 30、一年写 365。' });
    expect(mistake('value: 365', 'value: 365天')[0]).toMatchObject({ hintEn: 'Write the number alone, without quotes or a unit: 365' });
  });
});

describe('an empty file', () => {
  it('pack.yaml: says it is empty and how a pack starts', () => {
    const result = loadPack({ files: { 'pack.yaml': '# nothing yet\n' } });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'SCHEMA_TYPE', line: 1, column: 1, message: { 'zh-CN': '顶层：文件是空的（或只有注释）。', en: 'top level: the file is empty (or holds comments only).' } }),
    ]);
    expect(result.issues[0]!.hint?.en).toMatch(/^A pack\.yaml starts with format: anjian\/pack@1/);
  });

  it('an included file: what it may hold, or to remove it from include', () => {
    const result = loadPack({ files: { 'pack.yaml': `${PACK}include: [more.yaml]\n`, 'more.yaml': '' } });
    expect(result.issues).toEqual([expect.objectContaining({ file: 'more.yaml', code: 'SCHEMA_TYPE' })]);
    expect(result.issues[0]!.hint?.['zh-CN']).toBe('被引入的文件里写 facts、conditions、sections 或 composites；若不再需要这个文件，从引入它的文件的 include 中删去。');
  });
});

it('a full-width colon inside a value is text, not a mistake', () => {
  expect(parseYamlSafe('title: 注意：这里\n', { file: 'pack.yaml' }).ok).toBe(true);
});

it('a misspelt required key is one issue (the unknown key with its "did you mean"), not also "missing type"', () => {
  expect(mistake('    type: count', '    typ: count').map((i) => `${i.at} ${i.code} ${i.hintEn}`)).toEqual(['21:5 SCHEMA_UNKNOWN_PROPERTY did you mean "type"?']);
  expect(mistake('    confidence: verified', '    confidance: verified').map((i) => i.code)).toEqual(['SCHEMA_UNKNOWN_PROPERTY']);
  expect(mistake('{ zh-CN: 钢瓶数量, en: Cylinders }', '{ zh-CN：钢瓶数量, en: Cylinders }').map((i) => i.code)).toEqual(['SCHEMA_UNKNOWN_PROPERTY']);
  // a key that resembles nothing leaves the missing one reported
  expect(mistake('    type: count', '    kind_of_answer: count').map((i) => i.code)).toEqual(['SCHEMA_REQUIRED', 'SCHEMA_UNKNOWN_PROPERTY']);
});

it('a pack written as JSON with a comma missing: the line without it, and the line to write', () => {
  const json = '{\n  "format": "anjian/pack@1",\n  "id": "x",\n  "version": "1.0.0"\n  "domain": "gas"\n}\n';
  const parsed = parseYamlSafe(json, { file: 'pack.yaml' });
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.issues[0]).toMatchObject({
    code: 'YAML_SYNTAX',
    line: 4,
    column: 21,
    hint: { 'zh-CN': '在第 4 行末尾加逗号："version": "1.0.0",', en: 'Add a comma at the end of line 4: "version": "1.0.0",' },
  });
  expect(parsed.issues[0]!.message.en).toMatch(/^line 4, column 21: this file is written as JSON \(\{ … \}\) and line 4 lacks a comma at its end/);
  // the same file with the comma is a pack file like any other
  expect(parseYamlSafe(json.replace('"1.0.0"\n', '"1.0.0",\n'), { file: 'pack.yaml' }).ok).toBe(true);
});

it('a hazard rule with no basis at all is a warning at its id; an explicit basis: [] is a choice and is not', () => {
  const omitted = loadPack({ files: { 'pack.yaml': PACK.replace('            basis: [{ regulation: jcg, clause: 第八条 }]\n', '') } });
  expect(omitted.ok).toBe(true);
  expect(omitted.issues.map((i) => ({ at: `${i.line}:${i.column}`, code: i.code, severity: i.severity, en: i.message.en }))).toEqual([
    { at: '41:17', code: 'RULE_WITHOUT_BASIS', severity: 'warning', en: '"LPG-001-H2" has no basis, so the rectification notice will cite no legal basis.' },
  ]);
  expect(omitted.issues[0]!.hint?.['zh-CN']).toContain('写 basis: [] 表示有意如此');
  expect(loadPack({ files: { 'pack.yaml': PACK.replace('[{ regulation: jcg, clause: 第八条 }]', '[]') } }).issues).toEqual([]);
});

it('text where a yes/no or a number belongs: the value to write, not "quote text that looks like a number"', () => {
  expect(mistake('    determination: true', '    determination: 是')[0]).toMatchObject({
    code: 'SCHEMA_TYPE',
    at: '17:20',
    hintZh: '是否值写 true（是）或 false（否），不加引号、不写汉字；这里应写：true',
  });
  expect(mistake('    max: 500', '    max: "500"')[0]).toMatchObject({ at: '22:10', hintEn: 'Write the number alone, in ASCII digits, without quotes or a unit: 500' });
  expect(mistake('    max: 500', '    max: ５００')[0]).toMatchObject({ hintZh: '只写半角数字，不加引号、不带单位：500' });
  expect(mistake('    max: 500', '    max: 很多')[0]).toMatchObject({ hintEn: 'Write a number here (ASCII digits), e.g. 1.5.' });
});

it('a list dash without a space after it: the dash, and the line to write', () => {
  expect(mistake('  - id: cylinders', '  -id: cylinders')[0]).toMatchObject({
    code: 'YAML_SYNTAX',
    at: '20:4',
    en: expect.stringMatching(/^line 20, column 4: there is no space after the list dash "-", so this line is not read as a list entry\./) as string,
    hintEn: 'Add a space after the dash: - id: cylinders',
  });
});

it('a file too large says its size in MB (and bytes) against the limit', () => {
  const big = `${PACK}# ${'x'.repeat(1_100_000)}\n`;
  const result = loadPack({ files: { 'pack.yaml': big } });
  expect(result.issues[0]).toMatchObject({
    code: 'FILE_TOO_LARGE',
    line: 1,
    column: 1,
    message: {
      'zh-CN': `pack.yaml：文件大小为 1.1 MB（${Buffer.byteLength(big)} 字节），超过上限 1 MB（1000000 字节）。`,
      en: `pack.yaml: the file is 1.1 MB (${Buffer.byteLength(big)} bytes), over the limit of 1 MB (1000000 bytes).`,
    },
  });
});

describe('a file saved in another encoding, or quoted with Chinese quotes', () => {
  // 钢瓶数量 saved as GBK (Windows Notepad's "ANSI" on a Chinese system) and read as UTF-8,
  // as every reader of pack files reads them: the bytes that are not UTF-8 become U+FFFD.
  const gbk = Buffer.from('b8d6c6bfcafdc1bf', 'hex').toString('utf8');

  it('a pack file in GBK is one error at the first unreadable character, saying to save it as UTF-8', () => {
    const issues = mistake('{ zh-CN: 钢瓶数量, en: Cylinders }', `{ zh-CN: ${gbk}, en: Cylinders }`);
    expect(issues).toEqual([
      {
        at: '23:21',
        code: 'FILE_NOT_UTF8',
        zh: '第 23 行第 21 列：这个文件不是 UTF-8 编码，这里的文字无法识别（多半是用 GBK/GB2312 保存的，例如 Windows 记事本的“ANSI”）。',
        en: 'line 23, column 21: this file is not UTF-8; the text here cannot be read (most likely it was saved as GBK/GB2312, e.g. Windows Notepad\'s "ANSI").',
        hintZh: '在编辑器中把文件另存为 UTF-8 编码（记事本：“另存为”，编码选 UTF-8；VS Code：点右下角的编码，选“通过编码保存”→ UTF-8），再重新检查。',
        hintEn: 'Save the file as UTF-8 in the editor (Notepad: Save As, Encoding UTF-8; VS Code: click the encoding at the bottom right, Save with Encoding → UTF-8), then check again.',
      },
    ]);
  });

  it('a scenario or inspection file in GBK is refused the same way (the shared YAML reader)', () => {
    const parsed = parseYamlSafe(`pack: gas\nfindings:\n  remarks: ${gbk}\n`, { file: 'tests/basic.yaml' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toEqual(['tests/basic.yaml:3:12 FILE_NOT_UTF8']);
  });

  it('a clause, an edition or a value wrapped in Chinese quotes “…” is an error saying to use ASCII quotes', () => {
    expect(mistake('clause: 第六条', 'clause: “6.1”')).toEqual([
      {
        at: '39:48',
        code: 'FULLWIDTH_QUOTES',
        zh: '第 39 行第 48 列：“6.1”用的是中文引号（全角“”），YAML 不把它当作引号，引号会成为内容的一部分。',
        en: 'line 39, column 48: “6.1” is in Chinese (full-width) quotes, which YAML does not read as quotes: they would become part of the text.',
        hintZh: '换成半角引号："6.1"',
        hintEn: 'Use ASCII quotes: "6.1"',
      },
    ]);
    expect(mistake('    edition: "2023"', '    edition: ‘2023’')[0]).toMatchObject({ at: '14:14', code: 'FULLWIDTH_QUOTES', hintEn: 'Use ASCII quotes: "2023"' });
  });

  it('Chinese quotes inside a text (a title, a note) are text', () => {
    const pack = PACK.replace('{ zh-CN: 过多, en: Too many }', '{ zh-CN: “钢瓶”过多, en: Too many }').replace('{ zh-CN: 久未检查, en: Not checked }', '{ zh-CN: “久未检查”, en: “Not checked” }');
    expect(loadPack({ files: { 'pack.yaml': pack } }).issues).toEqual([]);
  });
});

describe('the place is named by the ids the author wrote, not by 0-based positions', () => {
  it('a level, a missing clause, a missing en text, a fact type: the rule or fact by its id', () => {
    expect(mistake('level: major', 'level: 重大')[0]!.zh).toBe('隐患规则“LPG-001-H1”，level：“隐患等级”的值“重大”不被允许；允许的值：simple、general、major。');
    const clause = mistake('{ regulation: jcg, clause: 第八条 }', '{ regulation: jcg }')[0]!;
    expect(clause).toMatchObject({
      code: 'SCHEMA_REQUIRED',
      zh: '隐患规则“LPG-001-H2”，basis 第 1 项：“引用”缺少必填项“clause”。',
      en: 'hazard rule "LPG-001-H2", basis entry 1: the citation lacks the required property "clause".',
    });
    // the hint says what the missing property holds
    expect(clause.hintZh).toMatch(/^补上 clause：条款号，如 "第十三条\(二\)" 或 "5\.3\.2"/);
    expect(clause.hintEn).toMatch(/^Add clause: Clause, e\.g\. "5\.3\.2"/);
    const noEn = loadPack({ files: { 'pack.yaml': PACK.replace('{ zh-CN: 上次检查日期, en: Last checked on }', '{ zh-CN: 上次检查日期 }') } });
    expect(noEn.issues.map((i) => i.message.en)).toEqual(['fact "last_check", label: the English text (en) is missing; the Chinese reads "上次检查日期".']);
    expect(mistake('    type: count', '    type: 数量')[0]!.en).toMatch(/^fact "cylinders", type: the type is "数量", which is not allowed/);
    // an entry whose id is what is missing is counted from 1
    expect(mistake('  - id: last_check\n', '  - name_of_fact: last_check\n').find((i) => i.code === 'SCHEMA_REQUIRED')?.zh).toBe('第 2 个事实：“事实”缺少必填项“id”。');
  });
});

it('an undeclared premises kind with no near name lists the declared ones', () => {
  const pack = PACK.replace('        asks: [cylinders, last_check]\n', '        asks: [cylinders, last_check]\n        premises: [warehouse]\n');
  const issue = loadPack({ files: { 'pack.yaml': pack } }).issues.find((i) => i.code === 'UNKNOWN_PREMISES');
  expect(issue?.hint).toEqual({ 'zh-CN': '在 premises 中声明，或改成已声明的场所类型：shop。', en: 'Declare it under premises, or use a declared premises kind: shop.' });
});

describe('a misspelt regulation id under a major hazard is one mistake, not also "no determination standard"', () => {
  it('when the near id is the determination standard: only UNKNOWN_REGULATION, whose hint is the fix', () => {
    const issues = mistake('basis: [{ regulation: jcg, clause: 第六条 }]', 'basis: [{ regulation: jgc, clause: 第六条 }]');
    expect(issues.map((i) => `${i.code} ${i.hintEn ?? ''}`)).toEqual(['UNKNOWN_REGULATION did you mean "jcg"?']);
  });

  it('when no declared regulation is near: the warning stays and says it follows from the undeclared id', () => {
    const issues = mistake('basis: [{ regulation: jcg, clause: 第六条 }]', 'basis: [{ regulation: gb-55555, clause: 第六条 }]');
    expect(issues.map((i) => i.code).sort()).toEqual(['MAJOR_WITHOUT_DETERMINATION', 'UNKNOWN_REGULATION']);
    const knockOn = issues.find((i) => i.code === 'MAJOR_WITHOUT_DETERMINATION')!;
    expect(knockOn.zh).toBe(
      '重大隐患“LPG-001-H1”的依据中没有已声明的重大事故隐患判定标准：它引用的“gb-55555”未在 regulations 中声明（已报 UNKNOWN_REGULATION）。先改正或声明该法规；若它是判定标准，声明时写 determination: true，本警告随之消失。',
    );
    expect(knockOn.en).toBe(
      'the major hazard "LPG-001-H1" cites no declared major-hazard determination standard: the "gb-55555" it cites is not declared under regulations (reported as UNKNOWN_REGULATION). Fix or declare that regulation first; if it is the determination standard, declare it with determination: true and this warning goes away.',
    );
  });
});

it('a comparison value of the wrong type names the fact type as a quoted word in Chinese (not 是计数类型 run together)', () => {
  const issue = mistake('operator: greaterThan, value: 100', 'operator: greaterThan, value: 一百').find((i) => i.code === 'VALUE_TYPE');
  expect(issue?.zh).toMatch(/^隐患规则“LPG-001-H1”：事实“cylinders”是“计数”（count）类型，比较值应为/);
  const operator = mistake('operator: olderThanDays, value: 365', 'operator: greaterThan, value: 365').find((i) => i.code === 'OPERATOR_FACT_TYPE');
  expect(operator?.zh).toContain('不能用于“日期”（date）类型的事实“last_check”');
});

it('a duplicate numbered id is told an unused one to write (the next free number), or to delete the copy', () => {
  const issue = mistake('          - id: LPG-001-H2\n', '          - id: LPG-001-H1\n').find((i) => i.code === 'DUPLICATE_ID');
  expect(issue?.hintEn).toBe('If this is another entry, give it an unused id, e.g. LPG-001-H2; if the same entry is written twice, delete one of them.');
  expect(issue?.hintZh).toBe('如果这是另一条，改用未用过的编号，例如 LPG-001-H2；如果同一条写了两遍，删去其中一条。');
  // the number after those in use, here after H2 (kept) and a second H1
  const third = mistake(
    '            basis: [{ regulation: jcg, clause: 第八条 }]\n',
    '            basis: [{ regulation: jcg, clause: 第八条 }]\n          - id: LPG-001-H1\n            level: simple\n            title: { zh-CN: 再一条, en: Another }\n            when: { fact: cylinders, operator: greaterThan, value: 200 }\n            basis: [{ regulation: jcg, clause: 第八条 }]\n',
  );
  expect(third.find((i) => i.code === 'DUPLICATE_ID')?.hintEn).toContain('e.g. LPG-001-H3;');
});
