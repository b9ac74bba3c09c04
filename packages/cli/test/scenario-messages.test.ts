import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
import { runCli } from './run-cli.js';

// The scenario file as a safety engineer writes it: the messages of its format checks read
// like the pack's (the place by the scenario's name, never a 0-based position, type names in the reader's language,
// a hint for each), and Chinese words for English values are told the value.
const SCENARIO = `pack: tiny
scenarios:
  - name: 未装报警器 / no alarm
    premises: shop
    findings: { alarm_installed: false }
    expect:
      hazards:
        - { rule: T-001-H1, level: general, provisional: false }
`;

async function testWith(scenario: string, lang: 'en' | 'zh-CN' = 'en') {
  const cwd = tempDir();
  writeFiles(cwd, { 'tiny/pack.yaml': MINIMAL_PACK, 'tiny/tests/basic.yaml': scenario });
  return runCli(['test', 'tiny', '--lang', lang], { cwd });
}

describe('scenario file format errors', () => {
  it('the unchanged scenario passes', async () => {
    expect((await testWith(SCENARIO)).code).toBe(0);
  });

  it('a level in Chinese: the path in the file and the English value', async () => {
    const en = await testWith(SCENARIO.replace('level: general', 'level: 一般'));
    expect(en.code).toBe(1);
    expect(en.out).toContain(
      'tiny/tests/basic.yaml:8:36  error  SCHEMA_ENUM  scenario "未装报警器 / no alarm", expect.hazards entry 1, level: the hazard level is "一般", which is not allowed (one of: simple, general, major)',
    );
    expect(en.out).toContain('hint: Values are written in English: write general for "一般".');
    const zh = await testWith(SCENARIO.replace('level: general', 'level: 一般'), 'zh-CN');
    expect(zh.out).toContain('提示：这里的取值用英文：“一般”应写 general。');
  });

  it('an item outcome in Chinese: the English value (不适用 → not_applicable, 合格 → pass)', async () => {
    const withItems = (word: string) => SCENARIO.replace('    expect:\n', `    expect:\n      items: { T-001: ${word} }\n`);
    expect((await testWith(withItems('不适用'))).out).toContain('hint: Values are written in English: write not_applicable for "不适用".');
    expect((await testWith(withItems('合格'), 'zh-CN')).out).toContain('提示：这里的取值用英文：“合格”应写 pass。');
    expect((await testWith(withItems('存在隐患'))).out).toContain('write hazard for "存在隐患"');
    expect((await testWith(withItems('未检查'))).out).toContain('write not_checked for "未检查"');
  });

  it('yes/no as a word: type names in the language read, and true/false to write', async () => {
    const zh = await testWith(SCENARIO.replace('provisional: false', 'provisional: 否'), 'zh-CN');
    expect(zh.out).toContain('场景“未装报警器 / no alarm”，expect.hazards 第 1 项，provisional：“疑似”应为布尔值（true/false），但这里是 "否"');
    expect(zh.out).toContain('提示：是否值写 true（是）或 false（否），不加引号、不写汉字；这里应写：false');
  });

  it('yes/no words are core’s one table: 不合格, √ and "on" in a scenario get the value to write, as in a pack', async () => {
    for (const [word, meant] of [
      ['不合格', 'false'],
      ['√', 'true'],
      ['"on"', 'true'],
    ]) {
      const en = await testWith(SCENARIO.replace('provisional: false', `provisional: ${word}`));
      expect(en.out).toContain(`hint: Write yes/no as true or false, without quotes or words; here write: ${meant}`);
    }
    // a text that is no yes/no word still gets how to write one, not the code's general fix
    const other = await testWith(SCENARIO.replace('provisional: false', 'provisional: maybe'));
    expect(other.out).toContain('hint: Write true or false here, without quotes.');
  });

  it('a missing property: the hint says what it holds (from the scenario format), not "add the missing property"', async () => {
    const noExpect = SCENARIO.slice(0, SCENARIO.indexOf('    expect:'));
    const en = await testWith(noExpect);
    expect(en.out).toContain('scenario "未装报警器 / no alarm": the scenario lacks the required property "expect"');
    expect(en.out).toContain('hint: Add expect: What the classification must show.');
    const zh = await testWith(noExpect, 'zh-CN');
    expect(zh.out).toContain('提示：补上 expect：分类结果必须满足的预期。');
  });

  it('a misspelt key is one issue with "did you mean", not also the missing key', async () => {
    const r = await testWith(SCENARIO.replace('    expect:', '    expected:'));
    expect(r.out).toContain('scenario "未装报警器 / no alarm", expected: the scenario has no property "expected"');
    expect(r.out).toContain('hint: did you mean "expect"?');
    expect(r.out).not.toContain('SCHEMA_REQUIRED');
  });

  it('an empty scenario file says it is empty and what it holds; every issue has a hint', async () => {
    const r = await testWith('# to do\n');
    expect(r.out).toContain('tiny/tests/basic.yaml:1:1  error  SCHEMA_TYPE  top level: the file is empty (or holds comments only)');
    expect(r.out).toContain('hint: A scenario file starts with pack: <pack id>, then a scenarios: list (authoring guide §13)');
    const other = await testWith(SCENARIO.replace('pack: tiny', 'pack: [tiny]'));
    expect(other.out).toContain('pack: the pack id must be text; got ["tiny"]');
    expect(other.out).toMatch(/pack: the pack id must be text; got \["tiny"\]\n(.*\n)*? {4}hint: /);
  });
});
