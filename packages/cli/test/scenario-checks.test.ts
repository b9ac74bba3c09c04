import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDemoPack, runCli } from './run-cli.js';

// Issue 22, pack authors 1–3: scenarios are checked like inspections (a scenario that cannot
// fail is a failure), the closing line counts files that did not load, and `base:` answers.
const COMPLIANT = 'gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 1.5';

function demoWith(scenarios: string, extra = ''): string {
  const dir = copyDemoPack();
  rmSync(join(dir, 'tests'), { recursive: true });
  const file = `pack: demo-kitchen\n${extra}scenarios:\n${scenarios}`;
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'tests', 'checks.yaml'), file);
  return dir;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('anjian test checks scenarios like inspections', () => {
  it.each([
    ['an undeclared premises kind', `    premises: spinning\n    findings: { ${COMPLIANT} }\n`, 'premises: spinning', 'UNKNOWN_PREMISES: the pack has no premises kind "spinning"'],
    [
      'a text for a boolean',
      `    premises: restaurant\n    findings: { gas_type: natural_gas, below_ground: 否, alarm_installed: true, alarm_working: true, hose_length_m: 1.5 }\n`,
      'below_ground: 否',
      'WRONG_TYPE: "Gas is used below ground or half below ground" (below_ground) must be yes or no (true/false); got the text "否"',
    ],
    [
      'a string for a number',
      `    premises: restaurant\n    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: long }\n`,
      'hose_length_m: long',
      'WRONG_TYPE: "Length of the connecting hose" (hose_length_m) must be a number',
    ],
    [
      'an unknown fact id',
      `    premises: restaurant\n    findings: { ${COMPLIANT}, hose_lenght_m: 1 }\n`,
      'hose_lenght_m',
      'UNKNOWN_FACT: the pack has no fact "hose_lenght_m" (did you mean "hose_length_m"?)',
    ],
    ['no premises at all', `    findings: { ${COMPLIANT} }\n`, 'findings:', 'PREMISES_MISSING: premises is missing'],
  ])('%s fails, located, with exit 1', async (_what, body, _needle, message) => {
    const scenarios = `  - name: a mistake\n${body}    expect:\n      hazards: []\n`;
    const dir = demoWith(scenarios);
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/tests\/checks\.yaml:\d+:\d+ {2}/);
    expect(out).toContain(message);
    expect(out).toMatch(/^0 passed, 1 failed$/m);
  });

  it('an answer written as a word or with a unit fails with the value to write', async () => {
    const scenarios = `  - name: words for values\n    premises: restaurant\n    findings: { gas_type: natural_gas, below_ground: 否, alarm_installed: true, alarm_working: true, hose_length_m: 3米 }\n    expect:\n      hazards: []\n`;
    const dir = demoWith(scenarios);
    const { code, out } = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/WRONG_TYPE：.*（below_ground）应为是或否（true\/false），收到：文本 "否" — 提示：是否值写 true（是）或 false（否），不加引号、不写汉字；这里应写：false$/m);
    expect(out).toMatch(/WRONG_TYPE：.*（hose_length_m）应为数字，收到：文本 "3米" — 提示：只写半角数字，不加引号、不带单位：3$/m);
  });

  it('an option written as its label or misspelt, and a fact the pack does not declare: each with what to do', async () => {
    const scenarios = `  - name: labels for values\n    premises: restaurant\n    findings: { ${COMPLIANT.replace('gas_type: natural_gas', 'gas_type: 管道天然气')}, permit_seen: true }\n    expect:\n      hazards: []\n  - name: a typo\n    premises: restaurant\n    findings: { ${COMPLIANT.replace('gas_type: natural_gas', 'gas_type: lgp')} }\n    expect:\n      hazards: []\n`;
    const dir = demoWith(scenarios);
    const en = await runCli(['test', dir], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.out).toContain('UNKNOWN_OPTION: "Gas used" (gas_type) has no option "管道天然气" (one of: natural_gas, lpg) — hint: write the option\'s value: natural_gas ("管道天然气" is its label)');
    expect(en.out).toContain('UNKNOWN_OPTION: "Gas used" (gas_type) has no option "lgp" (one of: natural_gas, lpg) — hint: did you mean "lpg"?');
    expect(en.out).toContain(
      'UNKNOWN_FACT: the pack has no fact "permit_seen" — hint: declare it under facts: in the pack, or delete this answer from the scenario; anjian facts <pack folder> lists the declared facts',
    );
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.out).toContain('— 提示：这里写选项的值：natural_gas（“管道天然气”是它的名称）');
    expect(zh.out).toContain('— 提示：是不是“lpg”？');
    expect(zh.out).toContain('UNKNOWN_FACT：检查表中没有事实 "permit_seen" — 提示：先在检查表的 facts: 中声明它，或从场景中删去这一答案；anjian facts <检查表文件夹> 列出已声明的事实');
  });

  it('unknown rule ids under expect and absent fail at their place, with a did-you-mean', async () => {
    const scenarios = `  - name: typos in the expectations\n    premises: restaurant\n    findings: { ${COMPLIANT} }\n    expect:\n      hazards:\n        - { rule: DEMO-003-H9, level: simple }\n      absent: [DEMO-030-H1]\n`;
    const dir = demoWith(scenarios);
    const text = `pack: demo-kitchen\nscenarios:\n${scenarios}`;
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toContain(`tests/checks.yaml:${lineOf(text, 'DEMO-003-H9')}:19  the pack has no rule "DEMO-003-H9" (did you mean "DEMO-003-H1"?)`);
    expect(out).toContain(`tests/checks.yaml:${lineOf(text, 'DEMO-030-H1')}:16  the pack has no rule "DEMO-030-H1" (did you mean "DEMO-003-H1"?)`);
  });

  it('the closing line counts a scenario file that did not load', async () => {
    const dir = copyDemoPack();
    writeFileSync(join(dir, 'tests', 'broken.yaml'), 'pack: demo-kitchen\nscenarios:\n  - name: x\n    findings: { a: 1\n');
    const { code, out } = await runCli(['test', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/^\d+ passed, 0 failed, 1 file not loaded$/m);
  });

  it('a scenario file that did not load: its error, and the coverage marked partial without the list of every rule it leaves uncovered', async () => {
    const dir = demoWith(`  - name: no expect\n    premises: restaurant\n    findings: { ${COMPLIANT} }\n`);
    const en = await runCli(['test', dir], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.out).toContain('SCHEMA_REQUIRED');
    expect(en.out).toMatch(/^ {2}coverage: 0\/\d+ rules \(0%\), partial: 1 scenario file did not load$/m);
    expect(en.out).toMatch(/^ {2}conditions: 0\/\d+ seen true and false where their item applied \(0%\), partial$/m);
    expect(en.out).not.toContain('never fires');
    expect(en.out).not.toContain('never evaluated');
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.out).toMatch(/^ {2}覆盖率：0\/\d+ 条规则（0%），不完整：1 个场景文件未能加载$/m);
    expect(zh.out).not.toContain('从未触发');
  });

  it('base: answers every scenario starts from; a scenario overrides or removes them; a bad base answer points at the base', async () => {
    const base = `base:\n  premises: restaurant\n  findings: { ${COMPLIANT} }\n`;
    const scenarios = `  - name: the base\n    findings: {}\n    expect:\n      hazards: []\n  - name: long hose\n    findings: { hose_length_m: 3 }\n    expect:\n      hazards:\n        - { rule: DEMO-003-H1, level: simple }\n  - name: no alarm\n    findings: { alarm_installed: false, alarm_working: null }\n    expect:\n      hazards:\n        - { rule: DEMO-002-H1, level: general }\n`;
    const ok = await runCli(['test', demoWith(scenarios, base)]);
    expect(ok.out).toMatch(/^3 passed, 0 failed$/m);
    expect(ok.code).toBe(0);
    const badBase = base.replace('below_ground: false', 'below_ground: 否');
    const dir = demoWith(scenarios, badBase);
    const bad = await runCli(['test', dir], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('tests/checks.yaml:4:');
    expect(bad.out).toContain('WRONG_TYPE');
  });

  it('a bad base answer is reported once, at the base, not once per scenario that uses it — also when the first scenario is todo', async () => {
    const badBase = `base:\n  premises: restaurant\n  findings: { ${COMPLIANT.replace('below_ground: false', 'below_ground: 否')} }\n`;
    const scenarios = `  - name: the base\n    findings: {}\n    todo: later\n    expect:\n      hazards: []\n  - name: long hose\n    findings: { hose_length_m: 3 }\n    expect:\n      hazards:\n        - { rule: DEMO-003-H1, level: simple }\n  - name: short hose\n    findings: { hose_length_m: 1 }\n    expect:\n      hazards: []\n`;
    const dir = demoWith(scenarios, badBase);
    const en = await runCli(['test', dir], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.out.match(/WRONG_TYPE/g)).toHaveLength(1);
    // on the first scenario that counts (not the todo one), saying how many share it
    expect(en.out).toMatch(
      /scenario "long hose"\n\s+\S*tests\/checks\.yaml:4:\d+ {2}WRONG_TYPE: .*\(below_ground\) must be yes or no \(true\/false\); got the text "否" \(in base:, used by 3 scenarios of this file; reported once\) — hint: /,
    );
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.out.match(/WRONG_TYPE/g)).toHaveLength(1);
    expect(zh.out).toContain('收到：文本 "否"（在 base: 中，本文件 3 个场景共用，只报告一次） — 提示：');
  });
});
