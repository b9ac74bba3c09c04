import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK, tempDir, writeFiles } from './fixtures.js';
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

describe('anjian test warns of an answer the scenario gives that does not count', () => {
  // DEMO-003 (the hose) limited to restaurants, so a canteen scenario's hose answer is outside it
  function scopedDemo(scenarios: string, extra = ''): string {
    const dir = demoWith(scenarios, extra);
    const sections = join(dir, 'sections', 'equipment.yaml');
    const text = readFileSync(sections, 'utf8');
    writeFileSync(sections, text.replace('asks: [hose_length_m]', 'asks: [hose_length_m]\n        premises: [restaurant]'));
    return dir;
  }
  const canteenHose = (expect: string) =>
    `  - name: long hose in a canteen\n    premises: canteen\n    findings: { gas_type: natural_gas, below_ground: false, alarm_installed: true, alarm_working: true, hose_length_m: 3 }\n    expect:\n${expect}`;

  it("an answer to an item outside the scenario's premises: a located warning that says why and what to do, in the language asked; the run still passes", async () => {
    const scenarios = canteenHose('      hazards: []\n');
    const dir = scopedDemo(scenarios);
    const text = `pack: demo-kitchen\nscenarios:\n${scenarios}`;
    const at = `tests/checks.yaml:${lineOf(text, 'hose_length_m: 3')}:${text.split('\n')[lineOf(text, 'hose_length_m: 3') - 1]!.indexOf('hose_length_m: 3') + 'hose_length_m: '.length + 1}`;
    const en = await runCli(['test', dir], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.out).toContain(
      `${at}  warning  ANSWER_IGNORED  scenario "long hose in a canteen": the answer to "Length of the connecting hose" (hose_length_m) is ignored: item DEMO-003 is for premises restaurant only; the scenario's is canteen`,
    );
    expect(en.out).toContain(
      'hint: delete the answer, or change the premises or answers so that the item applies; to test that the item does not apply, say so: expect: { items: { DEMO-003: not_applicable } }',
    );
    expect(en.out).toMatch(/^1 passed, 0 failed$/m);
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(0);
    expect(zh.out).toContain(`${at}  警告  ANSWER_IGNORED  场景“long hose in a canteen”：“连接软管长度”（hose_length_m）的答案不起作用：检查项 DEMO-003 只适用于场所类型 restaurant，本场景为 canteen`);
    expect(zh.out).toContain('提示：删去这一答案，或改写场所类型或答案，使检查项适用；若要测试该检查项不适用，请写明：expect: { items: { DEMO-003: not_applicable } }');
  });

  it("an answer to a question whose when does not hold (the item's when does not either): a warning at the answer", async () => {
    const scenarios = `  - name: natural gas, cylinders counted\n    premises: restaurant\n    findings: { ${COMPLIANT}, cylinders_on_site: 5 }\n    expect:\n      hazards: []\n`;
    const dir = demoWith(scenarios);
    const en = await runCli(['test', dir], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.out).toMatch(
      /tests\/checks\.yaml:5:\d+ {2}warning {2}NOT_APPLICABLE_ANSWER {2}scenario "natural gas, cylinders counted": "LPG cylinders on site" \(cylinders_on_site\) is not asked in this scenario: its when \(gas_type = "lpg"\) does not hold/,
    );
    const zh = await runCli(['test', dir, '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.out).toMatch(
      /tests\/checks\.yaml:5:\d+ {2}警告 {2}NOT_APPLICABLE_ANSWER {2}场景“natural gas, cylinders counted”：本场景不问“现场液化气钢瓶数量”（cylinders_on_site）：其适用条件 gas_type = "lpg" 不成立/,
    );
  });

  it.each([
    ['the item expected not_applicable', '      items: { DEMO-003: not_applicable }\n'],
    ['a rule of the item expected absent', '      absent: [DEMO-003-H1]\n'],
  ])('no warning when the scenario says it tests that the item does not apply: %s', async (_what, expect_) => {
    const { code, out } = await runCli(['test', scopedDemo(canteenHose(expect_))]);
    expect(code).toBe(0);
    expect(out).not.toContain('ANSWER_IGNORED');
  });

  it('no warning for answers that count, nor for answers from base: (shared by the file)', async () => {
    const base = `base:\n  premises: canteen\n  findings: { ${COMPLIANT} }\n`;
    const scenarios = `  - name: the base\n    findings: {}\n    expect:\n      hazards: []\n  - name: no alarm\n    findings: { alarm_installed: false, alarm_working: null }\n    expect:\n      hazards:\n        - { rule: DEMO-002-H1, level: general }\n`;
    const { code, out } = await runCli(['test', scopedDemo(scenarios, base), '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(out).not.toContain('警告');
    const own = await runCli(['test', demoWith(`  - name: compliant\n    premises: restaurant\n    findings: { ${COMPLIANT} }\n    expect:\n      hazards: []\n`)]);
    expect(own.out).not.toMatch(/warning/i);
  });

  it('machine formats carry the warning: JSON in both languages with its place, github a ::warning on its line', async () => {
    const scenarios = canteenHose('      hazards: []\n');
    const dir = scopedDemo(scenarios);
    const text = `pack: demo-kitchen\nscenarios:\n${scenarios}`;
    const json = await runCli(['test', dir, '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as { packs: { run: { results: { warnings?: unknown[] }[] } }[]; summary: { warnings?: number } };
    expect(doc.packs[0]!.run.results[0]!.warnings).toEqual([
      expect.objectContaining({
        code: 'ANSWER_IGNORED',
        pointer: '/scenarios/0/findings/hose_length_m',
        line: lineOf(text, 'hose_length_m: 3'),
        message: expect.objectContaining({ 'zh-CN': expect.stringContaining('不起作用'), en: expect.stringContaining('is ignored') }),
        hint: expect.objectContaining({ en: expect.stringContaining('expect: { items: { DEMO-003: not_applicable } }') }),
      }),
    ]);
    expect(doc.summary.warnings).toBe(1);
    const gh = await runCli(['test', dir, '--format', 'github'], { cwd: dir });
    expect(gh.code).toBe(0);
    expect(gh.out).toMatch(
      new RegExp(`^::warning file=tests/checks\\.yaml,line=${lineOf(text, 'hose_length_m: 3')},col=\\d+,title=ANSWER_IGNORED::scenario "long hose in a canteen": the answer to .* is ignored`, 'm'),
    );
  });
});

describe('anjian test shows the findings check’s warnings of a scenario (were dropped)', () => {
  // the minimal pack with a list question and a rule measured from the inspection time
  const PACK = MINIMAL_PACK.replace(
    'sections:',
    `  - id: alarm_faults
    type: multi
    label: { zh-CN: 报警器故障, en: Alarm faults }
    options:
      - { value: no_power, label: { zh-CN: 断电, en: No power } }
      - { value: no_sound, label: { zh-CN: 不响, en: No sound } }
  - id: alarm_tested_at
    type: datetime
    label: { zh-CN: 上次测试报警器的时间, en: Last alarm test }
sections:`,
  )
    .replace('asks: [alarm_installed]', 'asks: [alarm_installed, alarm_faults, alarm_tested_at]')
    .replace(
      '            basis: [{ regulation: reg, clause: "1" }]\n',
      `            basis: [{ regulation: reg, clause: "1" }]
          - id: T-001-H2
            level: general
            title: { zh-CN: 报警器超过30天未测试, en: Alarm not tested for 30 days }
            when: { fact: alarm_tested_at, operator: olderThanDays, value: 30 }
            basis: [{ regulation: reg, clause: "2" }]
`,
    );
  function tiny(scenarios: string): string {
    const cwd = tempDir();
    writeFiles(cwd, { 'tiny/pack.yaml': PACK, 'tiny/tests/basic.yaml': `pack: tiny\n${scenarios}` });
    return cwd;
  }
  const scenarios = `base:
  premises: shop
  findings: { alarm_faults: [no_power, no_power] }
scenarios:
  - name: no inspection time
    findings: { alarm_installed: true, alarm_tested_at: "2026-01-01T09:00:00+08:00" }
    expect: { hazards: [] }
  - name: a fault twice
    inspectedAt: "2026-03-01T09:00:00+08:00"
    findings: { alarm_installed: true, alarm_faults: [no_sound, no_sound], alarm_tested_at: "2026-02-20T09:00:00+08:00" }
    expect: { hazards: [] }
`;
  const text = `pack: tiny\n${scenarios}`;

  it('INSPECTED_AT_MISSING at the scenario and DUPLICATE_OPTION at the repeated value (in base: once), located, with what to do, in the language asked; the run still passes', async () => {
    const cwd = tiny(scenarios);
    const en = await runCli(['test', 'tiny'], { cwd });
    expect(en.code).toBe(0);
    expect(en.out).toContain(
      `tiny/tests/basic.yaml:${lineOf(text, '- name: no inspection time')}:5  warning  INSPECTED_AT_MISSING  scenario "no inspection time": no inspectedAt: conditions measured from the inspection time cannot hold`,
    );
    expect(en.out).toContain("hint: add inspectedAt: to the scenario (a date-time with offset, e.g. 2026-11-28T09:30:00+08:00), or once under the file's base: for all its scenarios");
    const own = text.split('\n')[lineOf(text, '[no_sound, no_sound]') - 1]!;
    expect(en.out).toContain(
      `tiny/tests/basic.yaml:${lineOf(text, '[no_sound, no_sound]')}:${own.lastIndexOf('no_sound') + 1}  warning  DUPLICATE_OPTION  scenario "a fault twice": "Alarm faults" (alarm_faults) lists "no_sound" twice`,
    );
    expect(en.out).toContain('hint: delete the repeated value: a list names each option once');
    // the base's duplicate: once, on the first scenario that uses it
    expect(en.out.match(/lists "no_power" twice/g)).toHaveLength(1);
    expect(en.out).toContain(`tiny/tests/basic.yaml:${lineOf(text, '[no_power, no_power]')}:`);
    expect(en.out).toContain('1 pack tested, 0 failed; 0 todo; 3 warnings.');
    const zh = await runCli(['test', 'tiny', '--lang', 'zh-CN'], { cwd });
    expect(zh.out).toContain('警告  INSPECTED_AT_MISSING  场景“no inspection time”：未填写检查时间：按检查时间计算的期限条件不会成立');
    expect(zh.out).toContain('提示：在场景中写上 inspectedAt（带时区的日期时间，如 2026-11-28T09:30:00+08:00），或在文件的 base: 中写一次，供所有场景使用');
    expect(zh.out).toContain('警告  DUPLICATE_OPTION  场景“a fault twice”：“报警器故障”（alarm_faults）重复填写了 "no_sound"');
    expect(zh.out).toContain('提示：删去重复的一项：列表中每个选项只写一次');
    const json = JSON.parse((await runCli(['test', 'tiny', '--format', 'json'], { cwd })).out) as { packs: { run: { results: { warnings?: { code: string; pointer: string }[] }[] } }[] };
    expect(json.packs[0]!.run.results.map((r) => (r.warnings ?? []).map((w) => [w.code, w.pointer]))).toEqual([
      [
        ['INSPECTED_AT_MISSING', '/scenarios/0'],
        ['DUPLICATE_OPTION', '/base/findings/alarm_faults/1'],
      ],
      [['DUPLICATE_OPTION', '/scenarios/1/findings/alarm_faults/1']],
    ]);
  });

  it('no INSPECTED_AT_MISSING when the base gives the time, nor in a pack that measures nothing from it', async () => {
    const timed = await runCli(['test', 'tiny'], { cwd: tiny(scenarios.replace('  premises: shop\n', '  premises: shop\n  inspectedAt: "2026-03-01T09:00:00+08:00"\n')) });
    expect(timed.out).not.toContain('INSPECTED_AT_MISSING');
    const cwd = tempDir();
    writeFiles(cwd, {
      'tiny/pack.yaml': MINIMAL_PACK,
      'tiny/tests/basic.yaml': 'pack: tiny\nscenarios:\n  - name: no time\n    premises: shop\n    findings: { alarm_installed: true }\n    expect: { hazards: [] }\n',
    });
    expect((await runCli(['test', 'tiny'], { cwd })).out).not.toMatch(/warning/i);
  });
});
